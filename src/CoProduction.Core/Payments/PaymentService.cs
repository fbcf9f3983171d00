using System.Globalization;
using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.Payments;

/// <summary>
/// Use cases about involvement time and payment: recording activities, submitting claims priced by the dated payment
/// policy, the records the safeguards read (payment route, benefits advice offer, public-sector employment), deciding
/// and paying claims, handing approved claims to finance, tax-year totals, and seeing which claims wait too long.
/// </summary>
public sealed class PaymentService
{
    private readonly IInvolvementActivityStore _activities;
    private readonly IPaymentClaimStore _claims;
    private readonly IPaymentProfileStore _profiles;
    private readonly IParticipantStore _participants;
    private readonly IUnitOfWork _unitOfWork;
    private readonly IOrganisationContext _organisation;
    private readonly IActorContext _actor;
    private readonly PaymentOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="activities">The activity store.</param>
    /// <param name="claims">The claim store.</param>
    /// <param name="profiles">The payment profile store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="unitOfWork">Saves a claim and the activities it holds together.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="actor">Who the current command runs for: the person who decides, pays, exports or records, read from here and never from a parameter.</param>
    /// <param name="options">The library's options.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PaymentService(
        IInvolvementActivityStore activities,
        IPaymentClaimStore claims,
        IPaymentProfileStore profiles,
        IParticipantStore participants,
        IUnitOfWork unitOfWork,
        IOrganisationContext organisation,
        IActorContext actor,
        IOptions<CoProductionOptions> options,
        TimeProvider clock)
    {
        _activities = Guard.Against.Null(activities);
        _claims = Guard.Against.Null(claims);
        _profiles = Guard.Against.Null(profiles);
        _participants = Guard.Against.Null(participants);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _organisation = Guard.Against.Null(organisation);
        _actor = Guard.Against.Null(actor);
        _options = Guard.Against.Null(options).Value.Payments;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Records an involvement activity for a participant of the current organisation.</summary>
    /// <param name="participantId">Who gave the time.</param>
    /// <param name="kind">The kind of activity.</param>
    /// <param name="date">When it took place.</param>
    /// <param name="duration">How long it lasted.</param>
    /// <param name="roleLevel">The role level or task of the payment policy it is paid at (such as <c>Partner</c>).</param>
    /// <param name="description">A short description, without personal data.</param>
    /// <param name="source">What it was part of, if anything.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored activity.</returns>
    /// <remarks>
    /// An activity can be recorded with no payment policy version in force on its date (involvement that is not paid,
    /// or before a policy is configured); a claim for it is then refused (<see cref="PaymentErrorCodes.NoPolicyVersionInForce"/>).
    /// When a version is in force, the role level and duration are checked against it now.
    /// </remarks>
    /// <exception cref="InvalidInputException">The role level or description is blank, the kind is not defined, the participant id is empty, the duration is not more than zero and at most 24 hours, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The participant is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); the policy version in force on the date has no such role level (<see cref="PaymentErrorCodes.UnknownRoleLevel"/>) or pays no activity that long (<see cref="PaymentPolicyVersion.MaximumActivityHours"/>, <see cref="PaymentErrorCodes.InvalidActivityDuration"/>); or the date is after today in the trust's time zone (<see cref="PaymentErrorCodes.ActivityInFuture"/>).</exception>
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
        // An activity is a record of involvement whether or not it is ever paid; when a policy version is in force on its
        // date, a level or duration that version cannot price is refused now rather than when the claim is submitted.
        if (_options.Policy.VersionOn(date) is { } version)
        {
            Rule.Require(version.FindRate(roleLevel) is not null, PaymentErrorCodes.UnknownRoleLevel, $"The payment policy version in force on {date:yyyy-MM-dd} has no role level or task '{roleLevel}'. Use one of: {string.Join(", ", version.Rates.Select(r => r.RoleLevel))}, or add it to that version of CoProductionOptions.Payments.Policy.");
            Rule.Require((decimal)duration.TotalHours <= version.MaximumActivityHours, PaymentErrorCodes.InvalidActivityDuration, string.Create(CultureInfo.InvariantCulture, $"The activity lasts {duration}: the payment policy version in force on {date:yyyy-MM-dd} pays at most {version.MaximumActivityHours} hours for one activity; record a longer piece of work as one activity per day."));
        }

        var today = _options.Today(_clock);
        Rule.Require(date <= today, PaymentErrorCodes.ActivityInFuture, $"The activity is dated {date:yyyy-MM-dd}, after today ({today:yyyy-MM-dd} in {_options.TimeZoneId}): record an activity once it has taken place.");
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
    /// Submits a claim for a participant's activities and expenses, each activity priced by the payment policy version
    /// in force on its date (<see cref="PaymentOptions.Policy"/>). An activity may be on
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
    /// <exception cref="DomainRuleViolationException">The claimant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); nothing is claimed (<see cref="PaymentErrorCodes.EmptyClaim"/>); an activity is already on a claim that was not rejected (<see cref="PaymentErrorCodes.ActivityAlreadyClaimed"/>), is another participant's (<see cref="PaymentErrorCodes.ActivityOfAnotherParticipant"/>) or cancelled (<see cref="PaymentErrorCodes.ActivityCancelled"/>); no policy version is in force on an activity's date, as when no policy is configured (<see cref="PaymentErrorCodes.NoPolicyVersionInForce"/>), or the version does not pay its role level or duration (<see cref="PaymentErrorCodes.UnknownRoleLevel"/>, <see cref="PaymentErrorCodes.InvalidActivityDuration"/>); or an expense over the threshold has no receipt (<see cref="PaymentErrorCodes.ReceiptRequired"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed one of the activities meanwhile (such as a second claim for one of them), or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> SubmitClaimAsync(
        ParticipantId participantId,
        IReadOnlyCollection<InvolvementActivityId> activityIds,
        IReadOnlyCollection<Expense> expenses,
        CancellationToken cancellationToken)
    {
        Guard.Against.Null(activityIds);
        Guard.Against.Null(expenses);
        var submitted = await SubmitClaimRequestAsync(new ClaimRequest(participantId, activityIds, expenses), cancellationToken).ConfigureAwait(false);
        return submitted.Claim;
    }

    /// <summary>
    /// Submits a claim for a person's activities, expenses and mileage journeys, with what they chose to be paid for
    /// their time. Each activity is priced by the policy version in force on its date and keeps that price; caps per
    /// day and period count the person's earlier claims. The safeguards read the person's records: their payment
    /// profile (benefits advice offer, public-sector employment), their roles and earlier claims.
    /// </summary>
    /// <param name="request">The claim.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored claim and the warnings for the team (benefits advice not recorded under <see cref="BenefitsAdviceRule.Warn"/>, tax-year threshold passed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or one of its lists is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">An id is empty, an entry is <see langword="null"/>, the payment choice is not defined, a chosen amount is given without choosing a lower amount (or missing with it), or a value cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The claimant or an activity is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="PaymentErrorCodes.ActivityNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The claimant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); nothing is claimed
    /// (<see cref="PaymentErrorCodes.EmptyClaim"/>); an activity is already on a live claim, another's or cancelled
    /// (<see cref="PaymentErrorCodes.ActivityAlreadyClaimed"/>, <see cref="PaymentErrorCodes.ActivityOfAnotherParticipant"/>,
    /// <see cref="PaymentErrorCodes.ActivityCancelled"/>); no policy version is in force on a date
    /// (<see cref="PaymentErrorCodes.NoPolicyVersionInForce"/>); the version does not pay the role level, duration or
    /// mileage (<see cref="PaymentErrorCodes.UnknownRoleLevel"/>, <see cref="PaymentErrorCodes.InvalidActivityDuration"/>,
    /// <see cref="PaymentErrorCodes.NoMileageRate"/>); a receipt is missing (<see cref="PaymentErrorCodes.ReceiptRequired"/>);
    /// the lower amount is not below the full fees (<see cref="PaymentErrorCodes.InvalidLowerAmount"/>); the claimant is
    /// recorded as staff doing work within their own job (<see cref="PaymentErrorCodes.StaffWithinOwnJob"/>); no benefits
    /// advice offer is recorded on or before their first paid activity under <see cref="BenefitsAdviceRule.Block"/>
    /// (<see cref="PaymentErrorCodes.BenefitsAdviceNotOffered"/>); or a week would hold more paid activities than allowed
    /// (<see cref="PaymentErrorCodes.WeeklyLimitExceeded"/>).
    /// </exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed one of the activities meanwhile (such as a second claim for one of them), or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<SubmittedClaim> SubmitClaimRequestAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        Guard.Against.Null(request);
        Guard.Against.Null(request.ActivityIds);
        Guard.Against.Null(request.Expenses);
        var claimant = await RequireParticipantAsync(request.ParticipantId, cancellationToken).ConfigureAwait(false);
        var activities = new List<InvolvementActivity>(request.ActivityIds.Count);
        foreach (var activityId in request.ActivityIds.Distinct())
        {
            var activity = await RequireActivityAsync(activityId, cancellationToken).ConfigureAwait(false);
            var claims = await _claims.ListContainingActivityAsync(activityId, cancellationToken).ConfigureAwait(false);
            var live = claims.FirstOrDefault(c => c.Status != PaymentClaimStatus.Rejected);
            Rule.Require(live is null, PaymentErrorCodes.ActivityAlreadyClaimed, $"Activity {activityId} is already on claim {live?.Id} ({live?.Status}): remove it from this claim.");
            activities.Add(activity);
        }

        var earlier = (await _claims.ListForParticipantAsync(claimant.Id, cancellationToken).ConfigureAwait(false)).Where(c => c.Status != PaymentClaimStatus.Rejected).ToList();
        var earlierLines = earlier.SelectMany(c => c.Lines).ToList();
        var profile = await _profiles.FindAsync(PaymentProfileId.For(claimant.Id), cancellationToken).ConfigureAwait(false);
        var claim = PaymentClaim.Submit(_organisation.CurrentOrganisationId, claimant, activities, request.Expenses, _options, _clock, request.Payment, request.ChosenFeesAmount, request.Journeys ?? [], earlierLines);
        var warnings = CheckSafeguards(claimant, profile, claim, earlierLines);
        foreach (var activity in activities)
        {
            activity.MarkClaimed(claim.Id, _clock);
        }

        // The claim and its activities are one unit of work: each activity's version was read above, so a second
        // claim (or a cancellation) racing for the same activity fails whole with ConcurrencyConflictException.
        await _unitOfWork.SaveAsync([AggregateChange.Add(claim), .. activities.Select(a => AggregateChange.Update(a))], cancellationToken).ConfigureAwait(false);
        return new SubmittedClaim(claim, warnings);
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

    /// <summary>Approves a submitted claim, as the current actor (<see cref="IActorContext"/>), who must hold a claim decider role.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved claim.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The claim is unknown (<see cref="PaymentErrorCodes.ClaimNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The claim is not submitted (<see cref="PaymentErrorCodes.InvalidClaimTransition"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, the current actor is not a person of this organisation (a system process, or a participant with no record here or erased: <see cref="PaymentErrorCodes.NoDecidingPerson"/>), made the claim (<see cref="PaymentErrorCodes.SelfDecision"/>) or holds none of the claim decider roles (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the claim meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> ApproveClaimAsync(PaymentClaimId claimId, CancellationToken cancellationToken)
    {
        Input.Id(claimId);
        var decider = await RequireActingPersonAsync("approve claims", cancellationToken).ConfigureAwait(false);
        return await ChangeClaimAsync(claimId, decider, "approve", c => c.Approve(decider.Id, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects a submitted claim with a reason, as the current actor (<see cref="IActorContext"/>), who must hold a claim decider role.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="reason">Why, in words the claimant will understand.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved claim.</returns>
    /// <exception cref="InvalidInputException">The reason is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The claim is unknown (<see cref="PaymentErrorCodes.ClaimNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The claim is not submitted (<see cref="PaymentErrorCodes.InvalidClaimTransition"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, the current actor is not a person of this organisation (a system process, or a participant with no record here or erased: <see cref="PaymentErrorCodes.NoDecidingPerson"/>), made the claim (<see cref="PaymentErrorCodes.SelfDecision"/>) or holds none of the claim decider roles (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the claim meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> RejectClaimAsync(PaymentClaimId claimId, string reason, CancellationToken cancellationToken)
    {
        Input.Required(reason);
        Input.Id(claimId);
        var decider = await RequireActingPersonAsync("reject claims", cancellationToken).ConfigureAwait(false);
        return await ChangeClaimAsync(claimId, decider, "reject", c => c.Reject(decider.Id, reason, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that an approved claim was paid, as the current actor (<see cref="IActorContext"/>), who must hold a claim decider role.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="paymentReference">The finance system's reference.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved claim.</returns>
    /// <exception cref="InvalidInputException">The payment reference is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The claim is unknown (<see cref="PaymentErrorCodes.ClaimNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The claim is not approved (<see cref="PaymentErrorCodes.InvalidClaimTransition"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, the current actor is not a person of this organisation (a system process, or a participant with no record here or erased: <see cref="PaymentErrorCodes.NoDecidingPerson"/>), made the claim (<see cref="PaymentErrorCodes.SelfDecision"/>) or holds none of the claim decider roles (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the claim meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PaymentClaim> MarkClaimPaidAsync(PaymentClaimId claimId, string paymentReference, CancellationToken cancellationToken)
    {
        Input.Required(paymentReference);
        Input.Id(claimId);
        var decider = await RequireActingPersonAsync("mark claims as paid", cancellationToken).ConfigureAwait(false);
        return await ChangeClaimAsync(claimId, decider, "mark as paid", c => c.MarkPaid(paymentReference, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists the outstanding (submitted or approved) claims with how long each has waited, longest first, flagging those
    /// past the policy's payment target (<see cref="PaymentPolicy.PaymentTargetDays"/>, else <see cref="PaymentOptions.PaymentTargetDays"/>).
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The ageing of every outstanding claim.</returns>
    public async Task<IReadOnlyList<ClaimAgeing>> GetOutstandingClaimsAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var submitted = await _claims.ListByStatusAsync(PaymentClaimStatus.Submitted, cancellationToken).ConfigureAwait(false);
        var approved = await _claims.ListByStatusAsync(PaymentClaimStatus.Approved, cancellationToken).ConfigureAwait(false);
        return [.. submitted.Concat(approved)
            .Select(c => new ClaimAgeing(c.Id, c.ParticipantId, c.Status, c.Total, c.SubmittedAt, c.DaysOutstanding(now), now >= c.OverdueFrom(_options.EffectivePaymentTargetDays())))
            .OrderByDescending(a => a.DaysOutstanding)
            .ThenBy(a => a.ClaimId.Value)];
    }

    /// <summary>Records how a person is paid (payroll, bank transfer, voucher or cash); bank details stay with finance.</summary>
    /// <param name="participantId">The person.</param>
    /// <param name="route">The route.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved payment profile.</returns>
    /// <exception cref="InvalidInputException">The id is empty or the route is not defined.</exception>
    /// <exception cref="RecordNotFoundException">The person is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the profile meanwhile; nothing was saved.</exception>
    public Task<PaymentProfile> SetPaymentRouteAsync(ParticipantId participantId, PaymentRoute route, CancellationToken cancellationToken)
    {
        Input.Defined(route);
        return ChangeProfileAsync(participantId, p => p.SetRoute(route, _clock), cancellationToken);
    }

    /// <summary>
    /// Records that benefits advice was offered to a person, on which day, and whether they accepted it, as the current
    /// actor (<see cref="IActorContext"/>), who must hold a claim decider role and not be the person.
    /// </summary>
    /// <param name="participantId">The person.</param>
    /// <param name="offeredOn">The day of the offer (not after today).</param>
    /// <param name="outcome">Whether they accepted or declined it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved payment profile.</returns>
    /// <exception cref="InvalidInputException">The id is empty or the outcome is not defined.</exception>
    /// <exception cref="RecordNotFoundException">The person is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); the day is after today (<see cref="PaymentErrorCodes.ActivityInFuture"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, the current actor is not a person of this organisation (<see cref="PaymentErrorCodes.NoDecidingPerson"/>), is the person (<see cref="PaymentErrorCodes.SelfDecision"/>) or holds no claim decider role (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the profile meanwhile; nothing was saved.</exception>
    public async Task<PaymentProfile> RecordBenefitsAdviceOfferAsync(ParticipantId participantId, DateOnly offeredOn, BenefitsAdviceOutcome outcome, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        Input.Defined(outcome);
        var recorder = await RequireActingPersonAsync("record benefits advice offers", cancellationToken).ConfigureAwait(false);
        RequireDecider(recorder, participantId, "record benefits advice for");
        var today = _options.Today(_clock);
        Rule.Require(offeredOn <= today, PaymentErrorCodes.ActivityInFuture, $"The offer is dated {offeredOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}): record it once it has been made.");
        return await ChangeProfileAsync(participantId, p => p.RecordBenefitsAdvice(offeredOn, outcome, recorder.Id, _clock), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a person works in the public sector, and whether the involvement they give is part of that job (then they are paid no fees).</summary>
    /// <param name="participantId">The person.</param>
    /// <param name="employer">The employing organisation, such as "NHS trust".</param>
    /// <param name="involvementWithinJob">Whether their involvement is part of their paid job.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved payment profile.</returns>
    /// <exception cref="InvalidInputException">The id is empty or the employer is blank.</exception>
    /// <exception cref="RecordNotFoundException">The person is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the profile meanwhile; nothing was saved.</exception>
    public Task<PaymentProfile> RecordPublicSectorEmploymentAsync(ParticipantId participantId, string employer, bool involvementWithinJob, CancellationToken cancellationToken)
    {
        new CommandInput().Text(employer).ThrowIfInvalid();
        return ChangeProfileAsync(participantId, p => p.RecordPublicSectorEmployment(employer, involvementWithinJob, _clock), cancellationToken);
    }

    /// <summary>Finds a person's payment profile.</summary>
    /// <param name="participantId">The person.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The profile, or <see langword="null"/> when nothing has been recorded.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    public async Task<PaymentProfile?> FindPaymentProfileAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        return await _profiles.FindAsync(PaymentProfileId.For(participantId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds up a person's fees and expenses per UK tax year (6 April to 5 April) from their claims that were not
    /// rejected: fees by the activity's date, expenses by their date (else the claim's submission date).
    /// </summary>
    /// <param name="participantId">The person.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One total per tax year with anything in it, earliest first, each flagged when its fees pass <see cref="PaymentOptions.TaxYearWarningThreshold"/>.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    public async Task<IReadOnlyList<TaxYearTotal>> GetTaxYearTotalsAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var claims = (await _claims.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false)).Where(c => c.Status != PaymentClaimStatus.Rejected).ToList();
        var fees = claims.SelectMany(c => c.Lines).GroupBy(l => UkTaxYear.Of(l.Date)).ToDictionary(g => g.Key, g => (Total: g.Sum(l => l.Amount), Paid: g.Count(l => l.Amount > 0)));
        var expenses = claims.SelectMany(c => c.Expenses.Select(e => (Year: UkTaxYear.Of(e.Date ?? _options.DateOf(c.SubmittedAt)), e.Amount))).GroupBy(e => e.Year).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        return [.. fees.Keys.Union(expenses.Keys).OrderBy(y => y.StartYear).Select(y =>
        {
            var (total, paid) = fees.GetValueOrDefault(y);
            return new TaxYearTotal(y, total, expenses.GetValueOrDefault(y), paid, _options.TaxYearWarningThreshold is { } threshold && total > threshold);
        })];
    }

    /// <summary>
    /// Hands finance the approved claims approved between two dates (inclusive, in the trust's time zone) that were not
    /// exported before: one row per fee line and per expense, with the policy, version and rate applied and the
    /// person's payment route, and marks those claims exported in the same unit of work (each with an event), so that
    /// no claim is exported twice.
    /// </summary>
    /// <param name="from">The first approval date.</param>
    /// <param name="to">The last approval date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The rows and the claims exported; empty when there is nothing new to export.</returns>
    /// <remarks>The export runs as the current actor (<see cref="IActorContext"/>), who must hold a claim decider role.</remarks>
    /// <exception cref="DomainRuleViolationException"><paramref name="from"/> is after <paramref name="to"/> (<see cref="PaymentErrorCodes.InvalidExportRange"/>); or, of kind <see cref="ErrorKind.Forbidden"/>, the current actor is not a person of this organisation (<see cref="PaymentErrorCodes.NoDecidingPerson"/>) or holds no claim decider role (<see cref="PaymentErrorCodes.NotAClaimDecider"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed one of the claims meanwhile (such as a second export); nothing was saved or exported.</exception>
    public async Task<FinanceExport> ExportApprovedClaimsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        Rule.Require(from <= to, PaymentErrorCodes.InvalidExportRange, $"The export runs from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: the first date must not be after the last.");
        var exporter = await RequireActingPersonAsync("export claims to finance", cancellationToken).ConfigureAwait(false);
        RequireDecider(exporter, null, "export");
        var approved = await _claims.ListByStatusAsync(PaymentClaimStatus.Approved, cancellationToken).ConfigureAwait(false);
        var due = approved.Where(c => c.ExportedAt is null && c.DecidedAt is { } decided && _options.DateOf(decided) >= from && _options.DateOf(decided) <= to).ToList();
        var rows = new List<FinanceExportRow>();
        var routes = new Dictionary<ParticipantId, PaymentRoute?>();
        foreach (var claim in due)
        {
            if (!routes.TryGetValue(claim.ParticipantId, out var route))
            {
                route = (await _profiles.FindAsync(PaymentProfileId.For(claim.ParticipantId), cancellationToken).ConfigureAwait(false))?.Route;
                routes[claim.ParticipantId] = route;
            }

            var approvedOn = _options.DateOf(claim.DecidedAt!.Value);
            rows.AddRange(claim.Lines.Select(l => new FinanceExportRow(claim.Id, claim.ParticipantId, route, approvedOn, "Fee", l.Date, $"{Words(l.Kind)}, {l.RoleLevel} rate", l.Hours, l.Basis.ToString(), l.Rate, l.PolicyName, l.PolicyVersionFrom, l.Amount, claim.CurrencyCode)));
            rows.AddRange(claim.Expenses.Select(e => new FinanceExportRow(claim.Id, claim.ParticipantId, route, approvedOn, "Expense", e.Date ?? _options.DateOf(claim.SubmittedAt), $"{Words(e.Kind)}: {e.Description}", e.Miles, e.Vehicle?.ToString(), null, null, null, e.Amount, claim.CurrencyCode)));
            claim.MarkExported(exporter.Id, _clock);
        }

        if (due.Count > 0)
        {
            await _unitOfWork.SaveAsync([.. due.Select(c => AggregateChange.Update(c))], cancellationToken).ConfigureAwait(false);
        }

        return new FinanceExport(from, to, _clock.GetUtcNow(), [.. due.Select(c => c.Id)], rows);
    }

    /// <summary>
    /// Counts the outstanding (submitted or approved) claims by how long they have waited, in the buckets 0-14, 15-28,
    /// 29-42 and over 42 days, with the payment target of the policy.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    public async Task<ClaimAgeingReport> GetClaimAgeingReportAsync(CancellationToken cancellationToken)
    {
        var outstanding = await GetOutstandingClaimsAsync(cancellationToken).ConfigureAwait(false);
        (string Label, int From, int? To)[] buckets = [("0-14 days", 0, 14), ("15-28 days", 15, 28), ("29-42 days", 29, 42), ("over 42 days", 43, null)];
        return new ClaimAgeingReport(
            _options.EffectivePaymentTargetDays(),
            [.. buckets.Select(b =>
            {
                var inBucket = outstanding.Where(a => a.DaysOutstanding >= b.From && (b.To is null || a.DaysOutstanding <= b.To)).ToList();
                return new ClaimAgeingBucket(b.Label, b.From, b.To, inBucket.Count, inBucket.Sum(a => a.Total));
            })],
            outstanding.Count(a => a.IsOverdue));
    }

    /// <summary>An enum member as words a person reads in a finance file: "ProjectMeeting" as "Project meeting".</summary>
    private static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    private List<PaymentWarning> CheckSafeguards(Participant claimant, PaymentProfile? profile, PaymentClaim claim, IReadOnlyList<ClaimLine> earlierLines)
    {
        var warnings = new List<PaymentWarning>();
        var paidLines = claim.Lines.Where(l => l.Amount > 0).ToList();
        if (paidLines.Count == 0)
        {
            return warnings;
        }

        var withinJob = profile?.PublicSectorEmployment?.InvolvementWithinJob == true;
        Rule.Require(
            !_options.RefuseFeesForWorkWithinOwnJob || !withinJob,
            PaymentErrorCodes.StaffWithinOwnJob,
            "The claimant is recorded as public-sector staff whose job includes this involvement (their payment profile), so they are not paid fees for work within their own job: submit the claim as expenses only, or correct their record if the work is outside their job.",
            ("participantId", claimant.Id));

        if (_options.BenefitsAdviceRule != BenefitsAdviceRule.Off)
        {
            var firstPaid = earlierLines.Where(l => l.Amount > 0).Select(l => l.Date).Concat(paidLines.Select(l => l.Date)).Min();
            var offer = profile?.BenefitsAdvice;
            if (offer is null || offer.OfferedOn > firstPaid)
            {
                var message = offer is null
                    ? $"No offer of benefits advice is recorded for the claimant, whose first paid activity is on {firstPaid:yyyy-MM-dd}: record the offer (accepted or declined) first, or submit the claim as expenses only."
                    : $"Benefits advice was offered on {offer.OfferedOn:yyyy-MM-dd}, after the claimant's first paid activity on {firstPaid:yyyy-MM-dd}: the offer must come before the first paid activity.";
                Rule.Require(_options.BenefitsAdviceRule != BenefitsAdviceRule.Block, PaymentErrorCodes.BenefitsAdviceNotOffered, message, ("participantId", claimant.Id));
                warnings.Add(new PaymentWarning(PaymentErrorCodes.BenefitsAdviceNotOffered, message));
            }
        }

        if (_options.MaximumPaidActivitiesPerWeek is { } limit)
        {
            var weeks = earlierLines.Concat(claim.Lines).Where(l => l.Amount > 0).GroupBy(l => PaymentClaim.PeriodStart(CapPeriod.Week, l.Date));
            var over = weeks.FirstOrDefault(w => w.Count() > limit && paidLines.Any(l => PaymentClaim.PeriodStart(CapPeriod.Week, l.Date) == w.Key));
            Rule.Require(over is null, PaymentErrorCodes.WeeklyLimitExceeded, $"The week from {over?.Key:yyyy-MM-dd} would hold {over?.Count()} paid activities, more than the limit of {limit}: move an activity to another claim as expenses only, or ask the team.", ("participantId", claimant.Id));
        }

        if (_options.TaxYearWarningThreshold is { } threshold)
        {
            foreach (var year in paidLines.Select(l => UkTaxYear.Of(l.Date)).Distinct().OrderBy(y => y.StartYear))
            {
                var total = earlierLines.Concat(claim.Lines).Where(l => year.Contains(l.Date)).Sum(l => l.Amount);
                if (total > threshold)
                {
                    warnings.Add(new PaymentWarning(PaymentErrorCodes.TaxYearThresholdReached, string.Create(CultureInfo.InvariantCulture, $"With this claim the claimant's fees in tax year {year} come to {total:0.00}, over the threshold of {threshold:0.00}: check the effect on their tax and benefits with them.")));
                }
            }
        }

        return warnings;
    }

    private async Task<PaymentProfile> ChangeProfileAsync(ParticipantId participantId, Action<PaymentProfile> change, CancellationToken cancellationToken)
    {
        await RequireParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var profile = await _profiles.FindAsync(PaymentProfileId.For(participantId), cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            profile = PaymentProfile.Start(_organisation.CurrentOrganisationId, participantId, _clock);
            change(profile);
            await _profiles.AddAsync(profile, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            change(profile);
            await _profiles.UpdateAsync(profile, cancellationToken).ConfigureAwait(false);
        }

        return profile;
    }

    /// <summary>
    /// The person the current command runs for (<see cref="IActorContext"/>): a participant of this organisation whose
    /// record was not erased. A system process, or a participant with no record here, is refused
    /// (<see cref="PaymentErrorCodes.NoDecidingPerson"/>, forbidden): what they decide must name a person.
    /// </summary>
    private async Task<Participant> RequireActingPersonAsync(string action, CancellationToken cancellationToken)
    {
        var actor = _actor.CurrentActor;
        Rule.Require(
            actor.Kind == ActorKind.Participant,
            PaymentErrorCodes.NoDecidingPerson,
            $"This command runs for the system process '{actor.ProcessName}', which cannot {action}: a person with a claim decider role must. Set the signed-in person as the actor (ActorContext.SetCurrent(Actor.ForParticipant(their participant id)); the ASP.NET Core integration does it from the participant claim).");
        var participantId = actor.ParticipantId!.Value;
        var person = await _participants.FindAsync(participantId, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            person is not null && !person.IsErased,
            PaymentErrorCodes.NoDecidingPerson,
            $"The current actor, participant {participantId}, {(person is null ? "has no participant record in this organisation" : "has had their record erased")}, so they cannot {action}: sign in as a person of this organisation with a claim decider role.",
            ("participantId", participantId));
        return person!;
    }

    private void RequireDecider(Participant decider, ParticipantId? subject, string action)
    {
        Rule.Require(subject is null || decider.Id != subject, PaymentErrorCodes.SelfDecision, $"The person recording this is the person it is about, so they cannot {action} themselves: another person with a claim decider role must.", ("participantId", decider.Id));
        Rule.Require(
            decider.Roles.Any(r => _options.ClaimDeciderRoles.Contains(r)),
            PaymentErrorCodes.NotAClaimDecider,
            $"The person has the roles {string.Join(", ", decider.Roles)}, none of which may {action} ({string.Join(", ", _options.ClaimDeciderRoles)}): ask someone with one of those roles, or change CoProductionOptions.Payments.ClaimDeciderRoles.",
            ("participantId", decider.Id));
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
internal sealed class PaymentsDataContributor(IInvolvementActivityStore activities, IPaymentClaimStore claims, IPaymentProfileStore profiles) : IParticipantDataContributor
{
    public string Section => "involvementAndPayments";

    public async Task<object?> CollectAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var activityList = await activities.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var claimList = await claims.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var profile = participantId == default ? null : await profiles.FindAsync(PaymentProfileId.For(participantId), cancellationToken).ConfigureAwait(false);
        var counted = claimList.Where(c => c.Status != PaymentClaimStatus.Rejected).ToList();
        return new
        {
            paymentProfile = profile is null ? null : new { profile.Route, profile.BenefitsAdvice, profile.PublicSectorEmployment, profile.UpdatedAt, profile.ErasedAt },
            taxYearFees = counted.SelectMany(c => c.Lines).GroupBy(l => UkTaxYear.Of(l.Date)).OrderBy(g => g.Key.StartYear).Select(g => new { taxYear = g.Key.ToString(), fees = g.Sum(l => l.Amount) }),
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
                c.Payment,
                c.ChosenFeesAmount,
                c.ExportedAt,
            }),
        };
    }
}

/// <summary>On a participant's erasure, removes their words from their involvement activities and payment claims, and erases their payment profile (route, benefits advice record, employment).</summary>
internal sealed class PaymentsDataEraser(IInvolvementActivityStore activities, IPaymentClaimStore claims, IPaymentProfileStore profiles, TimeProvider clock) : IParticipantDataEraser
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

        if (participantId != default && await profiles.FindAsync(PaymentProfileId.For(participantId), cancellationToken).ConfigureAwait(false) is { } profile)
        {
            profile.Erase(clock);
            changed.Add(profile);
        }

        return changed;
    }
}
