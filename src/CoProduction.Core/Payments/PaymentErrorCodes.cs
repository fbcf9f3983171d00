namespace CoProduction.Payments;

/// <summary>The stable codes of the business rules about involvement activities and payments.</summary>
public static class PaymentErrorCodes
{
    /// <summary>A claim named no activity and no expense.</summary>
    public const string EmptyClaim = "payments.empty-claim";

    /// <summary>A claimed activity belongs to another participant.</summary>
    public const string ActivityOfAnotherParticipant = "payments.activity-of-another-participant";

    /// <summary>A claimed activity is already on a claim that was not rejected.</summary>
    public const string ActivityAlreadyClaimed = "payments.activity-already-claimed";

    /// <summary>A claimed activity was cancelled.</summary>
    public const string ActivityCancelled = "payments.activity-cancelled";

    /// <summary>An expense over the receipt threshold has no receipt.</summary>
    public const string ReceiptRequired = "payments.receipt-required";

    /// <summary>A claim transition was asked for from a state that does not allow it.</summary>
    public const string InvalidClaimTransition = "payments.invalid-claim-transition";

    /// <summary>The payment policy version in force on the activity's date has no rate for its role level or task.</summary>
    public const string UnknownRoleLevel = "payments.unknown-role-level";

    /// <summary>No activity with that id exists in the current organisation.</summary>
    public const string ActivityNotFound = "payments.activity-not-found";

    /// <summary>No claim with that id exists in the current organisation.</summary>
    public const string ClaimNotFound = "payments.claim-not-found";

    /// <summary>An activity that is on a claim cannot be cancelled.</summary>
    public const string ActivityClaimed = "payments.activity-claimed";

    /// <summary>An activity was cancelled twice.</summary>
    public const string ActivityAlreadyCancelled = "payments.activity-already-cancelled";

    /// <summary>Someone tried to approve, reject or mark paid their own claim: another person must decide it.</summary>
    public const string SelfDecision = "payments.self-decision";

    /// <summary>
    /// A claim was to be decided, paid or exported, or a benefits advice offer recorded, by an actor
    /// (<see cref="Primitives.IActorContext"/>) that is not a person of the organisation: a system process, or a
    /// participant with no record here or whose record was erased.
    /// </summary>
    public const string NoDecidingPerson = "payments.no-deciding-person";

    /// <summary>The person deciding a claim has none of the roles <see cref="PaymentOptions.ClaimDeciderRoles"/> names.</summary>
    public const string NotAClaimDecider = "payments.not-a-claim-decider";

    /// <summary>An activity is dated after today in the trust's time zone (<see cref="PaymentOptions.TimeZoneId"/>).</summary>
    public const string ActivityInFuture = "payments.activity-in-future";

    /// <summary>An activity's duration is longer than the <see cref="PaymentPolicyVersion.MaximumActivityHours"/> of the version in force on its date.</summary>
    public const string InvalidActivityDuration = "payments.invalid-activity-duration";

    /// <summary>
    /// No version of the payment policy is in force on an activity's or journey's date, as when no policy is configured
    /// (<see cref="PaymentOptions.UsePolicy"/>, or <c>Payments:Policy</c> in configuration).
    /// </summary>
    public const string NoPolicyVersionInForce = "payments.no-policy-version-in-force";

    /// <summary>
    /// A claim would pay a fee to a person with no record that benefits advice was offered on or before their first
    /// paid activity (a refusal under <see cref="BenefitsAdviceRule.Block"/>, a warning under <see cref="BenefitsAdviceRule.Warn"/>).
    /// </summary>
    public const string BenefitsAdviceNotOffered = "payments.benefits-advice-not-offered";

    /// <summary>A person's fees in a UK tax year pass <see cref="PaymentOptions.TaxYearWarningThreshold"/> (a warning).</summary>
    public const string TaxYearThresholdReached = "payments.tax-year-threshold-reached";

    /// <summary>A claim would take a person past <see cref="PaymentOptions.MaximumPaidActivitiesPerWeek"/>.</summary>
    public const string WeeklyLimitExceeded = "payments.weekly-limit-exceeded";

    /// <summary>A person recorded as staff claims a fee for work within their own job.</summary>
    public const string StaffWithinOwnJob = "payments.staff-within-own-job";

    /// <summary>A lower amount was chosen that is not between zero and the fees the claim would pay in full.</summary>
    public const string InvalidLowerAmount = "payments.invalid-lower-amount";

    /// <summary>A finance export was asked for with its first date after its last.</summary>
    public const string InvalidExportRange = "payments.invalid-export-range";

    /// <summary>The payment policy in force on a journey's date pays nothing for that kind of mileage.</summary>
    public const string NoMileageRate = "payments.no-mileage-rate";
}
