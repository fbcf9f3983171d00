using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.Payments;

/// <summary>
/// Use cases about involvement time and payment: recording activities, submitting claims priced from the rate card,
/// deciding and paying them, and seeing which claims are waiting too long.
/// </summary>
public sealed class PaymentService
{
    private readonly IInvolvementActivityStore _activities;
    private readonly IPaymentClaimStore _claims;
    private readonly IParticipantStore _participants;
    private readonly IUnitOfWork _unitOfWork;
    private readonly IOrganisationContext _organisation;
    private readonly PaymentOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="activities">The activity store.</param>
    /// <param name="claims">The claim store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="unitOfWork">Saves a claim and the activities it holds together.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="options">The library's options.</param>
    /// <param name="clock">The clock.</param>
    public PaymentService(
        IInvolvementActivityStore activities,
        IPaymentClaimStore claims,
        IParticipantStore participants,
        IUnitOfWork unitOfWork,
        IOrganisationContext organisation,
        IOptions<CoProductionOptions> options,
        TimeProvider clock)
    {
        _activities = Guard.Against.Null(activities);
        _claims = Guard.Against.Null(claims);
        _participants = Guard.Against.Null(participants);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _organisation = Guard.Against.Null(organisation);
        _options = Guard.Against.Null(options).Value.Payments;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Records an involvement activity for a participant of the current organisation.</summary>
    /// <param name="participantId">Who gave the time.</param>
    /// <param name="kind">The kind of activity.</param>
    /// <param name="date">When it took place.</param>
    /// <param name="duration">How long it lasted.</param>
    /// <param name="roleLevel">The rate card's role level it is paid at.</param>
    /// <param name="description">A short description, without personal data.</param>
    /// <param name="source">What it was part of, if anything.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored activity.</returns>
    /// <exception cref="InvalidInputException">The role level or description is blank, the kind is not defined, the participant id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The participant is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), the role level is not on the rate card (<see cref="PaymentErrorCodes.UnknownRoleLevel"/>), the date is after today in the trust's time zone (<see cref="PaymentErrorCodes.ActivityInFuture"/>), or the duration is not positive or longer than the rate card's maximum (<see cref="PaymentErrorCodes.InvalidActivityDuration"/>).</exception>
    public async Task<InvolvementActivity> RecordActivityAsync(
        ParticipantId participantId,
        InvolvementActivityKind kind,
        DateOnly date,
        TimeSpan duration,
        string roleLevel,
        string description,
        InvolvementActivitySource? source,
        CancellationToken cancellationToken)
    {
        new CommandInput().Text(roleLevel).Text(description).Defined(kind).ThrowIfInvalid();
        await RequireParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var card = _options.RateCard;
        Rule.Require(card.FindRate(roleLevel) is not null, PaymentErrorCodes.UnknownRoleLevel, card.UnknownRoleLevelMessage(roleLevel));
        var today = _options.Today(_clock);
        Rule.Require(date <= today, PaymentErrorCodes.ActivityInFuture, $"The activity is dated {date:yyyy-MM-dd}, after today ({today:yyyy-MM-dd} in {_options.TimeZoneId}): record an activity once it has taken place.");
        Rule.Require(duration > TimeSpan.Zero && (decimal)duration.TotalHours <= card.MaximumActivityHours, PaymentErrorCodes.InvalidActivityDuration, card.DurationMessage(duration));
        var activity = InvolvementActivity.Record(_organisation.CurrentOrganisationId, participantId, kind, date, duration, roleLevel, description, source, _clock);
        await _activities.AddAsync(activity, cancellationToken).ConfigureAwait(false);
        return activity;
    }

    /// <summary>Cancels an activity that is not on a pending or paid claim.</summary>
    /// <param name="activityId">The activity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The cancelled activity.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The activity is unknown (<see cref="PaymentErrorCodes.ActivityNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The activity is on a claim that was not rejected (<see cref="PaymentErrorCodes.ActivityClaimed"/>), or is already cancelled (<see cref="PaymentErrorCodes.ActivityAlreadyCancelled"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the activity meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<InvolvementActivity> CancelActivityAsync(InvolvementActivityId activityId, CancellationToken cancellationToken)
    {
        var activity = await RequireActivityAsync(activityId, cancellationToken).ConfigureAwait(false);
        var claims = await _claims.ListContainingActivityAsync(activityId, cancellationToken).ConfigureAwait(false);
        var live = claims.FirstOrDefault(c => c.Status != PaymentClaimStatus.Rejected);
        Rule.Require(live is null, PaymentErrorCodes.ActivityClaimed, $"Activity {activityId} is on claim {live?.Id} ({live?.Status}), so it cannot be cancelled: reject the claim first if the activity did not take place.");
        activity.Cancel(_clock);
        await _activities.UpdateAsync(activity, cancellationToken).ConfigureAwait(false);
        return activity;
    }

    /// <summary>
    /// Submits a claim for a participant's activities and expenses, priced from the rate card. An activity may be on
    /// one claim only, unless that claim was rejected.
    /// </summary>
    /// <param name="participantId">The claimant.</param>
    /// <param name="activityIds">The activities claimed for.</param>
    /// <param name="expenses">The expenses.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="activityIds"/> or <paramref name="expenses"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The participant id or an activity id is empty, an expense is <see langword="null"/>, or a value cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The claimant or an activity is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="PaymentErrorCodes.ActivityNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The claimant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); nothing is claimed (<see cref="PaymentErrorCodes.EmptyClaim"/>); an activity is already on a claim that was not rejected (<see cref="PaymentErrorCodes.ActivityAlreadyClaimed"/>), is another participant's (<see cref="PaymentErrorCodes.ActivityOfAnotherParticipant"/>) or cancelled (<see cref="PaymentErrorCodes.ActivityCancelled"/>), or the rate card does not pay its role level or duration (<see cref="PaymentErrorCodes.UnknownRoleLevel"/>, <see cref="PaymentErrorCodes.InvalidActivityDuration"/>); or an expense over the threshold has no receipt (<see cref="PaymentErrorCodes.ReceiptRequired"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed one of the activities meanwhile (such as a second claim for one of them), or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> SubmitClaimAsync(
        ParticipantId participantId,
        IReadOnlyCollection<InvolvementActivityId> activityIds,
        IReadOnlyCollection<Expense> expenses,
        CancellationToken cancellationToken)
    {
        Guard.Against.Null(activityIds);
        Guard.Against.Null(expenses);
        var claimant = await RequireParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var activities = new List<InvolvementActivity>(activityIds.Count);
        foreach (var activityId in activityIds.Distinct())
        {
            var activity = await RequireActivityAsync(activityId, cancellationToken).ConfigureAwait(false);
            var claims = await _claims.ListContainingActivityAsync(activityId, cancellationToken).ConfigureAwait(false);
            var live = claims.FirstOrDefault(c => c.Status != PaymentClaimStatus.Rejected);
            Rule.Require(live is null, PaymentErrorCodes.ActivityAlreadyClaimed, $"Activity {activityId} is already on claim {live?.Id} ({live?.Status}): remove it from this claim.");
            activities.Add(activity);
        }

        var claim = PaymentClaim.Submit(_organisation.CurrentOrganisationId, claimant, activities, expenses, _options, _clock);
        foreach (var activity in activities)
        {
            activity.MarkClaimed(claim.Id, _clock);
        }

        // The claim and its activities are one unit of work: each activity's version was read above, so a second
        // claim (or a cancellation) racing for the same activity fails whole with ConcurrencyConflictException.
        await _unitOfWork.SaveAsync([AggregateChange.Add(claim), .. activities.Select(a => AggregateChange.Update(a))], cancellationToken).ConfigureAwait(false);
        return claim;
    }

