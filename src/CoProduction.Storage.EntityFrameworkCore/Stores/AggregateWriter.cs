using System.Linq.Expressions;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using CoProduction.Storage.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>Writes the aggregates of one type into a unit of work's context, whatever their id type.</summary>
internal interface IAggregateWriter
{
    /// <summary>
    /// Reads the stored rows of an updated aggregate into a snapshot, inside the unit of work's transaction, when no
    /// snapshot at its version is known (the instance was not loaded or saved by this store); refuses at once an
    /// aggregate that is not stored or is stored at another version.
    /// </summary>
    Task<RowSnapshot> ReadStoredAsync(DbContext context, IAggregateRoot aggregate, object store, CancellationToken cancellationToken);

    /// <summary>
    /// Stages one change in <paramref name="context"/>: tracks a copy of the aggregate's root row, to be inserted (an
    /// addition) or updated once, checking and moving its version (an update); its child rows, to be inserted,
    /// updated or left alone by comparison with <paramref name="stored"/>, go to <paramref name="staged"/> untracked
    /// when the mapping allows (<see cref="ChildRowWalker.CanWalk"/>), and are otherwise tracked with the copy.
    /// </summary>
    /// <returns>The stored child rows the change removes, which the caller deletes before saving.</returns>
    /// <param name="context">The unit of work's context.</param>
    /// <param name="aggregate">The aggregate to write.</param>
    /// <param name="kind">Whether it is added or updated.</param>
    /// <param name="newVersion">Its version once saved.</param>
    /// <param name="stored">Its rows as stored (an update), or <see langword="null"/> (an addition).</param>
    /// <param name="staged">
    /// Where to stage its child rows without tracking them (<see cref="ChildRowWalker"/>), when its mapping allows;
    /// <see langword="null"/> to track them all (an import, written by <see cref="BulkInsert"/> from the tracked rows).
    /// </param>
    IReadOnlyList<RowKey> Stage(DbContext context, IAggregateRoot aggregate, AggregateChangeKind kind, long newVersion, RowSnapshot? stored, StagedRows? staged);

    /// <summary>
    /// Remembers, once the transaction has committed, the rows <paramref name="aggregate"/> was saved as: those written
    /// (tracked in <paramref name="rows"/>) and those left alone (in <paramref name="before"/>, less <paramref name="removed"/>).
    /// </summary>
    void RememberSaved(IAggregateRoot aggregate, Dictionary<object, Dictionary<RowKey, object?[]>> rows, object store, long version, RowSnapshot? before, IReadOnlyCollection<RowKey> removed);

    /// <summary>The stored version of the aggregate in the context's organisation, or <see langword="null"/> when it is not stored.</summary>
    Task<long?> StoredVersionAsync(DbContext context, IAggregateRoot aggregate, CancellationToken cancellationToken);

    /// <summary>Whether an aggregate with this aggregate's id is stored, in any organisation.</summary>
    Task<bool> ExistsAnywhereAsync(DbContext context, IAggregateRoot aggregate, CancellationToken cancellationToken);

    /// <summary>Whether another aggregate of the context's organisation is stored with the same values of <paramref name="rule"/>'s properties.</summary>
    Task<bool> ClashesAsync(DbContext context, IAggregateRoot aggregate, UniqueRule rule, CancellationToken cancellationToken);
}

/// <summary>Finds the writer of an aggregate type.</summary>
internal static class AggregateWriters
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IAggregateWriter> Writers = new();

    internal static IAggregateWriter For(Type aggregateType) => Writers.GetOrAdd(aggregateType, static type =>
    {
        var idType = IdTypeOf(type) ?? throw new InvalidOperationException($"{type.Name} does not derive from AggregateRoot<TId>: no relational store can write it.");
        return (IAggregateWriter)Activator.CreateInstance(typeof(AggregateWriter<,>).MakeGenericType(type, idType))!;
    });

    private static Type? IdTypeOf(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }
}

