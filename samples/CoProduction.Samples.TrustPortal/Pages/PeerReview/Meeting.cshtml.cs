using CoProduction.PeerReview;
using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.PeerReview;

/// <summary>
/// A panel meeting: its agenda, who attends and consents to recording, the chair, whether it is quorate, conflicts of
/// interest (declared, suggested and dismissed) and the lead reviewers. The participation team runs the meeting; a
/// panel member may declare their own conflicts; a project lead sees the agenda and the quorum only.
/// </summary>
public sealed class MeetingModel : PortalPage
{
    public PanelMeeting Meeting { get; private set; } = null!;

    public Panel Panel { get; private set; } = null!;

    public Dictionary<ReviewSubmissionId, string> Titles { get; } = [];

    /// <summary>Gets whether the signed-in person may see the conflicts and lead reviewers (the team and panel members).</summary>
    public bool SeesConflicts => IsTeam || User.IsInRole(PortalRoles.PanelMember);

    /// <summary>Gets whether the signed-in person serves on the panel on the meeting's date (and so may declare a conflict).</summary>
    public bool ServesOnMeeting { get; private set; }

    [BindProperty(SupportsGet = true)]
    public PanelMeetingId Id { get; set; }

    [BindProperty]
    public ParticipantId? PersonId { get; set; }

    [BindProperty]
    public AttendanceStatus Status { get; set; } = AttendanceStatus.Present;

    [BindProperty]
    public ReviewSubmissionId? SubmissionId { get; set; }

    [BindProperty]
    public ConflictKind Kind { get; set; } = ConflictKind.Other;

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public ConflictOfInterestId? ConflictId { get; set; }

    [BindProperty]
    public string? DismissalReason { get; set; }

    [TempData]
    public string? Confirmation { get; set; }

    private PanelMeetingService Meetings => Get<PanelMeetingService>();

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostAttendanceAsync() => TeamOnly(() =>
    {
        RequirePerson();
        return CommandAsync(() => Meetings.RecordAttendanceAsync(Id, PersonId!.Value, Status, Ct), Done, LoadAsync);
    });

    public Task<IActionResult> OnPostChairAsync() => TeamOnly(() =>
    {
        RequirePerson();
        return CommandAsync(() => Meetings.ChooseChairAsync(Id, PersonId!.Value, Ct), Done, LoadAsync);
    });

    public Task<IActionResult> OnPostRecordingAsync() => TeamOnly(() =>
        CommandAsync(() => Meetings.StartRecordingAsync(Id, Ct), () => Done("Recording has started: everyone present consents to it."), LoadAsync));

    public Task<IActionResult> OnPostSuggestAsync() => TeamOnly(() =>
    {
        var found = 0;
        return CommandAsync(async () => found = (await Meetings.SuggestConflictsAsync(Id, Ct)).Count, () => Done($"{found} new conflict(s) suggested from the register of interests."), LoadAsync);
    });

    public Task<IActionResult> OnPostAssignAsync() => TeamOnly(() =>
    {
        var chosen = 0;
        return CommandAsync(async () => chosen = (await Meetings.AssignLeadReviewersAsync(Id, Ct)).Count, () => Done($"{chosen} lead reviewer(s) chosen."), LoadAsync);
    });

    public async Task<IActionResult> OnPostDeclareAsync()
    {
        // The team declares for any member; a panel member only for themselves.
        var reviewer = IsTeam ? PersonId : Me;
        if (!IsTeam && !User.IsInRole(PortalRoles.PanelMember))
        {
            return Forbid();
        }

        if (reviewer is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Choose the panel member");
        }

        if (SubmissionId is null)
        {
            ModelState.AddModelError(nameof(SubmissionId), "Choose the project");
        }

        if (string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), "Describe the interest");
        }

        return await CommandAsync(
            () => Meetings.DeclareConflictAsync(Id, reviewer!.Value, SubmissionId!.Value, Kind, Note!, Ct),
            () => Done("The conflict of interest has been recorded."),
            LoadAsync,
            field => field == "note" ? nameof(Note) : null);
    }

    public Task<IActionResult> OnPostDismissAsync() => TeamOnly(() =>
    {
        var field = ConflictId is { } id ? DismissalField(id) : nameof(ConflictId);
        if (string.IsNullOrWhiteSpace(DismissalReason))
        {
            ModelState.AddModelError(field, "Say why it is not a conflict");
        }

        return CommandAsync(
            () => Meetings.DismissConflictAsync(Id, ConflictId ?? default, DismissalReason!, Ct),
            () => Done("The suggested conflict has been dismissed."),
            LoadAsync,
            _ => field);
    });

    /// <summary>The form field of a conflict's dismissal reason (one form per suggested conflict).</summary>
    public static string DismissalField(ConflictOfInterestId id) => $"dismiss-{id}";

    private async Task<IActionResult> TeamOnly(Func<Task<IActionResult>> handler) => IsTeam ? await handler() : Forbid();

    private void RequirePerson()
    {
        if (PersonId is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Choose a person");
        }
    }

    private IActionResult Done() => RedirectToPage(new { Id });

    private IActionResult Done(string confirmation)
    {
        Confirmation = confirmation;
        return RedirectToPage(new { Id });
    }

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        var meeting = await Meetings.FindAsync(Id, Ct);
        if (meeting is null)
        {
            return false;
        }

        await LoadNamesAsync();
        Meeting = meeting;
        Panel = (await Get<PanelService>().FindAsync(meeting.PanelId, Ct))!;
        foreach (var slot in meeting.Agenda)
        {
            if (slot.SubmissionId is { } id && await Get<ReviewSubmissionService>().FindAsync(id, Ct) is { } submission)
            {
                Titles[id] = submission.Title;
            }
        }

        var me = Get<CoProduction.AspNetCore.CoProductionClaimsReader>().Read(User).ParticipantId;
        ServesOnMeeting = me is { } myId && Panel.MembersServingOn(meeting.Date).Any(m => m.ParticipantId == myId);
        return true;
    }
}
