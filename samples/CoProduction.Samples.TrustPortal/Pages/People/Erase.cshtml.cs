using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.People;

/// <summary>
/// Erasing a person's personal data (the right to erasure), after a confirmation: the library clears their record
/// and every area's free text about them in one unit of work, or nothing.
/// </summary>
public sealed class EraseModel : PortalPage
{
    public Participant Person { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public ParticipantId Id { get; set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), "Confirm that you have checked the request and that this is the right person");
        }

        return await CommandAsync(() => Get<ParticipantService>().EraseAsync(Id, Ct), () => RedirectToPage("Details", new { Id }), LoadAsync);
    }

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        var person = await Get<ParticipantService>().FindAsync(Id, Ct);
        if (person is null)
        {
            return false;
        }

        Person = person;
        return true;
    }
}
