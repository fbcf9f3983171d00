using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>
/// Deletes the child rows a save removes (the rows past the end of a shortened list, or replaced), inside the unit of
/// work's transaction and before the rest of the save: one statement per row, deepest rows first, in key order so that
/// two transactions never take the same rows' locks in opposite orders. A record kept in its parent's row (an owned
/// reference sharing the table) is cleared by setting its columns to null rather than deleting the row.
/// </summary>
internal static class RowDeletes
{
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Identifiers come from the model; values are parameters.")]
    internal static async Task ExecuteAsync(DbContext context, IReadOnlyCollection<RowKey> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var gone = rows.ToHashSet();
        var sql = context.GetService<ISqlGenerationHelper>();
        var ordered = rows
            .OrderByDescending(r => r.Values.Length)
            .ThenBy(r => r.Type.GetTableName(), StringComparer.Ordinal)
            .ThenBy(r => string.Join('|', r.Values), StringComparer.Ordinal);
        foreach (var row in ordered)
        {
            var type = row.Type;
            var table = type.GetTableName()!;
            var schema = type.GetSchema();
            var storeObject = StoreObjectIdentifier.Table(table, schema);
            var key = type.FindPrimaryKey()!.Properties;
            var ownership = type.FindOwnership();
            var sharesParentRow = ownership is not null
                && string.Equals(ownership.PrincipalEntityType.GetTableName(), table, StringComparison.Ordinal)
                && ownership.PrincipalEntityType.GetSchema() == schema;
            if (sharesParentRow && gone.Contains(new RowKey(ownership!.PrincipalEntityType, row.Values)))
            {
                // The parent's row goes too.
                continue;
            }

            var parameters = new List<DbParameter>();
            var text = new StringBuilder();
            using (var command = context.Database.GetDbConnection().CreateCommand())
            {
                if (sharesParentRow)
                {
                    var columns = type.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => sql.DelimitIdentifier(p.GetColumnName(storeObject)!) + " = NULL");
                    text.Append("UPDATE ").Append(sql.DelimitIdentifier(table, schema)).Append(" SET ").Append(string.Join(", ", columns));
                }
                else
                {
                    text.Append("DELETE FROM ").Append(sql.DelimitIdentifier(table, schema));
                }

                text.Append(" WHERE ");
                for (var i = 0; i < key.Count; i++)
                {
                    var name = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var mapping = (RelationalTypeMapping)key[i].GetTypeMapping();
                    parameters.Add(mapping.CreateParameter(command, name, row.Values[i], nullable: false));
                    text.Append(i == 0 ? string.Empty : " AND ").Append(sql.DelimitIdentifier(key[i].GetColumnName(storeObject)!)).Append(" = ").Append(sql.GenerateParameterNamePlaceholder(name));
                }
            }

            await context.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken).ConfigureAwait(false);
        }
    }
}
