using ParameterDirection = System.Data.ParameterDirection;
using System.Globalization;
using System.Text;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// Writes what a unit of work staged (the rows <see cref="AggregateWriter{TAggregate, TId}"/> tracked as added or
/// modified, and the outbox rows) without EF Core's update pipeline (<c>SaveChanges</c>: command batching, topological
/// sort, a modification command and parameter object per row, result propagation, accepting the changes): the
/// statements are built from the model's metadata (tables, columns through the relational model's table mappings,
/// keys, each column's type mapping and value converter, owned records that share their owner's row, complex
/// properties, shadow columns) and sent as one command (split only past a bound on its parameters), through EF
/// Core's relational command, so on the context's connection and transaction and past its interceptors and logging.
/// </summary>
/// <remarks>
/// <para>
/// Order: the updated roots first (each <c>UPDATE ... WHERE id = @id AND version = @expected RETURNING 1</c>: no row
/// back means someone else saved first, and the write stops with a <see cref="DbUpdateConcurrencyException"/> naming
/// that row's entity, as <c>SaveChanges</c> would with a <see cref="DbUpdateConcurrencyException"/>), then the updated child rows (each must find its row), then the inserted
/// rows, parents before children, then the outbox rows (those still to dispatch return their generated sequence).
/// A record that shares its owner's row is written in that row: in its <c>INSERT</c> when the owner's row is new,
/// otherwise by an <c>UPDATE</c> of its columns.
/// </para>
/// <para>
/// A violated constraint (a unique rule, a key already stored) comes back as the provider's <c>DbException</c>, which
/// the unit of work turns into its refusal as before.
/// </para>
/// </remarks>
internal static class DirectWriter
{
    /// <summary>The most parameters one command carries (SQLite binds parameters by name, per statement).</summary>
    private const int SqliteParametersPerCommand = 400;

    /// <summary>The most parameters one command carries on a server (well under PostgreSQL's 65,535).</summary>
    private const int ServerParametersPerCommand = 30_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IModel, bool> SupportedModels = new();

    /// <summary>
    /// Whether the writer can write every type of <paramref name="model"/>: none is kept as JSON in a column (such a
    /// type's values are not columns of their own, and only <c>SaveChanges</c> writes them).
    /// </summary>
    internal static bool Supports(IModel model) => SupportedModels.GetOrAdd(model, static m =>
        m.GetEntityTypes().All(t => !t.IsMappedToJson() && t.GetComplexProperties().All(Supports)));

    private static bool Supports(IComplexProperty complex) =>
        !RelationalTypeBaseExtensions.IsMappedToJson(complex.ComplexType) && complex.ComplexType.GetComplexProperties().All(Supports);

    /// <summary>Writes every tracked added or modified row and the outbox rows, in the context's transaction.</summary>
    /// <param name="context">The unit of work's context, with its transaction begun.</param>
    /// <param name="outbox">The outbox rows to insert (not tracked).</param>
    /// <param name="staged">The child rows staged without tracking, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="RowNotFoundException">An updated row was not found (at its expected version, for a root).</exception>
    internal static async Task ExecuteAsync(DbContext context, IReadOnlyList<OutboxRecord> outbox, StagedRows? staged, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<RowIdentity, Row>();
        var order = new List<Row>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Deleted)
            {
                throw new InvalidOperationException($"A {entry.Metadata.DisplayName()} row is tracked as deleted: rows are deleted before the write (RowDeletes).");
            }

            if (entry.State == EntityState.Detached)
            {
                continue;
            }

            var type = entry.Metadata;
            var shared = SharesOwnerRow(type);
            if (entry.State == EntityState.Unchanged && shared)
            {
                continue;
            }

