namespace CoProduction.Payments;

/// <summary>The rates of one role level or task in a <see cref="PaymentPolicyVersion"/>.</summary>
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
