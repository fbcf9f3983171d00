using System.Globalization;
using CoProduction.PeerReview;
using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.PeerReview;

/// <summary>
/// A submission from draft to closed follow-up: each state shows the steps the workflow allows next (triage, schedule,
/// presentation, reviews, feedback, the team's action plan, follow-up, close).
/// </summary>
public sealed class SubmissionModel : PortalPage
{
    public ReviewSubmission Submission { get; private set; } = null!;

    public Panel Panel { get; private set; } = null!;

    public IReadOnlyList<PanelMeeting> Meetings { get; private set; } = [];

    public PanelMeeting? Meeting { get; private set; }

    [BindProperty(SupportsGet = true)]
    public ReviewSubmissionId Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public PanelMeetingId? MeetingId { get; set; }

    [BindProperty]
    public string? StartsAt { get; set; } = "10:00";

    [BindProperty]
    public int DurationMinutes { get; set; } = 40;

    [BindProperty]
    public ParticipantId? ReviewerId { get; set; }

    [BindProperty(Name = "Ratings")]
    public Dictionary<string, int> Ratings { get; set; } = [];

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Recommendations { get; set; }

    [BindProperty(Name = "Responses")]
    public List<ResponseInput> Responses { get; set; } = [];

    [BindProperty]
    public PlannedActionId? ActionId { get; set; }

    [BindProperty]
    public FollowUpStatus FollowUpStatus { get; set; } = FollowUpStatus.Implemented;

    [BindProperty]
    public string? Impact { get; set; }

    private ReviewSubmissionService Submissions => Get<ReviewSubmissionService>();

    public async Task<IActionResult> OnGetAsync() => await LoadOrNotFoundAsync() ? Page() : NotFound();

    /// <summary>Gets whether the signed-in person is the submission's project lead or on its team.</summary>
    public bool IsOnProject => Submission.ProjectLeadId == Me || Submission.TeamMemberIds.Contains(Me);

    /// <summary>Gets whether the signed-in person may act for the project: submit, withdraw, answer the feedback, report follow-up.</summary>
    public bool MayActForProject => IsTeam || IsOnProject;

    /// <summary>Gets whether the signed-in person may record a review: the team for any member, a panel member for themselves.</summary>
    public bool MayReview => IsTeam || User.IsInRole(PortalRoles.PanelMember);

    public Task<IActionResult> OnPostSubmitAsync() => GuardedAsync(() => MayActForProject, () => RunAsync(() => Submissions.SubmitAsync(Id, Ct)));

    public Task<IActionResult> OnPostAcceptAsync() => GuardedAsync(() => IsTeam, () => RunAsync(() => Submissions.AcceptAsync(Id, Ct)));

    public Task<IActionResult> OnPostReturnAsync() => GuardedAsync(() => IsTeam, () => RunAsync(() => Submissions.ReturnForChangesAsync(Id, Required(Reason, nameof(Reason), "Say what the team should change"), Ct)));

    public Task<IActionResult> OnPostDeclineAsync() => GuardedAsync(() => IsTeam, () => RunAsync(() => Submissions.DeclineAsync(Id, Required(Reason, nameof(Reason), "Say why the panel declines it"), Ct)));

    public Task<IActionResult> OnPostWithdrawAsync() => GuardedAsync(() => MayActForProject, () => RunAsync(() => Submissions.WithdrawAsync(Id, Required(Reason, nameof(Reason), "Say why it is withdrawn"), Ct)));

    public Task<IActionResult> OnPostScheduleAsync() => GuardedAsync(() => IsTeam, ScheduleAsync);

