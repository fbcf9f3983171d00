using System.Globalization;

namespace CoProduction.Samples.QuickStart;

/// <summary>Writes the sample's report as plain text.</summary>
internal sealed class ReportWriter(TextWriter output)
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public void Title(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
        output.WriteLine(new string('=', text.Length));
    }

    public void Section(string text)
    {
        output.WriteLine();
        output.WriteLine(text);
        output.WriteLine(new string('-', text.Length));
    }

    public void Line(string text = "") => output.WriteLine(text);

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))));
            if (index == 0)
            {
                output.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    public static string Money(decimal amount) => amount.ToString("C", Culture);

    public static string Number(decimal value, int decimals = 1) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
}
