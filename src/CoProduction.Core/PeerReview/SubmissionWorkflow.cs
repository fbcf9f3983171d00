namespace CoProduction.PeerReview;

/// <summary>Where a submission to the peer review panel stands.</summary>
public enum SubmissionState
{
    /// <summary>The team is preparing the submission (or the next round of it).</summary>
    Draft,

    /// <summary>Submitted and waiting for triage.</summary>
    Submitted,

    /// <summary>Triaged and accepted for review; waiting to be scheduled to a meeting.</summary>
    Accepted,

    /// <summary>Triaged and returned to the team for changes before it can be accepted.</summary>
    ReturnedForChanges,

    /// <summary>Triaged and declined, with a reason. Final.</summary>
    Declined,

    /// <summary>On the agenda of a panel meeting.</summary>
    Scheduled,

    /// <summary>Presented to the panel by the project lead and team.</summary>
    Presented,

    /// <summary>The panel's feedback and recommendations have been issued to the team.</summary>
    FeedbackIssued,

    /// <summary>The team has answered every recommendation with an action plan.</summary>
    ResponseReceived,

    /// <summary>The agreed actions have come due: the team reports on them.</summary>
    FollowUpDue,

    /// <summary>Every action of the round has been followed up. A later round may still start.</summary>
    Closed,

    /// <summary>The team withdrew the submission before it was presented. Final.</summary>
    Withdrawn,

    /// <summary>Put off after acceptance (the team is not ready, or the meeting moved); waiting to be scheduled again.</summary>
    Deferred,
}

/// <summary>The commands that move a submission from one <see cref="SubmissionState"/> to another.</summary>
public enum SubmissionTrigger
{
    /// <summary>The team submits the draft (or resubmits after changes).</summary>
    Submit,

    /// <summary>Triage accepts it for review.</summary>
    Accept,

    /// <summary>Triage returns it for changes, with a reason.</summary>
    ReturnForChanges,

    /// <summary>Triage declines it, with a reason.</summary>
    Decline,

    /// <summary>It is put on a meeting's agenda.</summary>
    Schedule,

    /// <summary>The team presents it at the meeting.</summary>
    Present,

    /// <summary>The panel issues its feedback and recommendations.</summary>
    IssueFeedback,

    /// <summary>The team answers every recommendation with an action plan.</summary>
    ReceiveResponse,

    /// <summary>The actions have come due for follow-up.</summary>
    MarkFollowUpDue,

    /// <summary>Every action has been followed up: the round closes.</summary>
    Close,

    /// <summary>The team withdraws the submission, with a reason.</summary>
    Withdraw,

    /// <summary>It is put off, with a reason, to be scheduled later.</summary>
    Defer,

    /// <summary>The project returns to the panel for another round; earlier rounds are kept.</summary>
    StartNextRound,
}

/// <summary>One allowed move of the submission workflow.</summary>
/// <param name="From">The state before.</param>
/// <param name="Trigger">The command.</param>
/// <param name="To">The state after.</param>
public sealed record SubmissionTransition(SubmissionState From, SubmissionTrigger Trigger, SubmissionState To);

/// <summary>
/// The submission workflow as a table: every allowed (state, trigger) pair and where it leads. Anything not in the
/// table is refused with <see cref="PeerReviewErrorCodes.TransitionNotAllowed"/>. Some allowed moves have further
/// guards (for example <see cref="SubmissionTrigger.Close"/> needs every action followed up), documented on the
/// <see cref="ReviewSubmission"/> method that fires them.
/// </summary>
public static class SubmissionWorkflow
{
    /// <summary>Gets every allowed transition.</summary>
    public static IReadOnlyList<SubmissionTransition> Transitions { get; } =
    [
        new(SubmissionState.Draft, SubmissionTrigger.Submit, SubmissionState.Submitted),
        new(SubmissionState.Draft, SubmissionTrigger.Withdraw, SubmissionState.Withdrawn),
        new(SubmissionState.Submitted, SubmissionTrigger.Accept, SubmissionState.Accepted),
        new(SubmissionState.Submitted, SubmissionTrigger.ReturnForChanges, SubmissionState.ReturnedForChanges),
        new(SubmissionState.Submitted, SubmissionTrigger.Decline, SubmissionState.Declined),
        new(SubmissionState.Submitted, SubmissionTrigger.Withdraw, SubmissionState.Withdrawn),
        new(SubmissionState.ReturnedForChanges, SubmissionTrigger.Submit, SubmissionState.Submitted),
        new(SubmissionState.ReturnedForChanges, SubmissionTrigger.Withdraw, SubmissionState.Withdrawn),
        new(SubmissionState.Accepted, SubmissionTrigger.Schedule, SubmissionState.Scheduled),
        new(SubmissionState.Accepted, SubmissionTrigger.Defer, SubmissionState.Deferred),
        new(SubmissionState.Accepted, SubmissionTrigger.Withdraw, SubmissionState.Withdrawn),
        new(SubmissionState.Scheduled, SubmissionTrigger.Present, SubmissionState.Presented),
        new(SubmissionState.Scheduled, SubmissionTrigger.Defer, SubmissionState.Deferred),
        new(SubmissionState.Scheduled, SubmissionTrigger.Withdraw, SubmissionState.Withdrawn),
        new(SubmissionState.Deferred, SubmissionTrigger.Schedule, SubmissionState.Scheduled),
        new(SubmissionState.Deferred, SubmissionTrigger.Withdraw, SubmissionState.Withdrawn),
        new(SubmissionState.Presented, SubmissionTrigger.IssueFeedback, SubmissionState.FeedbackIssued),
        new(SubmissionState.FeedbackIssued, SubmissionTrigger.ReceiveResponse, SubmissionState.ResponseReceived),
        new(SubmissionState.ResponseReceived, SubmissionTrigger.MarkFollowUpDue, SubmissionState.FollowUpDue),
        new(SubmissionState.ResponseReceived, SubmissionTrigger.StartNextRound, SubmissionState.Draft),
        new(SubmissionState.FollowUpDue, SubmissionTrigger.Close, SubmissionState.Closed),
        new(SubmissionState.FollowUpDue, SubmissionTrigger.StartNextRound, SubmissionState.Draft),
        new(SubmissionState.Closed, SubmissionTrigger.StartNextRound, SubmissionState.Draft),
    ];

