using CoProduction.Partners;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Partners;

/// <summary>The participation team's opportunities: listed by status, drafted, published and closed.</summary>
public sealed class OpportunitiesModel : PortalPage
{
    public IReadOnlyList<Opportunity> Opportunities { get; private set; } = [];

    [BindProperty]
    public DraftForm Draft { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostDraftAsync() => CommandAsync(
        () => Get<RecruitmentService>().DraftAsync(
            new RoleDescription(Draft.Title ?? string.Empty, Draft.WhatTheRoleDoes ?? string.Empty, Draft.TimeCommitment ?? string.Empty, Draft.PaymentPolicy ?? string.Empty, Draft.Location ?? string.Empty, Draft.IsOnline, Draft.Accessibility ?? string.Empty),
            Draft.ClosingDate ?? default,
            [new(OnboardingCheckKind.InvolvementAgreement), new(OnboardingCheckKind.Induction)],
            Draft.FixedTermMonths,
            [.. (Draft.LivedExperienceSought ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Draft.Availability.Aggregate(Availability.None, (all, a) => all | a),
            Ct),
        () => RedirectToPage(new { drafted = true }),
        LoadAsync);

    public Task<IActionResult> OnPostPublishAsync(Guid id) => CommandAsync(
        () => Get<RecruitmentService>().PublishAsync(new OpportunityId(id), Ct),
        () => RedirectToPage(new { published = true }),
        LoadAsync);

    public Task<IActionResult> OnPostCloseAsync(Guid id) => CommandAsync(
        () => Get<RecruitmentService>().CloseAsync(new OpportunityId(id), Ct),
        () => RedirectToPage(new { closed = true }),
        LoadAsync);

    private async Task LoadAsync() => Opportunities = await Get<RecruitmentService>().ListAsync(null, Ct);

    public sealed class DraftForm
    {
        public string? Title { get; set; }

        public string? WhatTheRoleDoes { get; set; }

        public string? TimeCommitment { get; set; }

        public string? PaymentPolicy { get; set; }

        public string? Location { get; set; }

        public bool IsOnline { get; set; }

        public string? Accessibility { get; set; }

        public DateOnly? ClosingDate { get; set; }

        public int? FixedTermMonths { get; set; }

        public string? LivedExperienceSought { get; set; }

        public List<Availability> Availability { get; set; } = [];
    }
}
