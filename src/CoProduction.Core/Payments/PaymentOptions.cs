using System.Globalization;
using CoProduction.People;

namespace CoProduction.Payments;

/// <summary>Options for involvement payments: the currency, the dated payment policy, expenses, safeguards and claim ageing.</summary>
/// <remarks>
/// Public guidance (NIHR payment guidance; NHS England's patient and public voice partners policy) says to agree a
/// payment policy before involvement starts, to leave nobody out of pocket, and that accepting payment is optional.
/// Rates differ between organisations, so they are configuration, not code.
/// </remarks>
public sealed class PaymentOptions
{
    /// <summary>Gets or sets the ISO 4217 currency code of every amount.</summary>
    /// <value>Default: <c>GBP</c>.</value>
    public string CurrencyCode { get; set; } = "GBP";

    /// <summary>
    /// Gets the dated payment policy, the only thing that prices claims: each activity is priced by the version in
    /// force on its date. It starts empty, so no claim can be priced (<see cref="PaymentErrorCodes.NoPolicyVersionInForce"/>)
    /// until you copy a preset with <see cref="UsePolicy"/> (such as
    /// <c>UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4())</c>) or bind one from configuration
    /// (<c>CoProduction:Payments:Policy</c>, with its <c>Name</c> and at least one of its <c>Versions</c>).
    /// </summary>
    /// <value>An empty policy: nothing is priced until you give it a version.</value>
    public PaymentPolicy Policy { get; private set; } = new();

    /// <summary>
    /// Gets or sets what happens when a claim would pay a fee to a person with no record that benefits advice was
    /// offered to them on or before their first paid activity.
    /// </summary>
    /// <value>Default: <see cref="BenefitsAdviceRule.Off"/>.</value>
    public BenefitsAdviceRule BenefitsAdviceRule { get; set; } = BenefitsAdviceRule.Off;

    /// <summary>
    /// Gets or sets the fees a person may be paid in one UK tax year (6 April to 5 April) before a claim warns the team
    /// (<see cref="PaymentErrorCodes.TaxYearThresholdReached"/>); unset for no warning.
    /// </summary>
    public decimal? TaxYearWarningThreshold { get; set; }

    /// <summary>Gets or sets the most paid activities a person may claim in one week (Monday to Sunday); unset for no limit.</summary>
    public int? MaximumPaidActivitiesPerWeek { get; set; }

    /// <summary>
    /// Gets or sets whether a person recorded as staff doing work within their own job (a payment profile whose
    /// <see cref="PublicSectorEmployment.InvolvementWithinJob"/> is set, through
    /// <see cref="PaymentService.RecordPublicSectorEmploymentAsync"/>) is refused fees
    /// (<see cref="PaymentErrorCodes.StaffWithinOwnJob"/>); their expenses are still paid.
    /// </summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool RefuseFeesForWorkWithinOwnJob { get; set; } = true;

    /// <summary>
    /// Gets the receipt threshold per expense kind, overriding <see cref="ReceiptRequiredAbove"/> for that kind
    /// (0 asks a receipt for every amount). Mileage and trust-booked travel never need one.
    /// </summary>
    public IDictionary<ExpenseKind, decimal> ReceiptRequiredAboveByKind { get; } = new Dictionary<ExpenseKind, decimal>();

