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

    /// <summary>Care for an adult the participant looks after (carer costs), so that they could take part.</summary>
    CareCosts,

    /// <summary>Anything else.</summary>
    Other,

    /// <summary>Childcare, so that the participant could take part.</summary>
    Childcare,

    /// <summary>Travel booked and paid for by the trust: recorded for the audit trail, with nothing to reimburse (amount 0).</summary>
    TrustBookedTravel,
}

/// <summary>An out-of-pocket expense on a claim.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Amount">The amount (positive, at most two decimal places; exactly 0 for <see cref="ExpenseKind.TrustBookedTravel"/>).</param>
/// <param name="ReceiptProvided">Whether a receipt was provided.</param>
/// <param name="Description">A short description, without personal data (for example "Train fare").</param>
public sealed record Expense(ExpenseKind Kind, decimal Amount, bool ReceiptProvided, string Description)
{
    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; } = Kind == ExpenseKind.TrustBookedTravel
        ? (Amount == 0 ? Amount : throw new InvalidInputException(nameof(Amount), "Travel booked and paid by the trust has nothing to reimburse: give an amount of 0."))
        : Amount > 0 && decimal.Round(Amount, 2) == Amount
            ? Amount
            : throw new InvalidInputException(nameof(Amount), "An expense must be a positive amount in pennies (at most two decimal places).");

    /// <summary>Gets the description.</summary>
    public string Description { get; } = Input.Required(Description).Trim();

    /// <summary>Gets the day the expense was incurred, if given.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Gets the miles travelled, for mileage.</summary>
    public decimal? Miles { get; init; }

    /// <summary>Gets the passengers carried, for mileage by car.</summary>
    public int? Passengers { get; init; }

    /// <summary>Gets how the journey was made, for mileage.</summary>
    public MileageVehicle? Vehicle { get; init; }
}

/// <summary>A journey in the participant's own vehicle, priced from the mileage rates of the policy version in force on its date.</summary>
/// <param name="Date">The day of the journey.</param>
/// <param name="Miles">The miles travelled (positive, at most two decimal places).</param>
/// <param name="Passengers">Other participants carried (0 or more; car journeys only).</param>
/// <param name="Vehicle">How the journey was made.</param>
/// <param name="Description">A short description without personal data, such as "Return trip to the panel".</param>
public sealed record MileageJourney(DateOnly Date, decimal Miles, int Passengers, MileageVehicle Vehicle, string Description)
{
    /// <summary>Gets the miles.</summary>
    public decimal Miles { get; } = Miles > 0 && decimal.Round(Miles, 2) == Miles
        ? Miles
        : throw new InvalidInputException(nameof(Miles), "Give the miles as a positive number with at most two decimal places.");

    /// <summary>Gets the passengers.</summary>
    public int Passengers { get; } = Passengers >= 0 && (Passengers == 0 || Vehicle == MileageVehicle.Car)
        ? Passengers
        : throw new InvalidInputException(nameof(Passengers), "Passengers are 0 or more, and only a car journey carries them.");

    /// <summary>Gets the description.</summary>
    public string Description { get; } = Input.Required(Description).Trim();
}

/// <summary>What a claimant chose to be paid for their time on a claim.</summary>
public enum ClaimPayment
{
    /// <summary>The fees in full.</summary>
    InFull,

    /// <summary>A lower amount of fees, which the claimant chose (for example to stay within a benefits limit).</summary>
    LowerAmount,

    /// <summary>No fees: expenses only.</summary>
    ExpensesOnly,
}

/// <summary>The payment for one activity on a claim, as the payment policy version in force on its date worked it out when the claim was submitted.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Date">When it took place.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="RoleLevel">The role level paid.</param>
/// <param name="Hours">The hours paid.</param>
/// <param name="Basis">How the amount was worked out.</param>
/// <param name="Amount">The amount.</param>
public sealed record ClaimLine(InvolvementActivityId ActivityId, DateOnly Date, InvolvementActivityKind Kind, string RoleLevel, decimal Hours, PaymentBasis Basis, decimal Amount)
{
    /// <summary>Gets the rate applied (hourly, block, half-day, full-day or flat).</summary>
    public decimal Rate { get; init; }

    /// <summary>Gets the amount the policy priced before caps, a lower amount or expenses only.</summary>
    public decimal PricedAmount { get; init; }

    /// <summary>Gets the name of the policy that priced the line.</summary>
    public string? PolicyName { get; init; }

    /// <summary>Gets the date from which the policy version that priced the line was in force (set on every line the library prices).</summary>
    public DateOnly? PolicyVersionFrom { get; init; }
}

