using CoProduction.People;
using CoProduction.Programmes.Cohorts;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Cohorts;

/// <summary>A session's register: record it as delivered once held, then one status per enrolled participant.</summary>
public sealed class RegisterModel : PortalPage
{
    public Cohort Cohort { get; private set; } = null!;

    public CohortSession Session { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public CohortId CohortId { get; set; }

    [BindProperty(SupportsGet = true)]
    public CohortSessionId SessionId { get; set; }

    /// <summary>The status chosen for each participant, by participant id.</summary>
    [BindProperty(Name = "Statuses")]
    public Dictionary<string, string> Statuses { get; set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostDeliveredAsync() =>
        CommandAsync(() => Get<CohortService>().MarkSessionDeliveredAsync(CohortId, SessionId, Ct), Done, LoadAsync);

    public async Task<IActionResult> OnPostAsync()
    {
        var register = new List<AttendanceEntry>();
        foreach (var (participant, status) in Statuses)
        {
            if (string.IsNullOrEmpty(status))
            {
                continue;
            }

            if (ParticipantId.TryParse(participant, null, out var id))
            {
                register.Add(new AttendanceEntry(id, status));
            }
        }

        if (register.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Choose a status for at least one person");
        }

        return await CommandAsync(() => Get<CohortService>().RecordSessionAttendanceAsync(CohortId, SessionId, register, Ct), () => RedirectToPage(new { CohortId, SessionId, saved = true }), LoadAsync);
    }

    public string? RecordedStatus(ParticipantId participantId) =>
        Cohort.Attendance.FirstOrDefault(a => a.SessionId == SessionId && a.ParticipantId == participantId)?.StatusCode;

    private IActionResult Done() => RedirectToPage(new { CohortId, SessionId });

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        var cohort = await Get<CohortService>().FindAsync(CohortId, Ct);
        var session = cohort?.Sessions.FirstOrDefault(s => s.Id == SessionId);
        if (cohort is null || session is null)
        {
            return false;
        }

        await LoadNamesAsync();
        Cohort = cohort;
        Session = session;
        return true;
    }
}
