using System.Globalization;
using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>
/// A written payment policy as data: its name, where it comes from (source, address and date), its payment target and
/// its dated versions. A claim line is priced by the version in force on the activity's date and keeps the price it
/// was given, so a new version never reprices what was claimed.
/// </summary>
/// <remarks>
/// Start from a preset (<see cref="PaymentPolicyPresets"/>), which returns an editable copy, and change what your
/// organisation's policy says; or build one in configuration (<c>Payments:Policy</c>). Nothing in pricing is fixed in
/// code: every boundary, block length, fee, cap and mileage rate is a value of a version.
/// </remarks>
public sealed class PaymentPolicy
{
    /// <summary>Gets or sets the policy's name, as claim lines and the finance export show it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the name of the published document the figures come from, if any.</summary>
    public string? SourceName { get; set; }

    /// <summary>Gets or sets the address of the source, if it has one.</summary>
    public string? SourceUrl { get; set; }

    /// <summary>Gets or sets the date of the source (its publication or version date), when it has one.</summary>
    public DateOnly? SourceDate { get; set; }

    /// <summary>Gets or sets a note on the source: how the figures were read, or that they are illustrative.</summary>
    public string? SourceNote { get; set; }

    /// <summary>
    /// Gets or sets how many days after submission a claim under this policy should be paid; when unset,
    /// <see cref="PaymentOptions.PaymentTargetDays"/> applies.
    /// </summary>
    public int? PaymentTargetDays { get; set; }

    /// <summary>Gets the versions, each in force from its <see cref="PaymentPolicyVersion.EffectiveFrom"/> date until the next.</summary>
    public IList<PaymentPolicyVersion> Versions { get; } = [];

    /// <summary>Finds the version in force on a date: the one with the latest effective date on or before it.</summary>
    /// <param name="date">The activity's date.</param>
    /// <returns>The version, or <see langword="null"/> when none is yet in force on that date.</returns>
    public PaymentPolicyVersion? VersionOn(DateOnly date) =>
        Versions.Where(v => v is not null && v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);

    /// <summary>Makes a deep copy to edit, leaving this policy as it is.</summary>
    /// <returns>The copy.</returns>
    public PaymentPolicy Copy()
    {
        var copy = new PaymentPolicy
        {
            Name = Name,
            SourceName = SourceName,
            SourceUrl = SourceUrl,
            SourceDate = SourceDate,
            SourceNote = SourceNote,
            PaymentTargetDays = PaymentTargetDays,
        };
        foreach (var version in Versions)
        {
            copy.Versions.Add(version.Copy());
        }

        return copy;
    }

    /// <summary>Reports every mistake in the policy, one message each.</summary>
    /// <returns>The failures; empty when the policy is valid.</returns>
    public IReadOnlyList<string> Validate() => Validate("Payments.Policy");

    internal IReadOnlyList<string> Validate(string at)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            failures.Add($"{at}.Name is blank: name the policy, such as 'Involvement payments policy 2026'.");
        }

        if (PaymentTargetDays is <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.PaymentTargetDays is {PaymentTargetDays}: give a positive number of days, or leave it unset."));
        }

        if (Versions.Count == 0)
        {
            failures.Add($"{at}.Versions is empty: add at least one version with the date it takes effect.");
        }

        for (var i = 0; i < Versions.Count; i++)
        {
            var version = Versions[i];
            var versionAt = string.Create(CultureInfo.InvariantCulture, $"{at}.Versions[{i}]");
            if (version is null)
            {
                failures.Add($"{versionAt} is null: remove it.");
                continue;
            }

            if (Versions.Take(i).Any(v => v is not null && v.EffectiveFrom == version.EffectiveFrom))
            {
                failures.Add($"{versionAt}.EffectiveFrom {version.EffectiveFrom:yyyy-MM-dd} is the date of another version: each version takes effect on its own date.");
            }

            failures.AddRange(version.Validate(versionAt));
        }

        return failures;
    }
}

