using CoProduction.Programmes.Pathways;
using CoProduction.Samples.TrustPortal.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CoProduction.Samples.TrustPortal.Pages.Programmes;

/// <summary>
/// One patient partner's pathway: their stage and sign-offs, the evidence recorded, what is missing before the next
/// step, and the support plan. The participation team records evidence, agrees the plan and signs off a step (as
/// themselves, today).
/// </summary>
public sealed class PathwayModel : PortalPage
{
    public PatientTrainerPathway Pathway { get; private set; } = null!;

    public IReadOnlyList<string> Missing { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public PatientTrainerPathwayId Id { get; set; }

    [BindProperty]
    public EvidenceKind Kind { get; set; } = EvidenceKind.SessionObserved;

    [BindProperty]
    public DateOnly? On { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Debriefs { get; set; }

    [BindProperty]
    public string? Payment { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    private PatientTrainerPathwayService Pathways => Get<PatientTrainerPathwayService>();

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostEvidenceAsync()
    {
        if (On is null)
        {
            ModelState.AddModelError(nameof(On), "Enter the date it took place");
        }

        return CommandAsync(() => Pathways.RecordEvidenceAsync(Id, Kind, On!.Value, Note, Ct), () => Done("The evidence has been recorded."), LoadAsync, f => f == "note" ? nameof(Note) : null);
    }

    public Task<IActionResult> OnPostSupportPlanAsync()
    {
        if (string.IsNullOrWhiteSpace(Debriefs))
        {
            ModelState.AddModelError(nameof(Debriefs), "Say how debriefs will happen");
        }

        if (string.IsNullOrWhiteSpace(Payment))
        {
            ModelState.AddModelError(nameof(Payment), "Say how they will be paid");
        }

        return CommandAsync(
            () => Pathways.AgreeSupportPlanAsync(Id, new SupportPlan(Debriefs!, null, Payment!, null), Ct),
            () => Done("The support plan has been agreed."),
            LoadAsync);
    }

    public Task<IActionResult> OnPostSignOffAsync()
    {
        PathwayStage stage = default;
        return CommandAsync(
            async () => stage = await Pathways.ProgressAsync(Id, Me, Get<PortalClock>().Today, Ct),
            () => Done($"Signed off: they are now a {Words(stage).ToLowerInvariant()}."),
            LoadAsync);
    }

    private IActionResult Done(string confirmation)
    {
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        // PatientTrainerPathwayService finds a pathway by participant only: the store finds it by id (reading only).
        var pathway = await Get<PatientTrainerPathwayService>().FindAsync(Id, Ct);
        if (pathway is null)
        {
            return false;
        }

        await LoadNamesAsync();
        Pathway = pathway;
        Missing = pathway.MissingEvidence(Get<IOptions<CoProductionOptions>>().Value.Programmes.PatientTrainerPathway);
        return true;
    }
}
