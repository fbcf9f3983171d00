using CoProduction.Involvement.Projects;
using CoProduction.Involvement.Reporting;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;

namespace CoProduction.Reporting.Tests;

public sealed class ReportDocumentsTests
{
    [Fact]
    public void FromProgrammeReport_GivesACohortTableWithNumbersAsNumbers_AndHostileNamesAsText()
    {
        string[] names = ["North | South *pilot*", "=cmd|' /C calc'!A0", "<script>alert(1)</script>"];
        var cohorts = names.Select((n, i) => new CohortReportLine(CohortId.New(), n, CohortStatus.Completed, 1, new DateOnly(2025, 4 + i, 1), new DateOnly(2025, 7 + i, 1), 7, 5, 0, 21, 13, 4, 4, 0.82m)).ToList();
        var report = new ProgrammeReport(ProgrammeId.New(), "Co-Production for Improvement", 3, 0, 21, 15, 0, 63, 39, 12, 12, 0.82m, cohorts, null, null, []);

        var document = ReportDocuments.FromProgrammeReport(report);
        var table = document.DataTables().Single();
        var html = HtmlReportWriter.ToHtml(document);
        var csv = CsvReportWriter.ToCsv(table);

        table.Rows.Should().HaveCount(3);
        table.Rows.Select(r => r[0]).Should().Equal(names);
        table.Rows.Should().OnlyContain(r => r[9] is decimal && (decimal)r[9]! == 0.82m && r[2] is DateOnly);
        html.Should().NotContain("<script>alert").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        csv.Should().Contain("'=cmd|", "a formula prefix is defused in the spreadsheet export");
    }

    [Fact]
    public void FromPanelEvaluation_ForPublication_NamesNoMember_ButTheInternalReportListsEach()
    {
        var member = ParticipantId.New();
        var evaluation = new PanelEvaluation(PanelId.New(), new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), 4, 44, 38, 8, 8, 5, 2, 1, 3, 0.88, 0.38, 4, 4.5, [new ReviewerWorkload(member, 4, 2, 4, 4)], 4, 4, 4, 0, 4, 3, 0.7);

        var published = HtmlReportWriter.ToHtml(ReportDocuments.FromPanelEvaluation(evaluation, ReportAudience.Publication));
        var internalReport = HtmlReportWriter.ToHtml(ReportDocuments.FromPanelEvaluation(evaluation, ReportAudience.Internal));

        published.Should().NotContain(member.ToString()).And.Contain("left out of this published report");
        internalReport.Should().Contain(member.ToString());
        published.Should().Contain("Rounds with feedback");
    }

    [Fact]
    public void FromGripp2_GivesASectionPerItemWithItsSummaryAndPoints()
    {
        Gripp2Item Item(int n) => new(n, $"Heading {n}", $"Summary {n}", [$"Point {n}a", $"Point {n}b"]);
        var report = new Gripp2Report(ImprovementProjectId.New(), "Medicines at discharge", new DateOnly(2027, 3, 9), Item(1), Item(2), Item(3), Item(4), Item(5));

        var document = ReportDocuments.FromGripp2(report);

        document.Title.Should().Be("GRIPP2 short form: Medicines at discharge");
        document.Sections.Select(s => s.Heading).Should().Equal("About this report", "1. Heading 1", "2. Heading 2", "3. Heading 3", "4. Heading 4", "5. Heading 5");
        document.Sections[3].Blocks.OfType<ReportParagraph>().Select(p => p.Text).Should().Equal("Summary 3", "Point 3a", "Point 3b");
    }
}
