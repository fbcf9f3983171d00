namespace CoProduction.Programmes;

/// <summary>
/// The stable codes of the business rules about training programmes, cohorts, patient-trainer pathways, readiness
/// and evaluation, carried by <see cref="Primitives.DomainRuleViolationException"/>.
/// </summary>
public static class ProgrammeErrorCodes
{

    /// <summary>A programme id does not name a programme of the current organisation.</summary>
    public const string ProgrammeNotFound = "programmes.programme-not-found";

    /// <summary>Another programme of the organisation already has that name (a programme's name is its natural key).</summary>
    public const string ProgrammeNameTaken = "programmes.programme-name-taken";

    /// <summary>A cohort id does not name a cohort of the current organisation.</summary>
    public const string CohortNotFound = "programmes.cohort-not-found";

    /// <summary>A curriculum version was published without any co-designer with lived experience.</summary>
    public const string CoDesignNeedsLivedExperience = "programmes.co-design-needs-lived-experience";

    /// <summary>A curriculum version number does not name a published version of the programme.</summary>
    public const string CurriculumVersionNotFound = "programmes.curriculum-version-not-found";

    /// <summary>A session was scheduled with a programme other than the cohort's (so not from the cohort's curriculum version).</summary>
    public const string CurriculumVersionMismatch = "programmes.curriculum-version-mismatch";

    /// <summary>A session names a module that is not in the cohort's curriculum version.</summary>
    public const string UnknownModule = "programmes.unknown-module";

    /// <summary>A cohort lifecycle transition is not allowed from the cohort's current status.</summary>
    public const string CohortTransitionRefused = "programmes.cohort-transition-refused";

    /// <summary>An operation is not allowed in the cohort's current status.</summary>
    public const string CohortStateDoesNotAllow = "programmes.cohort-state-does-not-allow";

    /// <summary>A cohort was started with fewer teams than the delivery rules' minimum.</summary>
    public const string CohortBelowMinimumTeams = "programmes.cohort-below-minimum-teams";

    /// <summary>A team was enrolled in a cohort that already has the delivery rules' maximum number of teams.</summary>
    public const string CohortFull = "programmes.cohort-full";

    /// <summary>A cohort was completed while sessions were still scheduled.</summary>
    public const string CohortSessionsOutstanding = "programmes.cohort-sessions-outstanding";

    /// <summary>A cohort was completed without any delivered session.</summary>
    public const string CohortNoSessionDelivered = "programmes.cohort-no-session-delivered";

    /// <summary>A session or team outcome falls outside the cohort's dates.</summary>
    public const string OutsideCohortDates = "programmes.outside-cohort-dates";

    /// <summary>A session does not have exactly one lead facilitator.</summary>
    public const string SessionNeedsOneLead = "programmes.session-needs-one-lead";

    /// <summary>A session has fewer patient trainers leading or co-facilitating than the delivery rules ask.</summary>
    public const string SessionNeedsPatientTrainer = "programmes.session-needs-patient-trainer";

    /// <summary>A session's lead facilitator is not a patient trainer, and the delivery rules ask for one.</summary>
    public const string LeadMustBePatientTrainer = "programmes.lead-must-be-patient-trainer";

    /// <summary>
    /// A session's lead is not a member of staff and has not reached <see cref="ProgrammeOptions.MinimumStageToLead"/>
    /// on the patient-trainer pathway (or has no pathway).
    /// </summary>
    public const string LeadNeedsPathwayStage = "programmes.lead-needs-pathway-stage";

    /// <summary>
    /// A session's co-facilitator is not a member of staff and has not reached
    /// <see cref="ProgrammeOptions.MinimumStageToCoFacilitate"/> on the patient-trainer pathway (or has no pathway).
    /// </summary>
    public const string CoFacilitatorNeedsPathwayStage = "programmes.co-facilitator-needs-pathway-stage";

    /// <summary>A facilitator was listed twice for the same session.</summary>
    public const string DuplicateFacilitator = "programmes.duplicate-facilitator";

    /// <summary>A session id does not name a session of the cohort.</summary>
    public const string SessionNotFound = "programmes.session-not-found";

    /// <summary>A session that is not scheduled (already delivered or cancelled) was delivered or cancelled.</summary>
    public const string SessionNotScheduled = "programmes.session-not-scheduled";

    /// <summary>A session was recorded as delivered before it started.</summary>
    public const string SessionNotYetHeld = "programmes.session-not-yet-held";

    /// <summary>Attendance was recorded for a session that has not been delivered.</summary>
    public const string SessionNotDelivered = "programmes.session-not-delivered";

    /// <summary>A team has fewer members with lived experience than the delivery rules ask.</summary>
    public const string TeamNeedsLivedExperience = "programmes.team-needs-lived-experience";

    /// <summary>A team with the same name is already enrolled in the cohort.</summary>
    public const string DuplicateTeam = "programmes.duplicate-team";

