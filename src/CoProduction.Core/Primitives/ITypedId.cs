using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoProduction.Primitives;

/// <summary>
/// A strongly typed identifier: a <see langword="readonly record struct"/> wrapping a non-empty <see cref="Guid"/>. It
/// parses from and formats to the GUID's string form (<see cref="ISpanParsable{TSelf}"/>, a <see cref="TypeConverter"/>
/// and a System.Text.Json converter), so it binds from a route or query string and reads as a plain string in JSON.
/// </summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface ITypedId<TSelf> : IEquatable<TSelf>, ISpanParsable<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    /// <summary>Gets the underlying value (<see cref="Guid.Empty"/> only for the type's <see langword="default"/>).</summary>
    Guid Value { get; }

    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id (a time-ordered version 7 GUID, which indexes well).</returns>
    static abstract TSelf New();
}

/// <summary>Reads and writes a typed id as its GUID string, also as a dictionary key.</summary>
/// <typeparam name="TId">The typed id.</typeparam>
public sealed class TypedIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, ITypedId<TId>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The value is not a string holding a non-empty GUID.</exception>
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) && value != Guid.Empty
            ? TypedIds.FromGuid<TId>(value)
            : throw new JsonException($"Expected a {typeof(TId).Name} as a string holding a non-empty GUID.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc />
    /// <exception cref="JsonException">The property name is not a non-empty GUID.</exception>
    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TId.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new JsonException($"Expected a {typeof(TId).Name} as a property name holding a non-empty GUID.");

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value.ToString());
    }
}

/// <summary>Converts a typed id from and to its GUID string, for model binding and configuration.</summary>
/// <typeparam name="TId">The typed id.</typeparam>
public sealed class TypedIdTypeConverter<TId> : TypeConverter
    where TId : struct, ITypedId<TId>
{
    /// <inheritdoc />
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || sourceType == typeof(Guid) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc />
    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || destinationType == typeof(Guid) || base.CanConvertTo(context, destinationType);

    /// <inheritdoc />
    /// <exception cref="FormatException">The string is not a non-empty GUID.</exception>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        string text => TId.Parse(text, culture),
        Guid guid => TypedIds.FromGuid<TId>(guid),
        _ => base.ConvertFrom(context, culture, value),
    };

    /// <inheritdoc />
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) => value switch
    {
        TId id when destinationType == typeof(string) => id.ToString(),
        TId id when destinationType == typeof(Guid) => id.Value,
        _ => base.ConvertTo(context, culture, value, destinationType),
    };
}

/// <summary>Helpers shared by the typed ids.</summary>
internal static class TypedIds
{
    private static readonly ConcurrentDictionary<Type, Delegate> Factories = new();

    /// <summary>Checks the value of a new id.</summary>
    internal static Guid RequireValue<TId>(Guid value) =>
        value == Guid.Empty
            ? throw new ArgumentException($"A {typeof(TId).Name} cannot be the empty GUID: use {typeof(TId).Name}.New() for a new record, or the id of an existing one.", nameof(value))
            : value;

    /// <summary>Parses a non-empty GUID, throwing <see cref="FormatException"/> when the text is not one.</summary>
    internal static Guid ParseGuid<TId>(ReadOnlySpan<char> text) =>
        TryParseGuid(text, out var value)
            ? value
            : throw new FormatException($"'{Quote(text)}' is not a valid {typeof(TId).Name}: expected a non-empty GUID such as '{Guid.Empty.ToString().Replace('0', 'a')}'.");

    /// <summary>Tries to parse a non-empty GUID.</summary>
    internal static bool TryParseGuid(ReadOnlySpan<char> text, out Guid value) =>
        Guid.TryParse(text, out value) && value != Guid.Empty;

    /// <summary>Creates an id from its value through its <c>(Guid value)</c> constructor.</summary>
    internal static TId FromGuid<TId>(Guid value)
        where TId : struct, ITypedId<TId> =>
        ((Func<Guid, TId>)Factories.GetOrAdd(typeof(TId), static _ => FromGuidExpression<TId>().Compile()))(value);

    /// <summary>Gets the expression <c>value =&gt; new TId(value)</c>, for query translation.</summary>
    internal static Expression<Func<Guid, TId>> FromGuidExpression<TId>()
        where TId : struct, ITypedId<TId>
    {
        var constructor = typeof(TId).GetConstructor([typeof(Guid)])
            ?? throw new InvalidOperationException($"{typeof(TId).Name} has no constructor taking a Guid, which every typed id has.");
        var value = Expression.Parameter(typeof(Guid), "value");
        return Expression.Lambda<Func<Guid, TId>>(Expression.New(constructor, value), value);
    }

    private static string Quote(ReadOnlySpan<char> text) => text.Length <= 64 ? text.ToString() : string.Concat(text[..64], "…");
}
