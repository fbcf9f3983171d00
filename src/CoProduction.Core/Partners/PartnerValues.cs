using CoProduction.Primitives;

namespace CoProduction.Partners;

/// <summary>Where an opportunity stands: drafted, open to expressions of interest, or closed.</summary>
public enum OpportunityStatus
{
    /// <summary>Being written; nobody can express interest yet.</summary>
    Draft,

    /// <summary>Published: people can express interest until the closing date.</summary>
    Published,

    /// <summary>Closed: no more expressions of interest; selection and onboarding go on.</summary>
    Closed,
}

/// <summary>When a person (or a role) is available. Combine the values: a role asks for some, a person offers some.</summary>
[Flags]
public enum Availability
{
    /// <summary>No time stated.</summary>
    None = 0,

    /// <summary>Weekday mornings.</summary>
    WeekdayMornings = 1,

    /// <summary>Weekday afternoons.</summary>
    WeekdayAfternoons = 2,

    /// <summary>Weekday evenings.</summary>
    WeekdayEvenings = 4,

    /// <summary>Weekends.</summary>
    Weekends = 8,
}

/// <summary>The kinds of onboarding check a role's checklist can require.</summary>
public enum OnboardingCheckKind
{
    /// <summary>The involvement agreement (role, expectations, payment and support) is signed.</summary>
    InvolvementAgreement,

    /// <summary>The person has had their induction.</summary>
    Induction,

    /// <summary>A DBS check, for roles that require one; it has a date and falls due for renewal.</summary>
    DbsCheck,

    /// <summary>References have been taken up and are satisfactory.</summary>
    References,

    /// <summary>A named training course, which may expire.</summary>
    Training,
}

/// <summary>What was decided about an expression of interest.</summary>
public enum SelectionOutcome
{
    /// <summary>The person is offered the role.</summary>
    Selected,

    /// <summary>The person is not offered the role this time.</summary>
    NotSelected,
}

/// <summary>The kinds of confidential support record.</summary>
public enum SupportRecordKind
{
    /// <summary>A debrief after an activity, such as sharing a story.</summary>
    Debrief,

    /// <summary>A wellbeing check-in or supervision conversation.</summary>
    WellbeingCheckIn,

    /// <summary>A review of the person's support plan, which sets the next review date.</summary>
    SupportPlanReview,
}

/// <summary>Whether a person is ready to share their story at a session.</summary>
public enum StoryReadiness
{
    /// <summary>Readiness has not been confirmed with them yet.</summary>
    NotConfirmed,

    /// <summary>They confirmed they are ready.</summary>
    Ready,

    /// <summary>They withdrew: they will not share their story at this session.</summary>
    Withdrawn,
}

/// <summary>The kinds of work that fall due.</summary>
public enum DueWorkKind
{
    /// <summary>A DBS check falls due for renewal.</summary>
    DbsRenewal,

    /// <summary>A training record expires.</summary>
    TrainingRenewal,

    /// <summary>A support-plan review falls due.</summary>
    SupportPlanReview,

    /// <summary>A fixed-term role falls due for review.</summary>
    FixedTermRoleReview,

    /// <summary>A debrief after a story-sharing session has not been held yet.</summary>
    DebriefNotHeld,

    /// <summary>A payment claim is unpaid beyond the payment target.</summary>
    ClaimOverdue,

    /// <summary>A follow-up on a peer-review action is overdue.</summary>
    FollowUpOverdue,
}

