using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoProduction.Storage.Sqlite;

/// <summary>
/// Starts write transactions with <c>BEGIN IMMEDIATE</c>, which takes the write lock at once (waiting up to the busy
/// timeout): a deferred transaction that reads first and writes later could fail at once with <c>SQLITE_BUSY</c> when
/// another connection wrote in between, without waiting. Transactions opened for <see cref="IsolationLevel.ReadUncommitted"/>
/// are the stores' read snapshots (several queries over one WAL snapshot): they stay deferred and take no write lock.
/// </summary>
internal sealed class SqliteImmediateTransactionInterceptor : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return connection is SqliteConnection sqlite
            ? InterceptionResult<DbTransaction>.SuppressWithResult(sqlite.BeginTransaction(eventData.IsolationLevel, deferred: eventData.IsolationLevel == IsolationLevel.ReadUncommitted))
            : result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(TransactionStarting(connection, eventData, result));
}
