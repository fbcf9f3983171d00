using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts;
using Microsoft.Extensions.Options;

namespace CoProduction.Programmes.Pathways;

/// <summary>
/// Use cases for the patient-trainer pathway: start one for a patient partner, record evidence (by hand or from the
/// sessions they facilitated), agree a support plan and progress with sign-off by a member of staff or a lead
/// trainer, against the thresholds in <see cref="ProgrammeOptions.PatientTrainerPathway"/>.
/// </summary>
public sealed class PatientTrainerPathwayService
{
    private readonly IPatientTrainerPathwayStore _pathways;
    private readonly ICohortStore _cohorts;
    private readonly IParticipantStore _participants;
    private readonly CoProductionOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="pathways">The pathway store.</param>
    /// <param name="cohorts">The cohort store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="options">The library's options.</param>
    /// <param name="clock">The clock.</param>
    public PatientTrainerPathwayService(IPatientTrainerPathwayStore pathways, ICohortStore cohorts, IParticipantStore participants, IOptions<CoProductionOptions> options, TimeProvider clock)
    {
        _pathways = Guard.Against.Null(pathways);
        _cohorts = Guard.Against.Null(cohorts);
        _participants = Guard.Against.Null(participants);
        _options = Guard.Against.Null(options).Value;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Starts a patient partner's pathway as an observer.</summary>
    /// <param name="participantId">The patient partner.</param>
    /// <param name="startedOn">The first day.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new pathway.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The participant is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), brings no lived experience (<see cref="ProgrammeErrorCodes.PathwayNeedsLivedExperience"/>), or already has a pathway (<see cref="ProgrammeErrorCodes.PathwayAlreadyExists"/>). The store keeps this rule: of two calls racing for the same participant, one stores the pathway and the other is refused with that code.</exception>
    public async Task<PatientTrainerPathway> StartAsync(ParticipantId participantId, DateOnly startedOn, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        var participant = await ParticipantLookup.RequireAsync(_participants, participantId, "a patient trainer", cancellationToken).ConfigureAwait(false);
        // A friendly early answer; the store's unique rule (one pathway per participant) is what guarantees it.
        var existing = await _pathways.FindByParticipantAsync(participantId, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            existing is null,
            ProgrammeErrorCodes.PathwayAlreadyExists,
            $"This patient partner is already on the patient-trainer pathway (stage {existing?.Stage}): record evidence on that pathway rather than starting another.",
            ("participantId", participantId), ("pathwayId", existing?.Id.ToString() ?? string.Empty));
        var pathway = PatientTrainerPathway.Start(participant, startedOn, _clock);
        await _pathways.AddAsync(pathway, cancellationToken).ConfigureAwait(false);
        return pathway;
    }

    /// <summary>Finds a participant's pathway.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pathway, or <see langword="null"/>.</returns>
    public Task<PatientTrainerPathway?> FindByParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken) => _pathways.FindByParticipantAsync(participantId, cancellationToken);

    /// <summary>Finds a pathway of the current organisation by id.</summary>
    /// <param name="pathwayId">The pathway.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pathway, or <see langword="null"/> when there is none (an empty id included).</returns>
    public ValueTask<PatientTrainerPathway?> FindAsync(PatientTrainerPathwayId pathwayId, CancellationToken cancellationToken) => _pathways.FindAsync(pathwayId, cancellationToken);

