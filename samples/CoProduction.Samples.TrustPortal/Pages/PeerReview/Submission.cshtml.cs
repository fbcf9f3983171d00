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

    public Task<IActionResult> OnPostSubmitAsync() => RunAsync(() => Submissions.SubmitAsync(Id, Ct));

    public Task<IActionResult> OnPostAcceptAsync() => RunAsync(() => Submissions.AcceptAsync(Id, Ct));

    public Task<IActionResult> OnPostReturnAsync() => RunAsync(() => Submissions.ReturnForChangesAsync(Id, Required(Reason, nameof(Reason), "Say what the team should change"), Ct));

    public Task<IActionResult> OnPostDeclineAsync() => RunAsync(() => Submissions.DeclineAsync(Id, Required(Reason, nameof(Reason), "Say why the panel declines it"), Ct));

    public Task<IActionResult> OnPostWithdrawAsync() => RunAsync(() => Submissions.WithdrawAsync(Id, Required(Reason, nameof(Reason), "Say why it is withdrawn"), Ct));

    public Task<IActionResult> OnPostScheduleAsync()
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

    public async Task<IActionResult> OnPostPresentAsync()
    {
        await LoadOrNotFoundAsync();
        return await RunAsync(() => Submissions.RecordPresentationAsync(Id, CurrentMeetingId(), Ct));
    }

    public async Task<IActionResult> OnPostReviewAsync()
    {
        if (ReviewerId is null)
        {
            ModelState.AddModelError(nameof(ReviewerId), "Choose the reviewer");
        }

        await LoadOrNotFoundAsync();
        return await RunAsync(() => Get<PanelMeetingService>().SubmitReviewAsync(CurrentMeetingId(), ReviewerId!.Value, Id, Ratings, new Dictionary<string, string>(), null, Ct));
    }

    public async Task<IActionResult> OnPostFeedbackAsync()
    {
        var recommendations = (Recommendations ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recommendations.Length == 0)
        {
            ModelState.AddModelError(nameof(Recommendations), "Give at least one recommendation, one to a line");
        }

        await LoadOrNotFoundAsync();
        return await RunAsync(() => Submissions.IssueFeedbackAsync(CurrentMeetingId(), Id, Required(Summary, nameof(Summary), "Summarise the panel's feedback"), recommendations, Ct));
    }

    public async Task<IActionResult> OnPostResponseAsync()
    {
        await LoadOrNotFoundAsync();
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

    public Task<IActionResult> OnPostCheckDueAsync() => RunAsync(() => Submissions.MarkDueFollowUpsAsync(Ct));

    public Task<IActionResult> OnPostFollowUpAsync()
    {
        if (ActionId is null)
        {
            ModelState.AddModelError(nameof(ActionId), "Choose the action");
        }

        return RunAsync(() => Submissions.RecordFollowUpAsync(Id, ActionId!.Value, FollowUpStatus, Required(Impact, nameof(Impact), "Say what changed"), Ct));
    }

    public Task<IActionResult> OnPostCloseAsync() => RunAsync(() => Submissions.CloseAsync(Id, Ct));

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

    private Task<IActionResult> RunAsync(Func<Task> command) =>
        CommandAsync(command, () => RedirectToPage(new { Id }), LoadAsync);

    private async Task LoadAsync() => await LoadOrNotFoundAsync();

    private async Task<bool> LoadOrNotFoundAsync()
    {
        var submission = await Get<IReviewSubmissionStore>().FindAsync(Id, Ct);
        if (submission is null)
        {
            return false;
        }

        await LoadNamesAsync();
        Submission = submission;
        Panel = (await Get<IPanelStore>().FindAsync(submission.PanelId, Ct))!;
        var today = DateOnly.FromDateTime(Get<TimeProvider>().GetUtcNow().UtcDateTime);
        Meetings = [.. (await Get<IPanelMeetingStore>().ListByPanelAsync(submission.PanelId, Ct)).Where(m => m.Date >= today)];
        Meeting = submission.CurrentRound.MeetingId is { } meetingId ? await Get<IPanelMeetingStore>().FindAsync(meetingId, Ct) : null;
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