/// <summary>What a role involves, as published to people who might take it on.</summary>
public sealed record RoleDescription
{
    /// <summary>Initialises a role description.</summary>
    /// <param name="title">The role's title, such as "Patient partner, stroke pathway group".</param>
    /// <param name="whatTheRoleDoes">What the role does.</param>
    /// <param name="timeCommitment">The time it takes, such as "Two hours a month for a year".</param>
    /// <param name="paymentPolicy">The payment policy that applies, as text or a reference to the trust's policy.</param>
    /// <param name="location">Where it happens, such as "Education centre, level 2" or "Online".</param>
    /// <param name="isOnline">Whether it can be done online.</param>
    /// <param name="accessibility">What is in place for accessibility, such as "Step-free access; hearing loop; papers in large print".</param>
    /// <exception cref="InvalidInputException">A text is blank.</exception>
    public RoleDescription(string title, string whatTheRoleDoes, string timeCommitment, string paymentPolicy, string location, bool isOnline, string accessibility)
    {
        new CommandInput().Text(title).Text(whatTheRoleDoes).Text(timeCommitment).Text(paymentPolicy).Text(location).Text(accessibility).ThrowIfInvalid();
        Title = title.Trim();
        WhatTheRoleDoes = whatTheRoleDoes.Trim();
        TimeCommitment = timeCommitment.Trim();
        PaymentPolicy = paymentPolicy.Trim();
        Location = location.Trim();
        IsOnline = isOnline;
        Accessibility = accessibility.Trim();
    }

    private RoleDescription()
    {
        Title = WhatTheRoleDoes = TimeCommitment = PaymentPolicy = Location = Accessibility = string.Empty;
    }

    /// <summary>Gets the role's title.</summary>
    public string Title { get; private init; }

    /// <summary>Gets what the role does.</summary>
    public string WhatTheRoleDoes { get; private init; }

    /// <summary>Gets the time it takes.</summary>
    public string TimeCommitment { get; private init; }

    /// <summary>Gets the payment policy that applies.</summary>
    public string PaymentPolicy { get; private init; }

    /// <summary>Gets where it happens.</summary>
    public string Location { get; private init; }

    /// <summary>Gets whether it can be done online.</summary>
    public bool IsOnline { get; private init; }

    /// <summary>Gets what is in place for accessibility.</summary>
    public string Accessibility { get; private init; }
}

/// <summary>One check a role's onboarding checklist requires.</summary>
public sealed record CheckRequirement
{
    /// <summary>Initialises a requirement.</summary>
    /// <param name="kind">The kind of check.</param>
    /// <param name="trainingName">For <see cref="OnboardingCheckKind.Training"/>, the course, such as "Safeguarding adults level 1"; otherwise <see langword="null"/>.</param>
    /// <param name="validForMonths">How long a completed check stays valid, in months (a DBS renewal period, a training expiry); <see langword="null"/> when it does not expire.</param>
    /// <exception cref="InvalidInputException">The kind is not defined, a training requirement names no course (or another kind names one), or the validity is not 1 to 120 months.</exception>
    public CheckRequirement(OnboardingCheckKind kind, string? trainingName = null, int? validForMonths = null)
    {
        new CommandInput()
            .Defined(kind)
            .That(kind != OnboardingCheckKind.Training || !string.IsNullOrWhiteSpace(trainingName), nameof(trainingName), "A training requirement names the course: enter it, such as 'Safeguarding adults level 1'.")
            .That(kind == OnboardingCheckKind.Training || trainingName is null, nameof(trainingName), "Only a training requirement names a course: leave it empty for other checks.")
            .That(validForMonths is null or (>= 1 and <= 120), nameof(validForMonths), "Enter a validity of 1 to 120 months, or none when the check does not expire.")
            .ThrowIfInvalid();
        Kind = kind;
        TrainingName = trainingName?.Trim();
        ValidForMonths = validForMonths;
    }

    /// <summary>Gets the kind of check.</summary>
    public OnboardingCheckKind Kind { get; private init; }

    /// <summary>Gets the training course, for a training requirement.</summary>
    public string? TrainingName { get; private init; }

    /// <summary>Gets how long a completed check stays valid, in months, if it expires.</summary>
    public int? ValidForMonths { get; private init; }