    /// <summary>Finds a payment claim of the current organisation by id.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claim, or <see langword="null"/> when there is none (an empty id included).</returns>
    public ValueTask<PaymentClaim?> FindClaimAsync(PaymentClaimId claimId, CancellationToken cancellationToken) => _claims.FindAsync(claimId, cancellationToken);

    /// <summary>Gets a payment claim of the current organisation, or fails with a clear error.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such claim in the current organisation (<see cref="PaymentErrorCodes.ClaimNotFound"/>).</exception>
    public async Task<PaymentClaim> GetClaimAsync(PaymentClaimId claimId, CancellationToken cancellationToken)
    {
        Input.Id(claimId);
        return await _claims.FindAsync(claimId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PaymentErrorCodes.ClaimNotFound, $"There is no payment claim {claimId} in this organisation: check the id, or submit the claim first.");
    }

    /// <summary>Lists a participant's payment claims in the current organisation.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Their claims; none for an unknown participant (an empty id included).</returns>
    public Task<IReadOnlyList<PaymentClaim>> ListClaimsForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken) => _claims.ListForParticipantAsync(participantId, cancellationToken);

    /// <summary>Lists the current organisation's payment claims in one status.</summary>
    /// <param name="status">The status.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The claims in that status.</returns>
    /// <exception cref="InvalidInputException">The status is not defined.</exception>
    public Task<IReadOnlyList<PaymentClaim>> ListClaimsByStatusAsync(PaymentClaimStatus status, CancellationToken cancellationToken)
    {
        Input.Defined(status);
        return _claims.ListByStatusAsync(status, cancellationToken);
    }

    /// <summary>Lists a participant's involvement activities in the current organisation.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Their activities; none for an unknown participant (an empty id included).</returns>
    public Task<IReadOnlyList<InvolvementActivity>> ListActivitiesForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken) => _activities.ListForParticipantAsync(participantId, cancellationToken);

    /// <summary>Approves a submitted claim.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="approvedBy">Who approves it (a participant of the organisation, usually staff).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved claim.</returns>
    /// <exception cref="InvalidInputException">An id is empty.</exception>
    /// <exception cref="RecordNotFoundException"><paramref name="approvedBy"/> or the claim is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="PaymentErrorCodes.ClaimNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException"><paramref name="approvedBy"/> has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or the claim is not submitted (<see cref="PaymentErrorCodes.InvalidClaimTransition"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, <paramref name="approvedBy"/> made the claim (<see cref="PaymentErrorCodes.SelfDecision"/>) or holds none of the claim decider roles (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the claim meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> ApproveClaimAsync(PaymentClaimId claimId, ParticipantId approvedBy, CancellationToken cancellationToken)
    {
        var decider = await RequireParticipantAsync(approvedBy, cancellationToken).ConfigureAwait(false);
        return await ChangeClaimAsync(claimId, decider, "approve", c => c.Approve(approvedBy, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects a submitted claim with a reason.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="rejectedBy">Who rejects it.</param>
    /// <param name="reason">Why, in words the claimant will understand.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved claim.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, an id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException"><paramref name="rejectedBy"/> or the claim is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="PaymentErrorCodes.ClaimNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException"><paramref name="rejectedBy"/> has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or the claim is not submitted (<see cref="PaymentErrorCodes.InvalidClaimTransition"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, <paramref name="rejectedBy"/> made the claim (<see cref="PaymentErrorCodes.SelfDecision"/>) or holds none of the claim decider roles (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the claim meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> RejectClaimAsync(PaymentClaimId claimId, ParticipantId rejectedBy, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        var decider = await RequireParticipantAsync(rejectedBy, cancellationToken).ConfigureAwait(false);
        return await ChangeClaimAsync(claimId, decider, "reject", c => c.Reject(rejectedBy, reason, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that an approved claim was paid.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="paidBy">Who records the payment (a claim decider, not the claimant).</param>
    /// <param name="paymentReference">The finance system's reference.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved claim.</returns>
    /// <exception cref="InvalidInputException">The payment reference is blank, an id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException"><paramref name="paidBy"/> or the claim is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="PaymentErrorCodes.ClaimNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException"><paramref name="paidBy"/> has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or the claim is not approved (<see cref="PaymentErrorCodes.InvalidClaimTransition"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, <paramref name="paidBy"/> made the claim (<see cref="PaymentErrorCodes.SelfDecision"/>) or holds none of the claim decider roles (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the claim meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> MarkClaimPaidAsync(PaymentClaimId claimId, ParticipantId paidBy, string paymentReference, CancellationToken cancellationToken)
    {
        Input.Required(paymentReference);
        var decider = await RequireParticipantAsync(paidBy, cancellationToken).ConfigureAwait(false);
        return await ChangeClaimAsync(claimId, decider, "mark as paid", c => c.MarkPaid(paymentReference, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists the outstanding (submitted or approved) claims with how long each has waited, longest first, flagging those
    /// past <see cref="PaymentOptions.PaymentTargetDays"/>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The ageing of every outstanding claim.</returns>
    public async Task<IReadOnlyList<ClaimAgeing>> GetOutstandingClaimsAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var submitted = await _claims.ListByStatusAsync(PaymentClaimStatus.Submitted, cancellationToken).ConfigureAwait(false);
        var approved = await _claims.ListByStatusAsync(PaymentClaimStatus.Approved, cancellationToken).ConfigureAwait(false);
        return [.. submitted.Concat(approved)
            .Select(c => new ClaimAgeing(c.Id, c.ParticipantId, c.Status, c.Total, c.SubmittedAt, c.DaysOutstanding(now), c.DaysOutstanding(now) > _options.PaymentTargetDays))
            .OrderByDescending(a => a.DaysOutstanding)
            .ThenBy(a => a.ClaimId.Value)];
    }

    private async Task<PaymentClaim> ChangeClaimAsync(PaymentClaimId claimId, Participant decider, string action, Action<PaymentClaim> change, CancellationToken cancellationToken)
    {
        Input.Id(claimId);
        var claim = await _claims.FindAsync(claimId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PaymentErrorCodes.ClaimNotFound, $"There is no payment claim {claimId} in this organisation: check the id.");
        Rule.Require(decider.Id != claim.ParticipantId, PaymentErrorCodes.SelfDecision, $"The person deciding made this claim, so they cannot {action} it: another person with a claim decider role must.", ("participantId", decider.Id), ("claimId", claimId));
        Rule.Require(
            decider.Roles.Any(r => _options.ClaimDeciderRoles.Contains(r)),
            PaymentErrorCodes.NotAClaimDecider,
            $"The person deciding has the roles {string.Join(", ", decider.Roles)}, none of which may {action} claims ({string.Join(", ", _options.ClaimDeciderRoles)}): ask someone with one of those roles, or change CoProductionOptions.Payments.ClaimDeciderRoles.",
            ("participantId", decider.Id));
        change(claim);
        await _claims.UpdateAsync(claim, cancellationToken).ConfigureAwait(false);
        return claim;
    }

    private async Task<Participant> RequireParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var participant = await _participants.FindAsync(participantId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PeopleErrorCodes.ParticipantNotFound, $"There is no participant {participantId} in this organisation: register the participant first, or check the id.");
        Rule.Require(!participant.IsErased, PeopleErrorCodes.ParticipantErased, $"Participant {participantId}'s record was erased at their request, so nothing more can be recorded, claimed or decided for them.");
        return participant;
    }

    private async Task<InvolvementActivity> RequireActivityAsync(InvolvementActivityId activityId, CancellationToken cancellationToken)
    {
        Input.Id(activityId);
        return await _activities.FindAsync(activityId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PaymentErrorCodes.ActivityNotFound, $"There is no involvement activity {activityId} in this organisation: record it first, or check the id.");
    }
}

/// <summary>How long an outstanding claim has waited for payment.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="ParticipantId">The claimant.</param>
/// <param name="Status">Submitted or approved.</param>
/// <param name="Total">The amount claimed.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="DaysOutstanding">Whole days since submission.</param>
/// <param name="IsOverdue">Whether it has waited longer than the payment target.</param>
public sealed record ClaimAgeing(PaymentClaimId ClaimId, ParticipantId ParticipantId, PaymentClaimStatus Status, decimal Total, DateTimeOffset SubmittedAt, int DaysOutstanding, bool IsOverdue);

/// <summary>Adds a participant's involvement activities and payment claims to their subject-access export.</summary>
internal sealed class PaymentsDataContributor(IInvolvementActivityStore activities, IPaymentClaimStore claims) : IParticipantDataContributor
{
    public string Section => "involvementAndPayments";

    public async Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var activityList = await activities.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var claimList = await claims.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        return new
        {
            activities = activityList.Select(a => new { id = a.Id.Value, a.Kind, a.Date, a.Duration, a.RoleLevel, a.Description, a.Source, a.RecordedAt, a.CancelledAt }),
            claims = claimList.Select(c => new
            {
                id = c.Id.Value,
                c.Status,
                c.CurrencyCode,
                c.Lines,
                c.Expenses,
                c.Total,
                c.SubmittedAt,
                c.DecidedAt,
                c.RejectionReason,
                c.PaidAt,
                c.PaymentReference,
            }),
        };
    }
}

/// <summary>On a participant's erasure, removes their words from their involvement activities and payment claims.</summary>
internal sealed class PaymentsDataEraser(IInvolvementActivityStore activities, IPaymentClaimStore claims) : IParticipantDataEraser
{
    public async Task<IReadOnlyList<IAggregateRoot>> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var changed = new List<IAggregateRoot>();
        foreach (var activity in await activities.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false))
        {
            activity.RemovePersonalText();
            changed.Add(activity);
        }

        foreach (var claim in await claims.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false))
        {
            claim.RemovePersonalText();
            changed.Add(claim);
        }

        return changed;
    }
}