/// <summary>How long a period cap (<see cref="PaymentPolicyVersion.PeriodCap"/>) runs.</summary>
public enum CapPeriod
{
    /// <summary>A week, Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A UK tax year, 6 April to 5 April.</summary>
    TaxYear,
}

/// <summary>
/// One version of a payment policy, in force from <see cref="EffectiveFrom"/>: the rates of each role level or task,
/// the day and half-day boundaries, the billing block, caps and mileage rates.
/// </summary>
/// <remarks>
/// <para>The rule, for an activity of <c>h</c> hours at a role level (or task) with rate <c>r</c>:</para>
/// <list type="number">
/// <item>if <c>r</c> has a <see cref="RoleRate.FlatFee"/>, that fee, whatever the time;</item>
/// <item>else if <c>r</c> has a full-day rate and <c>h</c> reaches <see cref="FullDayFromHours"/>, the full-day rate;</item>
/// <item>else if <c>r</c> has a half-day rate and <c>h</c> reaches <see cref="HalfDayFromHours"/>, the half-day rate;</item>
/// <item>else by the block: the time rounded up to whole <see cref="BillingBlockMinutes"/> blocks, each paid
/// <see cref="RoleRate.RatePerBlock"/> or, without one, the hourly rate for the block's length (with no block set, the
/// hourly rate for the exact time); no more than the half-day rate when <see cref="CapHourlyAtHalfDayRate"/> is set.</item>
/// </list>
/// <para>No boundary, block or fee has a default: a version prices only with what it is given, and
/// <see cref="Validate()"/> names a boundary a rate needs but the version lacks.</para>
/// <para>"Reaches" means at least the boundary when <see cref="BoundaryInUpperBand"/> is set (exactly 4 hours of a
/// 4-hour boundary pays the upper band), and more than the boundary when it is not (exactly 4 hours pays the lower band).
/// Caps per day and per period then lower the fees of a person's lines, in date order.</para>
/// </remarks>
public sealed class PaymentPolicyVersion
{
    /// <summary>Gets or sets the first date on which this version prices activities.</summary>
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Gets the rates, one per role level or task kind (such as <c>Partner</c> or <c>Document review</c>).</summary>
    public IList<RoleRate> Rates { get; } = [];

    /// <summary>
    /// Gets or sets the boundary, in hours, of the half-day fee; 0 pays the half-day fee for any time below the full day.
    /// A version with a <see cref="RoleRate.HalfDayRate"/> must set it (there is no default boundary).
    /// </summary>
    /// <value>Unset by default.</value>
    public decimal? HalfDayFromHours { get; set; }

    /// <summary>
    /// Gets or sets the boundary, in hours, of the full-day fee (such as 4 for the NHS England-style presets). A version
    /// with a <see cref="RoleRate.FullDayRate"/> must set it (there is no default boundary).
    /// </summary>
    /// <value>Unset by default.</value>
    public decimal? FullDayFromHours { get; set; }

    /// <summary>Gets or sets whether a time exactly on a boundary falls in the upper band (at least) or the lower (more than).</summary>
    /// <value>Default: <see langword="true"/> (exactly the boundary pays the upper band).</value>
    public bool BoundaryInUpperBand { get; set; } = true;

    /// <summary>
    /// Gets or sets the length, in minutes, of the block to which time paid by the hour or by the block is rounded up
    /// (any length, such as 15, 60 or 180). A version with a <see cref="RoleRate.RatePerBlock"/> must set it; unset,
    /// time paid by the hour is paid for exactly, to the minute.
    /// </summary>
    /// <value>Unset by default.</value>
    public int? BillingBlockMinutes { get; set; }

    /// <summary>Gets or sets whether time paid by the block never pays more than the level's half-day rate.</summary>
    public bool CapHourlyAtHalfDayRate { get; set; }

    /// <summary>Gets or sets the most a person's fees may come to on one day, if there is a limit.</summary>
    public decimal? DailyCap { get; set; }

