namespace CoProduction.Storage.EntityFrameworkCore;

/// <summary>Options of the Entity Framework Core stores.</summary>
public sealed class EntityFrameworkCoreStoreOptions
{
    /// <summary>
    /// Gets or sets whether the stores apply pending migrations (creating the database if needed) before the first
    /// operation. Turn it off when the schema is changed by your own release process: run the migrations with
    /// <c>dotnet ef database update</c>, a script from <c>dotnet ef migrations script</c>, or
    /// <c>serviceProvider.MigrateCoProductionDatabaseAsync()</c>.
    /// </summary>
    /// <value>Default: <see langword="true"/> for <c>UseSqlite</c> and <c>UsePostgreSql</c>; <see langword="false"/> for your own context.</value>
    public bool MigrateOnFirstUse { get; set; } = true;
}
