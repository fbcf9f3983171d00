using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoProduction.Storage.Sqlite;

/// <summary>
/// Sets up every SQLite connection as it opens: write-ahead logging (readers do not block the writer, and the
/// writer does not block readers), <c>synchronous = NORMAL</c> (safe with WAL; commits do not wait for a disk flush)
/// a busy timeout so that concurrent writers wait for the lock instead of failing, and <c>secure_delete</c>, so that
/// deleted or overwritten content (an erased person's name, their words) is zeroed in the file rather than left in
/// free space (see docs/personal-data.md; <see cref="SqliteErasureCheckpoint"/> clears the WAL after an erasure).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private readonly string _pragmas;
    private readonly string _readOnlyPragmas;

    internal SqlitePragmaInterceptor(TimeSpan busyTimeout)
    {
        var milliseconds = (long)Math.Clamp(busyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; PRAGMA busy_timeout = {milliseconds};");

        // EF Core opens a read-only connection to ask whether the file exists; switching such a connection to WAL is a
        // write, which fails on a database not yet in WAL mode ("attempt to write a readonly database"). A read-only
        // connection deletes nothing, so secure_delete does not matter to it.
        _readOnlyPragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds};");
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AlreadySetUp(connection))
        {
            return;
        }

        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AlreadySetUp(connection))
        {
            return;
        }

        var command = CreateCommand(connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        Remember(connection);
    }

    /// <summary>
    /// Whether the native connection under <paramref name="connection"/> (which Microsoft.Data.Sqlite pools and hands
    /// out again) already had the pragmas run: they hold for the native connection's life, so a store operation on a
    /// pooled connection does not run them again.
    /// </summary>
    private static bool AlreadySetUp(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SetUp.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SetUp.AddOrUpdate(handle, Marker);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> SetUp = [];

    private static readonly object Marker = new();

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The text is built from constants and a number.")]
    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = connection is SqliteConnection sqlite && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.ReadOnly
            ? _readOnlyPragmas
            : _pragmas;
        return command;
    }
}
