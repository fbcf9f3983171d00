using CoProduction.Calendars;
using CoProduction.Programmes.Cohorts;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Cohorts;

/// <summary>A cohort's sessions as an iCalendar file, to add to a calendar.</summary>
public sealed class CalendarModel : PortalPage
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (id == Guid.Empty || await Get<CohortService>().FindAsync(new CohortId(id), Ct) is not { } cohort)
        {
            return NotFound();
        }

        var text = await Get<InvolvementCalendar>().ForCohortAsync(cohort.Id, Ct);
        return File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar", $"cohort-{cohort.Id}.ics");
    }
}
