using CoProduction.Programmes;
using CoProduction.Programmes.Readiness;
using CoProduction.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Programmes;

/// <summary>
/// The trust's readiness self-assessments (is the infrastructure there to run a programme led by patient trainers?):
/// every item with its rating, notes and who rated it, the gaps, and a form to rate an item or start a new assessment.
/// </summary>
public sealed class ReadinessModel : PortalPage
{
    public IReadOnlyList<ReadinessAssessment> Assessments { get; private set; } = [];

    public ReadinessAssessment? Current { get; private set; }

    [BindProperty(SupportsGet = true)]
    public ReadinessAssessmentId? Id { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    [BindProperty]
    public ReadinessRating? Rating { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    private ProgrammeService Programmes => Get<ProgrammeService>();

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostRateAsync()
    {
        if (Rating is null)
        {
            ModelState.AddModelError(nameof(Rating), "Choose how far it is in place");
        }

        return CommandAsync(
            () => Programmes.RateReadinessItemAsync(Id ?? default, Key ?? string.Empty, Rating!.Value, Notes, Me, Get<Portal.PortalClock>().Today, Ct),
            () => Done(Id, "The rating has been recorded."),
            LoadAsync,
            f => f == "notes" ? nameof(Notes) : null);
    }

    public Task<IActionResult> OnPostStartAsync()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            ModelState.AddModelError(nameof(Title), "Give the assessment a title");
        }

        ReadinessAssessmentId started = default;
        return CommandAsync(
            async () =>
            {
                var programme = (await Get<ProgrammeService>().ListAsync(PageRequest.First(1), Ct)).Items.FirstOrDefault();
                started = (await Programmes.StartReadinessAssessmentAsync(Title!, programme?.Id, ReadinessChecklist.Default, Ct)).Id;
            },
            () => Done(started, "The assessment has been started from the checklist."),
            LoadAsync,
            f => f == "title" ? nameof(Title) : null);
    }

    private IActionResult Done(ReadinessAssessmentId? id, string confirmation)
    {
        Confirmation = confirmation;
        return RedirectToPage(new { Id = id });
    }

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        await LoadNamesAsync();

        // ProgrammeService has no list of readiness assessments: the store's is read (reading only).
        Assessments = await AllAsync(Get<ProgrammeService>().ListReadinessAssessmentsAsync);
        if (Id is { } id)
        {
            Current = await Programmes.FindReadinessAssessmentAsync(id, Ct);
            return Current is not null;
        }

        Current = Assessments.FirstOrDefault();
        Id = Current?.Id;
        return true;
    }
}
