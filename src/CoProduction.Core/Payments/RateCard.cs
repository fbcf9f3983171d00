using CoProduction.Primitives;
using System.Collections.ObjectModel;
using System.Globalization;

namespace CoProduction.Payments;

/// <summary>
/// Turns involvement time into payment: a rate per role level (hourly, and optionally half-day and full-day), with
/// thresholds that decide when the half-day and full-day rates apply. This undated card prices claims only while
/// <see cref="PaymentOptions.Policy"/> has no versions; a dated policy (<see cref="PaymentPolicy"/>) replaces it.
/// </summary>
/// <remarks>
/// <para>The rule, for an activity of duration <c>d</c> at a role level:</para>
/// <list type="number">
/// <item>if the level has a full-day rate and <c>d</c> &#8805; <see cref="FullDayFromHours"/>, the full-day rate;</item>
/// <item>else if it has a half-day rate and <c>d</c> &#8805; <see cref="HalfDayFromHours"/>, the half-day rate;</item>
/// <item>else the hourly rate times <c>d</c> rounded up to <see cref="BillingIncrementMinutes"/>, but never more than the
/// half-day rate when there is one.</item>
/// </list>
/// <para>The default card is illustrative, not a published rate card: set your organisation's own rates.</para>
/// </remarks>
public sealed class RateCard
{
    /// <summary>
    /// Gets the rates, one per role level. Until any rate is configured the card holds the built-in rates
    /// (<see cref="CreateDefaultRates"/>); the first rate added, from configuration (such as a
    /// <c>Payments:RateCard:Rates</c> section of appsettings.json) or from code (<c>Rates.Add(...)</c>), replaces them all,
    /// so the card holds exactly the levels you configured. To keep a built-in level, configure it too.
    /// </summary>
    /// <value>By default three illustrative levels: <c>Participant</c>, <c>Partner</c> and <c>Lead</c>.</value>
    public IList<RoleRate> Rates { get; } = new ConfiguredRates();

    /// <summary>Gets whether <see cref="Rates"/> still holds the built-in rates, because none has been configured.</summary>
    public bool UsesDefaultRates => ((ConfiguredRates)Rates).HoldsDefaults;

    /// <summary>Creates the built-in, illustrative rates (not a published rate card): a fresh copy each time.</summary>
    /// <returns><c>Participant</c> 15.00 an hour; <c>Partner</c> 20.00 an hour, 75.00 a half day, 150.00 a day; <c>Lead</c> 25.00, 100.00, 200.00.</returns>
    public static IReadOnlyList<RoleRate> CreateDefaultRates() =>
    [
        new() { RoleLevel = "Participant", HourlyRate = 15.00m },
        new() { RoleLevel = "Partner", HourlyRate = 20.00m, HalfDayRate = 75.00m, FullDayRate = 150.00m },
        new() { RoleLevel = "Lead", HourlyRate = 25.00m, HalfDayRate = 100.00m, FullDayRate = 200.00m },
    ];

    /// <summary>Gets or sets the duration, in hours, from which the half-day rate applies.</summary>
    /// <value>Default: 2.5 hours.</value>
    public decimal HalfDayFromHours { get; set; } = 2.5m;

    /// <summary>Gets or sets the duration, in hours, from which the full-day rate applies.</summary>
    /// <value>Default: 5 hours.</value>
    public decimal FullDayFromHours { get; set; } = 5m;

    /// <summary>Gets or sets the unit, in minutes, to which time paid by the hour is rounded up.</summary>
    /// <value>Default: 30 minutes.</value>
    public int BillingIncrementMinutes { get; set; } = 30;

    /// <summary>Gets or sets the longest activity, in hours, that one payment line may cover.</summary>
    /// <value>Default: 12 hours.</value>
    public decimal MaximumActivityHours { get; set; } = 12m;

    /// <summary>The refusal message for a role level the card does not have.</summary>
    internal string UnknownRoleLevelMessage(string roleLevel) =>
        $"The rate card has no role level '{roleLevel}'. Use one of: {string.Join(", ", Rates.Select(r => r.RoleLevel))}, or add it to CoProductionOptions.Payments.RateCard.";

    /// <summary>The refusal message for a duration the card does not pay.</summary>
    internal string DurationMessage(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"The activity lasts {duration}: an activity must last more than zero and at most {MaximumActivityHours} hours; record a longer piece of work as one activity per day.");

