using System.Runtime.CompilerServices;
using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>The key of one child-table row: its entity type and the values of its primary key.</summary>
internal sealed class RowKey : IEquatable<RowKey>
{
    private static readonly object[] Positions = [.. Enumerable.Range(0, 1024).Select(i => (object)i)];

    private readonly int _valuesHash;
    private readonly int _hash;

    internal RowKey(IEntityType type, object?[] values)
    {
        Type = type;
        Values = values;
        var hash = 0;
        foreach (var value in values)
        {
            hash = HashCode.Combine(hash, value?.GetHashCode() ?? 0);
        }

        _valuesHash = hash;
        _hash = HashCode.Combine(hash, type);
    }

    /// <summary>A key whose values' hash is already known (the fold of <see cref="HashCode.Combine{T1, T2}"/> over them).</summary>
    private RowKey(IEntityType type, object?[] values, int valuesHash)
    {
        Type = type;
        Values = values;
        _valuesHash = valuesHash;
        _hash = HashCode.Combine(valuesHash, type);
    }

    /// <summary>Gets the row's entity type (one per child table, or per record sharing its parent's table).</summary>
    internal IEntityType Type { get; }

    /// <summary>Gets the values of the row's primary key, the aggregate's id first.</summary>
    internal object?[] Values { get; }

