using System.Globalization;
using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Pathways.Events;

namespace CoProduction.Programmes.Pathways;

/// <summary>The steps of the patient-trainer pathway.</summary>
public enum PathwayStage
{
    /// <summary>Observes (shadows) sessions.</summary>
    Observer,

    /// <summary>Co-delivers sessions with a lead.</summary>
    CoFacilitator,

    /// <summary>Leads sessions.</summary>
    LeadTrainer,
}

/// <summary>The kinds of evidence on the pathway.</summary>
public enum EvidenceKind
{
    /// <summary>A session observed (shadowed).</summary>
    SessionObserved,

    /// <summary>A session co-delivered (co-facilitated or led).</summary>
    SessionCoDelivered,

    /// <summary>A supervision session with an experienced trainer or member of staff.</summary>
    Supervision,

    /// <summary>A debrief after a session.</summary>
    Debrief,
}

/// <summary>In what capacity someone signs off a step of the pathway.</summary>
public enum SignatoryCapacity
{
    /// <summary>A member of staff.</summary>
    Staff,

    /// <summary>A patient trainer who is already a lead trainer.</summary>
    LeadTrainer,
}

/// <summary>One piece of evidence. Immutable.</summary>
/// <param name="Id">The evidence's own id.</param>
/// <param name="Kind">What it is.</param>
/// <param name="On">When it took place.</param>
/// <param name="SessionId">The cohort session it refers to, if any.</param>
/// <param name="Note">A short note (no personal data about others), if any.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record PathwayEvidence(Guid Id, EvidenceKind Kind, DateOnly On, CohortSessionId? SessionId, string? Note, DateTimeOffset RecordedAt);

/// <summary>A step taken on the pathway and who signed it off. Immutable.</summary>
/// <param name="From">The previous stage.</param>
/// <param name="To">The new stage.</param>
/// <param name="SignedOffBy">Who signed it off.</param>
/// <param name="Capacity">In what capacity.</param>
/// <param name="On">The date of the sign-off.</param>
public sealed record StageSignOff(PathwayStage From, PathwayStage To, ParticipantId SignedOffBy, SignatoryCapacity Capacity, DateOnly On);

/// <summary>Who signs off a step, and in what capacity. The application service checks the capacity against the records.</summary>
/// <param name="ParticipantId">The signatory.</param>
/// <param name="Capacity">Staff, or a lead trainer.</param>
internal sealed record PathwaySignatory(ParticipantId ParticipantId, SignatoryCapacity Capacity);

/// <summary>How a patient partner is supported on the pathway: debriefs, mentoring and payment. Immutable.</summary>
public sealed record SupportPlan
{
    /// <summary>Initialises a support plan.</summary>
    /// <param name="debriefArrangements">How and when debriefs happen, such as "15 minutes after every session with the co-facilitator".</param>
    /// <param name="mentorId">The mentor, if one is named.</param>
    /// <param name="paymentArrangements">How the partner is paid (or that they decline payment), such as "Paid at the Lead rate within 30 days".</param>
    /// <param name="reviewOn">When the plan is next reviewed, if set.</param>
    public SupportPlan(string debriefArrangements, ParticipantId? mentorId, string paymentArrangements, DateOnly? reviewOn)
    {
        DebriefArrangements = Input.Required(debriefArrangements).Trim();
        PaymentArrangements = Input.Required(paymentArrangements).Trim();
        if (mentorId is { } mentor)
        {
            Input.Id(mentor, nameof(mentorId));
        }

        MentorId = mentorId;
        ReviewOn = reviewOn;
    }

    /// <summary>Gets how and when debriefs happen.</summary>
    public string DebriefArrangements { get; }

    /// <summary>Gets the mentor, if one is named.</summary>
    public ParticipantId? MentorId { get; }

    /// <summary>Gets how the partner is paid.</summary>
    public string PaymentArrangements { get; }

    /// <summary>Gets when the plan is next reviewed.</summary>
    public DateOnly? ReviewOn { get; }
}

/// <summary>
/// A patient partner's pathway to leading training: Observer, then CoFacilitator, then LeadTrainer. Each step needs
/// the evidence the organisation asks for (sessions observed or co-delivered, supervision, debriefs, counted since
/// the current step began), a support plan, and sign-off by a named member of staff or lead trainer.
/// </summary>
public sealed class PatientTrainerPathway : AggregateRoot<PatientTrainerPathwayId>
{
    private readonly List<PathwayEvidence> _evidence = [];
    private readonly List<StageSignOff> _signOffs = [];

    private PatientTrainerPathway(PatientTrainerPathwayId id, OrganisationId organisationId, ParticipantId participantId, DateOnly startedOn)
        : base(id, organisationId)
    {
        ParticipantId = participantId;
        StartedOn = startedOn;
        CurrentStageSince = startedOn;
    }

    private PatientTrainerPathway()
    {
    }

