using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>Identifies a payment claim for involvement time and expenses.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PaymentClaimId>))]
[TypeConverter(typeof(TypedIdTypeConverter<PaymentClaimId>))]
public readonly record struct PaymentClaimId : ITypedId<PaymentClaimId>
{
    /// <summary>Initialises the id from its underlying value.</summary>
    /// <param name="value">The underlying identifier; never <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public PaymentClaimId(Guid value) => Value = TypedIds.RequireValue<PaymentClaimId>(value);

    /// <inheritdoc />
    public Guid Value { get; }

    /// <inheritdoc />
    public static PaymentClaimId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form, as produced by <see cref="ToString"/>.</summary>
    /// <param name="s">A non-empty GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a non-empty GUID.</exception>
    public static PaymentClaimId Parse(string s) => Parse(s, null);

    /// <inheritdoc />
    public static PaymentClaimId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc />
    public static PaymentClaimId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(TypedIds.ParseGuid<PaymentClaimId>(s));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PaymentClaimId result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PaymentClaimId result)
    {
        var parsed = TypedIds.TryParseGuid(s, out var value);
        result = parsed ? new(value) : default;
        return parsed;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
