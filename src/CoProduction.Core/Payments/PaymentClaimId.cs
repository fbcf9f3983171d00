using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>Identifies a payment claim for involvement time and expenses.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct PaymentClaimId(Guid Value) : ITypedId<PaymentClaimId>
{
    /// <inheritdoc />
    public static PaymentClaimId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static PaymentClaimId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
