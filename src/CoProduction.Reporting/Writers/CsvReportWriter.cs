using System.Globalization;
using System.Text;
using CsvHelper;

namespace CoProduction.Reporting;

/// <summary>
/// Writes report tables as CSV (RFC 4180, through CsvHelper): a header row of the column headers, then a row per table
/// row. Numbers are written as they are (a percentage as its proportion, 0.4 for 40%) in the invariant culture, dates
/// as yyyy-MM-dd, and text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
/// is prefixed with an apostrophe, as OWASP advises against CSV injection.
/// </summary>
public static class CsvReportWriter
{
    /// <summary>Writes one table as CSV.</summary>
    /// <param name="table">The table.</param>
    /// <param name="writer">Where to write; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(ReportTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        // Text is defused here (including full-width prefixes); CsvHelper's own escape would catch any ASCII one left.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        using var csv = CsvWriter.Create(writer, options, true);
        foreach (var column in table.Columns)
        {
            csv.WriteField(TextSafety.DefuseFormula(column.Header));
        }

        csv.EndRecord();
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                switch (row[i])
                {
                    case null:
                        csv.WriteField(string.Empty);
                        break;
                    case string text:
                        csv.WriteField(TextSafety.DefuseFormula(text));
                        break;
                    case DateOnly date:
                        csv.WriteField(date, "yyyy-MM-dd");
                        break;
                    case decimal number:
                        csv.WriteField(number, default);
                        break;
                    case byte or sbyte or short or ushort or int or uint or long or ulong:
                        csv.WriteField(Convert.ToInt64(row[i], CultureInfo.InvariantCulture), default);
                        break;
                    case var number:
                        csv.WriteField(ReportTable.ToDouble(number), default);
                        break;
                }
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>Writes one table as a CSV string.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string ToCsv(ReportTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(table, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes every table of a report, and each chart's data, as its own UTF-8 CSV file in a folder, named from its
    /// position and caption ("01-panel-reviews.csv"), with only letters, digits and hyphens in the name.
    /// </summary>
    /// <param name="document">The report.</param>
    /// <param name="directory">The folder, created if missing; files of the same names are overwritten.</param>
    /// <returns>The paths of the files written, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="directory"/> is null.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static IReadOnlyList<string> WriteFiles(ReportDocument document, string directory)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        var tables = document.DataTables();
        for (var i = 0; i < tables.Count; i++)
        {
            var path = Path.Combine(directory, $"{i + 1:00}-{Slug(tables[i].Caption)}.csv");
            using (var file = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                Write(tables[i], file);
            }

            paths.Add(path);
        }

        return paths;
    }

    internal static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "table" : result;
    }
}
