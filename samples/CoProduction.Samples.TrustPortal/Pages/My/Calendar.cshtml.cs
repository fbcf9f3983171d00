using CoProduction.Calendars;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.My;

/// <summary>The signed-in person's own involvement as an iCalendar file: their sessions, panel meetings and story-sharing sessions.</summary>
public sealed class CalendarModel : PortalPage
{
    public async Task<IActionResult> OnGetAsync()
    {
        var text = await Get<InvolvementCalendar>().ForParticipantAsync(Me, Ct);
        return File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar", "my-involvement.ics");
    }
}
