using System.Globalization;
using Ardalis.GuardClauses;
using CoProduction.Payments.Events;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>The states of a payment claim.</summary>
public enum PaymentClaimStatus
{
    /// <summary>Submitted and waiting for a decision.</summary>
    Submitted,

    /// <summary>Approved, waiting to be paid.</summary>
    Approved,

    /// <summary>Paid (final).</summary>
    Paid,

    /// <summary>Rejected with a reason (final); its activities may be claimed again.</summary>
    Rejected,
}

/// <summary>The kinds of out-of-pocket expense.</summary>
public enum ExpenseKind
{
    /// <summary>Fares on public transport, or a taxi where agreed.</summary>
    Travel,

    /// <summary>Mileage in the participant's own vehicle (no receipt needed).</summary>
    Mileage,

    /// <summary>Parking.</summary>
    Parking,

    /// <summary>Meals and refreshments.</summary>
    Subsistence,

    /// <summary>Care for a dependant, so that the participant could take part.</summary>
    CareCosts,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>An out-of-pocket expense on a claim.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Amount">The amount (positive, at most two decimal places).</param>
/// <param name="ReceiptProvided">Whether a receipt was provided.</param>
/// <param name="Description">A short description, without personal data (for example "Train fare").</param>
public sealed record Expense(ExpenseKind Kind, decimal Amount, bool ReceiptProvided, string Description)
{
    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; } = Amount > 0 && decimal.Round(Amount, 2) == Amount
        ? Amount
        : throw new InvalidInputException(nameof(Amount), "An expense must be a positive amount in pennies (at most two decimal places).");

    /// <summary>Gets the description.</summary>
    public string Description { get; } = Input.Required(Description).Trim();
}

/// <summary>The payment for one activity on a claim, as the rate card worked it out when the claim was submitted.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Date">When it took place.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="RoleLevel">The role level paid.</param>
/// <param name="Hours">The hours paid.</param>
/// <param name="Basis">How the amount was worked out.</param>
/// <param name="Amount">The amount.</param>
public sealed record ClaimLine(InvolvementActivityId ActivityId, DateOnly Date, InvolvementActivityKind Kind, string RoleLevel, decimal Hours, PaymentBasis Basis, decimal Amount);

/// <summary>
/// A participant's claim for involvement payments and expenses. The amounts are fixed from the rate card when the
/// claim is submitted; the claim then moves Submitted -&gt; Approved -&gt; Paid, or Submitted -&gt; Rejected with a reason.
/// Unpaid claims age (<see cref="DaysOutstanding"/>), so that payment delays can be seen and acted on.
/// </summary>
public sealed class PaymentClaim : AggregateRoot<PaymentClaimId>
{
    private readonly List<ClaimLine> _lines = [];
    private readonly List<Expense> _expenses = [];

    private PaymentClaim(PaymentClaimId id, OrganisationId organisationId)
        : base(id, organisationId)
    {
        CurrencyCode = string.Empty;
    }

    private PaymentClaim()
    {
        CurrencyCode = string.Empty;
    }

    /// <summary>Gets the claimant.</summary>
    public ParticipantId ParticipantId { get; private set; }

    /// <summary>Gets the claim's state.</summary>
    public PaymentClaimStatus Status { get; private set; }

    /// <summary>Gets the currency of every amount.</summary>
    public string CurrencyCode { get; private set; }

    /// <summary>Gets the payment lines, one per activity.</summary>
    public IReadOnlyList<ClaimLine> Lines => _lines;

    /// <summary>Gets the expenses.</summary>
    public IReadOnlyList<Expense> Expenses => _expenses;

    /// <summary>Gets the total paid for time.</summary>
    public decimal FeesTotal => _lines.Sum(l => l.Amount);

    /// <summary>Gets the total of expenses.</summary>
    public decimal ExpensesTotal => _expenses.Sum(e => e.Amount);

    /// <summary>Gets the total claimed.</summary>
    public decimal Total => FeesTotal + ExpensesTotal;

    /// <summary>Gets when the claim was submitted.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Gets when it was approved or rejected, if it was.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Gets who approved or rejected it, if anyone has.</summary>
    public ParticipantId? DecidedBy { get; private set; }

