using CoProduction.Partners;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.My;

/// <summary>The published opportunities, and a way for the signed-in person to express interest in one.</summary>
public sealed class OpportunitiesModel : PortalPage
{
    public IReadOnlyList<Opportunity> Opportunities { get; private set; } = [];

    [BindProperty]
    public Guid OpportunityId { get; set; }

    [BindProperty]
    public string? LivedExperience { get; set; }

    [BindProperty]
    public List<Availability> Availability { get; set; } = [];

    [BindProperty]
    public string? Adjustments { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostAsync() => CommandAsync(
        () => Get<RecruitmentService>().ExpressInterestAsync(new OpportunityId(OpportunityId), Me, LivedExperience ?? string.Empty, Availability.Aggregate(CoProduction.Partners.Availability.None, (all, a) => all | a), Adjustments, Ct),
        () => RedirectToPage(new { expressed = true }),
        LoadAsync);

    private async Task LoadAsync() => Opportunities = await Get<RecruitmentService>().ListAsync(OpportunityStatus.Published, Ct);
}