    /// <summary>Gets a pathway of the current organisation, or fails with a clear error.</summary>
    /// <param name="pathwayId">The pathway.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pathway.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such pathway in the current organisation (<see cref="ProgrammeErrorCodes.PathwayNotFound"/>).</exception>
    public async Task<PatientTrainerPathway> GetAsync(PatientTrainerPathwayId pathwayId, CancellationToken cancellationToken)
    {
        Input.Id(pathwayId);
        return await _pathways.FindAsync(pathwayId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(ProgrammeErrorCodes.PathwayNotFound, $"No patient-trainer pathway {pathwayId} exists in this organisation: check the id, or start the pathway first.");
    }

    /// <summary>Lists one page of the current organisation's pathways, in the order they were started, with the number of them all.</summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="Storage.PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public Task<Storage.Page<PatientTrainerPathway>> ListAsync(Storage.PageRequest page, CancellationToken cancellationToken) => _pathways.ListPageAsync(page, cancellationToken);

    /// <summary>Lists the current organisation's pathways at one stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The pathways at that stage.</returns>
    /// <exception cref="InvalidInputException">The stage is not defined.</exception>
    public Task<IReadOnlyList<PatientTrainerPathway>> ListAtStageAsync(PathwayStage stage, CancellationToken cancellationToken)
    {
        Input.Defined(stage);
        return _pathways.ListAsync(stage, cancellationToken);
    }

    /// <summary>Records a piece of evidence (supervision, a debrief, or a session outside the library's cohorts).</summary>
    /// <param name="pathwayId">The pathway.</param>
    /// <param name="kind">What it is.</param>
    /// <param name="on">When it took place.</param>
    /// <param name="note">A short note, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The kind is not defined, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The pathway is unknown, an empty id included (<see cref="ProgrammeErrorCodes.PathwayNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The pathway's participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or the evidence is dated after today (<see cref="ProgrammeErrorCodes.DateInFuture"/>) or before the pathway started (<see cref="ProgrammeErrorCodes.EvidenceBeforePathway"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the pathway meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RecordEvidenceAsync(PatientTrainerPathwayId pathwayId, EvidenceKind kind, DateOnly on, string? note, CancellationToken cancellationToken)
    {
        var pathway = await RequirePathwayAsync(pathwayId, cancellationToken).ConfigureAwait(false);
        pathway.RecordEvidence(kind, on, null, note, _clock);
        await _pathways.UpdateAsync(pathway, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a delivered cohort session the patient partner facilitated as evidence: shadowing counts as a session
    /// observed, leading or co-facilitating as a session co-delivered.
    /// </summary>
    /// <param name="pathwayId">The pathway.</param>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="sessionId">The delivered session.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The kind of evidence recorded.</returns>
    /// <exception cref="RecordNotFoundException">The pathway, cohort or session is unknown, an empty id included (<see cref="ProgrammeErrorCodes.PathwayNotFound"/>, <see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.SessionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The pathway's participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or did not facilitate the session (<see cref="ProgrammeErrorCodes.NotFacilitatorOfSession"/>), the session was not delivered (<see cref="ProgrammeErrorCodes.SessionNotDelivered"/>), is dated before the pathway started (<see cref="ProgrammeErrorCodes.EvidenceBeforePathway"/>), or is already recorded as that evidence (<see cref="ProgrammeErrorCodes.DuplicateEvidence"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the pathway meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<EvidenceKind> RecordSessionEvidenceAsync(PatientTrainerPathwayId pathwayId, CohortId cohortId, CohortSessionId sessionId, CancellationToken cancellationToken)
    {
        var pathway = await RequirePathwayAsync(pathwayId, cancellationToken).ConfigureAwait(false);
        var cohort = await _cohorts.FindAsync(cohortId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(ProgrammeErrorCodes.CohortNotFound, $"No cohort {cohortId} exists in this organisation: check the id.");
        var session = cohort.FindSession(sessionId)
            ?? throw new RecordNotFoundException(ProgrammeErrorCodes.SessionNotFound, $"Cohort '{cohort.Name}' has no session {sessionId}: check the session id.");
        Rule.Require(
            session.Status == SessionStatus.Delivered,
            ProgrammeErrorCodes.SessionNotDelivered,
            $"Session {sessionId} is {session.Status}: only a delivered session counts as evidence. Record it as delivered first.");
        var role = session.Facilitators.FirstOrDefault(f => f.ParticipantId == pathway.ParticipantId)?.Role;
        Rule.Require(
            role is not null,
            ProgrammeErrorCodes.NotFacilitatorOfSession,
            "The patient trainer was not among the facilitators of this session: add them to the session's facilitators, or record other evidence by hand.",
            ("participantId", pathway.ParticipantId), ("sessionId", sessionId));
        var kind = role == FacilitatorRole.Shadow ? EvidenceKind.SessionObserved : EvidenceKind.SessionCoDelivered;
        pathway.RecordEvidence(kind, DateOnly.FromDateTime(session.StartsAt.DateTime), sessionId, $"{role} in module {session.ModuleCode} of cohort '{cohort.Name}'", _clock);
        await _pathways.UpdateAsync(pathway, cancellationToken).ConfigureAwait(false);
        return kind;
    }

    /// <summary>Agrees (or replaces) the support plan; a named mentor must be a participant of this organisation.</summary>
    /// <param name="pathwayId">The pathway.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The pathway (an empty id included) or the mentor is unknown (<see cref="ProgrammeErrorCodes.PathwayNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The pathway's participant or the mentor has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or the participant is named as their own mentor (<see cref="ProgrammeErrorCodes.SelfSignOff"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the pathway meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task AgreeSupportPlanAsync(PatientTrainerPathwayId pathwayId, SupportPlan plan, CancellationToken cancellationToken)
    {
        Guard.Against.Null(plan);
        var pathway = await RequirePathwayAsync(pathwayId, cancellationToken).ConfigureAwait(false);
        if (plan.MentorId is { } mentor)
        {
            await ParticipantLookup.RequireAsync(_participants, mentor, "a mentor", cancellationToken).ConfigureAwait(false);
        }

        pathway.AgreeSupportPlan(plan, _clock);
        await _pathways.UpdateAsync(pathway, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the patient partner up one step, signed off by a named participant who is a member of staff or a lead
    /// trainer, when the evidence the options require is there.
    /// </summary>
    /// <param name="pathwayId">The pathway.</param>
    /// <param name="signatoryId">Who signs off.</param>
    /// <param name="signedOffOn">The date of the sign-off.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new stage.</returns>
    /// <exception cref="InvalidInputException">The signatory's id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The pathway (an empty id included) or the signatory is unknown (<see cref="ProgrammeErrorCodes.PathwayNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The pathway's participant or the signatory has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>); the signatory is neither staff nor a lead trainer (<see cref="ProgrammeErrorCodes.SignatoryNotEligible"/>) or is the participant (<see cref="ProgrammeErrorCodes.SelfSignOff"/>); the participant is already a lead trainer (<see cref="ProgrammeErrorCodes.PathwayAlreadyAtLastStage"/>); the sign-off is dated after today (<see cref="ProgrammeErrorCodes.DateInFuture"/>) or before the current stage began (<see cref="ProgrammeErrorCodes.EvidenceBeforePathway"/>); or evidence the options require is missing (<see cref="ProgrammeErrorCodes.PathwayEvidenceMissing"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the pathway meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PathwayStage> ProgressAsync(PatientTrainerPathwayId pathwayId, ParticipantId signatoryId, DateOnly signedOffOn, CancellationToken cancellationToken)
    {
        Input.Id(signatoryId);
        var pathway = await RequirePathwayAsync(pathwayId, cancellationToken).ConfigureAwait(false);
        var signatory = await ParticipantLookup.RequireAsync(_participants, signatoryId, "a signatory", cancellationToken).ConfigureAwait(false);
        SignatoryCapacity? capacity = null;
        if (signatory.HasRole(ParticipantRole.Staff))
        {
            capacity = SignatoryCapacity.Staff;
        }
        else if (signatoryId != pathway.ParticipantId)
        {
            var signatoryPathway = await _pathways.FindByParticipantAsync(signatoryId, cancellationToken).ConfigureAwait(false);
            capacity = signatoryPathway?.Stage == PathwayStage.LeadTrainer ? SignatoryCapacity.LeadTrainer : null;
        }
        else
        {
            capacity = SignatoryCapacity.LeadTrainer;
        }

        Rule.Require(
            capacity is not null,
            ProgrammeErrorCodes.SignatoryNotEligible,
            "The person signing off is neither a member of staff nor a lead trainer, so cannot sign off a step of the pathway: ask a member of staff or a lead trainer.",
            ("participantId", signatoryId));
        var stage = pathway.Progress(_options.Programmes.PatientTrainerPathway, new PathwaySignatory(signatoryId, capacity!.Value), signedOffOn, _clock);
        await _pathways.UpdateAsync(pathway, cancellationToken).ConfigureAwait(false);
        return stage;
    }

    /// <summary>Finds a pathway whose patient partner is still on record (an erased participant takes on nothing new).</summary>
    private async Task<PatientTrainerPathway> RequirePathwayAsync(PatientTrainerPathwayId pathwayId, CancellationToken cancellationToken)
    {
        var pathway = await _pathways.FindAsync(pathwayId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(
                ProgrammeErrorCodes.PathwayNotFound,
                $"No patient-trainer pathway {pathwayId} exists in this organisation: check the id, or start the pathway first.");
        await ParticipantLookup.RequireAsync(_participants, pathway.ParticipantId, "a patient trainer on the pathway", cancellationToken).ConfigureAwait(false);
        return pathway;
    }
}
