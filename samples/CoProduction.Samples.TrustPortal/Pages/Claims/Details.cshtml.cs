using CoProduction.Payments;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Claims;

/// <summary>A claim, and the participation team's decision on it: approve, reject with a reason, or record its payment.</summary>
public sealed class DetailsModel : PortalPage
{
    public PaymentClaim Claim { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public PaymentClaimId Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? PaymentReference { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync() =>
        CommandAsync(() => Get<PaymentService>().ApproveClaimAsync(Id, Me, Ct), Done, LoadAsync);

    public Task<IActionResult> OnPostRejectAsync()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Say why the claim is rejected");
        }

        return CommandAsync(() => Get<PaymentService>().RejectClaimAsync(Id, Me, Reason!, Ct), Done, LoadAsync);
    }

    public Task<IActionResult> OnPostPayAsync()
    {
        if (string.IsNullOrWhiteSpace(PaymentReference))
        {
            ModelState.AddModelError(nameof(PaymentReference), "Enter the payment reference");
        }

        return CommandAsync(() => Get<PaymentService>().MarkClaimPaidAsync(Id, Me, PaymentReference!, Ct), Done, LoadAsync);
    }

    private IActionResult Done() => RedirectToPage(new { id = Id });

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        await LoadNamesAsync();
        var claim = await Get<IPaymentClaimStore>().FindAsync(Id, Ct);
        if (claim is null)
        {
            return false;
        }

        Claim = claim;
        return true;
    }
}
