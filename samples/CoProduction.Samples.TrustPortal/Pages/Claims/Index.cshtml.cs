using CoProduction.Payments;

namespace CoProduction.Samples.TrustPortal.Pages.Claims;

public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<ClaimAgeing> Outstanding { get; private set; } = [];

    public IReadOnlyList<PaymentClaim> Paid { get; private set; } = [];

    /// <summary>Gets the outstanding claims counted by how long they have waited, with the payment target.</summary>
    public ClaimAgeingReport Ageing { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await LoadNamesAsync();
        Outstanding = await Get<PaymentService>().GetOutstandingClaimsAsync(Ct);
        Ageing = await Get<PaymentService>().GetClaimAgeingReportAsync(Ct);
        Paid = await Get<PaymentService>().ListClaimsByStatusAsync(PaymentClaimStatus.Paid, Ct);
    }
}
