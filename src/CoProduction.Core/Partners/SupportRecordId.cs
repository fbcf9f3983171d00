using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CoProduction.Primitives;

namespace CoProduction.Partners;

/// <summary>Identifies a confidential support record: a debrief, a wellbeing check-in or a support-plan review.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<SupportRecordId>))]
[TypeConverter(typeof(TypedIdTypeConverter<SupportRecordId>))]
public readonly record struct SupportRecordId : ITypedId<SupportRecordId>
{
    /// <summary>Initialises the id from its underlying value.</summary>
    /// <param name="value">The underlying identifier; never <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public SupportRecordId(Guid value) => Value = TypedIds.RequireValue<SupportRecordId>(value);

    /// <inheritdoc />
    public Guid Value { get; }

    /// <inheritdoc />
    public static SupportRecordId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form, as produced by <see cref="ToString"/>.</summary>
    /// <param name="s">A non-empty GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a non-empty GUID.</exception>
    public static SupportRecordId Parse(string s) => Parse(s, null);

    /// <inheritdoc />
    public static SupportRecordId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc />
    public static SupportRecordId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(TypedIds.ParseGuid<SupportRecordId>(s));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SupportRecordId result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SupportRecordId result)
    {
        var parsed = TypedIds.TryParseGuid(s, out var value);
        result = parsed ? new(value) : default;
        return parsed;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
