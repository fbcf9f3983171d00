using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>What every aggregate mapping offers the stores, whatever its aggregate type.</summary>
internal interface IAggregateMapping
{
    /// <summary>Gets the aggregate type mapped.</summary>
    Type AggregateType { get; }

    /// <summary>Applies the mapping to a model.</summary>
    void Apply(ModelBuilder modelBuilder);
}

/// <summary>
/// The mapping of one aggregate to tables: its root table (with the id, organisation and version columns every
/// aggregate has), its child tables and columns. Adding an aggregate to relational storage takes one mapping class
/// derived from this one and one store class derived from <c>EntityFrameworkAggregateStore</c>, each listed once in
/// <c>EntityFrameworkCoreStores</c>.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TId">Its typed id.</typeparam>
/// <remarks>
/// Conventions applied to every mapped aggregate by <see cref="CoProductionModelBuilderExtensions.UseCoProduction{TContext}"/>:
/// snake_case table and column names, typed ids stored as their <see cref="Guid"/>, enums stored as their names,
/// <see cref="DateTimeOffset"/> values stored in UTC, an organisation query filter, and a unique index over the
/// organisation and the properties of each of the aggregate's <see cref="UniqueRules"/>.
/// Value records belong in complex properties (columns of the root table); lists of value records in
/// <see cref="OwnChildTable{TChild}"/> child tables (and lists held by those records in
/// <see cref="OwnNestedChildTable{TOwner, TParent, TChild}"/> tables); only small lists of primitives in JSON or array
/// columns.
/// </remarks>
internal abstract class AggregateMapping<TAggregate, TId> : IAggregateMapping
    where TAggregate : AggregateRoot<TId>
    where TId : struct, ITypedId<TId>
{
    /// <summary>The name of the shadow column that keeps the order of rows in a child table.</summary>
    public const string PositionColumn = "position";

    /// <summary>
    /// The annotation that marks a string property as holding JSON: <c>jsonb</c> on PostgreSQL, text elsewhere.
    /// </summary>
    public const string JsonColumnAnnotation = MappingAnnotations.Json;

    /// <summary>Gets the aggregate type mapped.</summary>
    public Type AggregateType => typeof(TAggregate);

    /// <summary>Gets the name of the aggregate's root table, such as <c>participants</c>.</summary>
    protected abstract string TableName { get; }

    /// <summary>
    /// Gets whether the aggregate is loaded with one query per child table (in one read transaction, so that they
    /// see the same snapshot) rather than one query joining them all. On by default: an aggregate with several
    /// sibling lists (a cohort's sessions, teams and register) would otherwise come back as the product of the
    /// lists' lengths in rows.
    /// </summary>
    internal virtual bool LoadsChildTablesSeparately => true;

    /// <inheritdoc />
    void IAggregateMapping.Apply(ModelBuilder modelBuilder)
    {
        var builder = modelBuilder.Entity<TAggregate>();
        builder.ToTable(TableName);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OrganisationId).IsRequired();
        builder.HasIndex(a => a.OrganisationId);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.PendingEvents);
        Configure(builder);

        // The rules that say "one" are unique indexes over the organisation and the rule's properties; the unit of
        // work turns a violation into the rule's coded refusal.
        foreach (var rule in UniqueRules.For(typeof(TAggregate)))
        {
            builder.HasIndex([nameof(IAggregateRoot.OrganisationId), .. rule.PropertyNames]).IsUnique();
        }
    }

    /// <summary>Maps what is particular to the aggregate: its columns, complex properties and child tables.</summary>
    /// <param name="builder">The builder of the aggregate's root entity.</param>
    protected abstract void Configure(EntityTypeBuilder<TAggregate> builder);

    /// <summary>
    /// Copies state the model cannot reach directly (such as a private read-only collection of primitives) from the
    /// aggregate into shadow properties, before it is saved.
    /// </summary>
    /// <param name="aggregate">The aggregate being saved.</param>
    /// <param name="entry">Its change-tracking entry.</param>
    protected internal virtual void WriteShadowState(TAggregate aggregate, EntityEntry<TAggregate> entry)
    {
    }

    /// <summary>Copies shadow properties back into a loaded aggregate: the reverse of <see cref="WriteShadowState"/>.</summary>
    /// <param name="entry">The loaded aggregate's change-tracking entry.</param>
    /// <param name="aggregate">The loaded aggregate.</param>
    protected internal virtual void ReadShadowState(EntityEntry<TAggregate> entry, TAggregate aggregate)
    {
    }

    /// <summary>
    /// Maps a list of value records to a child table keyed by the aggregate's id and the record's position in the
    /// list (a shadow <see cref="PositionColumn"/> column), so that the order survives a round trip.
    /// </summary>
    /// <typeparam name="TChild">The record type.</typeparam>
    /// <param name="builder">The builder of the aggregate's root entity.</param>
    /// <param name="navigation">The list, such as <c>p =&gt; p.Consents</c>.</param>
    /// <param name="tableName">The child table, such as <c>participant_consents</c>.</param>
    /// <param name="ownerColumn">The column that holds the aggregate's id, such as <c>participant_id</c>.</param>
    /// <param name="configure">Maps the record's columns.</param>
    protected static void OwnChildTable<TChild>(
        EntityTypeBuilder<TAggregate> builder,
        System.Linq.Expressions.Expression<Func<TAggregate, IEnumerable<TChild>?>> navigation,
        string tableName,
        string ownerColumn,
        Action<OwnedNavigationBuilder<TAggregate, TChild>> configure)
        where TChild : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.OwnsMany(navigation, child =>
        {
            child.ToTable(tableName);
            child.WithOwner().HasForeignKey(ownerColumn);
            child.Property<int>(PositionColumn).ValueGeneratedNever();
            child.HasKey(ownerColumn, PositionColumn);
            configure(child);
        });
        builder.Navigation(navigation!).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    /// <summary>
    /// Maps a list held by a child-table row (such as the modules of a curriculum version) to a child table of that
    /// child table, keyed by the aggregate's id, the parent row's position and the record's own position.
    /// </summary>
    /// <typeparam name="TParent">The parent row's type, itself mapped with <see cref="OwnChildTable{TChild}"/>.</typeparam>
    /// <typeparam name="TChild">The record type.</typeparam>
    /// <param name="parent">The builder of the parent row.</param>
    /// <param name="navigation">The list, such as <c>v =&gt; v.Modules</c>.</param>
    /// <param name="tableName">The child table, such as <c>programme_curriculum_modules</c>.</param>
    /// <param name="ownerColumn">The column that holds the aggregate's id, as in the parent's table, such as <c>programme_id</c>.</param>
    /// <param name="parentPositionColumn">The column that holds the parent row's position, such as <c>version_position</c>.</param>
    /// <param name="configure">Maps the record's columns.</param>
    protected static void OwnNestedChildTable<TParent, TChild>(
        OwnedNavigationBuilder<TAggregate, TParent> parent,
        System.Linq.Expressions.Expression<Func<TParent, IEnumerable<TChild>?>> navigation,
        string tableName,
        string ownerColumn,
        string parentPositionColumn,
        Action<OwnedNavigationBuilder<TParent, TChild>> configure)
        where TParent : class
        where TChild : class
        => OwnNestedChildTable<TAggregate, TParent, TChild>(parent, navigation, tableName, [ownerColumn, parentPositionColumn], configure);

    /// <summary>
    /// Maps a list of records held by a child record (itself in a child table) to a table of its own, keyed by the
    /// parent row's key and the record's position in the list, so that, for example, the actions of a submission's
    /// second round are the rows of <c>review_submission_round_actions</c> with <c>review_submission_id</c> = the
    /// submission and <c>round_position</c> = 1, in <see cref="PositionColumn"/> order.
    /// </summary>
    /// <typeparam name="TOwner">The type that holds the parent record.</typeparam>
    /// <typeparam name="TParent">The parent record's type.</typeparam>
    /// <typeparam name="TChild">The record type.</typeparam>
    /// <param name="parent">The builder of the parent record.</param>
    /// <param name="navigation">The parent's list, such as <c>r =&gt; r.Actions</c>.</param>
    /// <param name="tableName">The child table, such as <c>review_submission_round_actions</c>.</param>
    /// <param name="parentKeyColumns">
    /// The columns that hold the parent row's key, in the order of that key: the aggregate's id column first, such as
    /// <c>["review_submission_id", "round_position"]</c>.
    /// </param>
    /// <param name="configure">Maps the record's columns.</param>
    protected static void OwnNestedChildTable<TOwner, TParent, TChild>(
        OwnedNavigationBuilder<TOwner, TParent> parent,
        System.Linq.Expressions.Expression<Func<TParent, IEnumerable<TChild>?>> navigation,
        string tableName,
        IReadOnlyList<string> parentKeyColumns,
        Action<OwnedNavigationBuilder<TParent, TChild>> configure)
        where TOwner : class
        where TParent : class
        where TChild : class
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(parentKeyColumns);
        ArgumentNullException.ThrowIfNull(configure);
        parent.OwnsMany(navigation, child =>
        {
            child.ToTable(tableName);
            child.WithOwner().HasForeignKey([.. parentKeyColumns]);
            child.Property<int>(PositionColumn).ValueGeneratedNever();
            child.HasKey([.. parentKeyColumns, PositionColumn]);
            configure(child);
        });
        parent.Navigation(navigation!).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
