using CoProduction.Core.Tests.TestSupport;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;

namespace CoProduction.Core.Tests.Programmes.Evaluation;

public sealed class ProgrammeReportTests
{
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void Build_SeveralCohorts_CountsAcrossCohortsPoolsPairsAndSetsCancelledApart()
    {
        var programme = _data.NewProgramme();
        var questionnaire = Questionnaire.Create(_data.OrganisationId, "Confidence", 1, 5, [new LikertItem("confidence", "Confident to co-produce")], _data.Clock);
        var completed = DeliveredCohort(programme, "Cohort 1", new DateOnly(2025, 3, 1));
        var running = DeliveredCohort(programme, "Cohort 2", new DateOnly(2025, 9, 1));
        var cancelled = Cohort.Plan(programme, 1, "Cohort 3", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), _data.Clock);
        cancelled.Cancel("Not enough teams", _data.Clock);

        // Cohort 1: all four present; team 1 submits a plan and presents (complete), team 2 does neither.
        foreach (var person in completed.EnrolledParticipants)
        {
            completed.RecordAttendance(completed.Sessions[0].Id, person, "Present", _data.Clock);
        }

        completed.RecordPlanSubmitted(completed.Teams[0].Id, completed.StartDate.AddDays(10), _data.Clock);
        completed.RecordShowcasePresented(completed.Teams[0].Id, completed.StartDate.AddDays(20), _data.Clock);
        completed.Complete(_data.Clock);

        // Cohort 2 (still running): one person of four present.
        running.RecordAttendance(running.Sessions[0].Id, running.EnrolledParticipants.First(), "Present", _data.Clock);

        // Pairs (before, after): cohort 1 (1, 3) and (2, 3); cohort 2 (3, 5).
        var first = CohortEvaluation.Start(completed, questionnaire, _data.Clock);
        var people1 = completed.EnrolledParticipants.ToList();
        Answer(first, completed, people1[0], 1, 3);
        Answer(first, completed, people1[1], 2, 3);
        var second = CohortEvaluation.Start(running, questionnaire, _data.Clock);
        Answer(second, running, running.EnrolledParticipants.First(), 3, 5);

        var report = ProgrammeReport.Build(programme, [running, cancelled, completed], [first, second]);

        report.Should().BeEquivalentTo(new
        {
            CohortCount = 2,
            CancelledCohorts = 1,
            Teams = 4,
            TeamsCompleted = 1,
            Participants = 8,
            ParticipantsCompleted = 2,
            SessionsDelivered = 2,
            SessionsLedByPatientTrainers = 2,
            AttendanceRate = 0.625m, // (4 x 1 + 1 + 3 x 0) / 8
            TeamCompletionRate = 0.25m,
            ScaleMinimum = 1,
            ScaleMaximum = 5,
        });
        report.Cohorts.Select(c => c.Name).Should().Equal("Cohort 1", "Cohort 2", "Cohort 3");