    /// <summary>Gets why it was rejected, if it was.</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>Gets when it was paid, if it was.</summary>
    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>Gets the finance system's reference for the payment, if paid.</summary>
    public string? PaymentReference { get; private set; }

    /// <summary>Removes free text about the claimant on their erasure: expense descriptions, the rejection reason and the payment reference.</summary>
    internal void RemovePersonalText()
    {
        for (var i = 0; i < _expenses.Count; i++)
        {
            var expense = _expenses[i];
            _expenses[i] = new Expense(expense.Kind, expense.Amount, expense.ReceiptProvided, PersonalData.RemovedOnErasure);
        }

        RejectionReason = PersonalData.Removed(RejectionReason);
        PaymentReference = PersonalData.Removed(PaymentReference);
    }

    /// <summary>Gets whether the claim still waits for payment (submitted or approved).</summary>
    public bool IsOutstanding => Status is PaymentClaimStatus.Submitted or PaymentClaimStatus.Approved;

    /// <summary>
    /// Submits a claim for a participant's activities and expenses, working out each activity's payment from the rate
    /// card (nothing for time when the participant declines payment; expenses are always paid).
    /// </summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="claimant">The participant claiming.</param>
    /// <param name="activities">The activities claimed for (may be empty when only expenses are claimed).</param>
    /// <param name="expenses">The expenses (may be empty).</param>
    /// <param name="options">The payment options: rate card, currency and receipt threshold.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new claim, to be added to the store.</returns>
    /// <exception cref="DomainRuleViolationException">The claim is empty, an activity belongs to someone else or was cancelled, a role level is not on the card, or a receipt is missing.</exception>
    internal static PaymentClaim Submit(
        OrganisationId organisationId,
        Participant claimant,
        IReadOnlyCollection<InvolvementActivity> activities,
        IReadOnlyCollection<Expense> expenses,
        PaymentOptions options,
        TimeProvider clock)
    {
        Guard.Against.Null(claimant);
        Guard.Against.Null(activities);
        Guard.Against.Null(expenses);
        Guard.Against.Null(options);
        Guard.Against.Null(clock);
        if (activities.Any(a => a is null) || expenses.Any(e => e is null))
        {
            throw new InvalidInputException(activities.Any(a => a is null) ? nameof(activities) : nameof(expenses), "The activities and expenses may not contain null entries.");
        }

        Rule.Require(activities.Count > 0 || expenses.Count > 0, PaymentErrorCodes.EmptyClaim, "A claim needs at least one activity or one expense: add what is being claimed for.");
        if (activities.Select(a => a.Id).Distinct().Count() != activities.Count)
        {
            throw new InvalidInputException(nameof(activities), "The same activity appears twice on the claim: list each activity once.");
        }

        foreach (var activity in activities)
        {
            Rule.Require(activity.ParticipantId == claimant.Id, PaymentErrorCodes.ActivityOfAnotherParticipant, $"An activity on the claim ({activity.Description}, {activity.Date:yyyy-MM-dd}) was given by someone other than the claimant: each participant claims for their own activities.", ("activityId", activity.Id), ("participantId", activity.ParticipantId), ("claimantId", claimant.Id));
            Rule.Require(!activity.IsCancelled, PaymentErrorCodes.ActivityCancelled, $"Activity {activity.Id} was cancelled, so it cannot be paid: remove it from the claim.");
            Rule.Require(options.RateCard.FindRate(activity.RoleLevel) is not null, PaymentErrorCodes.UnknownRoleLevel, $"Activity {activity.Id} is at role level '{activity.RoleLevel}', which the rate card does not have: add the level to CoProductionOptions.Payments.RateCard or correct the activity.");
        }

        var missingReceipts = expenses.Where(e => !e.ReceiptProvided && e.Kind != ExpenseKind.Mileage && e.Amount > options.ReceiptRequiredAbove).ToList();
        Rule.Require(
            missingReceipts.Count == 0,
            PaymentErrorCodes.ReceiptRequired,
            string.Create(CultureInfo.InvariantCulture, $"Expenses over {options.ReceiptRequiredAbove:0.00} {options.CurrencyCode} need a receipt (mileage excepted). Missing: {string.Join("; ", missingReceipts.Select(e => $"{e.Description} ({e.Amount:0.00})"))}. Attach the receipts and mark them as provided, or remove those expenses."));

        var declines = claimant.PaymentPreference.DeclinesPayment;
        var now = clock.GetUtcNow();
        var claim = new PaymentClaim(PaymentClaimId.New(), organisationId)
        {
            ParticipantId = claimant.Id,
            Status = PaymentClaimStatus.Submitted,
            CurrencyCode = options.CurrencyCode,
            SubmittedAt = now,
        };
        foreach (var activity in activities.OrderBy(a => a.Date).ThenBy(a => a.Id.Value))
        {
            var calculation = options.RateCard.Calculate(activity.RoleLevel, activity.Duration);
            claim._lines.Add(declines
                ? new ClaimLine(activity.Id, activity.Date, activity.Kind, activity.RoleLevel, calculation.Hours, PaymentBasis.Declined, 0m)
                : new ClaimLine(activity.Id, activity.Date, activity.Kind, activity.RoleLevel, calculation.Hours, calculation.Basis, calculation.Amount));
        }

        claim._expenses.AddRange(expenses);
        claim.Raise(new PaymentClaimSubmitted(claim.Id, claimant.Id, claim.Total, now));
        return claim;
    }

