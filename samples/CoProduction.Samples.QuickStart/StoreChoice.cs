namespace CoProduction.Samples.QuickStart;

/// <summary>
/// Chooses where the sample keeps its data: a SQLite file by default (the embedded default, no server), PostgreSQL
/// with <c>--postgres "Host=...;Database=...;Username=...;Password=..."</c>, or memory with <c>--in-memory</c>.
/// </summary>
internal static class StoreChoice
{
    private const string SqliteFile = "coproduction-quickstart.db";

    /// <summary>Gets whether the chosen store keeps data between runs, so that each run acts for a fresh organisation.</summary>
    public static bool NeedsFreshOrganisation(string[] args) => args.Contains("--postgres", StringComparer.Ordinal);

    public static string Apply(CoProductionBuilder builder, string[] args)
    {
        if (args.Contains("--in-memory", StringComparer.Ordinal))
        {
            builder.UseInMemoryStores();
            return "in memory (--in-memory)";
        }

        var postgres = Array.IndexOf(args, "--postgres");
        if (postgres >= 0)
        {
            if (postgres + 1 >= args.Length)
            {
                throw new ArgumentException("--postgres needs a connection string, such as --postgres \"Host=127.0.0.1;Database=coproduction;Username=coproduction;Password=...\".", nameof(args));
            }

            builder.UsePostgreSql(args[postgres + 1]);
            return "PostgreSQL (a fresh organisation for this run, so earlier runs' data stays out of view)";
        }

        // The embedded default: one SQLite file next to where the sample runs, created (and migrated) on first use.
        // The sample's story starts from nothing, so each run resets the file rather than adding to the last run's data.
        var path = Path.GetFullPath(SqliteFile);
        var existed = File.Exists(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        builder.UseSqlite($"Data Source={path}");
        return $"SQLite file {path} ({(existed ? "reset from the previous run" : "created")})";
    }

    /// <summary>Brings a database's schema up to date (memory needs none).</summary>
    public static Task PrepareAsync(IServiceProvider services, string[] args) =>
        args.Contains("--in-memory", StringComparer.Ordinal)
            ? Task.CompletedTask
            : services.MigrateCoProductionDatabaseAsync(CancellationToken.None);
}
