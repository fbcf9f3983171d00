using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// The write path of a large unit of work that only adds (an import): the rows of every tracked addition are
/// inserted with multi-row <c>INSERT ... VALUES (...), (...)</c> statements, one command text per table and chunk size
/// (so SQLite prepares each once), parents before children, instead of one statement per row through
/// <c>SaveChanges</c> (on SQLite, which runs in the process, one prepared statement per row). Values go through the
/// model's type mappings, as <c>SaveChanges</c> would send them; the generated sequences of outbox rows still to be
/// dispatched come back with <c>RETURNING</c>. Commands go straight to the connection, past EF Core's interceptors.
/// </summary>
internal static class BulkInsert
{
    /// <summary>The number of additions from which a unit of work takes this path.</summary>
    internal const int Threshold = 64;

    /// <summary>A bound on the parameters of one statement (SQLite allows 32,766; PostgreSQL 65,535).</summary>
    private const int MaximumParameters = 30_000;

    /// <summary>A bound on the rows of one statement.</summary>
    private const int MaximumRows = 500;

    /// <summary>Inserts every tracked addition and the outbox rows.</summary>
    /// <param name="context">The context tracking the additions, inside its transaction.</param>
    /// <param name="outbox">The outbox rows to insert with them (not tracked: tracking 20,000 of them costs more than writing them).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the model; values are parameters.")]
    internal static async Task ExecuteAsync(DbContext context, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction!.GetDbTransaction();
        var oneRowPerStatement = context.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;

        // Rows by table, merging the entries that share a row (an owned record kept in its owner's row).
        var tables = new Dictionary<ITable, TableRows>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }

