using Microsoft.Data.Sqlite;

namespace CoProduction.Storage.Sqlite.Tests;

/// <summary>A SQLite database in a temporary file, deleted (with its WAL files) after the test.</summary>
internal sealed class SqliteTestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"coproduction-tests-{Guid.NewGuid():N}.db");

    internal string ConnectionString => $"Data Source={_path}";

    /// <summary>Reads the database file and its WAL as they are now, while connections may still be open.</summary>
    internal byte[] ReadAllBytes()
    {
        using var all = new MemoryStream();
        foreach (var file in new[] { _path, _path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    internal void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