/// <summary>
/// The write path of one aggregate type. An addition inserts the root row and every child row. An update writes the
/// root row once, <c>UPDATE root SET ..., version = expected + 1 WHERE id = @id AND version = @expected</c> (no row
/// means someone else saved first: <see cref="ConcurrencyConflictException"/>), and of the child rows only those that
/// differ from the rows the aggregate was loaded with (<see cref="RowSnapshot"/>): new positions are inserted,
/// changed rows updated, rows past the end of a shortened list deleted, and the rest left alone.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
internal sealed class AggregateWriter<TAggregate, TId> : IAggregateWriter
    where TAggregate : AggregateRoot<TId>
    where TId : struct, ITypedId<TId>
{
    private readonly AggregateMapping<TAggregate, TId> _mapping = EntityFrameworkCoreStores.MappingFor<TAggregate, TId>();

    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    private static string AggregateName => typeof(TAggregate).Name;

    public async Task<RowSnapshot> ReadStoredAsync(DbContext context, IAggregateRoot aggregate, object store, CancellationToken cancellationToken)
    {
        var typed = (TAggregate)aggregate;
        var found = await context.Set<TAggregate>().AsTracking().AsSplitQuery().Where(ById(typed.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            context.ChangeTracker.Clear();
            throw new StoreOperationException(StorageErrorCodes.NotFound, ChangeSet.NotStoredMessage(aggregate));
        }

        if (found[0].Version != typed.Version)
        {
            context.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(AggregateName, typed.Id.Value, typed.Version, found[0].Version);
        }

        var rows = RowSnapshots.Capture(context);
        context.ChangeTracker.Clear();
        return new RowSnapshot(store, typed.Version, rows.GetValueOrDefault(typed.Id) ?? []);
    }

    public IReadOnlyList<RowKey> Stage(DbContext context, IAggregateRoot aggregate, AggregateChangeKind kind, long newVersion, RowSnapshot? stored, StagedRows? staged)
    {
        var typed = (TAggregate)aggregate;
        var isNew = kind == AggregateChangeKind.Add;
        if (staged is not null && ChildRowWalker.CanWalk(context.Model.FindEntityType(typeof(TAggregate))!))
        {
            // Only the root row is tracked, on a shallow copy (its version and shadow state are set on the copy, never
            // on the caller's aggregate); the child rows are staged from the objects without tracking.
            var clone = (TAggregate)ShallowCopy(typed);
            var rootEntry = context.Entry(clone);
            rootEntry.State = isNew ? EntityState.Added : EntityState.Modified;
            var rootVersion = rootEntry.Property(a => a.Version);
            if (!isNew)
            {
                rootVersion.OriginalValue = typed.Version;
            }

            rootVersion.CurrentValue = newVersion;
            _mapping.WriteShadowState(clone, rootEntry);
            return ChildRowWalker.Stage(rootEntry.Metadata, typed, typed.Id, isNew ? null : stored, staged);
        }

        // Work on a copy: the caller's aggregate changes (version, pending events) only once the save has committed.
        var copy = DeepCopier.Copy(typed);
        var skipped = new HashSet<RowKey>();
        var children = Track(context, copy, isNew, isNew ? null : stored, skipped);
        var root = context.Entry(copy);
        var version = root.Property(a => a.Version);
        if (!isNew)
        {
            // The root row is written once, with the version as its concurrency token.
            version.OriginalValue = typed.Version;
        }

        version.CurrentValue = newVersion;
        _mapping.WriteShadowState(copy, root);
        return isNew || stored is null ? [] : Compare(children, stored, skipped);
    }

    public void RememberSaved(IAggregateRoot aggregate, Dictionary<object, Dictionary<RowKey, object?[]>> rows, object store, long version, RowSnapshot? before, IReadOnlyCollection<RowKey> removed)
    {
        // The rows written are tracked; the rows left alone are as they were before.
        var written = rows.GetValueOrDefault(((TAggregate)aggregate).Id) ?? [];
        if (before is not null)
        {
            var gone = removed.ToHashSet();
            foreach (var (key, values) in before.Rows)
            {
                if (!gone.Contains(key))
                {
                    written.TryAdd(key, values);
                }
            }
        }

        RowSnapshots.Remember(aggregate, new RowSnapshot(store, version, written));
    }

    public Task<long?> StoredVersionAsync(DbContext context, IAggregateRoot aggregate, CancellationToken cancellationToken) =>
        context.Set<TAggregate>().Where(ById(((TAggregate)aggregate).Id)).Select(a => (long?)a.Version).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Leaves unchanged child rows unchanged, marks changed ones modified, and returns the stored rows that are gone.
    /// A row whose unique value changes (a session id moving up a list) is deleted and inserted again with the rows
    /// under it, so that no statement meets the value still held by another row.
    /// </summary>
    private static List<RowKey> Compare(List<EntityEntry> children, RowSnapshot stored, HashSet<RowKey> skipped)
    {
        var kept = new HashSet<RowKey>(skipped);
        var replaced = new List<RowKey>();
        var keys = new RowKey[children.Count];
        for (var i = 0; i < children.Count; i++)
        {
            var entry = children[i];
            var key = RowSnapshots.KeyOf(entry);
            keys[i] = key;
            if (!stored.Rows.TryGetValue(key, out var before))
            {
                continue;
            }

            kept.Add(key);
            if (!RowSnapshots.IsComparable(entry.Metadata))
            {
                entry.State = EntityState.Modified;
                continue;
            }

            var now = RowSnapshots.ValuesOf(entry);
            if (RowSnapshots.SameValues(entry.Metadata, before, now))
            {
                entry.State = EntityState.Unchanged;
            }
            else if (RowSnapshots.ChangesUniqueValue(entry.Metadata, before, now))
            {
                replaced.Add(key);
            }
            else
            {
                entry.State = EntityState.Modified;
            }
        }

        if (replaced.Count > 0)
        {
            for (var i = 0; i < children.Count; i++)
            {
                if (replaced.Any(r => r.Equals(keys[i]) || r.Contains(keys[i])))
                {
                    children[i].State = EntityState.Added;
                    kept.Remove(keys[i]);
                }
            }
        }

        return [.. stored.Rows.Keys.Where(k => !kept.Contains(k))];
    }

    public Task<bool> ExistsAnywhereAsync(DbContext context, IAggregateRoot aggregate, CancellationToken cancellationToken) =>
        context.Set<TAggregate>().IgnoreQueryFilters().AnyAsync(ById(((TAggregate)aggregate).Id), cancellationToken);

    public Task<bool> ClashesAsync(DbContext context, IAggregateRoot aggregate, UniqueRule rule, CancellationToken cancellationToken)
    {
        // a => a.Id != id && a.P1 == values[0] && ...: every value read from a captured array, so each is a parameter.
        var row = Expression.Parameter(typeof(TAggregate), "a");
        var values = Expression.Constant(rule.KeyOf(aggregate).ToArray());
        Expression body = Expression.NotEqual(
            Expression.Property(row, nameof(AggregateRoot<TId>.Id)),
            Expression.Property(Expression.Constant(new IdHolder(((TAggregate)aggregate).Id)), nameof(IdHolder.Value)));
        for (var i = 0; i < rule.PropertyNames.Count; i++)
        {
            var property = Expression.Property(row, rule.PropertyNames[i]);
            body = Expression.AndAlso(body, Expression.Equal(property, Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), property.Type)));
        }

        return context.Set<TAggregate>().AnyAsync(Expression.Lambda<Func<TAggregate, bool>>(body, row), cancellationToken);
    }

    /// <summary>Builds the predicate <c>a =&gt; a.Id == id</c>, with the id as a query parameter.</summary>
    internal static Expression<Func<TAggregate, bool>> ById(TId id)
    {
        var aggregate = Expression.Parameter(typeof(TAggregate), "a");
        var holder = new IdHolder(id);
        var body = Expression.Equal(
            Expression.Property(aggregate, nameof(AggregateRoot<TId>.Id)),
            Expression.Property(Expression.Constant(holder), nameof(IdHolder.Value)));
        return Expression.Lambda<Func<TAggregate, bool>>(body, aggregate);
    }

    /// <summary>
    /// Tracks the copy: the root as added (or modified) and every child-table row as added, numbered by its position
    /// in its list; returns the child rows' entries.
    /// </summary>
    private static List<EntityEntry> Track(DbContext context, TAggregate copy, bool isNew, RowSnapshot? stored, HashSet<RowKey> skipped)
    {
        var children = new List<EntityEntry>();
        var positions = new Dictionary<object, Dictionary<object, int>>(ReferenceEqualityComparer.Instance);
        var replacing = new HashSet<object>(ReferenceEqualityComparer.Instance);
        context.ChangeTracker.TrackGraph(copy, node =>
        {
            var entry = node.Entry;
            if (node.InboundNavigation is null)
            {
                entry.State = isNew ? EntityState.Added : EntityState.Modified;
                return;
            }

            int? position = null;
            if (node.InboundNavigation is INavigation { IsCollection: true } navigation && node.SourceEntry is { } parent)
            {
                var list = navigation.GetGetter().GetClrValue(parent.Entity)!;
                if (!positions.TryGetValue(list, out var byItem))
                {
                    byItem = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
                    var next = 0;
                    foreach (var item in (System.Collections.IEnumerable)list)
                    {
                        byItem.TryAdd(item, next++);
                    }

                    positions[list] = byItem;
                }

                position = byItem[entry.Entity];
                entry.Property(AggregateMapping<TAggregate, TId>.PositionColumn).CurrentValue = position;
            }

            // Rows under a row that is replaced (its unique value moved) are written again with it.
            var underReplaced = node.SourceEntry is { } owner && replacing.Contains(owner.Entity);
            if (stored is not null && !underReplaced && node.SourceEntry is { } source
                && UnchangedRows.Subtree(entry.Metadata, entry.Entity, RowSnapshots.KeyOf(source).Append(entry.Metadata, position), stored, skipped))
            {
                // Neither this row nor any row under it changed: it is not tracked, so not written.
                return;
            }

            entry.State = EntityState.Added;
            if (stored is not null && (underReplaced || MovesUniqueValue(entry, stored)))
            {
                replacing.Add(entry.Entity);
            }

            children.Add(entry);
        });

        return children;
    }

    /// <summary>Whether a tracked row's unique value (a unique index other than its key) differs from its stored row's.</summary>
    private static bool MovesUniqueValue(EntityEntry entry, RowSnapshot stored) =>
        entry.Metadata.GetIndexes().Any(i => i.IsUnique)
        && RowSnapshots.IsComparable(entry.Metadata)
        && stored.Rows.TryGetValue(RowSnapshots.KeyOf(entry), out var before)
        && RowSnapshots.ChangesUniqueValue(entry.Metadata, before, RowSnapshots.ValuesOf(entry));

    /// <summary>Holds an id so that queries use it as a parameter rather than a constant.</summary>
    private sealed class IdHolder(TId value)
    {
        public TId Value { get; } = value;
    }
}
