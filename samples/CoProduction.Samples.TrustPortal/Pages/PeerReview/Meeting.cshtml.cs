using CoProduction.PeerReview;
using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.PeerReview;

/// <summary>A panel meeting: its agenda, who attends, the chair, and whether it is quorate.</summary>
public sealed class MeetingModel : PortalPage
{
    public PanelMeeting Meeting { get; private set; } = null!;

    public Panel Panel { get; private set; } = null!;

    public Dictionary<ReviewSubmissionId, string> Titles { get; } = [];

    [BindProperty(SupportsGet = true)]
    public PanelMeetingId Id { get; set; }

    [BindProperty]
    public ParticipantId? PersonId { get; set; }

    [BindProperty]
    public AttendanceStatus Status { get; set; } = AttendanceStatus.Present;

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostAttendanceAsync()
    {
        RequirePerson();
        return CommandAsync(() => Get<PanelMeetingService>().RecordAttendanceAsync(Id, PersonId!.Value, Status, Ct), Done, LoadAsync);
    }

    public Task<IActionResult> OnPostChairAsync()
    {
        RequirePerson();
        return CommandAsync(() => Get<PanelMeetingService>().ChooseChairAsync(Id, PersonId!.Value, Ct), Done, LoadAsync);
    }

    private void RequirePerson()
    {
        if (PersonId is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Choose a person");
        }
    }

    private IActionResult Done() => RedirectToPage(new { Id });

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        var meeting = await Get<IPanelMeetingStore>().FindAsync(Id, Ct);
        if (meeting is null)
        {
            return false;
        }

        await LoadNamesAsync();
        Meeting = meeting;
        Panel = (await Get<IPanelStore>().FindAsync(meeting.PanelId, Ct))!;
        foreach (var slot in meeting.Agenda)
        {
            if (slot.SubmissionId is { } id && await Get<IReviewSubmissionStore>().FindAsync(id, Ct) is { } submission)
            {
                Titles[id] = submission.Title;
            }
        }

        return true;
    }
}
