using System.Reflection;
using System.Text.RegularExpressions;
using CoProduction.Primitives;

namespace CoProduction.Core.Tests.People;

/// <summary>
/// Walks the library's model by reflection and reads docs/personal-data.md, so that every string field the model can
/// store is classified in the inventory and every inventory row names a field that exists.
/// </summary>
internal static partial class PersonalDataModel
{
    /// <summary>The inventory, relative to the repository root.</summary>
    public const string InventoryPath = "docs/personal-data.md";

    /// <summary>Gets every public, non-abstract aggregate root (an <see cref="IAggregateRoot"/>) an assembly declares.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The aggregate root types.</returns>
    public static IReadOnlyList<Type> AggregateRoots(Assembly assembly) =>
        [.. assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAggregateRoot).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>
    /// Walks the roots and, recursively, the types of their public instance properties (child entities, value objects
    /// and the element, key and value types of collections) within the CoProduction namespaces, skipping domain
    /// events, typed ids, enums and primitives other than <see cref="string"/>. Returns each type reached, and each
    /// property that holds text (a <see cref="string"/>, or a collection or dictionary of strings) as
    /// <c>DeclaringType.PropertyName</c>.
    /// </summary>
    /// <param name="roots">The types to start from.</param>
    /// <returns>The types reached and the text fields found.</returns>
    public static (IReadOnlyCollection<Type> Types, IReadOnlySet<string> StringFields) Walk(IEnumerable<Type> roots)
    {
        var visited = new HashSet<Type>();
        var fields = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!visited.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                if (HoldsText(property.PropertyType, queue))
                {
                    fields.Add($"{ShortName(property.DeclaringType!)}.{property.Name}");
                }
            }
        }

        return (visited, fields);
    }

    /// <summary>
    /// Gets every public, non-abstract domain event an assembly declares: events are saved as JSON in the outbox, so
    /// their text fields are classified too.
    /// </summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The event types.</returns>
    public static IReadOnlyList<Type> DomainEvents(Assembly assembly) =>
        [.. assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Lists the fields the model has that the inventory does not name.</summary>
    /// <param name="fields">The fields found by <see cref="Walk"/>.</param>
    /// <param name="inventory">The inventory's tables.</param>
    /// <returns>The undeclared fields, in order.</returns>
    public static IReadOnlyList<string> Undeclared(IEnumerable<string> fields, IReadOnlyList<InventoryTable> inventory)
    {
        var keys = inventory.SelectMany(t => t.Rows).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return [.. fields.Where(f => !keys.Contains(f)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Lists the inventory rows that name no field of the model (stale rows), with their line numbers.</summary>
    /// <param name="fields">The fields that exist.</param>
    /// <param name="inventory">The inventory's tables.</param>
    /// <returns>The stale rows, as <c>Key (line N)</c>.</returns>
    public static IReadOnlyList<string> Stale(IEnumerable<string> fields, IReadOnlyList<InventoryTable> inventory)
    {
        var existing = fields.ToHashSet(StringComparer.Ordinal);
        return [.. inventory.SelectMany(t => t.Rows).Where(r => !existing.Contains(r.Key)).Select(r => $"{r.Key} (line {r.Line})")];
    }

    /// <summary>
    /// Reads every Markdown table of the inventory: its header cells and, per row, the key in the first column
    /// (<c>Type.Property</c>, backticks removed), the cells and the line number.
    /// </summary>
    /// <param name="markdown">The inventory's text.</param>
    /// <returns>The tables, in order.</returns>
    public static IReadOnlyList<InventoryTable> ReadTables(string markdown)
    {
        var tables = new List<InventoryTable>();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsTableLine(lines[i]) || i + 1 >= lines.Length || !SeparatorRow().IsMatch(lines[i + 1].Trim()))
            {
                continue;
            }

            var header = Cells(lines[i]);
            var rows = new List<InventoryRow>();
            var heading = lines.Take(i).LastOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim() ?? string.Empty;
            for (i += 2; i < lines.Length && IsTableLine(lines[i]); i++)
            {
                var cells = Cells(lines[i]);
                rows.Add(new InventoryRow(cells[0].Trim('`'), cells, i + 1));
            }

            tables.Add(new InventoryTable(heading, header, rows));
        }

        return tables;
    }

    /// <summary>Finds the repository root: the nearest directory above the tests' output holding CoProduction.Core.sln.</summary>
    /// <returns>The root's path.</returns>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoProduction.Core.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CoProduction.Core.sln not found above the test's directory.");
    }

    /// <summary>Reads the names of the text properties a C# source file declares (<c>public string Name</c> or <c>public string? Name</c>).</summary>
    /// <param name="source">The source text.</param>
    /// <returns>The property names.</returns>
    public static IReadOnlySet<string> DeclaredStringProperties(string source) =>
        StringPropertyDeclaration().Matches(source).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Gets a type's name without generic arity, as the inventory's keys use it.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name, such as <c>AggregateRoot</c> for <c>AggregateRoot`1</c>.</returns>
    public static string ShortName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static bool HoldsText(Type type, Queue<Type> queue)
    {
        if (type == typeof(string))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return HoldsText(underlying, queue);
        }

        if (type.IsArray)
        {
            return HoldsText(type.GetElementType()!, queue);
        }

        if (!IsCoProductionType(type))
        {
            // A framework generic (a list, a dictionary, a key-value pair, a tuple): text if any of its arguments is.
            // Other framework types (numbers, dates, Guid, TimeSpan, object...) hold no text of their own.
            return type.IsGenericType && type.GetGenericArguments().Aggregate(false, (text, argument) => HoldsText(argument, queue) | text);
        }

        if (type.IsEnum || typeof(IDomainEvent).IsAssignableFrom(type) || IsTypedId(type))
        {
            return false;
        }

        queue.Enqueue(type);
        if (type.IsAbstract || type.IsInterface)
        {
            // A polymorphic property can hold any concrete type of the library that derives from it.
            foreach (var derived in type.Assembly.GetExportedTypes().Where(t => !t.IsAbstract && t != type && type.IsAssignableFrom(t)))
            {
                queue.Enqueue(derived);
            }
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                _ = HoldsText(argument, queue);
            }
        }

        return false;
    }

    private static bool IsCoProductionType(Type type) =>
        type.Namespace is { } ns && (ns == "CoProduction" || ns.StartsWith("CoProduction.", StringComparison.Ordinal));

    private static bool IsTypedId(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>));

    private static bool IsTableLine(string line) => line.TrimStart().StartsWith('|');

    private static IReadOnlyList<string> Cells(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Trim('|').Split('|', StringSplitOptions.TrimEntries);
    }

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+$")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex(@"\bpublic\s+string\??\s+(?<name>[A-Z]\w*)\s*\{")]
    private static partial Regex StringPropertyDeclaration();
}

/// <summary>A table of the inventory.</summary>
/// <param name="Heading">The heading the table sits under.</param>
/// <param name="Header">The header cells.</param>
/// <param name="Rows">The rows.</param>
internal sealed record InventoryTable(string Heading, IReadOnlyList<string> Header, IReadOnlyList<InventoryRow> Rows)
{
    /// <summary>Gets the index of a column by its header, or -1.</summary>
    /// <param name="header">The header, such as <c>Erasure</c>.</param>
    /// <returns>The index, or -1 when the table has no such column.</returns>
    public int Column(string header) => Header.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A row of an inventory table.</summary>
/// <param name="Key">The field, <c>Type.Property</c>.</param>
/// <param name="Cells">Every cell, the key's included.</param>
/// <param name="Line">The line it is on (1-based).</param>
internal sealed record InventoryRow(string Key, IReadOnlyList<string> Cells, int Line);
