namespace CoProduction.Partners;

/// <summary>The stable codes of the business rules about recruiting, onboarding and supporting partners, carried by <see cref="Primitives.DomainRuleViolationException"/>.</summary>
public static class PartnerErrorCodes
{
    /// <summary>No opportunity with that id exists in the current organisation.</summary>
    public const string OpportunityNotFound = "partners.opportunity-not-found";

    /// <summary>The opportunity has no expression of interest with that id.</summary>
    public const string ExpressionNotFound = "partners.expression-not-found";

    /// <summary>The person has no partner record in the current organisation.</summary>
    public const string PartnerRecordNotFound = "partners.partner-record-not-found";

    /// <summary>The partner record has no appointment with that id.</summary>
    public const string AppointmentNotFound = "partners.appointment-not-found";

    /// <summary>The partner record has no story-sharing session with that id.</summary>
    public const string StoryNotFound = "partners.story-not-found";

    /// <summary>A date is out of the range the command allows (in the future, before a start, after a closing date).</summary>
    public const string DateOutOfRange = "partners.date-out-of-range";

    /// <summary>Only a draft opportunity is published.</summary>
    public const string OpportunityNotDraft = "partners.opportunity-not-draft";

    /// <summary>The opportunity is not open for this: a draft, or closed, or past its closing date.</summary>
    public const string OpportunityNotOpen = "partners.opportunity-not-open";

    /// <summary>The person already has a live expression of interest in the opportunity.</summary>
    public const string AlreadyExpressedInterest = "partners.already-expressed-interest";

    /// <summary>The expression of interest was withdrawn.</summary>
    public const string InterestWithdrawn = "partners.interest-withdrawn";

    /// <summary>A decision is already recorded on the expression of interest.</summary>
    public const string AlreadyDecided = "partners.already-decided";

    /// <summary>No decision is recorded on the expression of interest yet.</summary>
    public const string NotDecided = "partners.not-decided";

    /// <summary>The person was not selected for the opportunity and told so, so cannot be given the role.</summary>
    public const string NotSelected = "partners.not-selected";

    /// <summary>The role needs a signed involvement agreement, and none is recorded.</summary>
    public const string AgreementNotSigned = "partners.agreement-not-signed";

    /// <summary>The role needs an induction, and none is recorded.</summary>
    public const string InductionNotDone = "partners.induction-not-done";

    /// <summary>The role needs a DBS check in date, and none is recorded (or it expired).</summary>
    public const string DbsCheckMissing = "partners.dbs-check-missing";

    /// <summary>The role needs references, and none are recorded.</summary>
    public const string ReferencesMissing = "partners.references-missing";

    /// <summary>The role needs a training course in date, and none is recorded (or it expired).</summary>
    public const string TrainingMissing = "partners.training-missing";

    /// <summary>The person already holds the role.</summary>
    public const string AlreadyAppointed = "partners.already-appointed";

    /// <summary>The role's first activity is already recorded.</summary>
    public const string AlreadyActive = "partners.already-active";

    /// <summary>The role has ended.</summary>
    public const string AppointmentEnded = "partners.appointment-ended";

    /// <summary>The role is open-ended, so has no review.</summary>
    public const string NotFixedTerm = "partners.not-fixed-term";

    /// <summary>The partner withdrew from sharing their story at the session.</summary>
    public const string StoryWithdrawn = "partners.story-withdrawn";

    /// <summary>The partner was not confirmed ready to share their story at the session, so there is nothing to debrief against it.</summary>
    public const string StoryNotShared = "partners.story-not-shared";

    /// <summary>A debrief is already recorded for the story-sharing session.</summary>
    public const string DebriefAlreadyHeld = "partners.debrief-already-held";

    /// <summary>The person already has a partner record.</summary>
    public const string PartnerRecordExists = "partners.partner-record-exists";

    /// <summary>The actor is not on the participation team, so may not read or write confidential support records nor decide on expressions of interest (HTTP 403).</summary>
    public const string NotParticipationTeam = "partners.not-participation-team";

    /// <summary>No cohort session with that id exists in the cohort.</summary>
    public const string SessionNotFound = "partners.session-not-found";
}
