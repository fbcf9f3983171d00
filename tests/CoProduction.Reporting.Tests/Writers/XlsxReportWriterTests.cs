using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoProduction.Reporting.Tests.Writers;

public class XlsxReportWriterTests
{
    internal static SpreadsheetDocument Open(ReportDocument report, out MemoryStream stream)
    {
        stream = new MemoryStream();
        XlsxReportWriter.Write(report, stream);
        stream.Position = 0;
        return SpreadsheetDocument.Open(stream, false);
    }

    internal static List<(string Name, WorksheetPart Part)> Sheets(SpreadsheetDocument doc)
    {
        var workbook = doc.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => (s.Name!.Value!, (WorksheetPart)workbook.GetPartById(s.Id!.Value!))).ToList();
    }

    internal static string? NumberFormat(SpreadsheetDocument doc, Cell cell)
    {
        var styles = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Workbook_has_a_report_sheet_then_a_sheet_per_table_and_chart()
    {
        using var doc = Open(Samples.Report(), out var stream);
        using var _ = stream;
        Sheets(doc).Select(s => s.Name).Should().Equal("Report", "Projects with patient partne", "Projects and their involveme", "Days from submission to pane", "Reviews this year");
        var report = Sheets(doc)[0].Part.Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        report[0].Should().Be("Co-production for improvement: programme report 2025");
        report.Should().Contain(t => t.StartsWith("Chart: Projects with patient partners involved at co-design or above: a p chart", StringComparison.Ordinal));
    }

    [Fact]
    public void Numbers_percentages_and_dates_are_typed_cells_with_formats()
    {
        using var doc = Open(Samples.Report(), out var stream);
        using var _ = stream;
        var rows = Sheets(doc)[2].Part.Worksheet.Descendants<Row>().ToList();
        var first = rows[1].Elements<Cell>().ToList();

        first[0].DataType!.Value.Should().Be(CellValues.InlineString);
        first[0].InnerText.Should().Be("Falls prevention on ward 7");
        first[3].DataType!.Value.Should().Be(CellValues.Number);
        DateTime.FromOADate(double.Parse(first[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(new DateTime(2025, 2, 3));
        NumberFormat(doc, first[3]).Should().Be("d mmm yyyy");
        first[4].CellValue!.Text.Should().Be("3");
        NumberFormat(doc, first[4]).Should().Be("#,##0");
        first[5].CellValue!.Text.Should().Be("0.75");
        NumberFormat(doc, first[5]).Should().Be("0.0%");
        rows[0].Elements<Cell>().Select(c => c.InnerText).Should().Equal("Project", "Patient partner", "Level", "Started", "Partners involved", "Meetings with patients");
        doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).Should().BeEmpty();
    }

    [Fact]
    public void Workbooks_pass_the_Open_XML_schema_validator()
    {
        foreach (var report in new[] { Samples.Report(), Samples.HostileReport() })
        {
            using var doc = Open(report, out var stream);
            using var _ = stream;
            new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        }
    }

    [Fact]
    public void Sample_workbook_is_written_to_the_output_folder()
    {
        // The folder is created here too: the tests run in no fixed order, and on a clean clone no other test may have made it yet.
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "samples")).FullName, "programme-report.xlsx");
        using (var file = File.Create(path))
        {
            XlsxReportWriter.Write(Samples.Report(), file);
        }

        using var doc = SpreadsheetDocument.Open(path, false);
        Sheets(doc).Should().HaveCount(5);
    }
}
