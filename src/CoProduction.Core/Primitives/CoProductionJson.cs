using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoProduction;

/// <summary>
/// The JSON settings the library's types read naturally with: web defaults (camel case), enums by name, and typed ids as
/// plain GUID strings (each typed id carries its own converter, so they are strings with any options). Pass
/// <see cref="Options"/> to <see cref="JsonSerializer"/>, or copy its converters into ASP.NET Core's JSON options.
/// </summary>
public static class CoProductionJson
{
    /// <summary>Gets read-only options: <see cref="JsonSerializerDefaults.Web"/> with a <see cref="JsonStringEnumConverter"/>.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
