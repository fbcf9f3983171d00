using System.Data.Common;
using System.Linq.Expressions;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using CoProduction.Storage.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>Writes the aggregates of one type into a unit of work's context, whatever their id type.</summary>
internal interface IAggregateWriter
{
    /// <summary>
    /// Stages one change in <paramref name="context"/>, inside its open transaction: for an update, claims the version
    /// (which locks the root row until commit) and deletes the child-table rows; then tracks a copy of the aggregate to
    /// be inserted (or its root updated) by the next <c>SaveChanges</c>.
    /// </summary>
    Task StageAsync(DbContext context, IAggregateRoot aggregate, AggregateChangeKind kind, long newVersion, CancellationToken cancellationToken);

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
/// The write path of one aggregate type. An update runs, inside the unit of work's transaction:
/// <c>UPDATE root SET version = expected + 1 WHERE id = @id AND version = @expected</c> (zero rows means someone else
/// saved first: <see cref="ConcurrencyConflictException"/>); then the aggregate's child-table rows are replaced and its
/// root row written.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
internal sealed class AggregateWriter<TAggregate, TId> : IAggregateWriter
    where TAggregate : AggregateRoot<TId>
    where TId : struct, ITypedId<TId>
{
    private readonly AggregateMapping<TAggregate, TId> _mapping = EntityFrameworkCoreStores.MappingFor<TAggregate, TId>();

    private static string AggregateName => typeof(TAggregate).Name;

    public async Task StageAsync(DbContext context, IAggregateRoot aggregate, AggregateChangeKind kind, long newVersion, CancellationToken cancellationToken)
    {
        var typed = (TAggregate)aggregate;
        var isNew = kind == AggregateChangeKind.Add;
        if (!isNew)
        {
            await ClaimVersionAsync(context, typed.Id, typed.Version, newVersion, cancellationToken).ConfigureAwait(false);
            await DeleteChildRowsAsync(context, typed.Id, cancellationToken).ConfigureAwait(false);
        }

        // Work on a copy: the caller's aggregate changes (version, pending events) only once the save has committed.
        Track(context, DeepCopier.Copy(typed), isNew, newVersion);
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

    /// <summary>Holds an id so that queries use it as a parameter rather than a constant.</summary>
    private sealed class IdHolder(TId value)
    {
        public TId Value { get; } = value;
    }
}