/// <summary>
/// A participant's claim for involvement payments and expenses. The amounts are fixed when the claim is submitted, each
/// line by the payment policy version in force on its activity's date (<see cref="PaymentOptions.Policy"/>), and never
/// repriced; the claim then moves Submitted -&gt; Approved -&gt; Paid, or Submitted -&gt; Rejected with a reason.
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

    /// <summary>Gets what the claimant chose to be paid for their time.</summary>
    public ClaimPayment Payment { get; private set; }

    /// <summary>Gets the lower amount of fees the claimant chose, when <see cref="Payment"/> is <see cref="ClaimPayment.LowerAmount"/>.</summary>
    public decimal? ChosenFeesAmount { get; private set; }

    /// <summary>Gets when the claim was handed to finance in an export, if it was.</summary>
    public DateTimeOffset? ExportedAt { get; private set; }

    /// <summary>Gets who exported it, if anyone has.</summary>
    public ParticipantId? ExportedBy { get; private set; }

    /// <summary>Removes free text about the claimant on their erasure: expense descriptions, the rejection reason and the payment reference.</summary>
    internal void RemovePersonalText()
    {
        for (var i = 0; i < _expenses.Count; i++)
        {
            var expense = _expenses[i];
            _expenses[i] = new Expense(expense.Kind, expense.Amount, expense.ReceiptProvided, PersonalData.RemovedOnErasure)
            {
                Date = expense.Date,
                Miles = expense.Miles,
                Passengers = expense.Passengers,
                Vehicle = expense.Vehicle,
            };
        }

        RejectionReason = PersonalData.Removed(RejectionReason);
        PaymentReference = PersonalData.Removed(PaymentReference);
    }

    /// <summary>Gets whether the claim still waits for payment (submitted or approved).</summary>
    public bool IsOutstanding => Status is PaymentClaimStatus.Submitted or PaymentClaimStatus.Approved;

    /// <summary>
    /// Submits a claim for a participant's activities and expenses, working out each activity's payment from the
    /// payment policy version in force on its date (nothing for time when the participant declines payment; expenses are always paid).
    /// </summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="claimant">The participant claiming.</param>
    /// <param name="activities">The activities claimed for (may be empty when only expenses are claimed).</param>
    /// <param name="expenses">The expenses (may be empty).</param>
    /// <param name="options">The payment options: policy, currency and receipt rules.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="payment">What the claimant chose to be paid for their time.</param>
    /// <param name="chosenFeesAmount">The lower amount chosen, with <see cref="ClaimPayment.LowerAmount"/>.</param>
    /// <param name="journeys">Mileage journeys to price.</param>
    /// <param name="earlierLines">The claimant's lines on earlier claims that were not rejected, for the caps.</param>
    /// <returns>The new claim, to be added to the store.</returns>
    /// <exception cref="DomainRuleViolationException">The claim is empty, an activity belongs to someone else or was cancelled, no policy version is in force on a date, a role level is not in the version, or a receipt is missing.</exception>
    internal static PaymentClaim Submit(
        OrganisationId organisationId,
        Participant claimant,
        IReadOnlyCollection<InvolvementActivity> activities,
        IReadOnlyCollection<Expense> expenses,
        PaymentOptions options,
        TimeProvider clock,
        ClaimPayment payment = ClaimPayment.InFull,
        decimal? chosenFeesAmount = null,
        IReadOnlyCollection<MileageJourney>? journeys = null,
        IReadOnlyCollection<ClaimLine>? earlierLines = null)
    {
        Guard.Against.Null(claimant);
        Guard.Against.Null(activities);
        Guard.Against.Null(expenses);
        Guard.Against.Null(options);
        Guard.Against.Null(clock);
        journeys ??= [];
        earlierLines ??= [];
        if (activities.Any(a => a is null) || expenses.Any(e => e is null) || journeys.Any(j => j is null))
        {
            throw new InvalidInputException(activities.Any(a => a is null) ? nameof(activities) : expenses.Any(e => e is null) ? nameof(expenses) : nameof(journeys), "The activities, expenses and journeys may not contain null entries.");
        }

        Input.Defined(payment);
        if (payment == ClaimPayment.LowerAmount ? chosenFeesAmount is null : chosenFeesAmount is not null)
        {
            throw new InvalidInputException(nameof(chosenFeesAmount), "Give a chosen amount exactly when the claimant chose a lower amount.");
        }

        Rule.Require(activities.Count > 0 || expenses.Count > 0 || journeys.Count > 0, PaymentErrorCodes.EmptyClaim, "A claim needs at least one activity, expense or journey: add what is being claimed for.");
        if (activities.Select(a => a.Id).Distinct().Count() != activities.Count)
        {
            throw new InvalidInputException(nameof(activities), "The same activity appears twice on the claim: list each activity once.");
        }

                foreach (var activity in activities)
        {
            Rule.Require(activity.ParticipantId == claimant.Id, PaymentErrorCodes.ActivityOfAnotherParticipant, $"An activity on the claim ({activity.Description}, {activity.Date:yyyy-MM-dd}) was given by someone other than the claimant: each participant claims for their own activities.", ("activityId", activity.Id), ("participantId", activity.ParticipantId), ("claimantId", claimant.Id));
            Rule.Require(!activity.IsCancelled, PaymentErrorCodes.ActivityCancelled, $"Activity {activity.Id} was cancelled, so it cannot be paid: remove it from the claim.");
            var version = RequireVersion(options, activity.Date);
            Rule.Require(version.FindRate(activity.RoleLevel) is not null, PaymentErrorCodes.UnknownRoleLevel, $"Activity {activity.Id} is at role level '{activity.RoleLevel}', which the payment policy version in force on {activity.Date:yyyy-MM-dd} does not have (it has {string.Join(", ", version.Rates.Select(r => r.RoleLevel))}): add the level to that version of CoProductionOptions.Payments.Policy, or cancel the activity and record it at one of those levels.");
        }

        var missingReceipts = expenses.Where(e => !e.ReceiptProvided && options.ReceiptThreshold(e.Kind) is { } threshold && e.Amount > threshold).ToList();
        Rule.Require(
            missingReceipts.Count == 0,
            PaymentErrorCodes.ReceiptRequired,
            string.Create(CultureInfo.InvariantCulture, $"These expenses need a receipt under the receipt rules of their kind (over {options.ReceiptRequiredAbove:0.00} {options.CurrencyCode} unless set per kind; mileage and trust-booked travel excepted): {string.Join("; ", missingReceipts.Select(e => $"{e.Kind} {e.Description} ({e.Amount:0.00})"))}. Attach the receipts and mark them as provided, or remove those expenses."));

        var now = clock.GetUtcNow();
        var claim = new PaymentClaim(PaymentClaimId.New(), organisationId)
        {
            ParticipantId = claimant.Id,
            Status = PaymentClaimStatus.Submitted,
            CurrencyCode = options.CurrencyCode,
            SubmittedAt = now,
            Payment = payment,
            ChosenFeesAmount = chosenFeesAmount,
        };
        claim._lines.AddRange(PriceLines(options, activities, earlierLines, claimant.PaymentPreference.DeclinesPayment || payment == ClaimPayment.ExpensesOnly));
        if (payment == ClaimPayment.LowerAmount)
        {
            var full = claim.FeesTotal;
            var chosen = chosenFeesAmount!.Value;
            Rule.Require(
                chosen >= 0 && chosen < full && decimal.Round(chosen, 2) == chosen,
                PaymentErrorCodes.InvalidLowerAmount,
                string.Create(CultureInfo.InvariantCulture, $"The chosen amount {chosen:0.00} must be at least 0.00 and less than the fees in full ({full:0.00}), in pennies: choose 'in full' to be paid {full:0.00}, or 'expenses only' for none."));
            var remaining = chosen;
            for (var i = 0; i < claim._lines.Count; i++)
            {
                var line = claim._lines[i];
                var paid = Math.Min(line.Amount, remaining);
                remaining -= paid;
                claim._lines[i] = line with { Amount = paid };
            }
        }

        claim._expenses.AddRange(expenses);
        claim._expenses.AddRange(PriceJourneys(options, journeys));
        claim.Raise(new PaymentClaimSubmitted(claim.Id, claimant.Id, claim.Total, now));
        return claim;
    }

    /// <summary>Records that the claim was handed to finance in an export.</summary>
    /// <param name="exportedBy">Who ran the export.</param>
    /// <param name="clock">The clock.</param>
    internal void MarkExported(ParticipantId exportedBy, TimeProvider clock)
    {
        Input.Id(exportedBy);
        RequireStatus(PaymentClaimStatus.Approved, "be exported", "Only an approved claim goes to finance.");
        Rule.Require(ExportedAt is null, PaymentErrorCodes.InvalidClaimTransition, $"Claim {Id} was already exported on {ExportedAt:yyyy-MM-dd}: a claim is exported once, so find it in that export, or ask finance.");
        var now = clock.GetUtcNow();
        ExportedAt = now;
        ExportedBy = exportedBy;
        Raise(new PaymentClaimExported(Id, exportedBy, now));
    }

    private static PaymentPolicyVersion RequireVersion(PaymentOptions options, DateOnly date) =>
        options.Policy.VersionOn(date) ?? throw new DomainRuleViolationException(PaymentErrorCodes.NoPolicyVersionInForce, options.NoVersionInForceMessage(date));

    /// <summary>
    /// Prices each activity by the version in force on its date, then applies the daily and period caps of that
    /// version against the person's earlier lines and the lines before it on this claim, in date order.
    /// </summary>
    private static List<ClaimLine> PriceLines(PaymentOptions options, IReadOnlyCollection<InvolvementActivity> activities, IReadOnlyCollection<ClaimLine> earlierLines, bool noFees)
    {
        var lines = new List<ClaimLine>(activities.Count);
        var byDay = earlierLines.GroupBy(l => l.Date).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var byPeriod = new Dictionary<(CapPeriod, DateOnly), decimal>();
        foreach (var line in earlierLines)
        {
            foreach (var period in Enum.GetValues<CapPeriod>())
            {
                var key = (period, PeriodStart(period, line.Date));
                byPeriod[key] = byPeriod.GetValueOrDefault(key) + line.Amount;
            }
        }

        foreach (var activity in activities.OrderBy(a => a.Date).ThenBy(a => a.Id.Value))
        {
            var version = RequireVersion(options, activity.Date);
            var calculation = version.Calculate(activity.RoleLevel, activity.Duration);
            var amount = calculation.Amount;
            var periodKey = (version.CapPeriod, PeriodStart(version.CapPeriod, activity.Date));
            if (version.DailyCap is { } dailyCap)
            {
                amount = Math.Min(amount, Math.Max(0, dailyCap - byDay.GetValueOrDefault(activity.Date)));
            }

            if (version.PeriodCap is { } periodCap)
            {
                amount = Math.Min(amount, Math.Max(0, periodCap - byPeriod.GetValueOrDefault(periodKey)));
            }

            if (noFees)
            {
                amount = 0;
            }

            byDay[activity.Date] = byDay.GetValueOrDefault(activity.Date) + amount;
            foreach (var period in Enum.GetValues<CapPeriod>())
            {
                var key = (period, PeriodStart(period, activity.Date));
                byPeriod[key] = byPeriod.GetValueOrDefault(key) + amount;
            }

            lines.Add(new ClaimLine(activity.Id, activity.Date, activity.Kind, activity.RoleLevel, calculation.Hours, noFees ? PaymentBasis.Declined : calculation.Basis, amount)
            {
                Rate = calculation.Rate,
                PricedAmount = calculation.Amount,
                PolicyName = options.Policy.Name,
                PolicyVersionFrom = version.EffectiveFrom,
            });
        }

        return lines;
    }

    /// <summary>
    /// Prices mileage journeys in date order by the mileage rates in force on each date: car miles at the car rate up to
    /// the taper, then the lower rate, for the claim's car miles together; passengers per mile; motorcycles and bicycles at their rates.
    /// </summary>
    private static IEnumerable<Expense> PriceJourneys(PaymentOptions options, IReadOnlyCollection<MileageJourney> journeys)
    {
        var carMiles = 0m;
        foreach (var journey in journeys.OrderBy(j => j.Date))
        {
            var rates = RequireVersion(options, journey.Date).Mileage;
            decimal amount;
            switch (journey.Vehicle)
            {
                case MileageVehicle.Car:
                    var atFullRate = rates.TaperAfterMiles is { } taper ? Math.Clamp(taper - carMiles, 0, journey.Miles) : journey.Miles;
                    amount = (atFullRate * rates.CarRatePerMile) + ((journey.Miles - atFullRate) * rates.CarRateAfterTaper) + (journey.Passengers * journey.Miles * rates.PassengerRatePerMile);
                    carMiles += journey.Miles;
                    break;
                case MileageVehicle.Motorcycle:
                    amount = journey.Miles * rates.MotorcycleRatePerMile;
                    break;
                case MileageVehicle.Bicycle:
                    amount = journey.Miles * rates.BicycleRatePerMile;
                    break;
                default:
                    throw new InvalidInputException(nameof(journey.Vehicle), $"'{journey.Vehicle}' is not a vehicle: use Car, Motorcycle or Bicycle.");
            }

            amount = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
            Rule.Require(amount > 0, PaymentErrorCodes.NoMileageRate, $"The payment policy in force on {journey.Date:yyyy-MM-dd} pays nothing for {journey.Vehicle} mileage: add the rate to the policy's mileage rates, or claim the journey as a travel expense.");
            yield return new Expense(ExpenseKind.Mileage, amount, false, journey.Description)
            {
                Date = journey.Date,
                Miles = journey.Miles,
                Passengers = journey.Passengers,
                Vehicle = journey.Vehicle,
            };
        }
    }

    /// <summary>The first day of the cap period holding a date.</summary>
    internal static DateOnly PeriodStart(CapPeriod period, DateOnly date) => period switch
    {
        CapPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        CapPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        _ => UkTaxYear.Of(date).Start,
    };

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
    /// When an unpaid claim becomes overdue against a payment target: once more than the target's whole days have passed
    /// since submission, which is when <see cref="DaysOutstanding"/> first exceeds the target.
    /// </summary>
    internal DateTimeOffset OverdueFrom(int paymentTargetDays) => SubmittedAt.AddDays(paymentTargetDays + 1);

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