    public bool Equals(RowKey? other)
    {
        if (other is null || !ReferenceEquals(Type, other.Type) || Values.Length != other.Values.Length)
        {
            return false;
        }

        for (var i = 0; i < Values.Length; i++)
        {
            if (!Equals(Values[i], other.Values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode() => _hash;

    /// <summary>The key of a row owned by this one: of type <paramref name="type"/>, with this row's key values and, for a row of a list, its position.</summary>
    internal RowKey Append(IEntityType type, int? position)
    {
        if (position is not { } at)
        {
            return new RowKey(type, Values, _valuesHash);
        }

        // Called for every row a save compares: no collection expression over a shared generic span, one boxed
        // position per list index reused.
        var values = new object?[Values.Length + 1];
        Array.Copy(Values, values, Values.Length);
        var boxed = (uint)at < (uint)Positions.Length ? Positions[at] : at;
        values[^1] = boxed;
        return new RowKey(type, values, HashCode.Combine(_valuesHash, at.GetHashCode()));
    }

    /// <summary>Whether <paramref name="descendant"/> is a row nested (at any depth) under this one.</summary>
    internal bool Contains(RowKey descendant)
    {
        if (descendant.Values.Length < Values.Length || !IsOwnedUnder(descendant.Type, Type))
        {
            return false;
        }

        for (var i = 0; i < Values.Length; i++)
        {
            if (!Equals(Values[i], descendant.Values[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOwnedUnder(IEntityType type, IEntityType ancestor)
    {
        for (var current = type.FindOwnership()?.PrincipalEntityType; current is not null; current = current.FindOwnership()?.PrincipalEntityType)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Tells, from the objects alone and before anything is tracked, whether a child row and every row under it hold what
/// the snapshot holds: such rows are left out of the save entirely (tracking them is most of the cost of a save).
/// </summary>
internal static class UnchangedRows
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, bool> Skippable = new();

    /// <summary>Whether the row <paramref name="key"/> of <paramref name="entity"/>, and every row under it, is unchanged; if so, adds their keys to <paramref name="unchanged"/>.</summary>
    internal static bool Subtree(IEntityType type, object entity, RowKey key, RowSnapshot stored, HashSet<RowKey> unchanged)
    {
        var found = new List<RowKey>();
        if (!CanSkip(type) || !Same(type, entity, key, stored, found))
        {
            return false;
        }

        unchanged.UnionWith(found);
        return true;
    }

    /// <summary>
    /// Whether a type's rows can be compared from the objects: every property is the object's own or a key column
    /// (no state kept only in shadow columns), none is complex, and the same holds for every type under it.
    /// </summary>
    private static bool CanSkip(IEntityType type) => Skippable.GetOrAdd(type, static t =>
        RowSnapshots.IsComparable(t)
        && t.GetProperties().All(p => !p.IsShadowProperty() || p.IsKey())
        && t.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).All(n => CanSkip(n.TargetEntityType)));

    private static bool Same(IEntityType type, object entity, RowKey key, RowSnapshot stored, List<RowKey> found)
    {
        if (!stored.Rows.TryGetValue(key, out var before))
        {
            return false;
        }

        var properties = RowSnapshots.PropertiesOf(type);
        var keyProperties = type.FindPrimaryKey()!.Properties;
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var value = property.IsShadowProperty() ? key.Values[IndexOf(keyProperties, property)] : property.GetGetter().GetClrValue(entity);
            if (!property.GetValueComparer().Equals(before[i], value))
            {
                return false;
            }
        }

        found.Add(key);
        foreach (var navigation in type.GetNavigations())
        {
            var target = navigation.TargetEntityType;
            if (!target.IsOwned())
            {
                continue;
            }

            var value = navigation.GetGetter().GetClrValue(entity);
            if (!navigation.IsCollection)
            {
                var childKey = key.Append(target, null);
                if (value is null ? stored.Rows.ContainsKey(childKey) : !Same(target, value, childKey, stored, found))
                {
                    return false;
                }

                continue;
            }

            var position = 0;
            foreach (var item in (System.Collections.IEnumerable?)value ?? Array.Empty<object>())
            {
                if (!Same(target, item, key.Append(target, position++), stored, found))
                {
                    return false;
                }
            }

            // A row past the end of the list means the list was shortened.
            if (stored.Rows.ContainsKey(key.Append(target, position)))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<IProperty> properties, IProperty property)
    {
        for (var i = 0; i < properties.Count; i++)
        {
            if (ReferenceEquals(properties[i], property))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The shadow property {property.Name} of {property.DeclaringType.DisplayName()} is not a key column.");
    }
}

/// <summary>
/// The child-table rows of one aggregate as last read from or written to the database, at one version: what a save
/// compares the aggregate with, so that it writes only the rows that changed.
/// </summary>
internal sealed class RowSnapshot
{
    internal RowSnapshot(object store, long version, Dictionary<RowKey, object?[]> rows)
    {
        Store = store;
        Version = version;
        Rows = rows;
    }

    /// <summary>Gets the store (its context factory) the rows were read from or written to.</summary>
    internal object Store { get; }

    /// <summary>Gets the version of the aggregate the rows belong to.</summary>
    internal long Version { get; }

    /// <summary>Gets every child-table row, by key, with the values of its properties (<see cref="RowSnapshots.PropertiesOf"/>).</summary>
    internal Dictionary<RowKey, object?[]> Rows { get; }
}

/// <summary>
/// Remembers, per aggregate instance, the rows it was loaded with or last saved as (weakly: the snapshot goes when
/// the aggregate does). A save of an aggregate whose snapshot is at its version writes only what differs from it; a
/// save of any other instance (built by hand, loaded elsewhere) reads the stored rows first, in its transaction.
/// </summary>
internal static class RowSnapshots
{
    private static readonly ConditionalWeakTable<IAggregateRoot, RowSnapshot> Snapshots = [];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, IProperty[]> Properties = new();

    /// <summary>The snapshot of <paramref name="aggregate"/> taken from <paramref name="store"/> at the aggregate's current version, if any.</summary>
    internal static RowSnapshot? Find(IAggregateRoot aggregate, object store) =>
        Snapshots.TryGetValue(aggregate, out var snapshot) && snapshot.Version == aggregate.Version && ReferenceEquals(snapshot.Store, store)
            ? snapshot
            : null;

    /// <summary>Remembers the rows of <paramref name="aggregate"/> at the snapshot's version.</summary>
    internal static void Remember(IAggregateRoot aggregate, RowSnapshot snapshot) => Snapshots.AddOrUpdate(aggregate, snapshot);

    /// <summary>The properties a row's values are kept for: every property of the type, keys included.</summary>
    internal static IProperty[] PropertiesOf(IEntityType type) => Properties.GetOrAdd(type, static t => [.. t.GetProperties()]);

    /// <summary>Whether a type's rows can be compared value by value (types with complex properties are always written).</summary>
    internal static bool IsComparable(IEntityType type) => !type.GetComplexProperties().Any();

    /// <summary>The key of a tracked child row.</summary>
    internal static RowKey KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()!.Properties;
        var values = new object?[key.Count];
        for (var i = 0; i < key.Count; i++)
        {
            values[i] = entry.Property(key[i]).CurrentValue;
        }

        return new RowKey(entry.Metadata, values);
    }

    /// <summary>The values of a tracked row's properties, snapshotted (a list a caller later changes in place does not change them).</summary>
    internal static object?[] ValuesOf(EntityEntry entry)
    {
        var properties = PropertiesOf(entry.Metadata);
        var current = entry.CurrentValues;
        var values = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            values[i] = properties[i].GetValueComparer().Snapshot(current[properties[i]]);
        }

        return values;
    }

    /// <summary>Whether two rows of a type hold the same values.</summary>
    internal static bool SameValues(IEntityType type, object?[] stored, object?[] current)
    {
        var properties = PropertiesOf(type);
        for (var i = 0; i < properties.Length; i++)
        {
            if (!properties[i].GetValueComparer().Equals(stored[i], current[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a change between two rows moves a value held by a unique index (other than the key).</summary>
    internal static bool ChangesUniqueValue(IEntityType type, object?[] stored, object?[] current)
    {
        var properties = PropertiesOf(type);
        foreach (var index in type.GetIndexes().Where(i => i.IsUnique))
        {
            foreach (var property in index.Properties)
            {
                var i = Array.IndexOf(properties, property);
                if (i >= 0 && !property.GetValueComparer().Equals(stored[i], current[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Takes the child rows <paramref name="context"/> tracks (as loaded, or as just saved), by the id of the
    /// aggregate they belong to.
    /// </summary>
    internal static Dictionary<object, Dictionary<RowKey, object?[]>> Capture(DbContext context)
    {
        var byRoot = new Dictionary<object, Dictionary<RowKey, object?[]>>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (!entry.Metadata.IsOwned() || entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            var key = KeyOf(entry);
            var rootId = key.Values[0]!;
            if (!byRoot.TryGetValue(rootId, out var rows))
            {
                rows = [];
                byRoot[rootId] = rows;
            }

            rows[key] = ValuesOf(entry);
        }

        return byRoot;
    }
}