    /// <summary>Finds the rate of a role level (case-insensitive).</summary>
    /// <param name="roleLevel">The role level.</param>
    /// <returns>The rate, or <see langword="null"/> when the card has none for that level.</returns>
    /// <exception cref="InvalidInputException">The role level is blank.</exception>
    public RoleRate? FindRate(string roleLevel)
    {
        Input.Required(roleLevel);
        return Rates.FirstOrDefault(r => r is not null && string.Equals(r.RoleLevel?.Trim(), roleLevel.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Works out the payment for an activity, following the rule in the remarks.</summary>
    /// <param name="roleLevel">The activity's role level.</param>
    /// <param name="duration">The activity's duration.</param>
    /// <returns>The amount and the basis it was paid on.</returns>
    /// <exception cref="InvalidInputException">The role level is blank.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The card has no rate for the level (<see cref="PaymentErrorCodes.UnknownRoleLevel"/>), or the duration is not
    /// positive or longer than <see cref="MaximumActivityHours"/> (<see cref="PaymentErrorCodes.InvalidActivityDuration"/>):
    /// the same refusals, with the same codes, as <see cref="PaymentService.RecordActivityAsync"/>.
    /// </exception>
    public PaymentCalculation Calculate(string roleLevel, TimeSpan duration)
    {
        var rate = FindRate(roleLevel);
        Rule.Require(rate is not null, PaymentErrorCodes.UnknownRoleLevel, UnknownRoleLevelMessage(roleLevel));
        var hours = (decimal)duration.TotalHours;
        Rule.Require(duration > TimeSpan.Zero && hours <= MaximumActivityHours, PaymentErrorCodes.InvalidActivityDuration, DurationMessage(duration));
        return ToVersion(DateOnly.MinValue).Calculate(roleLevel, duration);
    }

    /// <summary>
    /// Makes the policy version this card stands for, in force from a date: its rates (the same objects), its
    /// thresholds (a time exactly on one falls in the upper band), its billing increment as the block, and hourly pay
    /// capped at the half-day rate.
    /// </summary>
    /// <param name="effectiveFrom">The date the version takes effect.</param>
    /// <returns>The version.</returns>
    public PaymentPolicyVersion ToVersion(DateOnly effectiveFrom)
    {
        var version = new PaymentPolicyVersion
        {
            EffectiveFrom = effectiveFrom,
            HalfDayFromHours = HalfDayFromHours,
            FullDayFromHours = FullDayFromHours,
            BoundaryInUpperBand = true,
            BillingBlockMinutes = BillingIncrementMinutes,
            CapHourlyAtHalfDayRate = true,
            MaximumActivityHours = MaximumActivityHours,
        };
        foreach (var rate in Rates)
        {
            version.Rates.Add(rate);
        }

        return version;
    }

    /// <summary>Reports every mistake in the rate card, one message each.</summary>
    /// <returns>The failures; empty when the card is valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (Rates.Count == 0)
        {
            failures.Add("Payments.RateCard.Rates is empty: add at least one role level with its hourly rate.");
        }

        for (var i = 0; i < Rates.Count; i++)
        {
            var rate = Rates[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Payments.RateCard.Rates[{i}]");
            if (rate is null)
            {
                failures.Add($"{at} is null: remove it or give it a role level and an hourly rate.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rate.RoleLevel))
            {
                failures.Add($"{at}.RoleLevel is blank: name the role level, such as 'Partner'.");
            }
            else if (Rates.Take(i).Any(r => r is not null && string.Equals(r.RoleLevel?.Trim(), rate.RoleLevel.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{at}.RoleLevel '{rate.RoleLevel}' appears more than once: each role level has one rate.");
            }

            if (rate.HourlyRate < 0)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.HourlyRate is {rate.HourlyRate}: rates cannot be negative (use 0 for expenses only)."));
            }

            if (rate.HalfDayRate < 0)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.HalfDayRate is {rate.HalfDayRate}: rates cannot be negative."));
            }

            if (rate.FullDayRate < 0)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.FullDayRate is {rate.FullDayRate}: rates cannot be negative."));
            }

            if (rate.HalfDayRate is { } half && rate.FullDayRate is { } full && full < half)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.FullDayRate ({full}) is less than its HalfDayRate ({half}): a full day should pay at least a half day."));
            }
        }

        if (HalfDayFromHours <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.RateCard.HalfDayFromHours is {HalfDayFromHours}: give a positive number of hours, such as 2.5."));
        }

        if (FullDayFromHours <= HalfDayFromHours)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.RateCard.FullDayFromHours ({FullDayFromHours}) must be more than HalfDayFromHours ({HalfDayFromHours})."));
        }

        if (BillingIncrementMinutes is < 1 or > 24 * 60)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.RateCard.BillingIncrementMinutes is {BillingIncrementMinutes}: give a whole number of minutes from 1 to 1440, such as 15, 30 or 180."));
        }

        if (MaximumActivityHours <= 0 || MaximumActivityHours > 24)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Payments.RateCard.MaximumActivityHours is {MaximumActivityHours}: give a number of hours above 0 and at most 24."));
        }

        return failures;
    }
}