    /// <summary>Gets the patient partner on the pathway.</summary>
    public ParticipantId ParticipantId { get; private set; }

    /// <summary>Gets the day the pathway started.</summary>
    public DateOnly StartedOn { get; private set; }

    /// <summary>Gets the current stage.</summary>
    public PathwayStage Stage { get; private set; }

    /// <summary>Gets the day the current stage began (the start, or the last sign-off).</summary>
    public DateOnly CurrentStageSince { get; private set; }

    /// <summary>Gets the evidence, in order of recording.</summary>
    public IReadOnlyList<PathwayEvidence> Evidence => _evidence;

    /// <summary>Gets the sign-offs, oldest first.</summary>
    public IReadOnlyList<StageSignOff> SignOffs => _signOffs;

    /// <summary>Gets the agreed support plan, if any.</summary>
    public SupportPlan? SupportPlan { get; private set; }

    /// <summary>Removes the partner's own words on their erasure: evidence notes and the support plan's arrangements (the mentor and review date stay).</summary>
    internal void RemovePersonalText()
    {
        for (var i = 0; i < _evidence.Count; i++)
        {
            _evidence[i] = _evidence[i] with { Note = PersonalData.Removed(_evidence[i].Note) };
        }

        if (SupportPlan is { } plan)
        {
            SupportPlan = new SupportPlan(PersonalData.RemovedOnErasure, plan.MentorId, PersonalData.RemovedOnErasure, plan.ReviewOn);
        }
    }

    /// <summary>Starts a patient partner's pathway as an observer. Only someone with lived experience can be a patient trainer.</summary>
    /// <param name="participant">The patient partner.</param>
    /// <param name="startedOn">The first day.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new pathway, to be added to the store.</returns>
    /// <exception cref="DomainRuleViolationException">The participant brings no lived experience (<see cref="ProgrammeErrorCodes.PathwayNeedsLivedExperience"/>).</exception>
    internal static PatientTrainerPathway Start(Participant participant, DateOnly startedOn, TimeProvider clock)
    {
        Guard.Against.Null(participant);
        Guard.Against.Null(clock);
        Rule.Require(
            participant.HasLivedExperience,
            ProgrammeErrorCodes.PathwayNeedsLivedExperience,
            $"Participant {participant.Id} takes part only as staff, so cannot be on the patient-trainer pathway: it is for patients, carers, service users and community members. Staff facilitators need no pathway.");
        var now = clock.GetUtcNow();
        var pathway = new PatientTrainerPathway(PatientTrainerPathwayId.New(), participant.OrganisationId, participant.Id, startedOn);
        pathway.Raise(new PathwayStarted(pathway.Id, participant.Id, now));
        return pathway;
    }

    /// <summary>Records a piece of evidence. A session can be recorded once per kind.</summary>
    /// <param name="kind">What it is.</param>
    /// <param name="on">When it took place (not in the future, not before the pathway started).</param>
    /// <param name="sessionId">The cohort session, if it was one.</param>
    /// <param name="note">A short note, if any.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The evidence's id.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal Guid RecordEvidence(EvidenceKind kind, DateOnly on, CohortSessionId? sessionId, string? note, TimeProvider clock)
    {
        Input.Defined(kind);
        Guard.Against.Null(clock);
        var now = clock.GetUtcNow();
        RequireNotInFuture(on, now, $"{kind} on {on:yyyy-MM-dd}");
        Rule.Require(
            on >= StartedOn,
            ProgrammeErrorCodes.EvidenceBeforePathway,
            $"{kind} on {on:yyyy-MM-dd} is before the pathway started on {StartedOn:yyyy-MM-dd}: record only evidence from the pathway, or start the pathway from an earlier date.");
        Rule.Require(
            sessionId is null || !_evidence.Exists(e => e.SessionId == sessionId && e.Kind == kind),
            ProgrammeErrorCodes.DuplicateEvidence,
            $"Session {sessionId} is already recorded as {kind} for this pathway: each session counts once.");
        var evidence = new PathwayEvidence(Guid.CreateVersion7(), kind, on, sessionId, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now);
        _evidence.Add(evidence);
        Raise(new PathwayEvidenceRecorded(Id, kind, now));
        return evidence.Id;
    }

    /// <summary>Agrees (or replaces) the support plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="clock">The clock.</param>
    internal void AgreeSupportPlan(SupportPlan plan, TimeProvider clock)
    {
        Guard.Against.Null(plan);
        Guard.Against.Null(clock);
        Rule.Require(
            plan.MentorId != ParticipantId,
            ProgrammeErrorCodes.SelfSignOff,
            "A patient trainer cannot mentor themselves: name another patient trainer or a member of staff as mentor, or leave the mentor empty.",
            ("participantId", ParticipantId), ("pathwayId", Id));
        SupportPlan = plan;
        Raise(new SupportPlanAgreed(Id, clock.GetUtcNow()));
    }

