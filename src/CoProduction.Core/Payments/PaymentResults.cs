using CoProduction.People;

namespace CoProduction.Payments;

/// <summary>A claim to submit.</summary>
/// <param name="ParticipantId">The claimant.</param>
/// <param name="ActivityIds">The activities claimed for (may be empty).</param>
/// <param name="Expenses">The expenses (may be empty).</param>
public sealed record ClaimRequest(ParticipantId ParticipantId, IReadOnlyCollection<InvolvementActivityId> ActivityIds, IReadOnlyCollection<Expense> Expenses)
{
    /// <summary>Gets the activities.</summary>
    public IReadOnlyCollection<InvolvementActivityId> ActivityIds { get; init; } = ActivityIds ?? throw new ArgumentNullException(nameof(ActivityIds));

    /// <summary>Gets the expenses.</summary>
    public IReadOnlyCollection<Expense> Expenses { get; init; } = Expenses ?? throw new ArgumentNullException(nameof(Expenses));

    /// <summary>Gets the mileage journeys, priced from the policy's mileage rates.</summary>
    public IReadOnlyCollection<MileageJourney> Journeys { get; init; } = [];

    /// <summary>Gets what the claimant chose to be paid for their time.</summary>
    public ClaimPayment Payment { get; init; } = ClaimPayment.InFull;

    /// <summary>Gets the lower amount of fees chosen, when <see cref="Payment"/> is <see cref="ClaimPayment.LowerAmount"/>.</summary>
    public decimal? ChosenFeesAmount { get; init; }
}

/// <summary>A warning for the team about a claim that was submitted.</summary>
/// <param name="Code">The stable code, one of <see cref="PaymentErrorCodes"/>.</param>
/// <param name="Message">What to check, in words.</param>
public sealed record PaymentWarning(string Code, string Message);

/// <summary>A submitted claim and the warnings it raised.</summary>
/// <param name="Claim">The stored claim.</param>
/// <param name="Warnings">The warnings; empty when there are none.</param>
public sealed record SubmittedClaim(PaymentClaim Claim, IReadOnlyList<PaymentWarning> Warnings);

/// <summary>A person's fees and expenses in one UK tax year.</summary>
/// <param name="TaxYear">The tax year.</param>
/// <param name="Fees">The fees (by activity date) on claims not rejected.</param>
/// <param name="Expenses">The expenses (by their date) on claims not rejected.</param>
/// <param name="PaidActivities">How many activities were paid a fee.</param>
/// <param name="OverThreshold">Whether the fees pass <see cref="PaymentOptions.TaxYearWarningThreshold"/>.</param>
public sealed record TaxYearTotal(UkTaxYear TaxYear, decimal Fees, decimal Expenses, int PaidActivities, bool OverThreshold);

/// <summary>One row of a finance export: a fee line or an expense of an approved claim.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="ParticipantId">The payee (finance holds their name and bank details).</param>
/// <param name="PaymentRoute">How they are paid, if recorded.</param>
/// <param name="ApprovedOn">The day the claim was approved.</param>
/// <param name="LineType"><c>Fee</c> or <c>Expense</c>.</param>
/// <param name="Date">The activity's or expense's date; an expense given without a date has its claim's submission date (in the trust's time zone), as the tax-year totals count it.</param>
/// <param name="Description">The activity kind and role level ("Project meeting, Partner rate"), or the expense kind and its description ("Travel: bus fare").</param>
/// <param name="Quantity">Hours paid for a fee; miles for mileage.</param>
/// <param name="Basis">How a fee was worked out, or the vehicle of a mileage expense.</param>
/// <param name="Rate">The rate applied to a fee.</param>
/// <param name="PolicyName">The policy that priced a fee.</param>
/// <param name="PolicyVersionFrom">The date from which the policy version that priced a fee was in force.</param>
/// <param name="Amount">The amount to pay.</param>
/// <param name="CurrencyCode">The currency.</param>
public sealed record FinanceExportRow(
    PaymentClaimId ClaimId,
    ParticipantId ParticipantId,
    PaymentRoute? PaymentRoute,
    DateOnly ApprovedOn,
    string LineType,
    DateOnly Date,
    string Description,
    decimal? Quantity,
    string? Basis,
    decimal? Rate,
    string? PolicyName,
    DateOnly? PolicyVersionFrom,
    decimal Amount,
    string CurrencyCode);

/// <summary>An export of approved claims for finance.</summary>
/// <param name="From">The first approval date.</param>
/// <param name="To">The last approval date.</param>
/// <param name="ExportedAt">When it was made.</param>
/// <param name="ClaimIds">The claims exported (now marked exported).</param>
/// <param name="Rows">The rows, claim by claim.</param>
public sealed record FinanceExport(DateOnly From, DateOnly To, DateTimeOffset ExportedAt, IReadOnlyList<PaymentClaimId> ClaimIds, IReadOnlyList<FinanceExportRow> Rows)
{
    /// <summary>Gets the total of the rows.</summary>
    public decimal Total => Rows.Sum(r => r.Amount);
}

/// <summary>Outstanding claims in one age bucket.</summary>
/// <param name="Label">The bucket, such as "0-14 days".</param>
/// <param name="FromDays">The fewest whole days waited.</param>
/// <param name="ToDays">The most, or <see langword="null"/> for the last bucket.</param>
/// <param name="Claims">How many claims.</param>
/// <param name="Total">Their total.</param>
public sealed record ClaimAgeingBucket(string Label, int FromDays, int? ToDays, int Claims, decimal Total);

/// <summary>Outstanding claims by how long they have waited.</summary>
/// <param name="PaymentTargetDays">The payment target of the policy.</param>
/// <param name="Buckets">The buckets 0-14, 15-28, 29-42 and over 42 days.</param>
/// <param name="Overdue">How many claims are past the target.</param>
public sealed record ClaimAgeingReport(int PaymentTargetDays, IReadOnlyList<ClaimAgeingBucket> Buckets, int Overdue);