        // Differences 2, 1, 2: ranks 2.5, 1, 2.5, all positive so V = 6; sigma^2 = 3*4*7/24 - (2^3 - 2)/48 = 3.375;
        // Z = 3 / sqrt(3.375) = 1.63299; r = Z / sqrt(3) = 0.94281; p = 2 * (1 - Phi(2.5 / sqrt(3.375))) = 0.173568.
        // Means 6/3 = 2 and 11/3, so the mean rises by 5/3.
        var change = report.ItemChanges.Should().ContainSingle().Subject;
        change.Pairs.Should().Be(3);
        change.MeanChange.Should().BeApproximately(5.0 / 3.0, 1e-12);
        change.Test!.V.Should().Be(6);
        change.Test.PValue.Should().BeApproximately(0.17356816655592158, 1e-9);
        change.Test.EffectSizeR.Should().BeApproximately(0.9428090415820635, 1e-9);
        report.Headline.Should().Be("2 cohorts, 4 teams, 1 completed; 'Confident to co-produce' rose by 1.67 points on the 1 to 5 scale (3 pairs, Wilcoxon V = 6, p = 0.1736, r = 0.94)");
        report.ToMarkdown().Should().Contain("- Cancelled cohorts (not counted above): 1.")
            .And.Contain("| Cohort 3 | v1 | 2026-01-01 to 2026-03-01 | Cancelled | 0 (0) | 0 (0) | 0% | 0 (0) |");
    }

    [Fact]
    public void Build_NoEvaluation_HeadlineHasOnlyTheCounts()
    {
        var programme = _data.NewProgramme();
        var cohort = DeliveredCohort(programme, "Cohort 1", new DateOnly(2025, 3, 1));

        var report = ProgrammeReport.Build(programme, [cohort], []);

        report.Headline.Should().Be("1 cohort, 2 teams, 0 completed");
        report.ItemChanges.Should().BeEmpty();
        report.ToMarkdown().Should().NotContain("Before and after");
    }

    [Fact]
    public void Build_CohortOfAnotherProgramme_ThrowsNamingCohorts()
    {
        var programme = _data.NewProgramme();
        var other = new ProgrammeTestData().NewCohort();

        var act = () => ProgrammeReport.Build(programme, [other], []);

        act.Should().ThrowInvalidInput("cohorts");
    }

    [Fact]
    public void ToMarkdown_CohortNamesWithMarkdownAndHtml_RenderAsTheSameWordsInOneCellEach()
    {
        var programme = _data.NewProgramme();
        string[] names = ["North | South *pilot*", "<script>alert(1)</script> [x](http://a)", "# _first_\nsecond"];
        var cohorts = names.Select((n, i) => DeliveredCohort(programme, n, new DateOnly(2025, 3 + i, 1))).ToList();

        var html = Markdig.Markdown.ToHtml(ProgrammeReport.Build(programme, cohorts, []).ToMarkdown(), Markdig.MarkdownExtensions.UsePipeTables(new Markdig.MarkdownPipelineBuilder()).Build());
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var rows = document.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr");
        rows.Should().HaveCount(3);
        rows.Should().OnlyContain(r => r.QuerySelectorAll("td").Length == 8, "the header has 8 columns and a name adds none");
        rows.Select(r => r.QuerySelectorAll("td")[0].TextContent).Should().Equal(names.Select(n => n.Replace("\n", " ", StringComparison.Ordinal)));
        document.QuerySelectorAll("script, em, strong, a, h1 em").Should().BeEmpty("typed text is never markup");
    }

    private Cohort DeliveredCohort(Programme programme, string name, DateOnly start)
    {
        var cohort = Cohort.Plan(programme, 1, name, start, start.AddMonths(3), _data.Clock);
        var startsAt = new DateTimeOffset(start.AddDays(2).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var sessionId = cohort.ScheduleSession(programme, "M1", startsAt, null, _data.PatientLed(), _data.Clock);
        cohort.OpenRecruitment(_data.Clock);
        cohort.EnrolTeam(ProgrammeTestData.Team("Team 1", ProgrammeTestData.Patient(), ProgrammeTestData.Staff()), _data.Clock);
        cohort.EnrolTeam(ProgrammeTestData.Team("Team 2", ProgrammeTestData.Patient(), ProgrammeTestData.Staff()), _data.Clock);
        cohort.Start(_data.Clock);
        _data.SetNow(startsAt.AddHours(4));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);
        return cohort;
    }

    private void Answer(CohortEvaluation evaluation, Cohort cohort, CoProduction.People.ParticipantId person, int before, int after)
    {
        evaluation.RecordResponse(cohort, person, ResponseTiming.Before, cohort.StartDate, [new("confidence", before)], _data.Clock);
        evaluation.RecordResponse(cohort, person, ResponseTiming.After, cohort.EndDate, [new("confidence", after)], _data.Clock);
    }
}
