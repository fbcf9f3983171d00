using System.Text;
using CoProduction.Involvement;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.Reporting;
using CoProduction.Scoring;
using CoProduction.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Projects;

/// <summary>A project: involvement planned against what happened, each measure's SPC chart, its GRIPP2 report, peer review.</summary>
public sealed class DetailsModel : PortalPage
{
    public ImprovementProject Project { get; private set; } = null!;

    public InvolvementFramework Framework { get; private set; } = null!;

    public IReadOnlyList<(ProjectMeasure Measure, IReadOnlyList<(DateOnly On, double Value)> Points, SpcChart? Chart, string? Svg)> Measures { get; private set; } = [];

    public IReadOnlyList<ReviewSubmission> Submissions { get; private set; } = [];

    public IReadOnlyList<Assessment> Assessments { get; private set; } = [];

    [BindProperty]
    public string? AssessmentTitle { get; set; }

    [BindProperty(SupportsGet = true)]
    public ImprovementProjectId Id { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetGripp2Async()
    {
        if (!await LoadOrNotFoundAsync())
        {
            return NotFound();
        }

        var report = await Get<InvolvementPortfolioService>().BuildGripp2ReportAsync(Id, null, Ct);
        return File(Encoding.UTF8.GetBytes(report.ToMarkdown()), "text/markdown", $"gripp2-{Id}.md");
    }

    public async Task<IActionResult> OnPostAskPanelAsync()
    {
        if (string.IsNullOrWhiteSpace(Summary))
        {
            ModelState.AddModelError(nameof(Summary), "Say what you would like the panel's view on");
        }

        ReviewSubmissionId? drafted = null;
        var panel = (await Get<PanelService>().ListAsync(PageRequest.First(1), Ct)).Items.FirstOrDefault();
        return await CommandAsync(
            async () => drafted = (await Get<ReviewSubmissionService>().DraftAsync(panel?.Id ?? default, Id, Summary!, Ct)).Id,
            () => Redirect($"/PeerReview/Submission/{drafted}"),
            async () => await LoadOrNotFoundAsync());
    }

    public async Task<IActionResult> OnPostOpenAssessmentAsync()
    {
        if (!await LoadOrNotFoundAsync())
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(AssessmentTitle))
        {
            ModelState.AddModelError(nameof(AssessmentTitle), "Give the assessment a title");
        }

        AssessmentId opened = default;
        return await CommandAsync(
            async () => opened = (await Get<AssessmentService>().OpenForProjectAsync(Id, AssessmentTitle!, Ct)).Id,
            () => Redirect($"/Projects/Assessment/{opened}"),
            async () => await LoadOrNotFoundAsync(),
            f => f == "title" ? nameof(AssessmentTitle) : null);
    }

    /// <summary>What a point's type means, as the table beside the chart says it.</summary>
    public static string PointMeaning(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => "Special cause: improvement",
        PointType.SpecialCauseConcern => "Special cause: concern",
        PointType.SpecialCauseNeutralHigh => "Special cause: unusually high",
        PointType.SpecialCauseNeutralLow => "Special cause: unusually low",
        _ => "Common cause",
    };

    public string LevelName(string levelId) => Framework.Levels.FirstOrDefault(l => l.Id == levelId)?.Name ?? levelId;

    private async Task<bool> LoadOrNotFoundAsync()
    {
        var project = await Get<ImprovementProjectService>().FindAsync(Id, Ct);
        if (project is null || (!User.IsInRole(PortalRoles.ParticipationTeam) && !project.Team.Any(m => m.ParticipantId == Me)))
        {
            return false;
        }

        await LoadNamesAsync();
        Project = project;
        Framework = (await Get<InvolvementFrameworkService>().FindAsync(project.FrameworkId, Ct))!;
        var measures = new List<(ProjectMeasure, IReadOnlyList<(DateOnly, double)>, SpcChart?, string?)>();
        foreach (var measure in project.Measures)
        {
            IReadOnlyList<(DateOnly On, double Value)> points = [.. project.MeasureValues.Where(v => v.MeasureId == measure.Id).OrderBy(v => v.On).Select(v => (v.On, v.Value))];
            SpcChart? chart = null;
            string? svg = null;
            if (points.Count >= 2)
            {
                // The limits come from the points before the change was introduced (its baseline), as Making Data Count
                // advises once a change is made: later points are judged against how the process ran before it.
                var before = measure.ChangeIntroducedOn is { } changed ? points.Count(p => p.On < changed) : 0;
                var baseline = before >= 2 && before < points.Count ? before : (int?)null;
                chart = SpcChart.CreateXmR(
                    measure.Name,
                    [.. points.Select(p => p.On.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))],
                    [.. points.Select(p => p.Value)],
                    new SpcOptions { ImprovementDirection = measure.Direction, BaselineLength = baseline },
                    new SpcChartOptions
                    {
                        ValueAxisTitle = measure.Unit,
                        PeriodName = "value",
                        Annotations = baseline is { } at ? [new ChartAnnotation(at, "Change introduced")] : [],
                    });
                svg = chart.ToSvg($"spc-{measure.Id:N}");
            }

            measures.Add((measure, points, chart, svg));
        }

        Measures = measures;
        var submissions = new List<ReviewSubmission>();
        foreach (var id in project.PeerReviewSubmissionIds)
        {
            if (await Get<ReviewSubmissionService>().FindAsync(id, Ct) is { } submission)
            {
                submissions.Add(submission);
            }
        }

        Submissions = submissions;

        // AssessmentService has no list: the store's list for the project is read (reading only).
        Assessments = await Get<AssessmentService>().ListForProjectAsync(Id, Ct);
        return true;
    }
}
