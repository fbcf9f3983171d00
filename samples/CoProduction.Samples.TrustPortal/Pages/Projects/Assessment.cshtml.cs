using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Projects;

/// <summary>
/// An assessment of a project's involvement against the framework's standards, by several assessors from their own
/// perspectives (staff, patient partner, carer): scores per standard and perspective, the staff/patient gap, and the
/// ladder level reached per phase against the plan. The team or the project lead declares assessors and enters their
/// ratings (a trust's own portal would let each assessor rate for themselves).
/// </summary>
public sealed class AssessmentModel : PortalPage
{
    public Assessment Assessment { get; private set; } = null!;

    public AssessmentResult Result { get; private set; } = null!;

    public ImprovementProject Project { get; private set; } = null!;

    public InvolvementFramework Framework { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public AssessmentId Id { get; set; }

    [BindProperty]
    public ParticipantId? AssessorId { get; set; }

    [BindProperty]
    public AssessorPerspective Perspective { get; set; } = AssessorPerspective.PatientPartner;

    [BindProperty]
    public string? IndicatorId { get; set; }

    [BindProperty]
    public int? Value { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    private AssessmentService Assessments => Get<AssessmentService>();

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssessorAsync()
    {
        if (!await LoadOrNotFoundAsync())
        {
            return NotFound();
        }

        if (AssessorId is null)
        {
            ModelState.AddModelError(nameof(AssessorId), "Choose the assessor");
        }

        return await CommandAsync(() => Assessments.DeclareAssessorAsync(Id, AssessorId!.Value, Perspective, Ct), () => Done("The assessor has been declared."), LoadAsync);
    }

    public async Task<IActionResult> OnPostRateAsync()
    {
        if (!await LoadOrNotFoundAsync())
        {
            return NotFound();
        }

        if (AssessorId is null)
        {
            ModelState.AddModelError(nameof(AssessorId), "Choose the assessor");
        }

        if (Value is null)
        {
            ModelState.AddModelError(nameof(Value), "Choose a rating");
        }

        return await CommandAsync(
            () => Assessments.RateAsync(Id, AssessorId!.Value, IndicatorId ?? string.Empty, Value!.Value, string.IsNullOrWhiteSpace(Comment) ? null : Comment, Ct),
            () => Done("The rating has been recorded."),
            LoadAsync,
            f => f == "comment" ? nameof(Comment) : null);
    }

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        if (!await LoadOrNotFoundAsync())
        {
            return NotFound();
        }

        return await CommandAsync(() => Assessments.CompleteAsync(Id, Ct), () => Done("The assessment is complete: its results are final."), LoadAsync);
    }

    public string IndicatorText(string indicatorId) =>
        Framework.Standards.SelectMany(s => s.Indicators).FirstOrDefault(i => i.Id == indicatorId)?.Text ?? indicatorId;

    public string LevelName(string? levelId) => levelId is null ? "None" : Framework.Levels.FirstOrDefault(l => l.Id == levelId)?.Name ?? levelId;

    public static string Score(double? score) => score?.ToString("0", System.Globalization.CultureInfo.InvariantCulture) ?? "Not rated";

    public static string Gap(PerspectiveGap gap) => gap.Gap switch
    {
        null => "Needs both staff and patients or carers",
        > 0 => $"Staff rate {gap.Gap:0} points higher",
        < 0 => $"Staff rate {-gap.Gap:0} points lower",
        _ => "No gap",
    };

    private IActionResult Done(string confirmation)
    {
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        // AssessmentService scores an assessment but has no find: the store finds it (reading only).
        var assessment = await Get<AssessmentService>().FindAsync(Id, Ct);
        if (assessment?.ProjectId is not { } projectId)
        {
            return false;
        }

        var project = await Get<ImprovementProjectService>().FindAsync(projectId, Ct);
        if (project is null || (!IsTeam && !project.Team.Any(m => m.ParticipantId == Me)))
        {
            return false;
        }

        await LoadNamesAsync();
        Assessment = assessment;
        Project = project;
        Framework = (await Get<InvolvementFrameworkService>().FindAsync(assessment.FrameworkId, Ct))!;
        Result = await Assessments.ScoreAsync(Id, Ct);
        return true;
    }
}
