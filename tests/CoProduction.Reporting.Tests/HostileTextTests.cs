using AngleSharp.Html.Parser;
using CoProduction.Reporting.Tests.Writers;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoProduction.Reporting.Tests;

/// <summary>Every writer fed pipes, asterisks, HTML, quotes, line breaks and formula prefixes: the structure of the output holds.</summary>
public class HostileTextTests
{
    private static readonly char[] SheetNameForbidden = [':', '\\', '/', '?', '*', '[', ']'];

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\uFF1D'];

    // What OWASP's CSV guidance asks for, written out independently of the library: a leading apostrophe.
    private static string Defused(string text) => FormulaStarts.Contains(text[0]) ? "'" + text : text;

    // HTML parsers and XML readers turn a lone CR into LF (HTML: input stream preprocessing; XML: end-of-line handling).
    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [Fact]
    public void Csv_parsed_back_gives_the_same_cells_with_formulas_defused()
    {
        var tables = Samples.HostileReport().DataTables();
        var table = CsvReportWriterTests.Parse(CsvReportWriter.ToCsv(tables[0]));

        table.Should().HaveCount(Samples.Hostile.Length + 1);
        table.Should().OnlyContain(row => row.Length == 4, "no pipe, quote or line break splits or joins a cell");
        table[0].Should().Equal(Defused(Samples.Hostile[4]), "Count", Samples.Hostile[2], "Date");
        for (var i = 0; i < Samples.Hostile.Length; i++)
        {
            table[i + 1].Should().Equal(Defused(Samples.Hostile[i]), (i - 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (i / 10.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        table.Skip(1).Select(r => r[0]).Should().Contain("'=cmd|' /C calc'!A0").And.Contain("<script>alert('x')</script>").And.Contain("Line one\nLine two");

        var chartData = CsvReportWriterTests.Parse(CsvReportWriter.ToCsv(tables[1]));
        chartData.Skip(1).Select(r => r[0]).Should().Equal(Samples.Hostile.Select(Defused));
    }

    [Fact]
    public void Xlsx_read_back_has_string_cells_and_no_formulas()
    {
        using var doc = XlsxReportWriterTests.Open(Samples.HostileReport(), out var stream);
        using var _ = stream;
        var sheets = XlsxReportWriterTests.Sheets(doc);

        sheets.Should().HaveCount(3);
        sheets.Should().OnlyContain(s => s.Name.Length <= 31 && s.Name.IndexOfAny(SheetNameForbidden) < 0 && !s.Name.StartsWith('\''));
        doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).Should().BeEmpty();

        var styles = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var rows = sheets[1].Part.Worksheet.Descendants<Row>().ToList();
        rows.Should().HaveCount(Samples.Hostile.Length + 1);
        for (var i = 0; i < Samples.Hostile.Length; i++)
        {
            var cells = rows[i + 1].Elements<Cell>().ToList();
            cells.Should().HaveCount(4);
            cells[0].DataType!.Value.Should().Be(CellValues.InlineString);
            Lf(cells[0].InlineString!.InnerText).Should().Be(Lf(Samples.Hostile[i]));
            var quotePrefix = styles[(int)cells[0].StyleIndex!.Value].QuotePrefix?.Value ?? false;
            quotePrefix.Should().Be(FormulaStarts.Contains(Samples.Hostile[i][0]), $"\"{Samples.Hostile[i]}\" is kept as text if edited");
            cells[1].DataType!.Value.Should().Be(CellValues.Number);
            cells[1].CellValue!.Text.Should().Be((i - 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var report = sheets[0].Part.Worksheet.Descendants<Cell>().ToList();
        report.Should().OnlyContain(c => c.DataType! == CellValues.InlineString);
        report.Select(c => Lf(c.InnerText)).Should().Contain(Samples.Hostile.Select(Lf));
    }

    [Fact]
    public void Html_parsed_has_no_script_and_every_text_intact()
    {
        var report = Samples.HostileReport();
        var html = HtmlReportWriter.ToHtml(report);
        Samples.WriteOutput("hostile-report.html", html);
        var doc = new HtmlParser().ParseDocument(html);

        doc.QuerySelectorAll("script").Should().BeEmpty();
        doc.All.Should().NotContain(e => e.LocalName == "script" || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        doc.Title.Should().Be(report.Title);
        doc.QuerySelector("h1")!.TextContent.Should().Be(report.Title);
        doc.QuerySelector("h2")!.TextContent.Should().Be(Samples.Hostile[4]);
        doc.QuerySelectorAll("section > p").Select(p => p.TextContent).Should().Equal(Samples.Hostile.Select(Lf));

        var table = doc.QuerySelectorAll("section > table").Single();
        table.QuerySelector("caption")!.TextContent.Should().Be(Samples.Hostile[0] + Samples.Hostile[1]);
        table.QuerySelectorAll("thead th").Select(th => th.TextContent).Should().Equal(Samples.Hostile[4], "Count", Samples.Hostile[2], "Date");
        var rows = table.QuerySelectorAll("tbody tr");
        rows.Should().HaveCount(Samples.Hostile.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].QuerySelectorAll("td");
            cells.Should().HaveCount(4);
            cells[0].TextContent.Should().Be(Lf(Samples.Hostile[i]), "HTML has no formulas, so the text is shown as given");
        }

        var svg = doc.QuerySelector("figure svg")!;
        svg.QuerySelector("title")!.TextContent.Should().Be(Samples.Hostile[1]);
        svg.QuerySelectorAll("text.x-label").Select(t => t.TextContent).Should().Equal(Samples.Hostile.Select(Lf));
        svg.QuerySelector("text.annotation-text")!.TextContent.Should().Be(Samples.Hostile[4]);
        doc.QuerySelector("figcaption")!.TextContent.Should().StartWith(Samples.Hostile[1] + ": an XmR chart");
    }
}
