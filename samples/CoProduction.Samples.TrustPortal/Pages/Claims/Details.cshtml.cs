using CoProduction.Audit;
using CoProduction.Payments;
using CoProduction.Primitives;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Claims;

/// <summary>
/// A claim, and the participation team's decision on it: approve, reject with a reason, or record its payment. The
/// service takes the person deciding from the request's actor (the signed-in participant), never from the page.
/// </summary>
public sealed class DetailsModel : PortalPage
{
    public PaymentClaim Claim { get; private set; } = null!;

    /// <summary>The claim's audit trail: what happened to it, when, and who did it.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public PaymentClaimId Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? PaymentReference { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync() =>
        CommandAsync(() => Get<PaymentService>().ApproveClaimAsync(Id, Ct), Done, LoadAsync);

    public Task<IActionResult> OnPostRejectAsync()
    {
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Say why the claim is rejected");
        }

        return CommandAsync(() => Get<PaymentService>().RejectClaimAsync(Id, Reason!, Ct), Done, LoadAsync);
    }

    public Task<IActionResult> OnPostPayAsync()
    {
        if (string.IsNullOrWhiteSpace(PaymentReference))
        {
            ModelState.AddModelError(nameof(PaymentReference), "Enter the payment reference");
        }

        return CommandAsync(() => Get<PaymentService>().MarkClaimPaidAsync(Id, PaymentReference!, Ct), Done, LoadAsync);
    }

    /// <summary>Says who made a change: a person by name, or the portal itself.</summary>
    public string Who(Actor actor) => actor.ParticipantId is { } id ? NameOf(id) : "The portal (" + actor.ProcessName + ")";

    /// <summary>Says what happened, in words: <c>PaymentClaimApproved</c> reads "Approved".</summary>
    public static string What(AuditEntry entry)
    {
        var name = entry.What.StartsWith(nameof(PaymentClaim), StringComparison.Ordinal) ? entry.What[nameof(PaymentClaim).Length..] : entry.What;
        return System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant() switch
        {
            var words when words.Length > 0 => char.ToUpperInvariant(words[0]) + words[1..],
            var words => words,
        };
    }

    private IActionResult Done() => RedirectToPage(new { id = Id });

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        await LoadNamesAsync();
        var claim = await Get<PaymentService>().FindClaimAsync(Id, Ct);
        if (claim is null)
        {
            return false;
        }

        Claim = claim;
        History = await Get<AuditTrailService>().ListHistoryAsync(Id, Ct);
        return true;
    }
}
