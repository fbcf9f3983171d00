using Ardalis.GuardClauses;
using CoProduction.Payments.Events;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>The kinds of involvement activity.</summary>
public enum InvolvementActivityKind
{
    /// <summary>Leading or co-facilitating a training session.</summary>
    TrainingDelivery,

    /// <summary>Taking part in a training session as a learner or observer.</summary>
    TrainingAttendance,

    /// <summary>Sitting on a peer review panel meeting.</summary>
    PanelMeeting,

    /// <summary>Reading and reviewing papers for a panel.</summary>
    ReviewPreparation,

    /// <summary>Taking part in an improvement project's meeting or workshop.</summary>
    ProjectMeeting,

    /// <summary>A co-design event or group.</summary>
    CoDesignEvent,

    /// <summary>Preparing for an activity (reading, planning).</summary>
    Preparation,

    /// <summary>Anything else, described in the activity's description.</summary>
    Other,
}

/// <summary>What an activity was part of: a cohort session, a panel meeting, an improvement project...</summary>
/// <param name="Area">The kind of record, such as <c>cohort-session</c> or <c>panel-meeting</c>.</param>
/// <param name="Id">The record's id.</param>
public sealed record InvolvementActivitySource(string Area, Guid Id)
{
    /// <summary>Gets the kind of record.</summary>
    public string Area { get; } = Input.Required(Area).Trim();
}

/// <summary>
/// Time a participant gave to co-production: a session, a meeting or a piece of work, with its kind, date, duration,
/// role level (a role level or task of the payment policy) and what it was part of. Activities are paid through <see cref="PaymentClaim"/>s.
/// </summary>
public sealed class InvolvementActivity : AggregateRoot<InvolvementActivityId>
{
    private InvolvementActivity(InvolvementActivityId id, OrganisationId organisationId)
        : base(id, organisationId)
    {
        RoleLevel = string.Empty;
        Description = string.Empty;
    }

    private InvolvementActivity()
    {
        RoleLevel = string.Empty;
        Description = string.Empty;
    }

    /// <summary>Gets who gave the time.</summary>
    public ParticipantId ParticipantId { get; private set; }

    /// <summary>Gets the kind of activity.</summary>
    public InvolvementActivityKind Kind { get; private set; }

    /// <summary>Gets the date it took place.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>Gets how long it lasted.</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>Gets the role level it is paid at (a role level or task of the payment policy, such as <c>Partner</c>).</summary>
    public string RoleLevel { get; private set; }

    /// <summary>Gets what the activity was part of, if anything.</summary>
    public InvolvementActivitySource? Source { get; private set; }

    /// <summary>Gets a short description of the activity (no personal data).</summary>
    public string Description { get; private set; }

    /// <summary>Removes the participant's own words (the description) on their erasure.</summary>
    internal void RemovePersonalText() => Description = PersonalData.RemovedOnErasure;

    /// <summary>Gets when the activity was recorded.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Gets when the activity was cancelled, if it was.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Gets whether the activity was cancelled.</summary>
    public bool IsCancelled => CancelledAt is not null;

    /// <summary>Records an activity.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="participantId">Who gave the time.</param>
    /// <param name="kind">The kind of activity.</param>
    /// <param name="date">When it took place.</param>
    /// <param name="duration">How long it lasted (more than zero, at most 24 hours).</param>
    /// <param name="roleLevel">The payment policy's role level or task it is paid at.</param>
    /// <param name="description">A short description, without personal data.</param>
    /// <param name="source">What it was part of, if anything.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new activity, to be added to the store.</returns>
    internal static InvolvementActivity Record(
        OrganisationId organisationId,
        ParticipantId participantId,
        InvolvementActivityKind kind,
        DateOnly date,
        TimeSpan duration,
        string roleLevel,
        string description,
        InvolvementActivitySource? source,
        TimeProvider clock)
    {
        Input.Id(participantId);
        Input.Defined(kind);
        Input.Required(roleLevel);
        Input.Required(description);
        Guard.Against.Null(clock);
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(24))
        {
            throw new InvalidInputException(nameof(duration), "An activity must last more than zero and at most 24 hours; record longer work as one activity per day.");
        }

        var now = clock.GetUtcNow();
        var activity = new InvolvementActivity(InvolvementActivityId.New(), organisationId)
        {
            ParticipantId = participantId,
            Kind = kind,
            Date = date,
            Duration = duration,
            RoleLevel = roleLevel.Trim(),
            Description = description.Trim(),
            Source = source,
            RecordedAt = now,
        };
        activity.Raise(new InvolvementActivityRecorded(activity.Id, participantId, now));
        return activity;
    }

    /// <summary>
    /// Records that a claim now holds this activity. The claim and the activity are saved in one unit of work, so the
    /// activity's version serialises every command that could put it on a second live claim or cancel it while claimed.
    /// </summary>
    /// <param name="claimId">The claim being submitted.</param>
    /// <param name="clock">The clock.</param>
    internal void MarkClaimed(PaymentClaimId claimId, TimeProvider clock)
    {
        Rule.Require(!IsCancelled, PaymentErrorCodes.ActivityCancelled, $"Activity {Id} was cancelled, so it cannot be paid: remove it from the claim.");
        Raise(new InvolvementActivityClaimed(Id, claimId, clock.GetUtcNow()));
    }

    /// <summary>Cancels the activity (it did not take place, or was recorded in error). The service refuses this for a claimed activity.</summary>
    /// <param name="clock">The clock.</param>
    internal void Cancel(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        Rule.Require(!IsCancelled, PaymentErrorCodes.ActivityAlreadyCancelled, $"Activity {Id} was already cancelled: nothing more to do; record a new activity if the time was given after all.");
        CancelledAt = clock.GetUtcNow();
        Raise(new InvolvementActivityCancelled(Id, CancelledAt.Value));
    }
}
