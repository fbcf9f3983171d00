using CoProduction.People.Events;
using CoProduction.Primitives;
using Microsoft.Data.Sqlite;

namespace CoProduction.Storage.Sqlite;

/// <summary>
/// After a participant is erased, copies the write-ahead log into the database file and truncates it
/// (<c>PRAGMA wal_checkpoint(TRUNCATE)</c>), so that the page images that still held their name and words before the
/// erasure do not linger in the <c>-wal</c> file; with <c>secure_delete</c> on, the overwritten content is zeroed in
/// the database file too. Runs when the erasure event is dispatched, after the erasure committed. If a reader holds an
/// old snapshot at that moment the checkpoint cannot finish; the next checkpoint (SQLite runs one every 1,000 pages)
/// completes it.
/// </summary>
/// <param name="connectionString">The store's connection string.</param>
internal sealed class SqliteErasureCheckpoint(string connectionString) : IDomainEventHandler<ParticipantErased>
{
    public async Task HandleAsync(ParticipantErased domainEvent, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