/// <summary>
/// The list behind <see cref="RateCard.Rates"/>: it starts with the built-in rates, and the first change (an item added,
/// inserted, replaced or removed, or the list cleared) drops them first, so configured rates replace the defaults
/// rather than being appended to them (the configuration binder adds items one by one to an existing list).
/// </summary>
internal sealed class ConfiguredRates : Collection<RoleRate>
{
    public ConfiguredRates()
        : base([.. RateCard.CreateDefaultRates()])
    {
    }

    public bool HoldsDefaults { get; private set; } = true;

    protected override void InsertItem(int index, RoleRate item)
    {
        if (DropDefaults())
        {
            index = 0;
        }

        base.InsertItem(index, item);
    }

    protected override void SetItem(int index, RoleRate item)
    {
        HoldsDefaults = false;
        base.SetItem(index, item);
    }

    protected override void RemoveItem(int index)
    {
        HoldsDefaults = false;
        base.RemoveItem(index);
    }

    protected override void ClearItems()
    {
        HoldsDefaults = false;
        base.ClearItems();
    }

    private bool DropDefaults()
    {
        if (!HoldsDefaults)
        {
            return false;
        }

        HoldsDefaults = false;
        base.ClearItems();
        return true;
    }
}

/// <summary>The rates of one role level.</summary>
public sealed class RoleRate
{
    /// <summary>Gets or sets the role level's name, such as <c>Partner</c>.</summary>
    public string RoleLevel { get; set; } = string.Empty;

    /// <summary>Gets or sets the rate per hour.</summary>
    public decimal HourlyRate { get; set; }

    /// <summary>Gets or sets the rate for a half day, if the level has one.</summary>
    public decimal? HalfDayRate { get; set; }

    /// <summary>Gets or sets the rate for a full day, if the level has one.</summary>
    public decimal? FullDayRate { get; set; }

    /// <summary>
    /// Gets or sets the amount paid per billing block (such as 20.00 per 3-hour block), if the level is paid by the
    /// block rather than by the hour; see <see cref="PaymentPolicyVersion.BillingBlockMinutes"/>.
    /// </summary>
    public decimal? RatePerBlock { get; set; }

    /// <summary>Gets or sets a flat fee for the task, whatever the time it took (such as 25.00 for a document review), if it has one.</summary>
    public decimal? FlatFee { get; set; }
}

/// <summary>How an amount was worked out.</summary>
public enum PaymentBasis
{
    /// <summary>By the hour.</summary>
    Hourly,

    /// <summary>The half-day rate.</summary>
    HalfDay,

    /// <summary>The full-day rate.</summary>
    FullDay,

    /// <summary>Nothing is paid for time: the participant declines payment, or chose expenses only (expenses are still paid).</summary>
    Declined,

    /// <summary>A flat fee for the task, whatever the time.</summary>
    FlatFee,

    /// <summary>A rate per billing block (such as per 3 hours or part).</summary>
    Block,
}

/// <summary>The payment for one activity.</summary>
/// <param name="Amount">The amount, rounded to pennies.</param>
/// <param name="Basis">How it was worked out.</param>
/// <param name="Hours">The hours paid (rounded up for hourly pay; the actual hours for day rates).</param>
public sealed record PaymentCalculation(decimal Amount, PaymentBasis Basis, decimal Hours)
{
    /// <summary>Gets the rate applied: the hourly, block, half-day, full-day or flat rate.</summary>
    public decimal Rate { get; init; }
}
