using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Payments;

/// <summary>Identifies a person's payment profile; it is the same GUID as their participant id, so each person has at most one.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<PaymentProfileId>))]
[TypeConverter(typeof(TypedIdTypeConverter<PaymentProfileId>))]
public readonly record struct PaymentProfileId : ITypedId<PaymentProfileId>
{
    /// <summary>Initialises the id from its underlying value.</summary>
    /// <param name="value">The underlying identifier; never <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public PaymentProfileId(Guid value) => Value = TypedIds.RequireValue<PaymentProfileId>(value);

    /// <inheritdoc />
    public Guid Value { get; }

    /// <inheritdoc />
    public static PaymentProfileId New() => new(Guid.CreateVersion7());

    /// <summary>The id of a participant's payment profile.</summary>
    /// <param name="participantId">The participant (not empty).</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException"><paramref name="participantId"/> is empty.</exception>
    public static PaymentProfileId For(ParticipantId participantId) => new(participantId.Value);

    /// <summary>Parses an id from its string form, as produced by <see cref="ToString"/>.</summary>
    /// <param name="s">A non-empty GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a non-empty GUID.</exception>
    public static PaymentProfileId Parse(string s) => Parse(s, null);

    /// <inheritdoc />
    public static PaymentProfileId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc />
    public static PaymentProfileId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(TypedIds.ParseGuid<PaymentProfileId>(s));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PaymentProfileId result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PaymentProfileId result)
    {
        var parsed = TypedIds.TryParseGuid(s, out var value);
        result = parsed ? new(value) : default;
        return parsed;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
