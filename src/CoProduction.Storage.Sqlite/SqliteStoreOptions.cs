namespace CoProduction.Storage.Sqlite;

/// <summary>Options of the SQLite stores, set with <c>UseSqlite(connectionString, options =&gt; ...)</c>.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// Gets or sets whether the stores create the database file and apply pending migrations before the first
    /// operation. When off, call <c>serviceProvider.MigrateCoProductionDatabaseAsync()</c> (or run the migrations
    /// yourself) before using the stores.
    /// </summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool MigrateOnFirstUse { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a connection waits for another connection's write lock before failing with
    /// <c>SQLITE_BUSY</c> (SQLite's <c>busy_timeout</c>).
    /// </summary>
    /// <value>Default: 30 seconds.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