    /// <summary>Gets where a trigger leads from a state.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="trigger">The command.</param>
    /// <returns>The next state, or <see langword="null"/> when the trigger is not allowed from that state.</returns>
    public static SubmissionState? Target(SubmissionState from, SubmissionTrigger trigger)
    {
        foreach (var transition in Transitions)
        {
            if (transition.From == from && transition.Trigger == trigger)
            {
                return transition.To;
            }
        }

        return null;
    }

    /// <summary>Tells whether a trigger is allowed from a state.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="trigger">The command.</param>
    /// <returns><see langword="true"/> when the table has the pair.</returns>
    public static bool IsAllowed(SubmissionState from, SubmissionTrigger trigger) => Target(from, trigger) is not null;

    /// <summary>Lists the triggers allowed from a state.</summary>
    /// <param name="from">The state.</param>
    /// <returns>The triggers, in table order (empty for a final state).</returns>
    public static IReadOnlyList<SubmissionTrigger> PermittedTriggers(SubmissionState from) => [.. Transitions.Where(t => t.From == from).Select(t => t.Trigger)];

    /// <summary>Tells whether nothing more can happen to a submission in a state.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for <see cref="SubmissionState.Declined"/> and <see cref="SubmissionState.Withdrawn"/>.</returns>
    public static bool IsFinal(SubmissionState state) => PermittedTriggers(state).Count == 0;

    /// <summary>Explains why a trigger is refused from a state: the current state, and what is needed.</summary>
    /// <param name="submissionId">The submission.</param>
    /// <param name="current">Its current state.</param>
    /// <param name="trigger">The refused command.</param>
    /// <returns>A message naming the current state, the states the trigger needs and the next steps open now.</returns>
    public static string ExplainRefusal(ReviewSubmissionId submissionId, SubmissionState current, SubmissionTrigger trigger)
    {
        var needs = Transitions.Where(t => t.Trigger == trigger).Select(t => t.From.ToString()).ToList();
        var open = PermittedTriggers(current);
        var next = open.Count == 0
            ? $"{current} is final: nothing more can happen to this submission."
            : $"From {current} the next steps are: {string.Join(", ", open)}.";
        return $"Cannot {trigger} submission {submissionId}: it is {current}, and {trigger} needs it to be {JoinOr(needs)}. {Need(trigger)} {next}";
    }

    private static string JoinOr(List<string> items) => items.Count switch
    {
        0 => "(no state)",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };

    private static string Need(SubmissionTrigger trigger) => trigger switch
    {
        SubmissionTrigger.Submit => "Only a draft, or a submission returned for changes, can be submitted.",
        SubmissionTrigger.Accept or SubmissionTrigger.ReturnForChanges or SubmissionTrigger.Decline => "Triage happens once the team has submitted.",
        SubmissionTrigger.Schedule => "A submission must be accepted at triage (or deferred) before it goes on an agenda.",
        SubmissionTrigger.Present => "Schedule it to a meeting first.",
        SubmissionTrigger.IssueFeedback => "Feedback follows the presentation at a meeting.",
        SubmissionTrigger.ReceiveResponse => "The team responds once the panel's feedback has been issued.",
        SubmissionTrigger.MarkFollowUpDue => "Follow-up comes after the team's action plan has been received.",
        SubmissionTrigger.Close => "A round closes at follow-up, once every action has been followed up.",
        SubmissionTrigger.Withdraw => "A submission can be withdrawn only before it is presented.",
        SubmissionTrigger.Defer => "Only an accepted or scheduled submission can be deferred.",
        SubmissionTrigger.StartNextRound => "A new round starts once the team has answered the feedback of the current round.",
        _ => string.Empty,
    };
}
