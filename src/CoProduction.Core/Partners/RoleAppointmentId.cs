using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CoProduction.Primitives;

namespace CoProduction.Partners;

/// <summary>Identifies one role appointment on a partner record.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<RoleAppointmentId>))]
[TypeConverter(typeof(TypedIdTypeConverter<RoleAppointmentId>))]
public readonly record struct RoleAppointmentId : ITypedId<RoleAppointmentId>
{
    /// <summary>Initialises the id from its underlying value.</summary>
    /// <param name="value">The underlying identifier; never <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public RoleAppointmentId(Guid value) => Value = TypedIds.RequireValue<RoleAppointmentId>(value);

    /// <inheritdoc />
    public Guid Value { get; }

    /// <inheritdoc />
    public static RoleAppointmentId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form, as produced by <see cref="ToString"/>.</summary>
    /// <param name="s">A non-empty GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a non-empty GUID.</exception>
    public static RoleAppointmentId Parse(string s) => Parse(s, null);

    /// <inheritdoc />
    public static RoleAppointmentId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc />
    public static RoleAppointmentId Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => new(TypedIds.ParseGuid<RoleAppointmentId>(s));

    /// <inheritdoc />
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RoleAppointmentId result) => TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc />
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RoleAppointmentId result)
    {
        var parsed = TypedIds.TryParseGuid(s, out var value);
        result = parsed ? new(value) : default;
        return parsed;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
