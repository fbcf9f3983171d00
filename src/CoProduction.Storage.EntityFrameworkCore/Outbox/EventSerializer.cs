using System.Text.Json;
using CoProduction.Primitives;

namespace CoProduction.Storage.EntityFrameworkCore.Outbox;

/// <summary>Writes domain events to the outbox as JSON (typed ids as GUID strings, enums as names) and reads them back.</summary>
internal static class EventSerializer
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> TypeNames = new();

    private static JsonSerializerOptions Options => CoProductionJson.Options;

    /// <summary>Gets the name an event type is stored under: <c>Namespace.Type, Assembly</c>.</summary>
    internal static string TypeName(Type eventType) => TypeNames.GetOrAdd(eventType, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    internal static string Serialize(IDomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Options);

    internal static IDomainEvent Deserialize(string typeName, string payload)
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"The outbox holds an event of type '{typeName}', which is not loaded: load the assembly that defines it before reading the outbox.");
        return JsonSerializer.Deserialize(payload, type, Options) as IDomainEvent
            ?? throw new InvalidOperationException($"The outbox payload of an event of type '{typeName}' could not be read as that event.");
    }
}
