using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// The child-table rows a unit of work writes without tracking them (<see cref="ChildRowWalker"/>): each with its
/// key, its values in the order of <see cref="RowSnapshots.PropertiesOf"/>, and whether it is inserted or updated.
/// </summary>
internal sealed class StagedRows
{
    /// <summary>Gets the rows to write, in the order they were found (parents before children).</summary>
    internal List<StagedRow> Written { get; } = [];

    /// <summary>Gets every child row of the staged aggregates as it will be stored (written or compared unchanged), by the id of its aggregate.</summary>
    internal Dictionary<object, Dictionary<RowKey, object?[]>> Saved { get; } = [];

    /// <summary>Records a row as it will be stored once the unit of work commits.</summary>
    internal void Keep(RowKey key, object?[] values)
    {
        var rootId = key.Values[0]!;
        if (!Saved.TryGetValue(rootId, out var rows))
        {
            rows = [];
            Saved[rootId] = rows;
        }

        rows[key] = values;
    }
}

/// <summary>One child row to write.</summary>
/// <param name="Type">Its entity type (mapped to one table of its own).</param>
/// <param name="Key">Its key.</param>
/// <param name="Values">Its values, in the order of <see cref="RowSnapshots.PropertiesOf"/>.</param>
/// <param name="Insert">Whether the row is new (otherwise it is updated).</param>
/// <param name="Entity">The object the row holds, named by the refusal when an updated row is not found.</param>
/// <param name="Depth">How deep the row is under its aggregate's root (1 for the root's own lists).</param>
internal sealed record StagedRow(IEntityType Type, RowKey Key, object?[] Values, bool Insert, object Entity, int Depth);

/// <summary>
/// Stages the child rows of an aggregate from the objects and the model alone, without EF Core's change tracker:
/// walks the owned navigations from the root, numbers list items by position, fills the key columns from the owner's
/// key (as the shadow foreign key and position columns the model declares), compares each row with the snapshot the
/// aggregate was loaded with, and leaves unchanged subtrees alone. Used for the aggregates whose child types keep no
/// state the model reaches only through the change tracker (see <see cref="CanWalk"/>); the others are tracked as before.
/// </summary>
internal static class ChildRowWalker
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, bool> Walkable = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, INavigation[]> OwnedNavigations = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, int[]> KeyIndexes = new();

    /// <summary>
    /// Whether every type owned (at any depth) by <paramref name="root"/> can be written from its objects: a table of
    /// its own, no complex property, and no shadow property but key columns (the owner's key and the position).
    /// </summary>
    internal static bool CanWalk(IEntityType root) => Walkable.GetOrAdd(root, static r => Owned(r).All(t =>
        RowSnapshots.IsComparable(t)
        && t.GetProperties().All(p => !p.IsShadowProperty() || p.IsKey())
        && t.FindOwnership() is { } ownership
        && !(string.Equals(ownership.PrincipalEntityType.GetTableName(), t.GetTableName(), StringComparison.Ordinal) && ownership.PrincipalEntityType.GetSchema() == t.GetSchema())
        && t.GetTableMappings().Count() == 1));

    /// <summary>
    /// Stages the child rows of <paramref name="aggregate"/>: all of them when <paramref name="stored"/> is
    /// <see langword="null"/> (an addition), otherwise those that differ from it; returns the stored rows the change removes.
    /// </summary>
    internal static List<RowKey> Stage(IEntityType rootType, object aggregate, object id, RowSnapshot? stored, StagedRows staged)
    {
        var kept = new HashSet<RowKey>();
        var rootKey = new RowKey(rootType, [id]);
        WalkChildren(rootType, aggregate, rootKey, 1, stored, staged, kept, replacing: false);
        if (stored is null)
        {
            return [];
        }

        var removed = new List<RowKey>();
        foreach (var key in stored.Rows.Keys)
        {
            if (!kept.Contains(key))
            {
                removed.Add(key);
            }
        }

        return removed;
    }

    private static void WalkChildren(IEntityType type, object entity, RowKey key, int depth, RowSnapshot? stored, StagedRows staged, HashSet<RowKey> kept, bool replacing)
    {
        foreach (var navigation in NavigationsOf(type))
        {
            var target = navigation.TargetEntityType;
            var value = navigation.GetGetter().GetClrValue(entity);
            if (value is null)
            {
                continue;
            }

            if (!navigation.IsCollection)
            {
                Walk(target, value, key.Append(target, null), depth, stored, staged, kept, replacing);
                continue;
            }

            var position = 0;
            foreach (var item in (System.Collections.IEnumerable)value)
            {
                Walk(target, item, key.Append(target, position++), depth, stored, staged, kept, replacing);
            }
        }
    }

    private static void Walk(IEntityType type, object entity, RowKey key, int depth, RowSnapshot? stored, StagedRows staged, HashSet<RowKey> kept, bool replacing)
    {
        if (stored is not null && !replacing)
        {
            var unchanged = new HashSet<RowKey>();
            if (UnchangedRows.Subtree(type, entity, key, stored, unchanged))
            {
                // Neither this row nor any row under it changed: nothing to write.
                kept.UnionWith(unchanged);
                foreach (var row in unchanged)
                {
                    staged.Keep(row, stored.Rows[row]);
                }

                return;
            }
        }

        var values = ValuesOf(type, entity, key);
        var insert = true;
        if (stored is not null && !replacing && stored.Rows.TryGetValue(key, out var before))
        {
            if (RowSnapshots.SameValues(type, before, values))
            {
                kept.Add(key);
                staged.Keep(key, values);
                WalkChildren(type, entity, key, depth + 1, stored, staged, kept, replacing);
                return;
            }

            if (RowSnapshots.ChangesUniqueValue(type, before, values))
            {
                // Its unique value moves (a session id moving up a list): the row and the rows under it are deleted
                // and inserted again, so that no statement meets the value still held by another row.
                replacing = true;
            }
            else
            {
                insert = false;
                kept.Add(key);
            }
        }

        staged.Written.Add(new StagedRow(type, key, values, insert, entity, depth));
        staged.Keep(key, values);
        WalkChildren(type, entity, key, depth + 1, stored, staged, kept, replacing);
    }

    /// <summary>The values of a row's properties (snapshotted), its shadow key columns taken from its key.</summary>
    private static object?[] ValuesOf(IEntityType type, object entity, RowKey key)
    {
        var properties = RowSnapshots.PropertiesOf(type);
        var keyIndexes = KeyIndexes.GetOrAdd(type, static t =>
        {
            var all = RowSnapshots.PropertiesOf(t);
            var keys = t.FindPrimaryKey()!.Properties;
            return [.. all.Select(p => p.IsShadowProperty() ? IndexOf(keys, p) : -1)];
        });
        var values = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            values[i] = keyIndexes[i] >= 0
                ? key.Values[keyIndexes[i]]
                : property.GetValueComparer().Snapshot(property.GetGetter().GetClrValue(entity));
        }

        return values;
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

    private static INavigation[] NavigationsOf(IEntityType type) => OwnedNavigations.GetOrAdd(type, static t =>
        [.. t.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.ForeignKey.IsOwnership && n.ForeignKey.PrincipalEntityType == t)]);

    private static IEnumerable<IEntityType> Owned(IEntityType type)
    {
        foreach (var navigation in NavigationsOf(type))
        {
            yield return navigation.TargetEntityType;
            foreach (var nested in Owned(navigation.TargetEntityType))
            {
                yield return nested;
            }
        }
    }
}
