using System.Linq.Expressions;
using System.Reflection;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduction;

/// <summary>Puts the library's tables into an EF Core model.</summary>
public static class CoProductionModelBuilderExtensions
{
    /// <summary>The name of the query filter that hides other organisations' rows.</summary>
    public const string OrganisationFilterName = "CoProduction.Organisation";

    private const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Adds the library's tables to a model: one root table per aggregate (<c>participants</c>, ...), child tables
    /// for lists of records (<c>participant_consents</c>, ...) and <c>outbox_messages</c>. Names are snake_case, typed
    /// ids are stored as their GUID, enums as their names and dates in UTC. A query filter named
    /// <see cref="OrganisationFilterName"/> shows only the rows of <see cref="ICoProductionDbContext.CurrentOrganisationId"/>.
    /// </summary>
    /// <typeparam name="TContext">The context being built.</typeparam>
    /// <param name="modelBuilder">The model builder passed to <c>OnModelCreating</c>.</param>
    /// <param name="context">The context itself (<see langword="this"/>), whose current organisation the filter reads.</param>
    /// <returns>The model builder, for chaining.</returns>
    /// <example><code>
    /// protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.UseCoProduction(this);
    /// </code></example>
    public static ModelBuilder UseCoProduction<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, ICoProductionDbContext
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(context);

        foreach (var mapping in EntityFrameworkCoreStores.Mappings)
        {
            mapping.Apply(modelBuilder);
        }

        var jsonb = string.Equals(context.Database.ProviderName, NpgsqlProviderName, StringComparison.Ordinal);
        OutboxMapping.Apply(modelBuilder, jsonb);

        var roots = EntityFrameworkCoreStores.Mappings.Select(m => m.AggregateType).Append(typeof(OutboxRecord)).ToList();
        var ours = new List<IMutableEntityType>();
        foreach (var root in roots)
        {
            CollectOwned(modelBuilder.Model.FindEntityType(root)!, ours);
        }

        foreach (var entityType in ours)
        {
            ApplyValueConventions(entityType);
        }

        foreach (var entityType in ours)
        {
            ApplySnakeCaseNames(entityType);
            foreach (var property in entityType.GetDeclaredProperties().Where(p => jsonb && p.FindAnnotation(MappingAnnotations.Json) is not null))
            {
                property.SetColumnType("jsonb");
            }
        }

        foreach (var root in roots)
        {
            modelBuilder.Entity(root).HasQueryFilter(OrganisationFilterName, OrganisationFilter(root, context));
        }

        return modelBuilder;
    }

    private static void CollectOwned(IMutableEntityType entityType, List<IMutableEntityType> into)
    {
        into.Add(entityType);
        foreach (var navigation in entityType.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            CollectOwned(navigation.TargetEntityType, into);
        }
    }

    /// <summary><c>row =&gt; row.OrganisationId == context.CurrentOrganisationId</c>, read from the context running the query.</summary>
    private static LambdaExpression OrganisationFilter<TContext>(Type rowType, TContext context)
        where TContext : DbContext, ICoProductionDbContext
    {
        var row = Expression.Parameter(rowType, "row");
        var current = Expression.Property(
            Expression.Constant(context, typeof(TContext)),
            typeof(ICoProductionDbContext).GetProperty(nameof(ICoProductionDbContext.CurrentOrganisationId))!);
        return Expression.Lambda(Expression.Equal(Expression.Property(row, nameof(IAggregateRoot.OrganisationId)), current), row);
    }

    /// <summary>Typed ids as GUIDs, enums as names, <see cref="DateTimeOffset"/> in UTC: for the type and its complex properties.</summary>
    private static void ApplyValueConventions(IMutableTypeBase type)
    {
        AddTypedIdProperties(type);
        foreach (var property in type.GetDeclaredProperties())
        {
            var clrType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (property.GetValueConverter() is not null)
            {
                continue;
            }

            if (TypedIdOf(clrType) is { } idType)
            {
                property.SetValueConverter((ValueConverter)Activator.CreateInstance(typeof(TypedIdValueConverter<>).MakeGenericType(idType))!);
            }
            else if (clrType.IsEnum)
            {
                property.SetValueConverter((ValueConverter)Activator.CreateInstance(typeof(EnumToStringConverter<>).MakeGenericType(clrType), [null])!);
                if (property.GetMaxLength() is null)
                {
                    property.SetMaxLength(50);
                }
            }
            else if (clrType == typeof(DateTimeOffset))
            {
                property.SetValueConverter(UtcDateTimeOffsetConverter.Instance);
            }
        }

        foreach (var complex in type.GetDeclaredComplexProperties())
        {
            ApplyValueConventions(complex.ComplexType);
        }
    }

    /// <summary>Adds the typed-id properties of the CLR type that the model did not discover (it cannot map them without a converter).</summary>
    private static void AddTypedIdProperties(IMutableTypeBase type)
    {
        if (type.ClrType == typeof(Dictionary<string, object>))
        {
            return;
        }

        for (var clr = type.ClrType; clr is not null && clr != typeof(object); clr = clr.BaseType)
        {
            foreach (var member in clr.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                var memberType = Nullable.GetUnderlyingType(member.PropertyType) ?? member.PropertyType;
                if (TypedIdOf(memberType) is null || member.GetIndexParameters().Length > 0 || type.FindProperty(member.Name) is not null
                    || (type is IMutableEntityType entity && entity.IsIgnored(member.Name)) || !IsWritable(member))
                {
                    continue;
                }

                type.AddProperty(member);
            }
        }
    }

    private static bool IsWritable(PropertyInfo property) =>
        property.SetMethod is not null
        || property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic) is not null;

    private static Type? TypedIdOf(Type type) =>
        type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITypedId<>) && i.GetGenericArguments()[0] == type)
            ? type
            : null;

    private static void ApplySnakeCaseNames(IMutableEntityType entityType)
    {
        var table = entityType.GetTableName();
        if (table is null)
        {
            return;
        }

        var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        RenameColumns(entityType, storeObject);
        foreach (var key in entityType.GetDeclaredKeys())
        {
            key.SetName(SnakeCase.From(key.GetName()!));
        }

        foreach (var foreignKey in entityType.GetDeclaredForeignKeys())
        {
            foreignKey.SetConstraintName(SnakeCase.From(foreignKey.GetConstraintName()!));
        }

        foreach (var index in entityType.GetDeclaredIndexes())
        {
            index.SetDatabaseName(SnakeCase.From(index.GetDatabaseName()!));
        }
    }

    private static void RenameColumns(IMutableTypeBase type, StoreObjectIdentifier storeObject)
    {
        foreach (var property in type.GetDeclaredProperties())
        {
            if (property.GetColumnName(storeObject) is { } column)
            {
                property.SetColumnName(SnakeCase.From(column));
            }
        }

        foreach (var complex in type.GetDeclaredComplexProperties())
        {
            RenameColumns(complex.ComplexType, storeObject);
        }
    }

    /// <summary>Stores <see cref="DateTimeOffset"/> values in UTC (PostgreSQL's <c>timestamptz</c> accepts nothing else); the instant is unchanged.</summary>
    private sealed class UtcDateTimeOffsetConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
    {
        internal static readonly UtcDateTimeOffsetConverter Instance = new();

        private UtcDateTimeOffsetConverter()
            : base(v => v.ToUniversalTime(), v => v)
        {
        }
    }
}
