using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CoProduction.Primitives;

namespace CoProduction.Partners;

/// <summary>Identifies one expression of interest in an opportunity.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<ExpressionOfInterestId>))]
[TypeConverter(typeof(TypedIdTypeConverter<ExpressionOfInterestId>))]
public readonly record struct ExpressionOfInterestId : ITypedId<ExpressionOfInterestId>
{
    /// <summary>Initialises the id from its underlying value.</summary>
    /// <param name="value">The underlying identifier; never <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public ExpressionOfInterestId(Guid value) => Value = TypedIds.RequireValue<ExpressionOfInterestId>(value);

    /// <inheritdoc />
    public Guid Value { get; }

    /// <inheritdoc />
    public static ExpressionOfInterestId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form, as produced by <see cref="ToString"/>.</summary>
    /// <param name="s">A non-empty GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a non-empty GUID.</exception>
    public static ExpressionOfInterestId Parse(string s) => Parse(s, null);

    /// <inheritdoc />
    public static ExpressionOfInterestId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc />
    public static ExpressionOfInterestId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(TypedIds.ParseGuid<ExpressionOfInterestId>(s));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ExpressionOfInterestId result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ExpressionOfInterestId result)
    {
        var parsed = TypedIds.TryParseGuid(s, out var value);
        result = parsed ? new(value) : default;
        return parsed;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
