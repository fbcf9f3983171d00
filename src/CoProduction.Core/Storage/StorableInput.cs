using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// Refuses, before any store writes, values that a database would refuse or silently change, so every store answers
/// alike with <see cref="InvalidInputException"/> rather than a provider's exception: text holding a NUL or another
/// control character (tab, line feed and carriage return are fine), text with a lone surrogate (not valid Unicode, which
/// PostgreSQL refuses and SQLite turns into U+FFFD), text over <see cref="MaximumTextLength"/> characters, and amounts
/// of money or hours beyond <see cref="MaximumAmount"/> (the columns hold 18 digits with 2 decimal places). Every fault
/// of every changed aggregate is reported at once, by field path.
/// </summary>
internal static class StorableInput
{
    /// <summary>The longest text any field may hold (free-text notes included).</summary>
    internal const int MaximumTextLength = 20_000;

    /// <summary>The largest amount (in absolute value) a decimal field may hold.</summary>
    internal const decimal MaximumAmount = 9_999_999_999_999_999.99m;

    private const int MaximumReported = 100;

    private static readonly ConcurrentDictionary<Type, (FieldInfo Field, string Name)[]> Fields = new();

    /// <summary>Checks every changed aggregate's values.</summary>
    /// <exception cref="InvalidInputException">A value cannot be stored; every fault is listed by path.</exception>
    internal static void Check(IEnumerable<AggregateChange> changes)
    {
        Dictionary<string, string[]>? errors = null;
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var path = new List<Segment>();
        foreach (var change in changes)
        {
            visited.Clear();
            path.Clear();
            path.Add(new Segment(change.Aggregate.GetType().Name, -1));
            Walk(change.Aggregate, path, visited, ref errors);
        }

        if (errors is not null)
        {
            throw new InvalidInputException(errors);
        }
    }

    /// <summary>Describes what is wrong with a text value, or returns <see langword="null"/> when it can be stored.</summary>
    internal static string? Fault(string text)
    {
        if (text.Length > MaximumTextLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters long; at most {MaximumTextLength} can be stored: shorten it.");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"has a lone surrogate (U+{(int)c:X4}) at position {i}, which is not valid Unicode: the text was probably cut in the middle of a character; send it again whole.");
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return string.Create(CultureInfo.InvariantCulture, $"has a control character (U+{(int)c:X4}) at position {i}, which cannot be stored: remove it.");
            }
        }

        return null;
    }

    // The path to a value is kept as a stack of segments and written out only for a value at fault: building the text of
    // every field's path on every save cost more than the checks themselves.
    private static void Walk(object value, List<Segment> path, HashSet<object> visited, ref Dictionary<string, string[]>? errors)
    {
        switch (value)
        {
            case string text:
                if (Fault(text) is { } fault)
                {
                    Add(ref errors, PathText(path), $"The text {fault}");
                }

                return;
            case decimal amount:
                if (Math.Abs(amount) > MaximumAmount)
                {
                    Add(ref errors, PathText(path), string.Create(CultureInfo.InvariantCulture, $"The amount {amount} is beyond what can be stored (at most {MaximumAmount} either way)."));
                }

                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Guid or Type or Delegate)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items and not IDictionary)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (item is not null)
                {
                    path.Add(new Segment(null, index));
                    Walk(item, path, visited, ref errors);
                    path.RemoveAt(path.Count - 1);
                }

                index++;
            }

            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = entry.Key.ToString() ?? string.Empty;
                path.Add(new Segment($"[{key}].Key", -1));
                Walk(entry.Key, path, visited, ref errors);
                path[^1] = new Segment($"[{key}]", -1);
                if (entry.Value is not null)
                {
                    Walk(entry.Value, path, visited, ref errors);
                }

                path.RemoveAt(path.Count - 1);
            }

            return;
        }

        if (type.Namespace?.StartsWith("CoProduction", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var (field, name) in Fields.GetOrAdd(type, FieldsOf))
        {
            if (field.GetValue(value) is { } member)
            {
                path.Add(new Segment("." + name, -1));
                Walk(member, path, visited, ref errors);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static string PathText(List<Segment> path)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment.Name is { } name)
            {
                text.Append(name);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"[{segment.Index}]");
            }
        }

        return text.ToString();
    }

    private static (FieldInfo Field, string Name)[] FieldsOf(Type type)
    {
        var fields = new List<(FieldInfo, string)>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                // Pending events repeat the aggregate's own values; the aggregate's fields are checked instead.
                if (field.FieldType == typeof(List<IDomainEvent>))
                {
                    continue;
                }

                fields.Add((field, DisplayName(field.Name)));
            }
        }

        return [.. fields];
    }

    private static string DisplayName(string fieldName)
    {
        if (fieldName.StartsWith('<') && fieldName.IndexOf('>', StringComparison.Ordinal) is > 1 and var end)
        {
            return fieldName[1..end];
        }

        var trimmed = fieldName.TrimStart('_');
        return trimmed.Length == 0 ? fieldName : new StringBuilder(trimmed).Replace(trimmed[0], char.ToUpperInvariant(trimmed[0]), 0, 1).ToString();
    }

    private static void Add(ref Dictionary<string, string[]>? errors, string path, string message)
    {
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (errors.Count < MaximumReported)
        {
            errors[path] = errors.TryGetValue(path, out var existing) ? [.. existing, message] : [message];
        }
    }

    /// <summary>One step of a path: a field (".Name"), a dictionary entry ("[key]") or, without a name, a list index.</summary>
    private readonly record struct Segment(string? Name, int Index);
}
