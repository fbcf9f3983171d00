using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Storage;
using Microsoft.Extensions.Options;

namespace CoProduction.Partners;

/// <summary>
/// Use cases of onboarding and supporting partners: recording onboarding checks, giving a selected person a role only
/// when every check the role requires is in force (one refusal code per missing check), their first activity, reviews
/// of fixed-term roles, support-plan reviews, the "ready to share my story" check with the right to withdraw, and the
/// confidential support records (debriefs, wellbeing check-ins, support-plan reviews), which only the participation
/// team writes and reads.
/// </summary>
/// <remarks>
/// The participation team is the people whose participant record holds one of
/// <see cref="PartnerOptions.ParticipationTeamRoles"/> (Staff by default): the current actor
/// (<see cref="IActorContext"/>) must be such a person, not erased. A system process is never on the team, so a
/// background job cannot read support records.
/// </remarks>
public sealed class PartnerService
{
    private readonly IPartnerRecordStore _records;
    private readonly ISupportRecordStore _support;
    private readonly IOpportunityStore _opportunities;
    private readonly IParticipantStore _participants;
    private readonly IUnitOfWork _unitOfWork;
    private readonly IActorContext _actor;
    private readonly PartnerOptions _options;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="records">The partner record store.</param>
    /// <param name="support">The confidential support record store.</param>
    /// <param name="opportunities">The opportunity store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="unitOfWork">Saves a support record with the partner record it updates.</param>
    /// <param name="actor">Who the current command runs for.</param>
    /// <param name="options">The library's options (<see cref="CoProductionOptions.Partners"/>).</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    public PartnerService(
        IPartnerRecordStore records,
        ISupportRecordStore support,
        IOpportunityStore opportunities,
        IParticipantStore participants,
        IUnitOfWork unitOfWork,
        IActorContext actor,
        IOptions<CoProductionOptions> options,
        IOrganisationContext organisation,
        TimeProvider clock)
    {
        _records = Guard.Against.Null(records);
        _support = Guard.Against.Null(support);
        _opportunities = Guard.Against.Null(opportunities);
        _participants = Guard.Against.Null(participants);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _actor = Guard.Against.Null(actor);
        _options = Guard.Against.Null(options).Value.Partners;
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Finds a participant's partner record (which holds no confidential support records).</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The record, or <see langword="null"/> when they have none.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    public Task<PartnerRecord?> FindRecordAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        return _records.FindByParticipantAsync(participantId, cancellationToken);
    }

    /// <summary>Records a completed onboarding check, opening the person's partner record if they have none.</summary>
    /// <param name="participantId">The person, registered as a participant.</param>
    /// <param name="kind">The kind of check.</param>
    /// <param name="trainingName">For training, the course; otherwise <see langword="null"/>.</param>
    /// <param name="completedOn">When it was completed (for a DBS check, the certificate's date).</param>
    /// <param name="expiresOn">When it expires or falls due for renewal, if it does.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved partner record.</returns>
    /// <exception cref="InvalidInputException">The id is empty, the kind is not defined, or the training name is missing for training (or given for another kind).</exception>
    /// <exception cref="RecordNotFoundException">The person is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person is erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or a date is in the future or the expiry is not after completion (<see cref="PartnerErrorCodes.DateOutOfRange"/>); or, of kind <see cref="ErrorKind.Conflict"/>, someone opened a record for the same person meanwhile (<see cref="PartnerErrorCodes.PartnerRecordExists"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public async Task<PartnerRecord> RecordCheckAsync(ParticipantId participantId, OnboardingCheckKind kind, string? trainingName, DateOnly completedOn, DateOnly? expiresOn, CancellationToken cancellationToken)
    {
        new CommandInput().Id(participantId).Defined(kind).ThrowIfInvalid();
        _ = new CheckRequirement(kind, trainingName);
        await ParticipantLookup.RequireAsync(_participants, participantId, "a partner", cancellationToken).ConfigureAwait(false);
        var existing = await _records.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        var record = existing ?? PartnerRecord.Open(_organisation.CurrentOrganisationId, participantId, _clock);
        record.RecordCheck(kind, trainingName, completedOn, expiresOn, _clock);
        await _unitOfWork.SaveAsync([existing is null ? AggregateChange.Add(record) : AggregateChange.Update(record)], cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Lists what a person still needs for a role: the required checks that no check of theirs in force on the date meets, in checklist order.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="participantId">The person.</param>
    /// <param name="on">The date.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The missing requirements; every requirement when the person has no partner record yet.</returns>
    /// <exception cref="InvalidInputException">An id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>).</exception>
    public async Task<IReadOnlyList<CheckRequirement>> ListMissingChecksAsync(OpportunityId opportunityId, ParticipantId participantId, DateOnly on, CancellationToken cancellationToken)
    {
        new CommandInput().Id(opportunityId).Id(participantId).ThrowIfInvalid();
        var opportunity = await RequireOpportunityAsync(opportunityId, cancellationToken).ConfigureAwait(false);
        var record = await _records.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        return record is null ? opportunity.RequiredChecks : record.MissingChecks(opportunity.RequiredChecks, on);
    }

    /// <summary>
    /// Gives a selected person a role. They must have been selected for the opportunity and told, and every check the
    /// role requires must be in force on the date; otherwise the refusal's code names the first missing check (and
    /// <c>missingChecks</c> in <see cref="Exception.Data"/> lists the codes of them all).
    /// </summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="participantId">The person.</param>
    /// <param name="appointedOn">When they take on the role (not in the future).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The appointment.</returns>
    /// <exception cref="InvalidInputException">An id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity or the person's partner record is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>, <see cref="PartnerErrorCodes.PartnerRecordNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">They were not selected and told (<see cref="PartnerErrorCodes.NotSelected"/>); a required check is missing or out of date (<see cref="PartnerErrorCodes.AgreementNotSigned"/>, <see cref="PartnerErrorCodes.InductionNotDone"/>, <see cref="PartnerErrorCodes.DbsCheckMissing"/>, <see cref="PartnerErrorCodes.ReferencesMissing"/>, <see cref="PartnerErrorCodes.TrainingMissing"/>); they already hold the role (<see cref="PartnerErrorCodes.AlreadyAppointed"/>); or the date is in the future (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public async Task<RoleAppointment> AppointAsync(OpportunityId opportunityId, ParticipantId participantId, DateOnly appointedOn, CancellationToken cancellationToken)
    {
        new CommandInput().Id(opportunityId).Id(participantId).ThrowIfInvalid();
        var opportunity = await RequireOpportunityAsync(opportunityId, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            opportunity.Expressions.Any(e => e.ParticipantId == participantId && e.WithdrawnAt is null && e.IsSelectedAndTold),
            PartnerErrorCodes.NotSelected,
            $"This person was not selected for '{opportunity.Role.Title}' and told: record the decision, its reason and that they were told first.",
            ("participantId", participantId),
            ("opportunityId", opportunityId));
        var record = await RequireRecordAsync(participantId, cancellationToken).ConfigureAwait(false);
        var appointment = record.Appoint(opportunity, appointedOn, _clock);
        await _records.UpdateAsync(record, cancellationToken).ConfigureAwait(false);
        return appointment;
    }

    /// <summary>Records a partner's first activity in a role, which makes them active in it; the role's checks must be in force on that date too.</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="appointmentId">The appointment.</param>
    /// <param name="on">The date of the first activity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The appointment.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The partner record or appointment is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>, <see cref="PartnerErrorCodes.AppointmentNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A required check is no longer in force (<see cref="PartnerErrorCodes.DbsCheckMissing"/> and the other check codes), the role ended (<see cref="PartnerErrorCodes.AppointmentEnded"/>), its first activity is already recorded (<see cref="PartnerErrorCodes.AlreadyActive"/>), or the date is out of range (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public async Task<RoleAppointment> RecordFirstActivityAsync(ParticipantId participantId, RoleAppointmentId appointmentId, DateOnly on, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var record = await RequireRecordAsync(participantId, cancellationToken).ConfigureAwait(false);
        var appointment = record.Appointments.FirstOrDefault(a => a.Id == appointmentId);
        Rule.Require(appointment is not null, PartnerErrorCodes.AppointmentNotFound, $"This partner has no role appointment {appointmentId}: check the id.", ("participantId", participantId));
        var opportunity = await RequireOpportunityAsync(appointment.OpportunityId, cancellationToken).ConfigureAwait(false);
        var updated = record.RecordFirstActivity(opportunity, appointmentId, on, _clock);
        await _records.UpdateAsync(record, cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Records the review of a fixed-term role: it goes on to a next review date, or (with none) ends on the review date.</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="appointmentId">The appointment.</param>
    /// <param name="reviewedOn">When it was reviewed.</param>
    /// <param name="nextReviewOn">The next review, or <see langword="null"/> to end the role.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The appointment.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The partner record or appointment is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>, <see cref="PartnerErrorCodes.AppointmentNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The role is open-ended (<see cref="PartnerErrorCodes.NotFixedTerm"/>) or ended (<see cref="PartnerErrorCodes.AppointmentEnded"/>), or a date is out of range (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public async Task<RoleAppointment> ReviewRoleAsync(ParticipantId participantId, RoleAppointmentId appointmentId, DateOnly reviewedOn, DateOnly? nextReviewOn, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var record = await RequireRecordAsync(participantId, cancellationToken).ConfigureAwait(false);
        var appointment = record.ReviewRole(appointmentId, reviewedOn, nextReviewOn, _clock);
        await _records.UpdateAsync(record, cancellationToken).ConfigureAwait(false);
        return appointment;
    }

    /// <summary>Sets when a partner's support plan is next reviewed (a support-plan review record sets it too).</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="reviewOn">When (today or later).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved partner record.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The partner record is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The date has passed (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public Task<PartnerRecord> ScheduleSupportPlanReviewAsync(ParticipantId participantId, DateOnly reviewOn, CancellationToken cancellationToken)
        => ChangeAsync(participantId, r => r.ScheduleSupportPlanReview(reviewOn, _clock), cancellationToken);

    /// <summary>Plans a session at which a partner is to share their story; their readiness is then confirmed with them.</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="occasion">The session, such as "Board meeting patient story" (the occasion, not the story).</param>
    /// <param name="sessionOn">When the session is (today or later).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The story-sharing entry.</returns>
    /// <exception cref="InvalidInputException">The id is empty or the occasion is blank.</exception>
    /// <exception cref="RecordNotFoundException">The partner record is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The date has passed (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public async Task<StorySharing> PlanStorySharingAsync(ParticipantId participantId, string occasion, DateOnly sessionOn, CancellationToken cancellationToken)
    {
        new CommandInput().Id(participantId).Text(occasion).ThrowIfInvalid();
        StorySharing? entry = null;
        await ChangeAsync(participantId, r => entry = r.PlanStorySharing(occasion, sessionOn, _clock), cancellationToken).ConfigureAwait(false);
        return entry!;
    }

    /// <summary>Records that the partner confirmed they are ready to share their story at the session.</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="storyId">The story-sharing entry.</param>
    /// <param name="confirmedOn">When they confirmed (not after the session, not in the future).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The story-sharing entry.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The partner record or entry is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>, <see cref="PartnerErrorCodes.StoryNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">They withdrew (<see cref="PartnerErrorCodes.StoryWithdrawn"/>), or the date is out of range (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public async Task<StorySharing> ConfirmReadyToShareAsync(ParticipantId participantId, StorySharingId storyId, DateOnly confirmedOn, CancellationToken cancellationToken)
    {
        StorySharing? entry = null;
        await ChangeAsync(participantId, r => entry = r.ConfirmReadyToShare(storyId, confirmedOn, _clock), cancellationToken).ConfigureAwait(false);
        return entry!;
    }

    /// <summary>Records that the partner withdrew from sharing their story at a session: their right at any time before it, with no reason asked.</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="storyId">The story-sharing entry.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The story-sharing entry.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The partner record or entry is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>, <see cref="PartnerErrorCodes.StoryNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">They already withdrew (<see cref="PartnerErrorCodes.StoryWithdrawn"/>), or the session has taken place (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the record meanwhile; nothing was saved.</exception>
    public async Task<StorySharing> WithdrawFromStorySharingAsync(ParticipantId participantId, StorySharingId storyId, CancellationToken cancellationToken)
    {
        StorySharing? entry = null;
        await ChangeAsync(participantId, r => entry = r.WithdrawFromStorySharing(storyId, _clock), cancellationToken).ConfigureAwait(false);
        return entry!;
    }

    /// <summary>The "ready to share my story" check before a story-sharing session: whether the partner confirmed they are ready, not yet, or withdrew.</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="storyId">The story-sharing entry.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Their readiness; only <see cref="StoryReadiness.Ready"/> means the story can be shared.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The partner record or entry is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>, <see cref="PartnerErrorCodes.StoryNotFound"/>).</exception>
    public async Task<StoryReadiness> CheckReadyToShareAsync(ParticipantId participantId, StorySharingId storyId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var record = await RequireRecordAsync(participantId, cancellationToken).ConfigureAwait(false);
        var entry = record.StorySharing.FirstOrDefault(s => s.Id == storyId);
        Rule.Require(entry is not null, PartnerErrorCodes.StoryNotFound, $"This partner has no story-sharing session {storyId}: check the id.", ("participantId", participantId));
        return entry.Readiness;
    }

    /// <summary>
    /// Records a confidential support conversation held by the current actor, who must be on the participation team: a
    /// debrief (optionally after a story-sharing session, which it marks as debriefed), a wellbeing check-in, or a
    /// support-plan review (which sets the plan's next review date on the partner record).
    /// </summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="kind">The kind of conversation.</param>
    /// <param name="heldOn">When it was held.</param>
    /// <param name="agreedNextStep">The next step agreed with the partner.</param>
    /// <param name="notes">Confidential notes, if any.</param>
    /// <param name="storySharingId">For a debrief after sharing a story, the session; otherwise <see langword="null"/>.</param>
    /// <param name="nextReviewOn">For a support-plan review, the next review date; otherwise <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved support record.</returns>
    /// <exception cref="InvalidInputException">The id is empty, the kind is not defined, the next step is blank, or the session or next review date does not fit the kind.</exception>
    /// <exception cref="RecordNotFoundException">The partner record or session is unknown (<see cref="PartnerErrorCodes.PartnerRecordNotFound"/>, <see cref="PartnerErrorCodes.StoryNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">Of kind <see cref="ErrorKind.Forbidden"/>, the actor is not on the participation team (<see cref="PartnerErrorCodes.NotParticipationTeam"/>); or a date is out of range (<see cref="PartnerErrorCodes.DateOutOfRange"/>), the session was not shared (<see cref="PartnerErrorCodes.StoryNotShared"/>) or is already debriefed (<see cref="PartnerErrorCodes.DebriefAlreadyHeld"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the partner record meanwhile; nothing was saved.</exception>
    public async Task<SupportRecord> RecordSupportAsync(ParticipantId participantId, SupportRecordKind kind, DateOnly heldOn, string agreedNextStep, string? notes, StorySharingId? storySharingId, DateOnly? nextReviewOn, CancellationToken cancellationToken)
    {
        new CommandInput().Id(participantId).Defined(kind).Text(agreedNextStep).ThrowIfInvalid();
        var teamMember = await RequireParticipationTeamAsync("record", cancellationToken).ConfigureAwait(false);
        var record = await RequireRecordAsync(participantId, cancellationToken).ConfigureAwait(false);
        var support = SupportRecord.Record(_organisation.CurrentOrganisationId, participantId, kind, heldOn, teamMember, agreedNextStep, notes, storySharingId, nextReviewOn, _clock);
        var changes = new List<AggregateChange> { AggregateChange.Add(support) };
        if (storySharingId is { } storyId)
        {
            record.RecordDebriefHeld(storyId, support.Id, heldOn, _clock);
        }

        if (nextReviewOn is { } next)
        {
            record.ScheduleSupportPlanReview(next, _clock);
        }

        if (record.PendingEvents.Count > 0 || storySharingId is not null)
        {
            changes.Add(AggregateChange.Update(record));
        }

        await _unitOfWork.SaveAsync(changes, cancellationToken).ConfigureAwait(false);
        return support;
    }

    /// <summary>Lists the confidential support records about a partner, by the date held. Only for the participation team.</summary>
    /// <param name="participantId">The partner.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The records.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="DomainRuleViolationException">Of kind <see cref="ErrorKind.Forbidden"/>, the actor is not on the participation team (<see cref="PartnerErrorCodes.NotParticipationTeam"/>).</exception>
    public async Task<IReadOnlyList<SupportRecord>> ListSupportRecordsAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        await RequireParticipationTeamAsync("read", cancellationToken).ConfigureAwait(false);
        return await _support.ListForParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
    }

    private Task<ParticipantId> RequireParticipationTeamAsync(string action, CancellationToken cancellationToken)
        => ParticipationTeam.RequireMemberAsync(_actor, _participants, _options, $"Support records are confidential: only the participation team may {action} them", cancellationToken);

    private async Task<Opportunity> RequireOpportunityAsync(OpportunityId opportunityId, CancellationToken cancellationToken)
        => await _opportunities.FindAsync(opportunityId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PartnerErrorCodes.OpportunityNotFound, $"There is no opportunity {opportunityId} in organisation {_organisation.CurrentOrganisationId}: check the id.");

    private async Task<PartnerRecord> RequireRecordAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => await _records.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false)
            ?? throw Rule.WithData(new RecordNotFoundException(PartnerErrorCodes.PartnerRecordNotFound, "This person has no partner record yet: record an onboarding check first, which opens one."), ("participantId", participantId));

    private async Task<PartnerRecord> ChangeAsync(ParticipantId participantId, Action<PartnerRecord> change, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var record = await RequireRecordAsync(participantId, cancellationToken).ConfigureAwait(false);
        change(record);
        await _records.UpdateAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }
}
