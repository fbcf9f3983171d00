using System.Globalization;

namespace CoProduction.Reporting;

/// <summary>
/// Writes a report as one self-contained HTML page: styles inline, charts inlined as SVG with their alt text as a
/// caption and their data in a collapsible table, no scripts (a Content-Security-Policy forbids them too). All text is
/// HTML-escaped; line breaks in text are kept. Text columns are left-aligned and numbers right-aligned.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body { font-family: Arial, Helvetica, sans-serif; color: #231F20; margin: 0; background: #F0F4F5; }
        main { max-width: 960px; margin: 0 auto; padding: 24px; background: #FFFFFF; }
        h1 { font-size: 28px; margin: 0 0 16px; }
        h2 { font-size: 22px; margin: 32px 0 12px; border-bottom: 1px solid #D8DDE0; padding-bottom: 4px; }
        p, td, th, figcaption { white-space: pre-line; line-height: 1.5; }
        table { border-collapse: collapse; margin: 12px 0 20px; min-width: 50%; }
        caption { text-align: left; font-weight: bold; padding: 4px 0 8px; }
        th, td { border-bottom: 1px solid #D8DDE0; padding: 6px 12px 6px 0; vertical-align: top; }
        th { border-bottom-width: 2px; }
        .text { text-align: left; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 16px 0 24px; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { color: #425563; font-size: 14px; }
        details { margin: 8px 0 0; }
        """;

    /// <summary>Writes the report as an HTML page.</summary>
    /// <param name="document">The report.</param>
    /// <param name="writer">Where to write; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="writer"/> is null.</exception>
    public static void Write(ReportDocument document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en-GB\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        writer.WriteLine($"<title>{TextSafety.Html(document.Title)}</title>");
        writer.WriteLine($"<style>{Style}</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        writer.WriteLine("<main>");
        writer.WriteLine($"<h1>{TextSafety.Html(document.Title)}</h1>");
        var charts = 0;
        for (var s = 0; s < document.Sections.Count; s++)
        {
            var section = document.Sections[s];
            writer.WriteLine($"<section aria-labelledby=\"section-{s + 1}\">");
            writer.WriteLine($"<h2 id=\"section-{s + 1}\">{TextSafety.Html(section.Heading)}</h2>");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ReportParagraph paragraph:
                        writer.WriteLine($"<p>{TextSafety.Html(paragraph.Text)}</p>");
                        break;
                    case ReportTable table:
                        WriteTable(table, writer);
                        break;
                    case ReportChart chart:
                        charts++;
                        writer.WriteLine("<figure class=\"chart\">");
                        SpcChartSvg.Write(chart.Chart, writer, $"chart-{charts}");
                        writer.WriteLine();
                        writer.WriteLine($"<figcaption>{TextSafety.Html(chart.Chart.Description)}</figcaption>");
                        writer.WriteLine("<details><summary>Chart data</summary>");
                        WriteTable(ReportTable.FromChart(chart.Chart), writer);
                        writer.WriteLine("</details>");
                        writer.WriteLine("</figure>");
                        break;
                }
            }

            writer.WriteLine("</section>");
        }

        writer.WriteLine("</main>");
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    /// <summary>Writes the report as an HTML string.</summary>
    /// <param name="document">The report.</param>
    /// <returns>The HTML page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public static string ToHtml(ReportDocument document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(document, writer);
        return writer.ToString();
    }

    internal static string FormatCell(object? value, ReportColumn column)
    {
        var zeros = column.Decimals == 0 ? string.Empty : "." + new string('0', column.Decimals);
        return value switch
        {
            null => string.Empty,
            string text => text,
            DateOnly date => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            _ when column.Kind == ReportColumnKind.Percent => (ReportTable.ToDouble(value) * 100).ToString("0" + zeros, CultureInfo.InvariantCulture) + "%",
            decimal number => number.ToString("#,0" + zeros, CultureInfo.InvariantCulture),
            _ => ReportTable.ToDouble(value).ToString("#,0" + zeros, CultureInfo.InvariantCulture),
        };
    }

    private static void WriteTable(ReportTable table, TextWriter writer)
    {
        writer.WriteLine("<table>");
        writer.WriteLine($"<caption>{TextSafety.Html(table.Caption)}</caption>");
        writer.Write("<thead><tr>");
        foreach (var column in table.Columns)
        {
            writer.Write($"<th scope=\"col\" class=\"{Align(column)}\">{TextSafety.Html(column.Header)}</th>");
        }

        writer.WriteLine("</tr></thead>");
        writer.WriteLine("<tbody>");
        foreach (var row in table.Rows)
        {
            writer.Write("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                writer.Write($"<td class=\"{Align(table.Columns[i])}\">{TextSafety.Html(FormatCell(row[i], table.Columns[i]))}</td>");
            }

            writer.WriteLine("</tr>");
        }

        writer.WriteLine("</tbody>");
        writer.WriteLine("</table>");
    }

    private static string Align(ReportColumn column) => column.IsNumeric ? "num" : "text";
}
