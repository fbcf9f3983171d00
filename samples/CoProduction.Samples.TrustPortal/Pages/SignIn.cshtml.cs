using CoProduction.People;
using CoProduction.Samples.TrustPortal.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduction.Samples.TrustPortal.Pages;

public sealed class SignInModel(PortalDirectory directory) : PageModel
{
    public IReadOnlyList<PortalPerson> People => directory.People;

    [BindProperty]
    public ParticipantId? PersonId { get; set; }

    public Task OnGetAsync() => directory.WhenLoadedAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        await directory.WhenLoadedAsync(HttpContext.RequestAborted);
        var person = PersonId is { } id ? directory.Find(id) : null;
        if (person is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Choose who you are");
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