            PropertyValues? current = null;
            PropertyValues? original = null;
            foreach (var mapping in type.GetTableMappings())
            {
                current ??= entry.CurrentValues;
                var table = mapping.Table;
                var identity = IdentityOf(table, mapping, current);
                if (!rows.TryGetValue(identity, out var row))
                {
                    row = new Row(table, identity);
                    rows[identity] = row;
                    order.Add(row);
                }

                if (!shared)
                {
                    // The row's principal (the entity the row belongs to) decides between INSERT and UPDATE.
                    row.Principal = entry;
                    row.Depth = Depth(type);
                }

                if (entry.State == EntityState.Unchanged)
                {
                    continue;
                }

                row.Entries.Add(entry);
                foreach (var column in mapping.ColumnMappings)
                {
                    var property = column.Property;
                    row.Set(column.Column, column.TypeMapping, current[property]);
                    if (entry.State == EntityState.Modified && property.IsConcurrencyToken)
                    {
                        original ??= entry.OriginalValues;
                        row.Tokens.Add((column.Column, column.TypeMapping, original[property]));
                    }
                }

                foreach (var complex in type.GetComplexProperties())
                {
                    AddComplexValues(entry.ComplexProperty(complex), complex, row);
                }
            }
        }

        var updates = new List<Row>();
        var inserts = new List<Row>();
        foreach (var row in order)
        {
            if (row.Entries.Count == 0)
            {
                continue;
            }

            if (row.Principal is { State: EntityState.Added })
            {
                inserts.Add(row);
            }
            else
            {
                row.Depth = row.Principal is null ? row.Entries.Min(e => Depth(e.Metadata)) : row.Depth;
                updates.Add(row);
            }
        }

        foreach (var stagedRow in staged?.Written ?? [])
        {
            var row = new Row(TableOf(stagedRow.Type), null) { Depth = stagedRow.Depth, Entity = stagedRow.Entity };
            foreach (var (column, mapping, index) in ColumnsOf(stagedRow.Type))
            {
                row.Set(column, mapping, stagedRow.Values[index]);
            }

            (stagedRow.Insert ? inserts : updates).Add(row);
        }

        var statements = new List<Statement>(updates.Count + inserts.Count + outbox.Count);
        // Updated rows lock: every unit of work takes them in one order (depth, table, key), so that two never wait
        // on each other in a cycle.
        foreach (var row in updates.OrderBy(r => r.Depth).ThenBy(r => r.Table.Name, StringComparer.Ordinal).ThenBy(KeyText, StringComparer.Ordinal))
        {
            statements.Add(Statement.Update(row));
        }

        foreach (var row in inserts.OrderBy(r => r.Depth).ThenBy(r => r.Table.Name, StringComparer.Ordinal))
        {
            statements.Add(Statement.Insert(row, returning: null, outbox: null));
        }

        AddOutbox(context, outbox, statements);
        await SendAsync(context, statements, cancellationToken).ConfigureAwait(false);
    }

    private static async Task SendAsync(DbContext context, List<Statement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }

        var sql = context.GetService<ISqlGenerationHelper>();
        var commands = context.GetService<IRelationalCommandBuilderFactory>();
        var connection = context.GetService<IRelationalConnection>();
        var logger = context.GetService<IRelationalCommandDiagnosticsLogger>();
        var perCommand = context.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true ? SqliteParametersPerCommand : ServerParametersPerCommand;
        var start = 0;
        while (start < statements.Count)
        {
            var builder = commands.Create();
            var values = new Dictionary<string, object?>();
            var text = new StringBuilder();
            var end = start;
            var parameters = 0;
            do
            {
                statements[end].AppendTo(text, builder, values, sql, ref parameters);
                end++;
            }
            while (end < statements.Count && parameters + statements[end].ParameterCount <= perCommand);

            builder.Append(text.ToString());
            var command = builder.Build();
            var reader = await command.ExecuteReaderAsync(new RelationalCommandParameterObject(connection, values, null, context, logger, CommandSource.SaveChanges), cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var data = reader.DbDataReader;
                var hasResult = data.FieldCount > 0;
                for (var i = start; i < end; i++)
                {
                    var statement = statements[i];
                    if (!statement.Returns)
                    {
                        continue;
                    }

                    if (!hasResult)
                    {
                        throw new InvalidOperationException($"The database returned fewer results than the statements asked for ({statement.Row.Table.Name}).");
                    }

                    var found = await data.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (statement.Outbox is { } record)
                    {
                        record.Sequence = Convert.ToInt64(data.GetValue(0), CultureInfo.InvariantCulture);
                    }
                    else if (!found)
                    {
                        // The row was not there (or, for a root, not at the version it was loaded at).
                        throw new RowNotFoundException(
                            $"The {statement.Row.Table.Name} row to update was not found{(statement.Row.Tokens.Count > 0 ? " at its expected version" : string.Empty)}: it was changed or removed since it was read.",
                            statement.Row.Entity ?? statement.Row.Entries[0].Entity);
                    }

                    while (await data.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                    }

                    hasResult = await data.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                // Run what follows the last statement that returns rows.
                while (hasResult && await data.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                }
            }

            start = end;
        }
    }

    /// <summary>Adds the outbox rows, read straight from their records through the outbox table's mapping.</summary>
    private static void AddOutbox(DbContext context, IReadOnlyList<OutboxRecord> outbox, List<Statement> statements)
    {
        if (outbox.Count == 0)
        {
            return;
        }

        var type = context.Model.FindEntityType(typeof(OutboxRecord))!;
        var mapping = type.GetTableMappings().Single();
        var columns = OutboxColumns(mapping);
        foreach (var record in outbox)
        {
            var row = new Row(mapping.Table, null);
            foreach (var (column, typeMapping, getter) in columns.Written)
            {
                row.Set(column, typeMapping, getter.GetClrValue(record));
            }

            statements.Add(Statement.Insert(row, record.DispatchedAt is null ? columns.Generated : null, record));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ITableMapping, OutboxColumnSet> OutboxColumnSets = new();

    private static OutboxColumnSet OutboxColumns(ITableMapping mapping) => OutboxColumnSets.GetOrAdd(mapping, static m =>
    {
        var generated = m.ColumnMappings.Where(c => c.Property.ValueGenerated != ValueGenerated.Never && c.Property.IsPrimaryKey()).Select(c => c.Column).FirstOrDefault();
        var written = m.ColumnMappings
            .Where(c => c.Column != generated)
            .Select(c => (c.Column, c.TypeMapping, c.Property.GetGetter()))
            .ToArray();
        return new OutboxColumnSet(written, generated);
    });

    /// <summary>Adds the columns of a complex property (a value record kept in the row's own columns), nested ones too.</summary>
    private static void AddComplexValues(ComplexPropertyEntry entry, IComplexProperty complex, Row row)
    {
        var value = entry.CurrentValue;
        foreach (var mapping in complex.ComplexType.GetTableMappings())
        {
            if (mapping.Table != row.Table)
            {
                continue;
            }

            foreach (var column in mapping.ColumnMappings)
            {
                row.Set(column.Column, column.TypeMapping, value is null ? null : entry.Property(column.Property).CurrentValue);
            }
        }

        foreach (var nested in complex.ComplexType.GetComplexProperties())
        {
            AddComplexValues(entry.ComplexProperty(nested), nested, row);
        }
    }

    /// <summary>The values of a row's key columns, as text: the last part of the order in which updated rows are written.</summary>
    private static string KeyText(Row row)
    {
        var text = new StringBuilder();
        foreach (var key in row.Table.PrimaryKey!.Columns)
        {
            foreach (var (column, _, value) in row.Values)
            {
                if (column == key)
                {
                    text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\u001f');
                    break;
                }
            }
        }

        return text.ToString();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, (IColumn Column, RelationalTypeMapping Mapping, int Index)[]> StagedColumns = new();

    private static ITable TableOf(IEntityType type) => type.GetTableMappings().Single().Table;

    /// <summary>The columns of a staged row's table, each with the index of its property in <see cref="RowSnapshots.PropertiesOf"/>.</summary>
    private static (IColumn Column, RelationalTypeMapping Mapping, int Index)[] ColumnsOf(IEntityType type) => StagedColumns.GetOrAdd(type, static t =>
    {
        var properties = RowSnapshots.PropertiesOf(t);
        return [.. t.GetTableMappings().Single().ColumnMappings.Select(c => (c.Column, c.TypeMapping, Array.IndexOf(properties, c.Property)))];
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, bool> SharedRows = new();

    /// <summary>Whether a type's rows are its owner's rows (an owned record kept in its owner's table).</summary>
    private static bool SharesOwnerRow(IEntityType type) => SharedRows.GetOrAdd(type, static t =>
        t.FindOwnership() is { } ownership
        && string.Equals(ownership.PrincipalEntityType.GetTableName(), t.GetTableName(), StringComparison.Ordinal)
        && ownership.PrincipalEntityType.GetSchema() == t.GetSchema());

    private static int Depth(IEntityType type)
    {
        var depth = 0;
        for (var current = type.FindOwnership(); current is not null; current = current.PrincipalEntityType.FindOwnership())
        {
            depth++;
        }

        return depth;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ITableMapping, IProperty[]> KeyProperties = new();

    private static RowIdentity IdentityOf(ITable table, ITableMapping mapping, PropertyValues current)
    {
        var properties = KeyProperties.GetOrAdd(mapping, static m =>
            [.. m.Table.PrimaryKey!.Columns.Select(c => m.ColumnMappings.First(cm => cm.Column == c).Property)]);
        var values = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            values[i] = current[properties[i]];
        }

        return new RowIdentity(table, values);
    }

    private sealed record OutboxColumnSet((IColumn Column, RelationalTypeMapping TypeMapping, IClrPropertyGetter Getter)[] Written, IColumn? Generated);

    /// <summary>A row of a table, by the values of the table's key.</summary>
    private sealed class RowIdentity : IEquatable<RowIdentity>
    {
        private readonly int _hash;

        internal RowIdentity(ITable table, object?[] values)
        {
            Table = table;
            Values = values;
            var hash = new HashCode();
            hash.Add(table);
            foreach (var value in values)
            {
                hash.Add(value);
            }

            _hash = hash.ToHashCode();
        }

        internal ITable Table { get; }

        internal object?[] Values { get; }

        public bool Equals(RowIdentity? other)
        {
            if (other is null || !ReferenceEquals(Table, other.Table) || Values.Length != other.Values.Length)
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

        public override bool Equals(object? obj) => obj is RowIdentity other && Equals(other);

        public override int GetHashCode() => _hash;
    }

    /// <summary>One row to write: the values of its columns from every entry kept in it, and the tokens its update checks.</summary>
    private sealed class Row(ITable table, RowIdentity? identity)
    {
        internal ITable Table { get; } = table;

        internal RowIdentity? Identity { get; } = identity;

        /// <summary>Gets or sets the object a staged (untracked) row holds.</summary>
        internal object? Entity { get; set; }

        /// <summary>Gets or sets the entry the row belongs to (not a record kept in it), when tracked.</summary>
        internal EntityEntry? Principal { get; set; }

        internal int Depth { get; set; }

        /// <summary>Gets the added or modified entries whose columns are in the row.</summary>
        internal List<EntityEntry> Entries { get; } = [];

        internal List<(IColumn Column, RelationalTypeMapping Mapping, object? Value)> Values { get; } = [];

        internal List<(IColumn Column, RelationalTypeMapping Mapping, object? Value)> Tokens { get; } = [];

        internal void Set(IColumn column, RelationalTypeMapping mapping, object? value)
        {
            for (var i = 0; i < Values.Count; i++)
            {
                if (Values[i].Column == column)
                {
                    Values[i] = (column, mapping, value);
                    return;
                }
            }

            Values.Add((column, mapping, value));
        }
    }

    /// <summary>One statement of the command: an UPDATE or INSERT of a row.</summary>
    private sealed class Statement
    {
        private Statement(Row row, bool isUpdate, IColumn? returning, OutboxRecord? outbox)
        {
            Row = row;
            IsUpdate = isUpdate;
            ReturningColumn = returning;
            Outbox = outbox;
            ParameterCount = isUpdate ? row.Values.Count + row.Tokens.Count : row.Values.Count;
        }

        internal Row Row { get; }

        internal bool IsUpdate { get; }

        internal IColumn? ReturningColumn { get; }

        internal OutboxRecord? Outbox { get; }

        internal int ParameterCount { get; }

        /// <summary>Gets whether the statement returns a row set (every UPDATE, to check it found its row; an INSERT of a generated value).</summary>
        internal bool Returns => IsUpdate || ReturningColumn is not null;

        internal static Statement Update(Row row) => new(row, isUpdate: true, null, null);

        internal static Statement Insert(Row row, IColumn? returning, OutboxRecord? outbox) => new(row, isUpdate: false, returning, outbox);

        internal void AppendTo(StringBuilder text, IRelationalCommandBuilder builder, Dictionary<string, object?> values, ISqlGenerationHelper sql, ref int parameter)
        {
            var table = Row.Table;
            if (IsUpdate)
            {
                var keys = table.PrimaryKey!.Columns;
                text.Append("UPDATE ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" SET ");
                var first = true;
                foreach (var (column, mapping, value) in Row.Values)
                {
                    if (keys.Contains(column))
                    {
                        continue;
                    }

                    text.Append(first ? string.Empty : ", ").Append(sql.DelimitIdentifier(column.Name)).Append(" = ");
                    AddParameter(text, builder, values, sql, column, mapping, value, ref parameter);
                    first = false;
                }

                if (first)
                {
                    // Nothing but key columns: set one to itself, so that the statement still proves the row is there.
                    text.Append(sql.DelimitIdentifier(keys[0].Name)).Append(" = ").Append(sql.DelimitIdentifier(keys[0].Name));
                }

                text.Append(" WHERE ");
                first = true;
                foreach (var key in keys)
                {
                    var (column, mapping, value) = Row.Values.First(v => v.Column == key);
                    text.Append(first ? string.Empty : " AND ").Append(sql.DelimitIdentifier(column.Name)).Append(" = ");
                    AddParameter(text, builder, values, sql, column, mapping, value, ref parameter);
                    first = false;
                }

                foreach (var (column, mapping, value) in Row.Tokens)
                {
                    text.Append(" AND ").Append(sql.DelimitIdentifier(column.Name));
                    if (value is null)
                    {
                        text.Append(" IS NULL");
                        continue;
                    }

                    text.Append(" = ");
                    AddParameter(text, builder, values, sql, column, mapping, value, ref parameter);
                }

                text.Append(" RETURNING 1;\n");
                return;
            }

            text.Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (");
            for (var i = 0; i < Row.Values.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(sql.DelimitIdentifier(Row.Values[i].Column.Name));
            }

            text.Append(") VALUES (");
            for (var i = 0; i < Row.Values.Count; i++)
            {
                var (column, mapping, value) = Row.Values[i];
                text.Append(i == 0 ? string.Empty : ", ");
                AddParameter(text, builder, values, sql, column, mapping, value, ref parameter);
            }

            text.Append(')');
            if (ReturningColumn is not null)
            {
                text.Append(" RETURNING ").Append(sql.DelimitIdentifier(ReturningColumn.Name));
            }

            text.Append(";\n");
        }

        private static void AddParameter(StringBuilder text, IRelationalCommandBuilder builder, Dictionary<string, object?> values, ISqlGenerationHelper sql, IColumn column, RelationalTypeMapping mapping, object? value, ref int parameter)
        {
            var name = "p" + parameter++.ToString(CultureInfo.InvariantCulture);
            builder.AddParameter(name, sql.GenerateParameterName(name), mapping, column.IsNullable || value is null, ParameterDirection.Input);
            values[name] = value;
            text.Append(sql.GenerateParameterNamePlaceholder(name));
        }
    }
}

/// <summary>
/// A row the <see cref="DirectWriter"/> was to update was not found (a root row not at its expected version): the
/// <see cref="DbUpdateConcurrencyException"/> <c>SaveChanges</c> throws, naming the entity whose row it was.
/// </summary>
internal sealed class RowNotFoundException : DbUpdateConcurrencyException
{
    /// <summary>Initialises the exception.</summary>
    /// <param name="message">What was not found.</param>
    /// <param name="entity">The entity whose row it was (an aggregate, for a root row).</param>
    internal RowNotFoundException(string message, object entity)
        : base(message) => Entity = entity;

    /// <summary>Gets the entity whose row was not found.</summary>
    internal object Entity { get; }
}
