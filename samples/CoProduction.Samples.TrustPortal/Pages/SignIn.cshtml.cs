using CoProduction.Samples.TrustPortal.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduction.Samples.TrustPortal.Pages;

/// <summary>
/// The development sign-in: the made-up cast, listed from the seeder's own list so that the page does not wait for the
/// database (the portal's first page is served while the database is still being prepared); signing in waits for it
/// and finds the person's participant id by name.
/// </summary>
public sealed class SignInModel(PortalDirectory directory) : PageModel
{
    public IReadOnlyList<(string Name, string[] Roles, string Description)> People { get; } =
        [.. Seeder.Cast.Select(c => (c.Name, c.PortalRoles, c.Description))];

    [BindProperty]
    public string? PersonName { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await directory.WhenLoadedAsync(HttpContext.RequestAborted);
        var person = PersonName is { } name ? directory.FindByName(name) : null;
        if (person is null)
        {
            ModelState.AddModelError(nameof(PersonName), "Choose who you are");
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, PortalRoles.Principal(person));
        return Redirect(HomeOf(person.Roles));
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/SignIn");
    }

    internal static string HomeOf(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        return set.Contains(PortalRoles.ParticipationTeam) ? "/"
            : set.Contains(PortalRoles.PatientPartner) ? "/My"
            : set.Contains(PortalRoles.ProjectLead) ? "/Projects"
            : "/PeerReview";
    }
}
