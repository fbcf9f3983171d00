using CoProduction.AspNetCore;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CoProduction.Samples.TrustPortal.Pages;

/// <summary>What every page needs: the person acting, names for ids, and refusals shown on the form.</summary>
public abstract class PortalPage : PageModel
{
    private Dictionary<ParticipantId, string>? _names;

    protected CancellationToken Ct => HttpContext.RequestAborted;

    protected T Get<T>()
        where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>Gets the participant who is signed in.</summary>
    public ParticipantId Me => Get<CoProductionClaimsReader>().RequireParticipant(HttpContext);

    /// <summary>Loads every participant's display name, for tables.</summary>
    protected async Task LoadNamesAsync()
    {
        var people = await AllAsync(Get<ParticipantService>().ListAsync);
        _names = people.ToDictionary(p => p.Id, p => p.DisplayName);
    }

    /// <summary>
    /// Reads every page of a service's paged list (<see cref="PageRequest.MaxSize"/> at a time): the portal's tables
    /// show a whole list, and a trust's lists are small.
    /// </summary>
    protected async Task<List<T>> AllAsync<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var all = new List<T>();
        var request = PageRequest.First(PageRequest.MaxSize);
        while (true)
        {
            var page = await list(request, Ct);
            all.AddRange(page.Items);
            if (!page.HasNextPage)
            {
                return all;
            }

            request = request.Next();
        }
    }

    /// <summary>Gets whether the signed-in person is on the participation team (who administer the panel, people and programmes).</summary>
    public bool IsTeam => User.IsInRole(PortalRoles.ParticipationTeam);

    public string NameOf(ParticipantId id) => _names is not null && _names.TryGetValue(id, out var name) ? name : id.ToString();

    public static string Money(decimal amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Writes an enum value as words: <c>ProjectMeeting</c> as "Project meeting".</summary>
    public static string Words(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = System.Text.RegularExpressions.Regex.Replace(value.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
        return text.Length == 0 ? text : text[0] + text[1..].ToLowerInvariant();
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(moment.UtcDateTime));

    /// <summary>
    /// Runs a command; a refusal goes into model state (shown in the error summary) and the page is shown again. The
    /// library refuses before it changes anything, so nothing is half-saved.
    /// </summary>
    protected async Task<IActionResult> CommandAsync(Func<Task> command, Func<IActionResult> onSuccess, Func<Task> reload, Func<string, string?>? fieldFor = null)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await command();
                return onSuccess();
            }
            catch (CoProductionException ex)
            {
                ModelState.AddCoProductionError(ex, fieldFor);
            }
            catch (ArgumentException ex)
            {
                // A blank or out-of-range value the form let through: the library's argument checks name it.
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        await reload();
        return Page();
    }
}
