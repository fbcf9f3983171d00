using System.Text.Json;
using System.Text.Json.Serialization;
using CoProduction.Primitives;

namespace CoProduction.Storage.EntityFrameworkCore.Outbox;

/// <summary>Writes domain events to the outbox as JSON (typed ids as GUID strings, enums as names) and reads them back.</summary>
internal static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new TypedIdJsonConverterFactory() },
    };

    /// <summary>Gets the name an event type is stored under: <c>Namespace.Type, Assembly</c>.</summary>
    internal static string TypeName(Type eventType) => $"{eventType.FullName}, {eventType.Assembly.GetName().Name}";

    internal static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Options);

    internal static IDomainEvent Deserialize(string typeName, string payload)
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"The outbox holds an event of type '{typeName}', which is not loaded: load the assembly that defines it before reading the outbox.");
        return JsonSerializer.Deserialize(payload, type, Options) as IDomainEvent
            ?? throw new InvalidOperationException($"The outbox payload of an event of type '{typeName}' could not be read as that event.");
    }
}

/// <summary>Reads and writes every <see cref="ITypedId{TSelf}"/> as its GUID string.</summary>
internal sealed class TypedIdJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsValueType && typeToConvert.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>) && i.GetGenericArguments()[0] == typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(TypedIdJsonConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class TypedIdJsonConverter<TId> : JsonConverter<TId>
        where TId : struct, ITypedId<TId>
    {
        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Mapping.TypedIdFactory<TId>.FromGuid(reader.GetGuid());

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
