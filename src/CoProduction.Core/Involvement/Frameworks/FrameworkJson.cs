using CoProduction.Primitives;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoProduction.Involvement.Frameworks;

/// <summary>
/// Reads and writes involvement frameworks in their JSON format (System.Text.Json). Reading reports the faults at once
/// with their JSON paths (malformed JSON, wrong types, unknown properties, then the rules of <see cref="FrameworkValidator"/>),
/// bounded: text over <see cref="MaxJsonLength"/> is refused unread, at most
/// <see cref="FrameworkValidationException.MaxReportedErrors"/> faults are listed and the rest counted, and quoted input
/// values are cut to 60 characters, so refusing a document takes time linear in its length;
/// writing then reading gives back an equal definition.
/// </summary>
/// <example><code>
/// {
///   "id": "our-ladder", "name": "Our ladder", "version": "2026.1", "source": "Our trust", "verified": true,
///   "levelGroups": [ { "id": "doing-for", "name": "Doing for" } ],
///   "levels": [ { "id": "informing", "name": "Informing", "description": "...", "group": "doing-for" }, ... ],
///   "informingLevel": "informing",
///   "ratingScales": [ { "id": "four-point", "name": "...", "points": [ { "value": 0, "label": "Not yet" }, ... ] } ],
///   "standards": [ { "id": "...", "name": "...", "description": "...", "weight": 1,
///                    "indicators": [ { "id": "...", "text": "...", "weight": 1, "scale": "four-point" } ] } ],
///   "phases": [ { "id": "aim", "name": "Aim", "description": "...", "definesProblem": true } ]
/// }
/// </code></example>
public static class FrameworkJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The longest JSON text read, in characters (2 MiB, 2,097,152): a longer text is refused at once, without being
    /// parsed, with one <see cref="FrameworkValidationCodes.TooLarge"/> fault naming its length and the limit. The largest
    /// shipped preset is a few kilobytes; a framework of 10,000 indicators is about 1 MB.
    /// </summary>
    public const int MaxJsonLength = 2 * 1024 * 1024;

    /// <summary>Reads a framework from JSON and validates it.</summary>
    /// <param name="json">The JSON text, at most <see cref="MaxJsonLength"/> characters.</param>
    /// <param name="requiredParts">The parts the framework must provide (<see cref="FrameworkParts.Usable"/> for a trust's own framework).</param>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidInputException">The text is null or blank.</exception>
    /// <exception cref="FrameworkValidationException">The text is too long, the JSON is malformed or the framework has faults; the first <see cref="FrameworkValidationException.MaxReportedErrors"/> faults are listed with their paths and the rest counted.</exception>
    public static FrameworkDefinition Parse(string json, FrameworkParts requiredParts) => Parse(json, requiredParts, MaxJsonLength);

    /// <summary>Reads a framework from JSON of up to a given length and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="requiredParts">The parts the framework must provide.</param>
    /// <param name="maxLength">The longest text read, in characters (<see cref="MaxJsonLength"/> by default).</param>
    /// <returns>The definition.</returns>
    /// <exception cref="InvalidInputException">The text is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is not positive.</exception>
    /// <exception cref="FrameworkValidationException">The text is longer than <paramref name="maxLength"/>, the JSON is malformed or the framework has faults; the first <see cref="FrameworkValidationException.MaxReportedErrors"/> faults are listed with their paths and the rest counted.</exception>
    public static FrameworkDefinition Parse(string json, FrameworkParts requiredParts, int maxLength)
    {
        var definition = Read(json, requiredParts, maxLength, out var errors);
        return definition ?? throw new FrameworkValidationException(errors.Errors, errors.Omitted);
    }

    /// <summary>Reads a framework from JSON and validates it, without throwing on faults.</summary>
    /// <param name="json">The JSON text, at most <see cref="MaxJsonLength"/> characters.</param>
    /// <param name="requiredParts">The parts the framework must provide.</param>
    /// <param name="definition">The definition, when valid.</param>
    /// <param name="errors">The faults with their paths, at most <see cref="FrameworkValidationException.MaxReportedErrors"/> (further faults are not listed); empty when valid.</param>
    /// <returns><see langword="true"/> when the framework is valid.</returns>
    /// <exception cref="InvalidInputException">The text is null or blank.</exception>
    public static bool TryParse(string json, FrameworkParts requiredParts, [NotNullWhen(true)] out FrameworkDefinition? definition, out IReadOnlyList<FrameworkValidationError> errors)
    {
        definition = Read(json, requiredParts, MaxJsonLength, out var collector);
        errors = collector.Errors;
        return definition is not null;
    }

    private static FrameworkDefinition? Read(string json, FrameworkParts requiredParts, int maxLength, out FrameworkErrorCollector errors)
    {
        Input.Required(json);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (json.Length > maxLength)
        {
            errors = new FrameworkErrorCollector(1);
            errors.Add(new("$", FrameworkValidationCodes.TooLarge, $"The framework JSON is {json.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters. It was not read: shorten it (or split it into several frameworks) and load it again."));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $"line {(line + 1).ToString(CultureInfo.InvariantCulture)}, position {((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture)}"
                : "an unknown position";
            errors = new FrameworkErrorCollector(1);
            errors.Add(new(FrameworkErrorCollector.Shorten(ex.Path ?? "$"), FrameworkValidationCodes.MalformedJson, $"The text is not well-formed JSON (at {where}): {FrameworkErrorCollector.Shorten(ex.Message, 400)} Correct the JSON syntax and load it again."));
            return null;
        }

        using (document)
        {
            var reader = new Reader(new FrameworkErrorCollector(FrameworkValidationException.MaxReportedErrors, recordPaths: true));
            var candidate = reader.ReadFramework(document.RootElement);
            errors = reader.Errors;
            if (candidate is not null)
            {
                // Structural faults already name their paths; do not repeat a rule fault at or inside one of them
                // (inside an item that is not an object, every rule fault would be noise). The check looks up each
                // container of a rule fault's path in a set, so it stays linear however many faults there are.
                var rules = new FrameworkErrorCollector(Math.Max(0, FrameworkValidationException.MaxReportedErrors - errors.Errors.Count), suppressedPaths: errors.RecordedPaths);
                FrameworkValidator.Collect(candidate, requiredParts, rules);
                errors = Merge(errors, rules);
            }

            return errors.Count > 0 ? null : candidate;
        }
    }

    private static FrameworkErrorCollector Merge(FrameworkErrorCollector structural, FrameworkErrorCollector rules)
    {
        if (rules.Count == 0)
        {
            return structural;
        }

        var merged = new FrameworkErrorCollector(FrameworkValidationException.MaxReportedErrors);
        foreach (var error in structural.Errors.Concat(rules.Errors))
        {
            merged.Add(error);
        }

        merged.AddOmitted(structural.Omitted + rules.Omitted);
        return merged;
    }

    /// <summary>Writes a framework as indented JSON in the format <see cref="Parse(string, FrameworkParts)"/> reads.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(FrameworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", definition.Id);
            writer.WriteString("name", definition.Name);
            writer.WriteString("version", definition.Version);
            writer.WriteString("source", definition.Source);
            writer.WriteBoolean("verified", definition.Verified);
            WriteArray(writer, "levelGroups", definition.LevelGroups, (w, g) =>
            {
                w.WriteString("id", g.Id);
                w.WriteString("name", g.Name);
                WriteOptional(w, "description", g.Description);
            });
            WriteArray(writer, "levels", definition.Levels, (w, l) =>
            {
                w.WriteString("id", l.Id);
                w.WriteString("name", l.Name);
                w.WriteString("description", l.Description);
                WriteOptional(w, "group", l.GroupId);
            });
            WriteOptional(writer, "informingLevel", definition.InformingLevelId);
            WriteArray(writer, "ratingScales", definition.RatingScales, (w, s) =>
            {
                w.WriteString("id", s.Id);
                w.WriteString("name", s.Name);
                WriteArray(w, "points", s.Points, (pw, p) =>
                {
                    pw.WriteNumber("value", p.Value);
                    pw.WriteString("label", p.Label);
                });
            });
            WriteArray(writer, "standards", definition.Standards, (w, s) =>
            {
                w.WriteString("id", s.Id);
                w.WriteString("name", s.Name);
                w.WriteString("description", s.Description);
                w.WriteNumber("weight", s.Weight);
                WriteArray(w, "indicators", s.Indicators, (iw, i) =>
                {
                    iw.WriteString("id", i.Id);
                    iw.WriteString("text", i.Text);
                    iw.WriteNumber("weight", i.Weight);
                    iw.WriteString("scale", i.ScaleId);
                });
            });
            WriteArray(writer, "phases", definition.Phases, (w, p) =>
            {
                w.WriteString("id", p.Id);
                w.WriteString("name", p.Name);
                w.WriteString("description", p.Description);
                w.WriteBoolean("definesProblem", p.DefinesProblem);
            });
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray(name);
        foreach (var item in items ?? [])
        {
            writer.WriteStartObject();
            writeItem(writer, item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Valid records to start from, before the values read are set.</summary>
    private static class Placeholder
    {
        public static readonly FrameworkDefinition Definition = new("-", "-", "-", "-", false, [], [], null, [], [], []);
        public static readonly LevelGroup Group = new("-", "-", null);
        public static readonly LadderLevel Level = new("-", "-", "-", null);
        public static readonly RatingScale Scale = new("-", "-", []);
        public static readonly RatingPoint Point = new(0, "-");
        public static readonly InvolvementStandard Standard = new("-", "-", "-", 1, []);
        public static readonly StandardIndicator Indicator = new("-", "-", 1, "-");
        public static readonly LifeCyclePhase Phase = new("-", "-", "-", false);
    }

    /// <summary>Walks the document, collecting structural faults with their paths.</summary>
    private sealed class Reader(FrameworkErrorCollector errors)
    {
        public FrameworkErrorCollector Errors { get; } = errors;

        public FrameworkDefinition? ReadFramework(JsonElement root)
        {
            if (!IsObject(root, "$", "the framework"))
            {
                return null;
            }

            Allow(root, "$", "id", "name", "version", "source", "verified", "levelGroups", "levels", "informingLevel", "ratingScales", "standards", "phases");

            // The records refuse blank text on construction; the reader builds them from placeholders and then sets the
            // values read (a 'with' expression does not re-check), so that every fault reaches FrameworkValidator with its path.
            return Placeholder.Definition with
            {
                Id = Text(root, "$", "id"),
                Name = Text(root, "$", "name"),
                Version = Text(root, "$", "version"),
                Source = Text(root, "$", "source"),
                Verified = Boolean(root, "$", "verified"),
                LevelGroups = Array(
                    root, "$", "levelGroups", "a level group",
                    (e, p) => Placeholder.Group with { Id = Text(e, p, "id"), Name = Text(e, p, "name"), Description = String(e, p, "description") },
                    (p, _) => Placeholder.Group with { Id = p },
                    "id", "name", "description"),
                Levels = Array(
                    root, "$", "levels", "a level",
                    (e, p) => Placeholder.Level with { Id = Text(e, p, "id"), Name = Text(e, p, "name"), Description = Text(e, p, "description"), GroupId = String(e, p, "group") },
                    (p, _) => Placeholder.Level with { Id = p },
                    "id", "name", "description", "group"),
                InformingLevelId = String(root, "$", "informingLevel"),
                RatingScales = Array(
                    root, "$", "ratingScales", "a rating scale",
                    (e, p) => Placeholder.Scale with
                    {
                        Id = Text(e, p, "id"),
                        Name = Text(e, p, "name"),
                        Points = Array(
                            e, p, "points", "a rating point",
                            (pe, pp) => Placeholder.Point with { Value = Integer(pe, pp, "value"), Label = Text(pe, pp, "label") },
                            (_, i) => Placeholder.Point with { Value = int.MinValue + i },
                            "value", "label"),
                    },
                    (p, _) => Placeholder.Scale with { Id = p },
                    "id", "name", "points"),
                Standards = Array(
                    root, "$", "standards", "a standard",
                    (e, p) => Placeholder.Standard with
                    {
                        Id = Text(e, p, "id"),
                        Name = Text(e, p, "name"),
                        Description = Text(e, p, "description"),
                        Weight = Number(e, p, "weight"),
                        Indicators = Array(
                            e, p, "indicators", "an indicator",
                            (ie, ip) => Placeholder.Indicator with { Id = Text(ie, ip, "id"), Text = Text(ie, ip, "text"), Weight = Number(ie, ip, "weight"), ScaleId = Text(ie, ip, "scale") },
                            (ip, _) => Placeholder.Indicator with { Id = ip },
                            "id", "text", "weight", "scale"),
                    },
                    (p, _) => Placeholder.Standard with { Id = p },
                    "id", "name", "description", "weight", "indicators"),
                Phases = Array(
                    root, "$", "phases", "a phase",
                    (e, p) => Placeholder.Phase with { Id = Text(e, p, "id"), Name = Text(e, p, "name"), Description = Text(e, p, "description"), DefinesProblem = Boolean(e, p, "definesProblem") },
                    (p, _) => Placeholder.Phase with { Id = p },
                    "id", "name", "description", "definesProblem"),
            };
        }

        private string Text(JsonElement element, string path, string name) => String(element, path, name) ?? string.Empty;

        private bool IsObject(JsonElement element, string path, string what)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Errors.Add(new(path, FrameworkValidationCodes.WrongType, $"Expected {what} as a JSON object but found {Describe(element)}."));
            return false;
        }

        private void Allow(JsonElement element, string path, params string[] names)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                {
                    Errors.Add(new($"{path}.{FrameworkErrorCollector.Shorten(property.Name)}", FrameworkValidationCodes.UnknownProperty, $"Unknown property {FrameworkErrorCollector.Quote(property.Name)}: the format has {string.Join(", ", names.Select(n => $"'{n}'"))} here (names are case-sensitive); correct or remove it."));
                }
            }
        }

        private string? String(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Errors.Add(new($"{path}.{name}", FrameworkValidationCodes.WrongType, $"Expected a string but found {Describe(value)}."));
                return null;
            }

            return value.GetString();
        }

        private bool Boolean(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Errors.Add(new($"{path}.{name}", FrameworkValidationCodes.WrongType, $"Expected true or false but found {Describe(value)}."));
            return false;
        }

        private double Number(JsonElement element, string path, string name)
        {
            // A weight left out counts as 1.
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return 1;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            {
                return number;
            }

            Errors.Add(new($"{path}.{name}", FrameworkValidationCodes.WrongType, $"Expected a number but found {Describe(value)}."));
            return 1;
        }

        private int Integer(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Errors.Add(new($"{path}.{name}", FrameworkValidationCodes.Required, "Missing value: give the point's whole-number value."));
                return 0;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Errors.Add(new($"{path}.{name}", FrameworkValidationCodes.WrongType, $"Expected a whole number but found {Describe(value)}."));
            return 0;
        }

        private IReadOnlyList<T> Array<T>(JsonElement element, string path, string name, string what, Func<JsonElement, string, T> read, Func<string, int, T> standIn, params string[] allowed)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            var arrayPath = $"{path}.{name}";
            if (value.ValueKind != JsonValueKind.Array)
            {
                Errors.Add(new(arrayPath, FrameworkValidationCodes.WrongType, $"Expected an array but found {Describe(value)}."));
                return [];
            }

            var items = new List<T>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = $"{arrayPath}[{index.ToString(CultureInfo.InvariantCulture)}]";
                if (IsObject(item, itemPath, what))
                {
                    Allow(item, itemPath, allowed);
                    items.Add(read(item, itemPath));
                }
                else
                {
                    // Keep the place of an item that is not an object, so that later items keep their paths.
                    items.Add(standIn(itemPath, index));
                }

                index++;
            }

            return items;
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string \"{FrameworkErrorCollector.Shorten(element.GetString())}\"",
            JsonValueKind.Number => $"the number {FrameworkErrorCollector.Shorten(element.GetRawText())}",
            JsonValueKind.True or JsonValueKind.False => $"the value {element.GetRawText()}",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };
    }
}