    /// <summary>Tells whether a completed check meets this requirement (same kind, and the same course for training).</summary>
    /// <param name="check">The completed check.</param>
    /// <returns><see langword="true"/> when it is a check of this requirement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="check"/> is <see langword="null"/>.</exception>
    internal bool IsMetBy(OnboardingCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.Kind == Kind && (Kind != OnboardingCheckKind.Training || string.Equals(check.TrainingName, TrainingName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The error code of a refusal to appoint because this check is missing or expired.</summary>
    internal string MissingCode => Kind switch
    {
        OnboardingCheckKind.InvolvementAgreement => PartnerErrorCodes.AgreementNotSigned,
        OnboardingCheckKind.Induction => PartnerErrorCodes.InductionNotDone,
        OnboardingCheckKind.DbsCheck => PartnerErrorCodes.DbsCheckMissing,
        OnboardingCheckKind.References => PartnerErrorCodes.ReferencesMissing,
        _ => PartnerErrorCodes.TrainingMissing,
    };

    /// <summary>The requirement in words.</summary>
    internal string Words => Kind switch
    {
        OnboardingCheckKind.InvolvementAgreement => "a signed involvement agreement",
        OnboardingCheckKind.Induction => "an induction",
        OnboardingCheckKind.DbsCheck => "a DBS check in date",
        OnboardingCheckKind.References => "references",
        _ => $"training in '{TrainingName}' in date",
    };
}

/// <summary>A completed onboarding check on a partner record.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="Kind">The kind of check.</param>
/// <param name="TrainingName">For training, the course.</param>
/// <param name="CompletedOn">When it was completed (for a DBS check, the certificate's date).</param>
/// <param name="ExpiresOn">When it expires or falls due for renewal, if it does.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record OnboardingCheck(Guid Id, OnboardingCheckKind Kind, string? TrainingName, DateOnly CompletedOn, DateOnly? ExpiresOn, DateTimeOffset RecordedAt)
{
    /// <summary>Tells whether the check is in force on a date: completed by then and not yet expired.</summary>
    /// <param name="on">The date.</param>
    /// <returns><see langword="true"/> when in force.</returns>
    public bool IsInForceOn(DateOnly on) => CompletedOn <= on && (ExpiresOn is null || ExpiresOn > on);
}

/// <summary>A role a person holds (or held) after selection and onboarding.</summary>
/// <param name="Id">The appointment's id.</param>
/// <param name="OpportunityId">The opportunity they were selected for.</param>
/// <param name="AppointedOn">When they were given the role.</param>
/// <param name="ReviewOn">For a fixed-term role, when it falls due for review; otherwise <see langword="null"/>.</param>
/// <param name="FirstActivityOn">When they first took part in the role, once they have.</param>
/// <param name="EndedOn">When the role ended, if it has.</param>
public sealed record RoleAppointment(RoleAppointmentId Id, OpportunityId OpportunityId, DateOnly AppointedOn, DateOnly? ReviewOn, DateOnly? FirstActivityOn, DateOnly? EndedOn)
{
    /// <summary>Gets whether the person is active in the role: they have taken part and it has not ended.</summary>
    public bool IsActive => FirstActivityOn is not null && EndedOn is null;
}

/// <summary>A session at which a partner is to share their story, with their readiness and the debrief after.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="Occasion">The session, such as "Board meeting patient story" (describe the occasion, not the story).</param>
/// <param name="SessionOn">When the session is.</param>
/// <param name="Readiness">Whether they confirmed they are ready, or withdrew.</param>
/// <param name="ReadinessConfirmedOn">When they confirmed they are ready, if they did.</param>
/// <param name="WithdrawnAt">When they withdrew, if they did.</param>
/// <param name="DebriefId">The confidential debrief record held after the session, once it is.</param>
public sealed record StorySharing(StorySharingId Id, string Occasion, DateOnly SessionOn, StoryReadiness Readiness, DateOnly? ReadinessConfirmedOn, DateTimeOffset? WithdrawnAt, SupportRecordId? DebriefId)
{
    /// <summary>Gets the session.</summary>
    public string Occasion { get; init; } = Input.Required(Occasion);
}

/// <summary>A piece of work recorded as announced to the dispatcher, so that it is announced once.</summary>
/// <param name="Kind">The kind of work.</param>
/// <param name="ItemId">The check, appointment or story-sharing entry it is about.</param>
/// <param name="DueOn">When it falls due.</param>
public sealed record AnnouncedWork(DueWorkKind Kind, Guid ItemId, DateOnly DueOn);
