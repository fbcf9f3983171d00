using CoProduction.Payments;
using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.People;

/// <summary>One person's record: roles, accessibility needs, and consent given or withdrawn per purpose.</summary>
public sealed class DetailsModel : PortalPage
{
    public Participant Person { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    /// <summary>Gets how they are paid and the benefits advice offer, if anything is recorded.</summary>
    public PaymentProfile? PaymentProfile { get; private set; }

    /// <summary>Gets the fees in a tax year past which the trust wants a warning, if it set one.</summary>
    public decimal? TaxYearWarningThreshold { get; private set; }

    /// <summary>Gets their fees and expenses per UK tax year.</summary>
    public IReadOnlyList<TaxYearTotal> TaxYears { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public ParticipantId Id { get; set; }

    [BindProperty]
    public ConsentPurpose Purpose { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostGiveAsync() =>
        CommandAsync(() => Get<ParticipantService>().GiveConsentAsync(Id, Purpose, Ct), () => RedirectToPage(new { Id }), LoadAsync);

    public Task<IActionResult> OnPostWithdrawAsync() =>
        CommandAsync(() => Get<ParticipantService>().WithdrawConsentAsync(Id, Purpose, Ct), () => RedirectToPage(new { Id }), LoadAsync);

    /// <summary>Everything held about the person, from every area, for a subject access request.</summary>
    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (!await LoadOrNotFoundAsync())
        {
            return NotFound();
        }

        var export = await Get<ParticipantService>().ExportAsync(Id, Ct);
        return File(System.Text.Encoding.UTF8.GetBytes(export.ToJson()), "application/json", $"subject-access-{Id}.json");
    }

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        Now = Get<TimeProvider>().GetUtcNow();
        var person = await Get<ParticipantService>().FindAsync(Id, Ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        await LoadNamesAsync();
        PaymentProfile = await Get<PaymentService>().FindPaymentProfileAsync(Id, Ct);
        TaxYearWarningThreshold = Get<Microsoft.Extensions.Options.IOptions<CoProductionOptions>>().Value.Payments.TaxYearWarningThreshold;
        TaxYears = await Get<PaymentService>().GetTaxYearTotalsAsync(Id, Ct);
        return true;
    }
}
