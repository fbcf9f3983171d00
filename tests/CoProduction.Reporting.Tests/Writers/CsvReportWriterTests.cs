using CsvHelper;

namespace CoProduction.Reporting.Tests.Writers;

public class CsvReportWriterTests
{
    internal static List<string[]> Parse(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions { Separator = ',', HasHeader = false }, false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }

    [Fact]
    public void Writes_a_header_and_raw_numbers_dates_and_proportions()
    {
        var table = Samples.Report().Sections[0].Blocks.OfType<ReportTable>().Single();
        var rows = Parse(CsvReportWriter.ToCsv(table));

        rows[0].Should().Equal("Project", "Patient partner", "Level", "Started", "Partners involved", "Meetings with patients");
        rows[1].Should().Equal("Falls prevention on ward 7", "Patient partner A", "Co-design", "2025-02-03", "3", "0.75");
        rows[3].Should().Equal("Sepsis screening in ED", "Carer partner C", "Co-production", "2024-11-04", "4", "0.9167");
        rows.Should().HaveCount(4);
    }

    [Fact]
    public void Negative_numbers_stay_numbers_while_formula_like_text_is_defused()
    {
        var table = new ReportTable("t", [new ReportColumn("Text"), new ReportColumn("Value", ReportColumnKind.Number)]);
        table.AddRow("-1", -1).AddRow("=1+1", -0.05m).AddRow("@x", 2);
        var rows = Parse(CsvReportWriter.ToCsv(table));

        rows.Skip(1).Select(r => r[0]).Should().Equal("'-1", "'=1+1", "'@x");
        rows.Skip(1).Select(r => r[1]).Should().Equal("-1", "-0.05", "2");
    }

    [Fact]
    public void Writes_one_file_per_table_and_chart_with_safe_names()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "csv");
        var paths = CsvReportWriter.WriteFiles(Samples.Report(), folder);

        paths.Select(Path.GetFileName).Should().Equal(
            "01-projects-with-patient-partners-involved-at-co-design-or-abov.csv",
            "02-projects-and-their-involvement.csv",
            "03-days-from-submission-to-panel-feedback-chart-data.csv",
            "04-reviews-this-year.csv");
        Parse(File.ReadAllText(paths[2])).Should().HaveCount(31);
    }
}
