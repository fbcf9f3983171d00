using System.Data;
using System.Data.Common;
using System.Linq.Expressions;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using CoProduction.Storage.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// Base of the Entity Framework Core stores. Every operation uses its own short-lived context and, for writes, its
/// own transaction; loaded aggregates are detached copies, and saving works on a copy of the caller's aggregate, so
/// no change tracking leaks between calls.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
/// <remarks>
/// An update runs, in one transaction: <c>UPDATE root SET version = expected + 1 WHERE id = @id AND version = @expected</c>
/// (zero rows means someone else saved first: <see cref="ConcurrencyConflictException"/>, nothing written); then the
/// aggregate's child-table rows are replaced and its root row written; then its events are inserted into
/// <c>outbox_messages</c>. After commit the events are dispatched.
/// </remarks>
public abstract class EntityFrameworkAggregateStore<TAggregate, TId> : IAggregateStore<TAggregate, TId>
    where TAggregate : AggregateRoot<TId>
    where TId : struct, ITypedId<TId>
{
    private readonly EntityFrameworkStoreDependencies _dependencies;
    private readonly AggregateMapping<TAggregate, TId> _mapping;

    /// <summary>Initialises the store.</summary>
    /// <param name="dependencies">The context factory, organisation context and outbox.</param>
    protected EntityFrameworkAggregateStore(EntityFrameworkStoreDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        _dependencies = dependencies;
        _mapping = EntityFrameworkCoreStores.MappingFor<TAggregate, TId>();
    }

    private static string AggregateName => typeof(TAggregate).Name;

    /// <inheritdoc />
    public async ValueTask<TAggregate?> FindAsync(TId id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(q => q.Where(ById(id)), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task AddAsync(TAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return SaveAsync(aggregate, isNew: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateAsync(TAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return SaveAsync(aggregate, isNew: false, cancellationToken);
    }

    /// <summary>
    /// Runs a query over the current organisation's aggregates (the organisation filter applies) and returns detached
    /// copies, in the query's order.
    /// </summary>
    /// <param name="query">Filters and orders the aggregates, such as <c>q =&gt; q.Where(p =&gt; p.ErasedAt == null)</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The aggregates found.</returns>
    protected async Task<IReadOnlyList<TAggregate>> QueryAsync(Func<IQueryable<TAggregate>, IQueryable<TAggregate>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // Tracked while loading so that shadow state can be read back; the context (and its tracking) ends here.
            var aggregates = context.Set<TAggregate>().AsTracking();
            List<TAggregate> results;
            if (_mapping.LoadsChildTablesSeparately)
            {
                var snapshot = await context.Database.BeginTransactionAsync(ReadSnapshotIsolation(context), cancellationToken).ConfigureAwait(false);
                await using (snapshot.ConfigureAwait(false))
                {
                    results = await query(aggregates.AsSplitQuery()).ToListAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                results = await query(aggregates).ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            var rootType = context.Model.FindEntityType(typeof(TAggregate))!;
            foreach (var aggregate in results)
            {
                RestoreListOrder(context, aggregate, rootType);
                _mapping.ReadShadowState(context.Entry(aggregate), aggregate);
            }

            return results;
        }
    }

    /// <summary>
    /// The isolation level at which the queries of one load see one snapshot without blocking writers: repeatable
    /// read on PostgreSQL; on SQLite a deferred transaction (which Microsoft.Data.Sqlite opens for read uncommitted,
    /// a level that matters only with a shared cache) reads one snapshot of the write-ahead log; repeatable read
    /// elsewhere.
    /// </summary>
    private static IsolationLevel ReadSnapshotIsolation(DbContext context) =>
        string.Equals(context.Database.ProviderName, "Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal)
            ? IsolationLevel.ReadUncommitted
            : IsolationLevel.RepeatableRead;

    /// <summary>
    /// Puts the rows of every child table back in the order of their lists, by their <c>position</c> column: a
    /// database returns the rows of a join in no particular order (PostgreSQL's hash joins reorder them), so the order
    /// the lists had when saved is restored here, at every depth.
    /// </summary>
    private static void RestoreListOrder(DbContext context, object owner, IEntityType ownerType)
    {
        foreach (var navigation in ownerType.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var value = navigation.GetGetter().GetClrValue(owner);
            if (value is null)
            {
                continue;
            }

            if (!navigation.IsCollection)
            {
                RestoreListOrder(context, value, navigation.TargetEntityType);
                continue;
            }

            var list = (System.Collections.IList)value;
            var ordered = list.Cast<object>()
                .OrderBy(item => (int)context.Entry(item).Property(AggregateMapping<TAggregate, TId>.PositionColumn).CurrentValue!)
                .ToList();
            list.Clear();
            foreach (var item in ordered)
            {
                list.Add(item);
                RestoreListOrder(context, item, navigation.TargetEntityType);
            }
        }
    }

    /// <summary>Builds the predicate <c>a =&gt; a.Id == id</c>, with the id as a query parameter.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The predicate.</returns>
    protected static Expression<Func<TAggregate, bool>> ById(TId id)
    {
        var aggregate = Expression.Parameter(typeof(TAggregate), "a");
        var holder = new IdHolder(id);
        var body = Expression.Equal(
            Expression.Property(aggregate, nameof(AggregateRoot<TId>.Id)),
            Expression.Property(Expression.Constant(holder), nameof(IdHolder.Value)));
        return Expression.Lambda<Func<TAggregate, bool>>(body, aggregate);
    }

    private async Task<DbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        await _dependencies.Contexts.CreateDbContextAsync(_dependencies.Organisation.CurrentOrganisationId, cancellationToken).ConfigureAwait(false);

    private async Task SaveAsync(TAggregate aggregate, bool isNew, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var organisationId = _dependencies.Organisation.CurrentOrganisationId;
        if (aggregate.OrganisationId != organisationId)
        {
            throw new StoreOperationException(StorageErrorCodes.OrganisationMismatch, $"{AggregateName} {aggregate.Id.Value} belongs to organisation {aggregate.OrganisationId}, not to the current organisation {organisationId}: a store saves only the current organisation's data.");
        }

        if (isNew && aggregate.Version != 0)
        {
            throw new StoreOperationException(StorageErrorCodes.NotNew, $"{AggregateName} {aggregate.Id.Value} has version {aggregate.Version}, so it is already stored: use UpdateAsync to save its changes.");
        }

        var expectedVersion = aggregate.Version;
        var newVersion = expectedVersion + 1;

        // Work on a copy: the caller's aggregate changes (version, pending events) only once the save has committed.
        var copy = DeepCopier.Copy(aggregate);
        var events = aggregate.PendingEvents.ToList();
        var outbox = new List<OutboxRecord>(events.Count);

        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // A new aggregate needs no check before the insert: a stored id fails it (see the catch below).
                if (!isNew)
                {
                    await ClaimVersionAsync(context, aggregate.Id, expectedVersion, newVersion, cancellationToken).ConfigureAwait(false);
                    await DeleteChildRowsAsync(context, aggregate.Id, cancellationToken).ConfigureAwait(false);
                }

                Track(context, copy, isNew, newVersion);
                foreach (var domainEvent in events)
                {
                    var record = new OutboxRecord
                    {
                        OrganisationId = organisationId,
                        AggregateType = AggregateName,
                        AggregateId = aggregate.Id.Value,
                        AggregateVersion = newVersion,
                        EventType = EventSerializer.TypeName(domainEvent.GetType()),
                        Payload = EventSerializer.Serialize(domainEvent),
                        OccurredAt = domainEvent.OccurredAt,
                    };
                    outbox.Add(record);
                    context.Add(record);
                }

                try
                {
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateConcurrencyException ex)
                {
                    throw new ConcurrencyConflictException(AggregateName, aggregate.Id.Value, expectedVersion, null, ex);
                }
                catch (DbUpdateException) when (isNew)
                {
                    // The insert failed: most likely the id is already stored (by this or another organisation).
                    if (await ExistsAnywhereAsync(aggregate.Id, cancellationToken).ConfigureAwait(false))
                    {
                        throw AlreadyExists(aggregate);
                    }

                    throw;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        AggregateStoreSupport.MarkSaved(aggregate, newVersion);
        await _dependencies.Outbox.DispatchAsync([.. outbox.Select((r, i) => (r.Sequence, events[i]))], cancellationToken).ConfigureAwait(false);
    }

    private static StoreOperationException AlreadyExists(TAggregate aggregate) =>
        new(StorageErrorCodes.AlreadyExists, $"{AggregateName} {aggregate.Id.Value} is already stored: use UpdateAsync to save changes, or create the new record with a new id.");

    /// <summary>
    /// The optimistic-concurrency guard: moves the stored version from <paramref name="expectedVersion"/> to
    /// <paramref name="newVersion"/>, which also locks the row until commit. Zero rows means the aggregate is missing
    /// (or another organisation's) or someone else saved it first.
    /// </summary>
    private static async Task ClaimVersionAsync(DbContext context, TId id, long expectedVersion, long newVersion, CancellationToken cancellationToken)
    {
        var claimed = await context.Set<TAggregate>()
            .Where(ById(id))
            .Where(a => a.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, newVersion), cancellationToken)
            .ConfigureAwait(false);
        if (claimed == 1)
        {
            return;
        }

        var stored = await context.Set<TAggregate>().Where(ById(id)).Select(a => (long?)a.Version).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            throw new StoreOperationException(StorageErrorCodes.NotFound, $"{AggregateName} {id.Value} is not stored: add it with AddAsync first.");
        }

        throw new ConcurrencyConflictException(AggregateName, id.Value, expectedVersion, stored);
    }

    /// <summary>
    /// Deletes the rows of the aggregate's child tables (nested child tables first), which the save then inserts
    /// again from its current lists. Every child table, however deep, holds the aggregate's id in a column of its key.
    /// </summary>
    private static async Task DeleteChildRowsAsync(DbContext context, TId id, CancellationToken cancellationToken)
    {
        var root = context.Model.FindEntityType(typeof(TAggregate))!;
        var sql = context.GetService<ISqlGenerationHelper>();
        foreach (var child in ChildTablesDeepestFirst(root))
        {
            var table = child.GetTableName()!;
            var schema = child.GetSchema();
            var rootKey = RootKeyColumnOf(child);
            var column = rootKey.GetColumnName(StoreObjectIdentifier.Table(table, schema))!;
            var mapping = (Microsoft.EntityFrameworkCore.Storage.RelationalTypeMapping)rootKey.GetTypeMapping();
            DbParameter parameter;
            using (var command = context.Database.GetDbConnection().CreateCommand())
            {
                parameter = mapping.CreateParameter(command, "p0", id, nullable: false);
            }

            var statement = $"DELETE FROM {sql.DelimitIdentifier(table, schema)} WHERE {sql.DelimitIdentifier(column)} = {sql.GenerateParameterNamePlaceholder("p0")}";
            await context.Database.ExecuteSqlRawAsync(statement, [parameter], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The owned types stored in tables of their own (not in their owner's table), children before their parents.</summary>
    private static IEnumerable<IEntityType> ChildTablesDeepestFirst(IEntityType owner)
    {
        foreach (var navigation in owner.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var child = navigation.TargetEntityType;
            foreach (var nested in ChildTablesDeepestFirst(child))
            {
                yield return nested;
            }

            if (!string.Equals(child.GetTableName(), owner.GetTableName(), StringComparison.Ordinal) || child.GetSchema() != owner.GetSchema())
            {
                yield return child;
            }
        }
    }

    /// <summary>The property of an owned type that holds the aggregate's id: the one its ownership key leads back to the root's key with.</summary>
    private static IProperty RootKeyColumnOf(IEntityType owned)
    {
        var ownership = owned.FindOwnership()!;
        for (var i = 0; i < ownership.Properties.Count; i++)
        {
            var principal = ownership.PrincipalKey.Properties[i];
            while (principal.DeclaringType is IEntityType { } principalType && principalType.FindOwnership() is { } parentOwnership)
            {
                var index = IndexOf(parentOwnership.Properties, principal);
                if (index < 0)
                {
                    break;
                }

                principal = parentOwnership.PrincipalKey.Properties[index];
            }

            if (principal.DeclaringType is IEntityType { } rootType && rootType.FindOwnership() is null && principal.IsPrimaryKey())
            {
                return ownership.Properties[i];
            }
        }

        throw new InvalidOperationException($"The child table {owned.GetTableName()} has no column holding the {AggregateName} id in its key: map it with AggregateMapping.OwnChildTable or OwnNestedChildTable.");
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

        return -1;
    }

    /// <summary>
    /// Tracks the copy: the root as added (or modified, at the claimed version) and every child-table row as added,
    /// numbered by its position in its list.
    /// </summary>
    private void Track(DbContext context, TAggregate copy, bool isNew, long newVersion)
    {
        context.ChangeTracker.TrackGraph(copy, node =>
        {
            var entry = node.Entry;
            if (node.InboundNavigation is null)
            {
                entry.State = isNew ? EntityState.Added : EntityState.Modified;
                return;
            }

            if (node.InboundNavigation is INavigation { IsCollection: true } navigation && node.SourceEntry is { } parent)
            {
                var list = (System.Collections.IEnumerable)navigation.GetGetter().GetClrValue(parent.Entity)!;
                var position = 0;
                foreach (var item in list)
                {
                    if (ReferenceEquals(item, entry.Entity))
                    {
                        break;
                    }

                    position++;
                }

                entry.Property(AggregateMapping<TAggregate, TId>.PositionColumn).CurrentValue = position;
            }

            entry.State = EntityState.Added;
        });

        var root = context.Entry(copy);
        var version = root.Property(a => a.Version);
        version.CurrentValue = newVersion;
        if (!isNew)
        {
            // The guard already moved the stored version: the row update checks it is still ours.
            version.OriginalValue = newVersion;
        }

        _mapping.WriteShadowState(copy, root);
    }

    private async Task<bool> ExistsAnywhereAsync(TId id, CancellationToken cancellationToken)
    {
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<TAggregate>().IgnoreQueryFilters().AnyAsync(ById(id), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Holds an id so that queries use it as a parameter rather than a constant.</summary>
    private sealed class IdHolder(TId value)
    {
        public TId Value { get; } = value;
    }
}
