using System.Data;
using System.Linq.Expressions;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// Base of the Entity Framework Core stores. Every operation uses its own short-lived context and, for writes, its
/// own transaction; loaded aggregates are detached copies, and saving works on a copy of the caller's aggregate, so
/// no change tracking leaks between calls.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
/// <remarks>
/// Additions and updates are units of work of one change (see <see cref="IUnitOfWork"/>).
/// </remarks>
internal abstract class EntityFrameworkAggregateStore<TAggregate, TId> : IAggregateStore<TAggregate, TId>
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
        return _dependencies.UnitOfWork.SaveAsync([AggregateChange.Add(aggregate)], cancellationToken);
    }

    /// <inheritdoc />
    public Task UpdateAsync(TAggregate aggregate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return _dependencies.UnitOfWork.SaveAsync([AggregateChange.Update(aggregate)], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Page<TAggregate>> ListPageAsync(PageRequest page, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            // The count and the page read one snapshot: ORDER BY id, OFFSET and LIMIT run in the database, and the
            // organisation filter applies to both.
            var snapshot = await context.Database.BeginTransactionAsync(ReadSnapshotIsolation(context), cancellationToken).ConfigureAwait(false);
            await using (snapshot.ConfigureAwait(false))
            {
                var total = await context.Set<TAggregate>().CountAsync(cancellationToken).ConfigureAwait(false);
                var items = total <= page.Offset
                    ? []
                    : await LoadAsync(
                        context,
                        q => (page.Order == ListOrder.NewestFirst ? q.OrderByDescending(a => a.Id) : q.OrderBy(a => a.Id)).Skip(page.Offset).Take(page.Size),
                        inSnapshot: true,
                        cancellationToken).ConfigureAwait(false);
                return new Page<TAggregate>(items, total, page);
            }
        }
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
            return await LoadAsync(context, query, inSnapshot: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads the aggregates a query selects into <paramref name="context"/> and returns them detached from any later use of it.</summary>
    private async Task<List<TAggregate>> LoadAsync(DbContext context, Func<IQueryable<TAggregate>, IQueryable<TAggregate>> query, bool inSnapshot, CancellationToken cancellationToken)
    {
        // Tracked while loading so that shadow state can be read back; the context (and its tracking) ends with the caller.
        // Nothing is changed while tracked, so entries need not be compared with their snapshots on every access.
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        var aggregates = context.Set<TAggregate>().AsTracking();
        List<TAggregate> results;
        if (_mapping.LoadsChildTablesSeparately && !inSnapshot)
        {
            var snapshot = await context.Database.BeginTransactionAsync(ReadSnapshotIsolation(context), cancellationToken).ConfigureAwait(false);
            await using (snapshot.ConfigureAwait(false))
            {
                results = await query(aggregates.AsSplitQuery()).ToListAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            results = await query(_mapping.LoadsChildTablesSeparately ? aggregates.AsSplitQuery() : aggregates).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var rootType = context.Model.FindEntityType(typeof(TAggregate))!;
        foreach (var aggregate in results)
        {
            RestoreListOrder(context, aggregate, rootType);
            _mapping.ReadShadowState(context.Entry(aggregate), aggregate);
        }

        // The rows each aggregate was loaded with: a later save of it writes only the rows that differ.
        var rows = RowSnapshots.Capture(context);
        foreach (var aggregate in results)
        {
            RowSnapshots.Remember(aggregate, new RowSnapshot(_dependencies.Contexts, aggregate.Version, rows.GetValueOrDefault(aggregate.Id) ?? []));
        }

        return results;
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
    protected static Expression<Func<TAggregate, bool>> ById(TId id) => AggregateWriter<TAggregate, TId>.ById(id);

    private async Task<DbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        await _dependencies.Contexts.CreateDbContextAsync(_dependencies.Organisation.CurrentOrganisationId, cancellationToken).ConfigureAwait(false);
}