    /// <summary>Approves the claim for payment.</summary>
    /// <param name="approvedBy">Who approved it.</param>
    /// <param name="clock">The clock.</param>
    internal void Approve(ParticipantId approvedBy, TimeProvider clock)
    {
        Input.Id(approvedBy);
        Guard.Against.Null(clock);
        RequireStatus(PaymentClaimStatus.Submitted, "approve", "Only a submitted claim can be approved.");
        var now = clock.GetUtcNow();
        Status = PaymentClaimStatus.Approved;
        DecidedAt = now;
        DecidedBy = approvedBy;
        Raise(new PaymentClaimApproved(Id, approvedBy, now));
    }

    /// <summary>Rejects the claim with a reason; its activities may then be claimed again.</summary>
    /// <param name="rejectedBy">Who rejected it.</param>
    /// <param name="reason">Why, in words the claimant will understand.</param>
    /// <param name="clock">The clock.</param>
    internal void Reject(ParticipantId rejectedBy, string reason, TimeProvider clock)
    {
        Input.Id(rejectedBy);
        Input.Required(reason);
        Guard.Against.Null(clock);
        RequireStatus(PaymentClaimStatus.Submitted, "reject", "Only a submitted claim can be rejected; an approved claim is paid or, if wrong, corrected by the finance team.");
        var now = clock.GetUtcNow();
        Status = PaymentClaimStatus.Rejected;
        DecidedAt = now;
        DecidedBy = rejectedBy;
        RejectionReason = reason.Trim();
        Raise(new PaymentClaimRejected(Id, rejectedBy, now));
    }

    /// <summary>Records that an approved claim was paid.</summary>
    /// <param name="paymentReference">The finance system's reference.</param>
    /// <param name="clock">The clock.</param>
    internal void MarkPaid(string paymentReference, TimeProvider clock)
    {
        Input.Required(paymentReference);
        Guard.Against.Null(clock);
        RequireStatus(PaymentClaimStatus.Approved, "mark as paid", "Approve the claim first.");
        var now = clock.GetUtcNow();
        Status = PaymentClaimStatus.Paid;
        PaidAt = now;
        PaymentReference = paymentReference.Trim();
        Raise(new PaymentClaimPaid(Id, now));
    }

    /// <summary>
    /// Gets how many whole days the claim has waited for payment: from submission to payment when paid, to
    /// <paramref name="now"/> while outstanding, and 0 for a rejected claim.
    /// </summary>
    /// <param name="now">The moment to measure to (from the clock).</param>
    /// <returns>The days.</returns>
    public int DaysOutstanding(DateTimeOffset now)
    {
        var end = Status switch
        {
            PaymentClaimStatus.Paid => PaidAt!.Value,
            PaymentClaimStatus.Rejected => SubmittedAt,
            _ => now,
        };
        return Math.Max(0, (int)Math.Floor((end - SubmittedAt).TotalDays));
    }

    private void RequireStatus(PaymentClaimStatus required, string action, string advice) =>
        Rule.Require(Status == required, PaymentErrorCodes.InvalidClaimTransition, $"Claim {Id} is {Status}, so it cannot {action}. {advice}");
}
