using System.Globalization;
using System.Text.RegularExpressions;
using CoProduction.Reporting;

namespace CoProduction.Samples.QuickStart;

/// <summary>
/// Writes the sample's report twice: a short summary on the console (the headline of each part, in sentences), and the
/// full report, with every table and chart, as a document written at the end to HTML, XLSX and CSV files.
/// </summary>
internal sealed partial class ReportWriter(TextWriter output)
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    private ReportSection? _section;

    public ReportDocument Document { get; private set; } = new("Report");

    public int ConsoleLines { get; private set; }

    public void Title(string text)
    {
        Document = new ReportDocument(text);
        Write(string.Empty);
        Write(text);
        Write(new string('=', text.Length));
    }

    /// <summary>Starts a part of the report, on the console and in the document.</summary>
    public void Section(string text)
    {
        _section = Document.AddSection(text);
        Write(string.Empty);
        Write(text);
        Write(new string('-', text.Length));
    }

    /// <summary>A headline: on the console and in the document.</summary>
    public void Key(string text)
    {
        Current.AddParagraph(text);
        Write(text);
    }

    /// <summary>A detail: in the document only.</summary>
    public void Line(string text = "")
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Current.AddParagraph(text.Trim());
        }
    }

    /// <summary>A table: in the document only (numbers right-aligned, and as numbers in the spreadsheet).</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        var all = rows.ToList();
        var numeric = headers.Select((_, i) => all.Count > 0 && all.All(r => ParseNumber(r[i]) is not null)).ToArray();
        var money = headers.Select((_, i) => numeric[i] && all.Any(r => r[i].Contains('£', StringComparison.Ordinal))).ToArray();
        var table = Current.AddTable(caption ?? headers[0], [.. headers.Select((h, i) => new ReportColumn(money[i] ? h + " (£)" : h, numeric[i] ? ReportColumnKind.Number : ReportColumnKind.Text, numeric[i] ? Decimals(all, i) : 0))]);
        foreach (var row in all)
        {
            table.AddRow([.. row.Select((cell, i) => numeric[i] ? (object?)ParseNumber(cell) : cell)]);
        }
    }

    /// <summary>A chart: in the document only.</summary>
    public void Chart(SpcChart chart) => Current.AddChart(chart);

    /// <summary>Writes the document as HTML, XLSX and one CSV per table into a folder, and names it on the console.</summary>
    public string WriteFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.html"), HtmlReportWriter.ToHtml(Document));
        using (var xlsx = File.Create(Path.Combine(folder, "report.xlsx")))
        {
            XlsxReportWriter.Write(Document, xlsx);
        }

        CsvReportWriter.WriteFiles(Document, Path.Combine(folder, "csv"));
        foreach (var (chart, index) in Document.Sections.SelectMany(s => s.Blocks).OfType<ReportChart>().Select((c, i) => (c, i + 1)))
        {
            File.WriteAllText(Path.Combine(folder, $"chart-{index}.svg"), chart.Chart.ToSvg());
        }

        return Path.GetFullPath(folder);
    }

    public void Write(string text)
    {
        output.WriteLine(text);
        ConsoleLines++;
    }

    public static string Money(decimal amount) => amount.ToString("C", Culture);

    public static string Number(decimal value, int decimals = 1) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>An enum's value in words: <c>PatientPartner</c> reads "patient partner", <c>MetOrExceeded</c> "met or exceeded".</summary>
    public static string Words(Enum value) => Words(value.ToString());

    /// <summary>A PascalCase name in words, such as a rule's name.</summary>
    public static string Words(string name) => PascalBoundary().Replace(name, " ").ToLowerInvariant();

    /// <summary>The same, with a capital first letter, for the start of a cell or sentence.</summary>
    public static string Capitalised(Enum value)
    {
        var words = Words(value);
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private ReportSection Current => _section ??= Document.AddSection("Introduction");

    private static decimal? ParseNumber(string cell)
    {
        var text = cell.Replace("£", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static int Decimals(List<IReadOnlyList<string>> rows, int column) =>
        rows.Max(r => r[column].Contains('.', StringComparison.Ordinal) ? r[column].Length - r[column].IndexOf('.', StringComparison.Ordinal) - 1 : 0);

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex PascalBoundary();
}
