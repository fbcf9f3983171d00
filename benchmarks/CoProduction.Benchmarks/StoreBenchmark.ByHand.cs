using System.Data.Common;

namespace CoProduction.Benchmarks;

/// <summary>The hand-written baselines' statements, shared by the aggregates' benchmarks.</summary>
public partial class StoreBenchmark
{
    /// <summary>
    /// Reads, in one read transaction, the root row (by id and organisation) and the rows of each child table (by
    /// the owner column) into value arrays; returns the number of rows.
    /// </summary>
    private async Task<int> LoadRowsByHandAsync(string[] tables, string ownerColumn, Guid id)
    {
        await using var connection = OpenBaselineConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var rows = 0;
        for (var i = 0; i < tables.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = i == 0
                ? $"SELECT * FROM {tables[i]} WHERE id = @id AND organisation_id = @organisation"
                : $"SELECT * FROM {tables[i]} WHERE {ownerColumn} = @id";
            IdParameter(command, "id", id);
            IdParameter(command, "organisation", _organisation.Value);
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                rows++;
            }
        }

        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>Claims a root row at its version (the optimistic-concurrency check and the new version in one statement).</summary>
    private async Task ClaimVersionByHandAsync(DbConnection connection, DbTransaction transaction, string table, Guid id, long expected)
    {
        await using var claim = connection.CreateCommand();
        claim.Transaction = transaction;
        claim.CommandText = $"UPDATE {table} SET version = @next WHERE id = @id AND version = @expected";
        IdParameter(claim, "id", id);
        ValueParameter(claim, "next", expected + 1);
        ValueParameter(claim, "expected", expected);
        if (await claim.ExecuteNonQueryAsync() != 1)
        {
            throw new InvalidOperationException($"The baseline row of {table} was saved by someone else.");
        }
    }

    /// <summary>Inserts one event into the outbox, serialised as the library does, already dispatched (no handler listens).</summary>
    private async Task InsertEventByHandAsync(DbConnection connection, DbTransaction transaction, string aggregateType, Guid aggregateId, long version, Type eventType, object domainEvent, DateTimeOffset at)
    {
        await using var outbox = connection.CreateCommand();
        outbox.Transaction = transaction;
        outbox.CommandText =
            "INSERT INTO outbox_messages (organisation_id, aggregate_type, aggregate_id, aggregate_version, event_type, payload, occurred_at, dispatched_at, attempts, actor) " +
            $"VALUES (@organisation, @type, @id, @version, @event, {(Store == "Sqlite" ? "@payload" : "CAST(@payload AS jsonb)")}, @at, @at, 1, 'system')";
        IdParameter(outbox, "organisation", _organisation.Value);
        ValueParameter(outbox, "type", aggregateType);
        IdParameter(outbox, "id", aggregateId);
        ValueParameter(outbox, "version", version);
        ValueParameter(outbox, "event", $"{eventType.FullName}, {eventType.Assembly.GetName().Name}");
        ValueParameter(outbox, "payload", System.Text.Json.JsonSerializer.Serialize(domainEvent, eventType, CoProductionJson.Options));
        ValueParameter(outbox, "at", at);
        await outbox.ExecuteNonQueryAsync();
    }
}
