using System.ComponentModel.DataAnnotations;
using System.Text;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Programmes.Pathways;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.My;

/// <summary>A patient partner's own involvement: log time, claim for it, see claims, download their data.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<InvolvementActivity> Activities { get; private set; } = [];

    public IReadOnlyList<PaymentClaim> Claims { get; private set; } = [];

    public IReadOnlyList<InvolvementActivity> Unclaimed { get; private set; } = [];

    /// <summary>Gets the partner's own patient-trainer pathway, if they are on it.</summary>
    public PatientTrainerPathway? Pathway { get; private set; }

    /// <summary>Gets what the partner still needs before the next step of the pathway.</summary>
    public IReadOnlyList<string> PathwayMissing { get; private set; } = [];

    [BindProperty(Name = "LogTime")]
    public LogTimeInput LogTime { get; set; } = new();

    [BindProperty(Name = "Claim")]
    public ClaimInput Claim { get; set; } = new();

    public async Task OnGetAsync()
    {
        LogTime.Date = DateOnly.FromDateTime(Get<TimeProvider>().GetUtcNow().UtcDateTime);
        await LoadAsync();
    }

    public Task<IActionResult> OnPostLogTimeAsync()
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Claim.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        return CommandAsync(
            () => Get<PaymentService>().RecordActivityAsync(Me, LogTime.Kind, LogTime.Date!.Value, TimeSpan.FromHours(LogTime.Hours!.Value), "Partner", LogTime.Description!, null, Ct),
            () => RedirectToPage(new { logged = true }),
            LoadAsync,
            field => field switch { "description" => "LogTime.Description", "duration" => "LogTime.Hours", "date" => "LogTime.Date", _ => null });
    }

    public Task<IActionResult> OnPostClaimAsync()
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("LogTime.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (Claim.ActivityIds.Count == 0)
        {
            ModelState.AddModelError("Claim.ActivityIds", "Choose at least one activity to claim for");
        }

        List<Expense> expenses = Claim.TravelCost is > 0 ? [new Expense(ExpenseKind.Travel, Claim.TravelCost.Value, Claim.ReceiptProvided, "Travel")] : [];
        return CommandAsync(
            () => Get<PaymentService>().SubmitClaimAsync(Me, [.. Claim.ActivityIds], expenses, Ct),
            () => RedirectToPage(new { claimed = true }),
            LoadAsync,
            field => field.StartsWith("expenses", StringComparison.Ordinal) ? "Claim.TravelCost" : null);
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var export = await Get<ParticipantService>().ExportAsync(Me, Ct);
        return File(Encoding.UTF8.GetBytes(export.ToJson()), "application/json", "my-data.json");
    }

    private async Task LoadAsync()
    {
        Activities = await Get<PaymentService>().ListActivitiesForParticipantAsync(Me, Ct);
        Claims = await Get<PaymentService>().ListClaimsForParticipantAsync(Me, Ct);
        var claimed = Claims.Where(c => c.Status != PaymentClaimStatus.Rejected).SelectMany(c => c.Lines).Select(l => l.ActivityId).ToHashSet();
        Unclaimed = [.. Activities.Where(a => !a.IsCancelled && !claimed.Contains(a.Id))];
        Pathway = await Get<PatientTrainerPathwayService>().FindByParticipantAsync(Me, Ct);
        PathwayMissing = Pathway?.MissingEvidence(Get<Microsoft.Extensions.Options.IOptions<CoProductionOptions>>().Value.Programmes.PatientTrainerPathway) ?? [];
    }

    public sealed class LogTimeInput
    {
        [Display(Name = "What kind of involvement was it?")]
        public InvolvementActivityKind Kind { get; set; } = InvolvementActivityKind.ProjectMeeting;

        [Required(ErrorMessage = "Enter the date it took place")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter how many hours it took")]
        [Range(0.25, 12, ErrorMessage = "Hours must be between 0.25 and 12")]
        public double? Hours { get; set; }

        [Required(ErrorMessage = "Describe what you did")]
        public string? Description { get; set; }
    }

    public sealed class ClaimInput
    {
        public List<InvolvementActivityId> ActivityIds { get; set; } = [];

        [Range(0, 500, ErrorMessage = "Travel must be between £0 and £500")]
        public decimal? TravelCost { get; set; }

        public bool ReceiptProvided { get; set; }
    }
}
