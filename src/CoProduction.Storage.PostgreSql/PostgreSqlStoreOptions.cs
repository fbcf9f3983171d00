namespace CoProduction.Storage.PostgreSql;

/// <summary>Options of the PostgreSQL stores, set with <c>UsePostgreSql(connectionString, options =&gt; ...)</c>.</summary>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>
    /// Gets or sets whether the stores apply pending migrations before the first operation. A trust whose changes
    /// go through a release process turns it off and applies the script from
    /// <c>dotnet ef migrations script --idempotent --project src/CoProduction.Storage.PostgreSql</c>, or calls
    /// <c>serviceProvider.MigrateCoProductionDatabaseAsync()</c>. The database itself must exist.
    /// </summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool MigrateOnFirstUse { get; set; } = true;
}
