using CoProduction.Payments;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.My;

/// <summary>One of the partner's own claims: anyone else's answers 404, as if it did not exist.</summary>
public sealed class ClaimModel : PortalPage
{
    public PaymentClaim Claim { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(PaymentClaimId id)
    {
        var claim = await Get<PaymentService>().FindClaimAsync(id, Ct);
        if (claim is null || claim.ParticipantId != Me)
        {
            return NotFound();
        }

        Claim = claim;
        return Page();
    }
}
