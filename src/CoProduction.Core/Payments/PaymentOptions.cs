namespace CoProduction.Payments;

/// <summary>Options for involvement payments.</summary>
public sealed class PaymentOptions
{
    /// <summary>Gets or sets the ISO 4217 currency code of every amount.</summary>
    /// <value>Default: <c>GBP</c>.</value>
    public string CurrencyCode { get; set; } = "GBP";

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(CurrencyCode) || CurrencyCode.Length != 3 || !CurrencyCode.All(char.IsAsciiLetterUpper))
        {
            yield return $"Payments.CurrencyCode '{CurrencyCode}' is not an ISO 4217 code: use three capital letters, such as GBP.";
        }
    }
}