    /// <summary>Lists what is missing before the next step, given the requirements; empty when ready (or at the last step).</summary>
    /// <param name="requirements">The organisation's requirements.</param>
    /// <returns>One line per missing piece, such as "1 more session observed (has 1 of 2)".</returns>
    public IReadOnlyList<string> MissingEvidence(PathwayRequirements requirements)
    {
        Guard.Against.Null(requirements);
        if (Stage == PathwayStage.LeadTrainer)
        {
            return [];
        }

        var needed = Stage == PathwayStage.Observer ? requirements.ToCoFacilitator : requirements.ToLeadTrainer;
        var missing = new List<string>();
        AddIfShort(missing, EvidenceKind.SessionObserved, needed.SessionsObserved, "session(s) observed");
        AddIfShort(missing, EvidenceKind.SessionCoDelivered, needed.SessionsCoDelivered, "session(s) co-delivered");
        AddIfShort(missing, EvidenceKind.Supervision, needed.Supervisions, "supervision(s)");
        AddIfShort(missing, EvidenceKind.Debrief, needed.Debriefs, "debrief(s)");
        if (requirements.RequireSupportPlan && SupportPlan is null)
        {
            missing.Add("an agreed support plan (debriefs, mentoring, payment)");
        }

        return missing;
    }

    /// <summary>Counts the evidence of a kind since the current stage began.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public int CountSinceStageBegan(EvidenceKind kind) => _evidence.Count(e => e.Kind == kind && e.On >= CurrentStageSince);

    /// <summary>
    /// Moves the patient partner up one step, signed off by a named member of staff or lead trainer, when the
    /// evidence required is there. Refused with the list of what is missing otherwise.
    /// </summary>
    /// <param name="requirements">The organisation's requirements.</param>
    /// <param name="signatory">Who signs off, and in what capacity.</param>
    /// <param name="signedOffOn">The date of the sign-off (not in the future, not before the current stage began).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new stage.</returns>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal PathwayStage Progress(PathwayRequirements requirements, PathwaySignatory signatory, DateOnly signedOffOn, TimeProvider clock)
    {
        Guard.Against.Null(requirements);
        Guard.Against.Null(signatory);
        Input.Id(signatory.ParticipantId, nameof(signatory));
        Input.Defined(signatory.Capacity, nameof(signatory));
        Guard.Against.Null(clock);
        var now = clock.GetUtcNow();
        Rule.Require(
            Stage != PathwayStage.LeadTrainer,
            ProgrammeErrorCodes.PathwayAlreadyAtLastStage,
            "This patient trainer is already a lead trainer, the last step of the pathway: there is nothing further to sign off.",
            ("participantId", ParticipantId), ("pathwayId", Id));
        Rule.Require(
            signatory.ParticipantId != ParticipantId,
            ProgrammeErrorCodes.SelfSignOff,
            "A patient trainer cannot sign off their own progression: ask a member of staff or a lead trainer to sign it off.",
            ("participantId", ParticipantId), ("pathwayId", Id));
        RequireNotInFuture(signedOffOn, now, $"A sign-off dated {signedOffOn:yyyy-MM-dd}");
        Rule.Require(
            signedOffOn >= CurrentStageSince,
            ProgrammeErrorCodes.EvidenceBeforePathway,
            $"A sign-off dated {signedOffOn:yyyy-MM-dd} is before the current stage began on {CurrentStageSince:yyyy-MM-dd}: date it on or after that day.");
        var next = Stage + 1;
        var missing = MissingEvidence(requirements);
        Rule.Require(
            missing.Count == 0,
            ProgrammeErrorCodes.PathwayEvidenceMissing,
            $"This patient trainer cannot move from {Stage} to {next} yet. Missing: {string.Join("; ", missing)}. Record the evidence (and agree a support plan if one is missing), then ask for sign-off again.",
            ("participantId", ParticipantId), ("pathwayId", Id));

        _signOffs.Add(new StageSignOff(Stage, next, signatory.ParticipantId, signatory.Capacity, signedOffOn));
        var from = Stage;
        Stage = next;
        CurrentStageSince = signedOffOn;
        Raise(new PathwayStageReached(Id, from, next, signatory.ParticipantId, now));
        return next;
    }

    private void AddIfShort(List<string> missing, EvidenceKind kind, int needed, string label)
    {
        var has = CountSinceStageBegan(kind);
        if (has < needed)
        {
            missing.Add(string.Create(CultureInfo.InvariantCulture, $"{needed - has} more {label} (has {has} of {needed} since {CurrentStageSince:yyyy-MM-dd})"));
        }
    }

    private static void RequireNotInFuture(DateOnly date, DateTimeOffset now, string what) =>
        Rule.Require(
            date <= DateOnly.FromDateTime(now.UtcDateTime),
            ProgrammeErrorCodes.DateInFuture,
            $"{what} is in the future: record it once it has happened.");
}
