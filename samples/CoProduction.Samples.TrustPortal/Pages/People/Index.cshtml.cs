using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.People;

/// <summary>Everyone on record (not erased) with the consents in force, and a form to register someone new.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<Participant> People { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public ParticipantRole Role { get; set; } = ParticipantRole.PatientPartner;

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostRegisterAsync()
    {
        if (string.IsNullOrWhiteSpace(FullName))
        {
            ModelState.AddModelError(nameof(FullName), "Enter their full name");
        }

        ParticipantId registered = default;
        return CommandAsync(
            async () => registered = (await Get<ParticipantService>().RegisterAsync(FullName!, [Role], Ct)).Id,
            () => RedirectToPage("Details", new { Id = registered }),
            LoadAsync,
            f => f == "fullName" ? nameof(FullName) : null);
    }

    private async Task LoadAsync()
    {
        Now = Get<TimeProvider>().GetUtcNow();
        People = [.. (await AllAsync(Get<ParticipantService>().ListAsync)).Where(p => !p.IsErased)];
    }
}