    private Task<IActionResult> ScheduleAsync()
    {
        if (MeetingId is null)
        {
            ModelState.AddModelError(nameof(MeetingId), "Choose a meeting");
        }

        if (!TimeOnly.TryParseExact(StartsAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            ModelState.AddModelError(nameof(StartsAt), "Enter a start time such as 10:00");
        }

        return RunAsync(() => Get<PanelMeetingService>().ScheduleAsync(Id, MeetingId!.Value, time, DurationMinutes, Ct));
    }

    public Task<IActionResult> OnPostPresentAsync() =>
        GuardedAsync(() => IsTeam, () => RunAsync(() => Submissions.RecordPresentationAsync(Id, CurrentMeetingId(), Ct)));

    public Task<IActionResult> OnPostReviewAsync() => GuardedAsync(() => IsTeam || (MayReview && ReviewerId == Me), ReviewAsync);

    private async Task<IActionResult> ReviewAsync()
    {
        if (ReviewerId is null)
        {
            ModelState.AddModelError(nameof(ReviewerId), "Choose the reviewer");
        }

        return await RunAsync(() => Get<PanelMeetingService>().SubmitReviewAsync(CurrentMeetingId(), ReviewerId!.Value, Id, Ratings, new Dictionary<string, string>(), null, Ct));
    }

    public Task<IActionResult> OnPostFeedbackAsync() => GuardedAsync(() => IsTeam, FeedbackAsync);

    private async Task<IActionResult> FeedbackAsync()
    {
        var recommendations = (Recommendations ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recommendations.Length == 0)
        {
            ModelState.AddModelError(nameof(Recommendations), "Give at least one recommendation, one to a line");
        }

        return await RunAsync(() => Submissions.IssueFeedbackAsync(CurrentMeetingId(), Id, Required(Summary, nameof(Summary), "Summarise the panel's feedback"), recommendations, Ct));
    }

    public Task<IActionResult> OnPostResponseAsync() => GuardedAsync(() => MayActForProject, ResponseAsync);

    private async Task<IActionResult> ResponseAsync()
    {
        var recommendations = Submission.CurrentRound.Feedback?.Recommendations ?? [];
        var planned = new List<PlannedResponse>();
        for (var i = 0; i < recommendations.Count; i++)
        {
            var input = i < Responses.Count ? Responses[i] : new ResponseInput();
            var actions = new List<ActionCommitment>();
            if (!string.IsNullOrWhiteSpace(input.Action))
            {
                if (input.OwnerId is null || input.DueOn is null)
                {
                    ModelState.AddModelError($"Responses[{i}].DueOn", $"Give an owner and a due date for the action on recommendation {i + 1}");
                }
                else
                {
                    actions.Add(new ActionCommitment(input.Action, input.OwnerId.Value, input.DueOn.Value));
                }
            }

            planned.Add(new PlannedResponse(recommendations[i].Id, input.Decision, string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason, actions));
        }

        return await RunAsync(() => Submissions.ReceiveResponseAsync(Id, planned, Ct));
    }

    public Task<IActionResult> OnPostCheckDueAsync() => GuardedAsync(() => IsTeam, () => RunAsync(() => Submissions.MarkDueFollowUpsAsync(Ct)));

    public Task<IActionResult> OnPostFollowUpAsync() => GuardedAsync(() => MayActForProject, FollowUpAsync);

    private Task<IActionResult> FollowUpAsync()
    {
        if (ActionId is null)
        {
            ModelState.AddModelError(nameof(ActionId), "Choose the action");
        }

        return RunAsync(() => Submissions.RecordFollowUpAsync(Id, ActionId!.Value, FollowUpStatus, Required(Impact, nameof(Impact), "Say what changed"), Ct));
    }

    public Task<IActionResult> OnPostCloseAsync() => GuardedAsync(() => IsTeam, () => RunAsync(() => Submissions.CloseAsync(Id, Ct)));

    public IEnumerable<ParticipantId> ActionOwners() => Submission.TeamMemberIds.Prepend(Submission.ProjectLeadId).Distinct();

    private PanelMeetingId CurrentMeetingId() => Submission.CurrentRound.MeetingId
        ?? throw new CoProduction.Primitives.DomainRuleViolationException("portal.not-scheduled", "The submission is not on a meeting's agenda: schedule it first.");

    private string Required(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(field, message);
            return string.Empty;
        }

        return value;
    }

    /// <summary>Loads the submission (404 when it is unknown or not the signed-in project lead's), then runs the handler if the person may.</summary>
    private async Task<IActionResult> GuardedAsync(Func<bool> allowed, Func<Task<IActionResult>> handler)
    {
        if (!await LoadOrNotFoundAsync())
        {
            return NotFound();
        }

        return allowed() ? await handler() : Forbid();
    }

    private Task<IActionResult> RunAsync(Func<Task> command) =>
        CommandAsync(command, () => RedirectToPage(new { Id }), LoadAsync);

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        var submission = await Get<ReviewSubmissionService>().FindAsync(Id, Ct);
        if (submission is null)
        {
            return false;
        }

        Submission = submission;
        if (!IsTeam && !User.IsInRole(PortalRoles.PanelMember) && !IsOnProject)
        {
            // A project lead sees the panel's pages for their own submissions only.
            return false;
        }

        await LoadNamesAsync();
        Panel = (await Get<PanelService>().FindAsync(submission.PanelId, Ct))!;
        var today = DateOnly.FromDateTime(Get<TimeProvider>().GetUtcNow().UtcDateTime);
        Meetings = [.. (await Get<PanelMeetingService>().ListByPanelAsync(submission.PanelId, Ct)).Where(m => m.Date >= today)];
        Meeting = submission.CurrentRound.MeetingId is { } meetingId ? await Get<PanelMeetingService>().FindAsync(meetingId, Ct) : null;
        return true;
    }

    public sealed class ResponseInput
    {
        public ResponseDecision Decision { get; set; } = ResponseDecision.Accept;

        public string? Reason { get; set; }

        public string? Action { get; set; }

        public ParticipantId? OwnerId { get; set; }

        public DateOnly? DueOn { get; set; }
    }
}