    /// <summary>A person is already enrolled in the cohort (or listed twice in a team).</summary>
    public const string ParticipantAlreadyEnrolled = "programmes.participant-already-enrolled";

    /// <summary>A team id does not name a team of the cohort.</summary>
    public const string TeamNotFound = "programmes.team-not-found";

    /// <summary>Attendance, completion or a questionnaire response was given for someone not enrolled in the cohort.</summary>
    public const string ParticipantNotEnrolled = "programmes.participant-not-enrolled";

    /// <summary>An attendance status is not one of the cohort's statuses.</summary>
    public const string UnknownAttendanceStatus = "programmes.unknown-attendance-status";

    /// <summary>A team outcome (plan, showcase or sign-off) was recorded twice.</summary>
    public const string TeamOutcomeAlreadyRecorded = "programmes.team-outcome-already-recorded";

    /// <summary>Something was recorded for a team that has withdrawn from the cohort (or it was withdrawn twice).</summary>
    public const string TeamWithdrawn = "programmes.team-withdrawn";

    /// <summary>A team was signed off by someone who did not lead or co-facilitate a session of the cohort.</summary>
    public const string SignOffNotByFacilitator = "programmes.sign-off-not-by-facilitator";

    /// <summary>A participant already has a patient-trainer pathway.</summary>
    public const string PathwayAlreadyExists = "programmes.pathway-already-exists";

    /// <summary>A pathway id (or participant) does not name a pathway of the current organisation.</summary>
    public const string PathwayNotFound = "programmes.pathway-not-found";

    /// <summary>Progression on the patient-trainer pathway lacks the required evidence.</summary>
    public const string PathwayEvidenceMissing = "programmes.pathway-evidence-missing";

    /// <summary>Progression was asked of a lead trainer, the last stage.</summary>
    public const string PathwayAlreadyAtLastStage = "programmes.pathway-already-at-last-stage";

    /// <summary>A sign-off was given by someone who is neither a member of staff nor a lead trainer.</summary>
    public const string SignatoryNotEligible = "programmes.signatory-not-eligible";

    /// <summary>A patient partner tried to sign off their own progression.</summary>
    public const string SelfSignOff = "programmes.self-sign-off";

    /// <summary>Evidence or a sign-off was dated in the future.</summary>
    public const string DateInFuture = "programmes.date-in-future";

    /// <summary>Someone who takes part only as staff was put on the patient-trainer pathway.</summary>
    public const string PathwayNeedsLivedExperience = "programmes.pathway-needs-lived-experience";

    /// <summary>Evidence or a sign-off is dated before the pathway (or the current stage) began.</summary>
    public const string EvidenceBeforePathway = "programmes.evidence-before-pathway";

    /// <summary>The same session was recorded twice as the same kind of evidence.</summary>
    public const string DuplicateEvidence = "programmes.duplicate-evidence";

    /// <summary>A session was recorded as pathway evidence for someone who did not facilitate it.</summary>
    public const string NotFacilitatorOfSession = "programmes.not-facilitator-of-session";

    /// <summary>A readiness assessment id does not name an assessment of the current organisation.</summary>
    public const string ReadinessAssessmentNotFound = "programmes.readiness-assessment-not-found";

    /// <summary>A readiness item was rated Partly or NotMet without notes saying what is missing.</summary>
    public const string ReadinessNotesRequired = "programmes.readiness-notes-required";

    /// <summary>A readiness item key does not name an item of the assessment.</summary>
    public const string ReadinessItemNotFound = "programmes.readiness-item-not-found";

    /// <summary>A readiness item was added with a key already in the assessment.</summary>
    public const string DuplicateReadinessItem = "programmes.duplicate-readiness-item";

    /// <summary>A questionnaire id does not name a questionnaire of the current organisation.</summary>
    public const string QuestionnaireNotFound = "programmes.questionnaire-not-found";

    /// <summary>A cohort already has an evaluation with that questionnaire.</summary>
    public const string EvaluationAlreadyExists = "programmes.evaluation-already-exists";

    /// <summary>A cohort has no evaluation.</summary>
    public const string EvaluationNotFound = "programmes.evaluation-not-found";

    /// <summary>A participant's questionnaire for that point (before or after) was already recorded.</summary>
    public const string ResponseAlreadyRecorded = "programmes.response-already-recorded";

    /// <summary>An answer names an item that is not in the questionnaire.</summary>
    public const string UnknownQuestionnaireItem = "programmes.unknown-questionnaire-item";

    /// <summary>An answer is outside the questionnaire's Likert scale.</summary>
    public const string AnswerOutOfScale = "programmes.answer-out-of-scale";

    /// <summary>An involvement activity was asked for a session that has not been delivered.</summary>
    public const string SessionNotDeliveredForPayment = "programmes.session-not-delivered-for-payment";
}
