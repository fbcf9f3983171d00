using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoProduction.Storage.Sqlite;

/// <summary>
/// Starts every transaction with <c>BEGIN IMMEDIATE</c>, which takes the write lock at once (waiting up to the busy
/// timeout). The stores open transactions only to write; a deferred transaction that reads first and writes later
/// could fail at once with <c>SQLITE_BUSY</c> when another connection wrote in between, without waiting.
/// </summary>
internal sealed class SqliteImmediateTransactionInterceptor : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return connection is SqliteConnection sqlite
            ? InterceptionResult<DbTransaction>.SuppressWithResult(sqlite.BeginTransaction(eventData.IsolationLevel, deferred: false))
            : result;
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(TransactionStarting(connection, eventData, result));
}