    /// <summary>Gets or sets the most a person's fees may come to in one <see cref="CapPeriod"/>, if there is a limit.</summary>
    public decimal? PeriodCap { get; set; }

    /// <summary>Gets or sets the period of <see cref="PeriodCap"/>.</summary>
    /// <value>Default: a calendar month.</value>
    public CapPeriod CapPeriod { get; set; } = CapPeriod.Month;

    /// <summary>
    /// Gets or sets the longest activity, in hours, that one line may cover (a check on what is recorded, not a price
    /// boundary): a longer activity is refused (<see cref="PaymentErrorCodes.InvalidActivityDuration"/>).
    /// </summary>
    /// <value>Default: 12 hours.</value>
    public decimal MaximumActivityHours { get; set; } = 12m;

    /// <summary>Gets the mileage rates of this version.</summary>
    public MileageRates Mileage { get; } = new();

    /// <summary>Finds the rate of a role level or task (case-insensitive).</summary>
    /// <param name="roleLevel">The role level or task.</param>
    /// <returns>The rate, or <see langword="null"/> when this version has none for it.</returns>
    /// <exception cref="InvalidInputException">The role level is blank.</exception>
    public RoleRate? FindRate(string roleLevel)
    {
        Input.Required(roleLevel);
        return Rates.FirstOrDefault(r => r is not null && string.Equals(r.RoleLevel?.Trim(), roleLevel.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Works out the fee for an activity, following the rule in the remarks (before caps).</summary>
    /// <param name="roleLevel">The activity's role level or task.</param>
    /// <param name="duration">The activity's duration.</param>
    /// <returns>The amount, the basis and the rate applied.</returns>
    /// <exception cref="InvalidInputException">The role level is blank.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// The version has no rate for the level (<see cref="PaymentErrorCodes.UnknownRoleLevel"/>), or the duration is not
    /// positive or longer than <see cref="MaximumActivityHours"/> (<see cref="PaymentErrorCodes.InvalidActivityDuration"/>).
    /// </exception>
    public PaymentCalculation Calculate(string roleLevel, TimeSpan duration)
    {
        var rate = FindRate(roleLevel);
        Rule.Require(rate is not null, PaymentErrorCodes.UnknownRoleLevel, $"The payment policy version in force from {EffectiveFrom:yyyy-MM-dd} has no role level or task '{roleLevel}'. Use one of: {string.Join(", ", Rates.Select(r => r.RoleLevel))}.");
        var hours = (decimal)duration.TotalHours;
        Rule.Require(duration > TimeSpan.Zero && hours <= MaximumActivityHours, PaymentErrorCodes.InvalidActivityDuration, string.Create(CultureInfo.InvariantCulture, $"The activity lasts {duration}: an activity must last more than zero and at most {MaximumActivityHours} hours; record a longer piece of work as one activity per day."));

        if (rate.FlatFee is { } flat)
        {
            return new PaymentCalculation(flat, PaymentBasis.FlatFee, hours) { Rate = flat };
        }

        if (rate.FullDayRate is { } fullDay && FullDayFromHours is { } fullDayFrom && Reaches(hours, fullDayFrom))
        {
            return new PaymentCalculation(fullDay, PaymentBasis.FullDay, hours) { Rate = fullDay };
        }

        if (rate.HalfDayRate is { } halfDay && HalfDayFromHours is { } halfDayFrom && Reaches(hours, halfDayFrom))
        {
            return new PaymentCalculation(halfDay, PaymentBasis.HalfDay, hours) { Rate = halfDay };
        }

        decimal amount, billedHours;
        if (BillingBlockMinutes is { } blockMinutes)
        {
            var blocks = Math.Ceiling((decimal)duration.TotalMinutes / blockMinutes);
            billedHours = blocks * blockMinutes / 60m;
            var perBlock = rate.RatePerBlock ?? rate.HourlyRate * blockMinutes / 60m;
            amount = Math.Round(blocks * perBlock, 2, MidpointRounding.AwayFromZero);
        }
        else
        {
            billedHours = hours;
            amount = Math.Round(hours * rate.HourlyRate, 2, MidpointRounding.AwayFromZero);
        }

        if (CapHourlyAtHalfDayRate && rate.HalfDayRate is { } cap && amount > cap)
        {
            amount = cap;
        }

        return rate.RatePerBlock is { } block
            ? new PaymentCalculation(amount, PaymentBasis.Block, billedHours) { Rate = block }
            : new PaymentCalculation(amount, PaymentBasis.Hourly, billedHours) { Rate = rate.HourlyRate };
    }

    /// <summary>Makes a deep copy to edit.</summary>
    /// <returns>The copy.</returns>
    public PaymentPolicyVersion Copy()
    {
        var copy = new PaymentPolicyVersion
        {
            EffectiveFrom = EffectiveFrom,
            HalfDayFromHours = HalfDayFromHours,
            FullDayFromHours = FullDayFromHours,
            BoundaryInUpperBand = BoundaryInUpperBand,
            BillingBlockMinutes = BillingBlockMinutes,
            CapHourlyAtHalfDayRate = CapHourlyAtHalfDayRate,
            DailyCap = DailyCap,
            PeriodCap = PeriodCap,
            CapPeriod = CapPeriod,
            MaximumActivityHours = MaximumActivityHours,
        };
        foreach (var rate in Rates)
        {
            copy.Rates.Add(new RoleRate
            {
                RoleLevel = rate.RoleLevel,
                HourlyRate = rate.HourlyRate,
                HalfDayRate = rate.HalfDayRate,
                FullDayRate = rate.FullDayRate,
                RatePerBlock = rate.RatePerBlock,
                FlatFee = rate.FlatFee,
            });
        }

        Mileage.CopyTo(copy.Mileage);
        return copy;
    }

    /// <summary>Reports every mistake in the version, one message each.</summary>
    /// <returns>The failures; empty when the version is valid.</returns>
    public IReadOnlyList<string> Validate() => Validate("Payments.Policy.Versions[]");

    internal IReadOnlyList<string> Validate(string at)
    {
        var failures = new List<string>();
        if (Rates.Count == 0)
        {
            failures.Add($"{at}.Rates is empty: add at least one role level or task with its rate.");
        }

        for (var i = 0; i < Rates.Count; i++)
        {
            var rate = Rates[i];
            var rateAt = string.Create(CultureInfo.InvariantCulture, $"{at}.Rates[{i}]");
            if (rate is null)
            {
                failures.Add($"{rateAt} is null: remove it.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rate.RoleLevel))
            {
                failures.Add($"{rateAt}.RoleLevel is blank: name the role level or task, such as 'Partner'.");
            }
            else if (Rates.Take(i).Any(r => r is not null && string.Equals(r.RoleLevel?.Trim(), rate.RoleLevel.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"{rateAt}.RoleLevel '{rate.RoleLevel}' appears more than once: each role level has one rate.");
            }

            if (rate.HourlyRate < 0 || rate.HalfDayRate < 0 || rate.FullDayRate < 0 || rate.RatePerBlock < 0 || rate.FlatFee < 0)
            {
                failures.Add($"{rateAt} has a negative rate: rates cannot be negative (use 0 for expenses only).");
            }

            if (rate.HalfDayRate is { } half && rate.FullDayRate is { } full && full < half)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{rateAt}.FullDayRate ({full}) is less than its HalfDayRate ({half}): a full day should pay at least a half day."));
            }
        }

        if (HalfDayFromHours < 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.HalfDayFromHours is {HalfDayFromHours}: give 0 or a positive number of hours."));
        }

        if (FullDayFromHours is <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.FullDayFromHours is {FullDayFromHours}: give a positive number of hours, such as 4."));
        }
        else if (FullDayFromHours <= HalfDayFromHours)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.FullDayFromHours ({FullDayFromHours}) must be more than HalfDayFromHours ({HalfDayFromHours})."));
        }

        if (HalfDayFromHours is null && Rates.Any(r => r?.HalfDayRate is not null))
        {
            failures.Add($"{at}.HalfDayFromHours is not set, but a rate has a HalfDayRate: set the hours from which the half-day fee is paid (0 pays it for any time below a full day); there is no default.");
        }

        if (FullDayFromHours is null && Rates.Any(r => r?.FullDayRate is not null))
        {
            failures.Add($"{at}.FullDayFromHours is not set, but a rate has a FullDayRate: set the hours from which the full-day fee is paid, such as 4; there is no default.");
        }

        if (BillingBlockMinutes is null && Rates.Any(r => r?.RatePerBlock is not null))
        {
            failures.Add($"{at}.BillingBlockMinutes is not set, but a rate has a RatePerBlock: set the block's length in minutes, such as 180 for 3 hours.");
        }

        if (BillingBlockMinutes is < 1 or > 24 * 60)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.BillingBlockMinutes is {BillingBlockMinutes}: give a whole number of minutes from 1 to 1440, such as 15, 60 or 180."));
        }

        if (MaximumActivityHours is <= 0 or > 24)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.MaximumActivityHours is {MaximumActivityHours}: give a number of hours above 0 and at most 24."));
        }

        if (DailyCap < 0 || PeriodCap < 0)
        {
            failures.Add($"{at} has a negative cap: caps cannot be negative; leave them unset for no cap.");
        }

        failures.AddRange(Mileage.Validate($"{at}.Mileage"));
        return failures;
    }

    private bool Reaches(decimal hours, decimal boundary) => BoundaryInUpperBand ? hours >= boundary : hours > boundary;
}

/// <summary>How a mileage journey was made.</summary>
public enum MileageVehicle
{
    /// <summary>A car or van.</summary>
    Car,

    /// <summary>A motorcycle.</summary>
    Motorcycle,

    /// <summary>A bicycle.</summary>
    Bicycle,
}

/// <summary>
/// The mileage rates of a policy version: a car rate with a taper after a number of miles in one claim, a rate per
/// passenger per mile, and motorcycle and bicycle rates.
/// </summary>
public sealed class MileageRates
{
    /// <summary>Gets or sets the rate per mile by car for the first <see cref="TaperAfterMiles"/> miles of a claim.</summary>
    public decimal CarRatePerMile { get; set; }

    /// <summary>Gets or sets the number of car miles in one claim after which <see cref="CarRateAfterTaper"/> applies; unset for no taper.</summary>
    public decimal? TaperAfterMiles { get; set; }

    /// <summary>Gets or sets the rate per car mile after the taper.</summary>
    public decimal CarRateAfterTaper { get; set; }

    /// <summary>Gets or sets the rate per passenger per mile (car journeys).</summary>
    public decimal PassengerRatePerMile { get; set; }

    /// <summary>Gets or sets the rate per mile by motorcycle.</summary>
    public decimal MotorcycleRatePerMile { get; set; }

    /// <summary>Gets or sets the rate per mile by bicycle.</summary>
    public decimal BicycleRatePerMile { get; set; }

    internal void CopyTo(MileageRates target)
    {
        target.CarRatePerMile = CarRatePerMile;
        target.TaperAfterMiles = TaperAfterMiles;
        target.CarRateAfterTaper = CarRateAfterTaper;
        target.PassengerRatePerMile = PassengerRatePerMile;
        target.MotorcycleRatePerMile = MotorcycleRatePerMile;
        target.BicycleRatePerMile = BicycleRatePerMile;
    }

    internal IReadOnlyList<string> Validate(string at)
    {
        var failures = new List<string>();
        if (CarRatePerMile < 0 || CarRateAfterTaper < 0 || PassengerRatePerMile < 0 || MotorcycleRatePerMile < 0 || BicycleRatePerMile < 0)
        {
            failures.Add($"{at} has a negative rate: mileage rates cannot be negative.");
        }

        if (TaperAfterMiles is <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{at}.TaperAfterMiles is {TaperAfterMiles}: give a positive number of miles, or leave it unset for no taper."));
        }

        return failures;
    }
}