            var current = entry.CurrentValues;
            foreach (var mapping in entry.Metadata.GetTableMappings())
            {
                if (!tables.TryGetValue(mapping.Table, out var rows))
                {
                    rows = new TableRows(mapping.Table);
                    tables[mapping.Table] = rows;
                }

                var row = rows.RowFor(entry, mapping, current);
                row.Depth = Math.Max(row.Depth, Depth(entry.Metadata));
                if (entry.Entity is OutboxRecord record)
                {
                    row.Outbox = record;
                }

                foreach (var column in mapping.ColumnMappings)
                {
                    rows.Set(row, column.Column, column.TypeMapping, current[column.Property]);
                }

                foreach (var complex in entry.Metadata.GetComplexProperties())
                {
                    AddComplexValues(entry.ComplexProperty(complex), complex, rows, row);
                }
            }
        }

        AddOutboxRows(context, outbox, tables);

        // Parents before children: roots, then child tables by depth; the outbox has no parent.
        foreach (var rows in tables.Values.OrderBy(t => t.Rows.Min(r => r.Depth)).ThenBy(t => t.Table.Name, StringComparer.Ordinal))
        {
            // Only the outbox rows of events still to dispatch need their generated sequence back.
            var plain = rows.Rows.Where(r => r.Outbox is not { DispatchedAt: null }).ToList();
            var numbered = rows.Rows.Where(r => r.Outbox is { DispatchedAt: null }).ToList();
            await WriteAsync(connection, transaction, sql, rows, plain, returning: false, oneRowPerStatement, cancellationToken).ConfigureAwait(false);
            await WriteAsync(connection, transaction, sql, rows, numbered, returning: true, oneRowPerStatement, cancellationToken).ConfigureAwait(false);
        }

        // The entries stay as they are (added): the context ends with the unit of work, after the rows' snapshot.
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the model; values are parameters.")]
    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, TableRows table, List<Row> rows, bool returning, bool oneRowPerStatement, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = table.UsedColumns();
        var generated = returning ? table.Generated : null;

        // SQLite runs in the process: one prepared statement per row costs no round trip, and its parameter binding
        // looks names up one by one (quadratic in a statement's parameters). A server gets many rows per statement.
        var perStatement = oneRowPerStatement ? 1 : Math.Max(1, Math.Min(MaximumRows, MaximumParameters / Math.Max(1, columns.Count)));
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || count != perStatement)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = InsertText(sql, table.Table, columns, count, generated);
                }

                command.Parameters.Clear();
                var parameter = 0;
                for (var r = start; r < start + count; r++)
                {
                    var row = rows[r];
                    foreach (var (column, index) in columns)
                    {
                        var name = sql.GenerateParameterName("p" + parameter++.ToString(CultureInfo.InvariantCulture));
                        var value = row.Values[index];
                        var typeMapping = row.Mappings[index] ?? (RelationalTypeMapping)column.StoreTypeMapping;
                        command.Parameters.Add(typeMapping.CreateParameter(command, name, value, nullable: column.IsNullable || value is null));
                    }
                }

                if (generated is null)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // The database numbers the rows of one statement in the order they are listed.
                var sequences = new List<long>(count);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        sequences.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
                    }
                }

                sequences.Sort();
                for (var r = 0; r < count && r < sequences.Count; r++)
                {
                    rows[start + r].Outbox!.Sequence = sequences[r];
                }
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds the outbox rows, read straight from their records through the outbox table's mapping.</summary>
    private static void AddOutboxRows(DbContext context, IReadOnlyList<OutboxRecord> outbox, Dictionary<ITable, TableRows> tables)
    {
        if (outbox.Count == 0)
        {
            return;
        }

        var type = context.Model.FindEntityType(typeof(OutboxRecord))!;
        var mapping = type.GetTableMappings().Single();
        var rows = new TableRows(mapping.Table);
        tables[mapping.Table] = rows;
        var columns = mapping.ColumnMappings.Select(c => (c.Column, c.TypeMapping, Getter: c.Property.GetGetter())).ToList();
        foreach (var record in outbox)
        {
            var row = rows.AddRow();
            row.Outbox = record;
            foreach (var (column, typeMapping, getter) in columns)
            {
                rows.Set(row, column, typeMapping, getter.GetClrValue(record));
            }
        }
    }

    /// <summary>Adds the columns of a complex property (a value record kept in the row's own columns), nested ones too.</summary>
    private static void AddComplexValues(ComplexPropertyEntry entry, IComplexProperty complex, TableRows rows, Row row)
    {
        var value = entry.CurrentValue;
        foreach (var mapping in complex.ComplexType.GetTableMappings())
        {
            if (mapping.Table != rows.Table)
            {
                continue;
            }

            foreach (var column in mapping.ColumnMappings)
            {
                rows.Set(row, column.Column, column.TypeMapping, value is null ? null : entry.Property(column.Property).CurrentValue);
            }
        }

        foreach (var nested in complex.ComplexType.GetComplexProperties())
        {
            AddComplexValues(entry.ComplexProperty(nested), nested, rows, row);
        }
    }

    private static string InsertText(ISqlGenerationHelper sql, ITable table, List<(IColumn Column, int Index)> columns, int rows, IColumn? generated)
    {
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Column.Name))).Append(") VALUES ");
        var parameter = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(sql.GenerateParameterNamePlaceholder("p" + parameter++.ToString(CultureInfo.InvariantCulture)));
            }

            text.Append(')');
        }

        if (generated is not null)
        {
            text.Append(" RETURNING ").Append(sql.DelimitIdentifier(generated.Name));
        }

        return text.ToString();
    }

    private static int Depth(IEntityType type)
    {
        var depth = 0;
        for (var current = type.FindOwnership(); current is not null; current = current.PrincipalEntityType.FindOwnership())
        {
            depth++;
        }

        return depth;
    }

    private static bool IsGenerated(IColumn column) =>
        column.PropertyMappings.Any(m => m.Property.ValueGenerated != ValueGenerated.Never && m.Property.IsPrimaryKey());

    /// <summary>The rows to insert into one table, each an array of values in the order of the table's columns.</summary>
    private sealed class TableRows
    {
        private readonly Dictionary<IColumn, int> _index = [];
        private readonly Dictionary<string, Row> _byKey = new(StringComparer.Ordinal);
        private readonly IColumn[] _columns;
        private readonly bool[] _used;

        internal TableRows(ITable table)
        {
            Table = table;
            _columns = [.. table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal)];
            _used = new bool[_columns.Length];
            for (var i = 0; i < _columns.Length; i++)
            {
                _index[_columns[i]] = i;
            }

            Generated = _columns.FirstOrDefault(IsGenerated);
        }

        internal ITable Table { get; }

        /// <summary>Gets the column the database numbers (the outbox's sequence), if any.</summary>
        internal IColumn? Generated { get; }

        internal List<Row> Rows { get; } = [];

        /// <summary>The row an entry's values go to: a new one, or the row of the entry whose row it shares.</summary>
        internal Row RowFor(EntityEntry entry, ITableMapping mapping, PropertyValues current)
        {
            var key = Table.PrimaryKey;
            if (key is null || Generated is not null)
            {
                return Add(new Row(_columns.Length));
            }

            var identity = string.Join('\u001f', key.Columns.Select(c => current[mapping.ColumnMappings.First(m => m.Column == c).Property]?.ToString()));
            if (_byKey.TryGetValue(identity, out var row))
            {
                return row;
            }

            row = Add(new Row(_columns.Length));
            _byKey[identity] = row;
            return row;
        }

        internal void Set(Row row, IColumn column, RelationalTypeMapping mapping, object? value)
        {
            if (IsGenerated(column))
            {
                return;
            }

            var i = _index[column];
            row.Values[i] = value;
            row.Mappings[i] = mapping;
            _used[i] = true;
        }

        internal List<(IColumn Column, int Index)> UsedColumns() => [.. _columns.Select((c, i) => (c, i)).Where(c => _used[c.i])];

        internal Row AddRow() => Add(new Row(_columns.Length));

        private Row Add(Row row)
        {
            Rows.Add(row);
            return row;
        }
    }

    /// <summary>One row to insert: its values and their type mappings by column, the depth of the deepest record it holds, and the outbox record it is, if any.</summary>
    private sealed class Row(int columns)
    {
        internal object?[] Values { get; } = new object?[columns];

        internal RelationalTypeMapping?[] Mappings { get; } = new RelationalTypeMapping?[columns];

        internal int Depth { get; set; }

        internal OutboxRecord? Outbox { get; set; }
    }
}