    /// <summary>Replaces <see cref="Policy"/> with a copy of a policy (so that later edits to the original do not reach it).</summary>
    /// <param name="policy">The policy, such as a preset.</param>
    /// <returns>The copy now in use, to edit further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public PaymentPolicy UsePolicy(PaymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy.Copy();
        return Policy;
    }

    /// <summary>The payment target of the policy, else <see cref="PaymentTargetDays"/>.</summary>
    internal int EffectivePaymentTargetDays() => Policy.PaymentTargetDays ?? PaymentTargetDays;

    /// <summary>The refusal message when no version of the policy is in force on a date: what to configure.</summary>
    /// <param name="date">The activity's date.</param>
    /// <returns>The message.</returns>
    internal string NoVersionInForceMessage(DateOnly date) => Policy.Versions.Count == 0
        ? $"No payment policy is configured, so the activity on {date:yyyy-MM-dd} cannot be priced: copy a preset in code (CoProductionOptions.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4()), or another of PaymentPolicyPresets) or set CoProduction:Payments:Policy in configuration, with a version in force from that date or earlier."
        : $"No version of the payment policy '{Policy.Name}' is in force on {date:yyyy-MM-dd} (its first takes effect on {Policy.Versions.Where(v => v is not null).Min(v => v.EffectiveFrom):yyyy-MM-dd}): add a version in force from that date or earlier to CoProductionOptions.Payments.Policy (Payments:Policy:Versions in configuration).";

    /// <summary>The receipt threshold of an expense kind, or <see langword="null"/> when it never needs a receipt.</summary>
    internal decimal? ReceiptThreshold(ExpenseKind kind) => kind switch
    {
        ExpenseKind.Mileage or ExpenseKind.TrustBookedTravel => null,
        _ => ReceiptRequiredAboveByKind.TryGetValue(kind, out var threshold) ? threshold : ReceiptRequiredAbove,
    };

    /// <summary>Gets or sets the amount above which an expense (other than mileage) needs a receipt.</summary>
    /// <value>Default: 5.00.</value>
    public decimal ReceiptRequiredAbove { get; set; } = 5.00m;

    /// <summary>Gets or sets how many days after submission a claim should be paid; older unpaid claims are overdue.</summary>
    /// <value>Default: 30 days.</value>
    public int PaymentTargetDays { get; set; } = 30;

    /// <summary>
    /// Gets or sets the roles of the people who may approve, reject, mark paid or export a claim, or record a benefits
    /// advice offer. The person is the current actor (<see cref="Primitives.IActorContext"/>), never a parameter, and
    /// their roles are read from their participant record. Nobody decides their own claim, whatever their roles.
    /// </summary>
    /// <value>Staff only.</value>
    public ParticipantRole[] ClaimDeciderRoles { get; set; } = [ParticipantRole.Staff];

    /// <summary>
    /// Gets or sets the IANA (or Windows) id of the trust's time zone, in which "today" is reckoned: an activity dated
    /// after today cannot be recorded.
    /// </summary>
    /// <value><c>Europe/London</c>.</value>
    public string TimeZoneId { get; set; } = "Europe/London";

    /// <summary>Today's date in <see cref="TimeZoneId"/>.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>The trust's date now.</returns>
    internal DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId)).DateTime);

    /// <summary>The date of a moment in <see cref="TimeZoneId"/>.</summary>
    /// <param name="moment">The moment.</param>
    /// <returns>The trust's date then.</returns>
    internal DateOnly DateOf(DateTimeOffset moment) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId)).DateTime);

    /// <summary>Reports every mistake in these options, one message each.</summary>
    /// <returns>The failures; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (ClaimDeciderRoles is null || ClaimDeciderRoles.Length == 0)
        {
            failures.Add("Payments.ClaimDeciderRoles is empty: name at least one role whose holders may decide claims, such as Staff.");
        }

        if (string.IsNullOrWhiteSpace(TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            failures.Add($"Payments.TimeZoneId '{TimeZoneId}' is not a time zone this machine knows: use an IANA id such as Europe/London.");
        }

        if (string.IsNullOrWhiteSpace(CurrencyCode) || CurrencyCode.Length != 3 || !CurrencyCode.All(char.IsAsciiLetterUpper))
        {
            failures.Add($"Payments.CurrencyCode '{CurrencyCode}' is not an ISO 4217 code: use three capital letters, such as GBP.");
        }

        if (ReceiptRequiredAbove < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.ReceiptRequiredAbove is {ReceiptRequiredAbove}: it cannot be negative; use 0 to require a receipt for every expense."));
        }

        if (PaymentTargetDays <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.PaymentTargetDays is {PaymentTargetDays}: give a positive number of days, such as 30."));
        }

        if (ReceiptRequiredAboveByKind.Any(k => k.Value < 0))
        {
            failures.Add("Payments.ReceiptRequiredAboveByKind has a negative threshold: use 0 to require a receipt for every amount of that kind.");
        }

        if (TaxYearWarningThreshold is <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.TaxYearWarningThreshold is {TaxYearWarningThreshold}: give a positive amount, or leave it unset."));
        }

        if (MaximumPaidActivitiesPerWeek is <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.MaximumPaidActivitiesPerWeek is {MaximumPaidActivitiesPerWeek}: give a positive number, or leave it unset."));
        }

        if (!Enum.IsDefined(BenefitsAdviceRule))
        {
            failures.Add($"Payments.BenefitsAdviceRule '{BenefitsAdviceRule}' is not one of Off, Warn, Block.");
        }

        // An empty policy is allowed (the library's other areas work without payments; claims are then refused with
        // NoPolicyVersionInForce, saying what to configure); a policy that was started, in code or configuration, is checked whole.
        if (Policy.Versions.Count > 0 || !string.IsNullOrWhiteSpace(Policy.Name))
        {
            failures.AddRange(Policy.Validate());
        }

        return failures;
    }
}

/// <summary>What happens when a claim would pay a fee to someone not recorded as offered benefits advice.</summary>
public enum BenefitsAdviceRule
{
    /// <summary>Nothing: the rule is not applied.</summary>
    Off,

    /// <summary>The claim is submitted with a warning (<see cref="PaymentErrorCodes.BenefitsAdviceNotOffered"/>).</summary>
    Warn,

    /// <summary>The claim is refused (<see cref="PaymentErrorCodes.BenefitsAdviceNotOffered"/>) until the offer is recorded; an expenses-only claim is not.</summary>
    Block,
}
