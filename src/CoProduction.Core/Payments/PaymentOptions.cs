using System.Globalization;
using CoProduction.People;

namespace CoProduction.Payments;

/// <summary>Options for involvement payments: the currency, the rate card, expenses and claim ageing.</summary>
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

    /// <summary>Gets the rate card that turns involvement time into payment.</summary>
    public RateCard RateCard { get; } = new();

    /// <summary>Gets or sets the amount above which an expense (other than mileage) needs a receipt.</summary>
    /// <value>Default: 5.00.</value>
    public decimal ReceiptRequiredAbove { get; set; } = 5.00m;

    /// <summary>Gets or sets how many days after submission a claim should be paid; older unpaid claims are overdue.</summary>
    /// <value>Default: 30 days.</value>
    public int PaymentTargetDays { get; set; } = 30;

    /// <summary>
    /// Gets or sets the roles of the people who may approve, reject or mark paid a claim; the decider's roles are read
    /// from their participant record. Nobody decides their own claim, whatever their roles.
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

        failures.AddRange(RateCard.Validate());
        return failures;
    }
}
