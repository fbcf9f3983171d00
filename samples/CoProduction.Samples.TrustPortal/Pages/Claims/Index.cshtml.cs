using CoProduction.Payments;

namespace CoProduction.Samples.TrustPortal.Pages.Claims;

public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<ClaimAgeing> Outstanding { get; private set; } = [];

    public IReadOnlyList<PaymentClaim> Paid { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadNamesAsync();
        Outstanding = await Get<PaymentService>().GetOutstandingClaimsAsync(Ct);
        Paid = await Get<PaymentService>().ListClaimsByStatusAsync(PaymentClaimStatus.Paid, Ct);
    }
}
