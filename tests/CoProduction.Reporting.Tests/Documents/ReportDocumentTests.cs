namespace CoProduction.Reporting.Tests.Documents;

public class ReportDocumentTests
{
    [Fact]
    public void Rows_are_checked_against_the_column_types()
    {
        var table = new ReportTable("t", [new ReportColumn("Name"), new ReportColumn("Count", ReportColumnKind.Number), new ReportColumn("On", ReportColumnKind.Date)]);

        table.AddRow("a", 3, new DateOnly(2025, 1, 1)).AddRow(null, 2.5m, null);
        table.Rows.Should().HaveCount(2);
        FluentActions.Invoking(() => table.AddRow("a", 1)).Should().Throw<ArgumentException>().WithMessage("The row has 2 cells but the table \"t\" has 3 columns*");
        FluentActions.Invoking(() => table.AddRow(5, 1, null)).Should().Throw<ArgumentException>().WithMessage("Cell 0 (\"Name\") is a Int32, but the column holds a string*");
        FluentActions.Invoking(() => table.AddRow("a", "1", null)).Should().Throw<ArgumentException>().WithMessage("*holds a number*");
        FluentActions.Invoking(() => table.AddRow("a", 1, new DateTime(2025, 1, 1))).Should().Throw<ArgumentException>().WithMessage("*holds a DateOnly*");
    }

    [Fact]
    public void Non_finite_numbers_become_empty_cells()
    {
        var table = new ReportTable("t", [new ReportColumn("x", ReportColumnKind.Number)]);
        table.AddRow(double.NaN).AddRow(double.PositiveInfinity);
        table.Rows.Should().OnlyContain(r => r[0] == null);
    }

    [Fact]
    public void Bad_construction_is_refused()
    {
        FluentActions.Invoking(() => new ReportDocument(" ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new ReportColumn("x", (ReportColumnKind)9)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ReportColumn("x", ReportColumnKind.Number, 11)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ReportTable("t", [])).Should().Throw<ArgumentException>().WithMessage("A table needs at least one column*");
    }

    [Fact]
    public void Data_tables_put_each_charts_data_where_the_chart_stands()
    {
        var report = Samples.Report();
        var tables = report.DataTables();

        tables.Select(t => t.Caption).Should().Equal(
            "Projects with patient partners involved at co-design or above: chart data",
            "Projects and their involvement",
            "Days from submission to panel feedback: chart data",
            "Reviews this year");
        var chartData = tables[0];
        chartData.Rows.Should().HaveCount(24);
        chartData.Columns[1].Kind.Should().Be(ReportColumnKind.Percent);
        chartData.Rows[^1].Should().Equal("Dec 2025", 20 / 24.0, Samples.Involvement().CentreLines[^1],
            Samples.Involvement().LowerLimits[^1], Samples.Involvement().UpperLimits[^1], "Special cause improvement", "Two of three close to a limit");
    }
}
