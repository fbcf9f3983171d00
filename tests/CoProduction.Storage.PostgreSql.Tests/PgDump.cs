using System.Diagnostics;
using Npgsql;

namespace CoProduction.Storage.PostgreSql.Tests;

/// <summary>Runs PostgreSQL's own <c>pg_dump</c> (installed with the server by .ci/services.d/postgres.sh) over a database.</summary>
internal static class PgDump
{
    /// <summary>Dumps a database as plain SQL, schema and data, and returns the bytes.</summary>
    /// <param name="connectionString">The database's Npgsql connection string.</param>
    /// <returns>The dump.</returns>
    /// <exception cref="InvalidOperationException"><c>pg_dump</c> is not installed, or it failed.</exception>
    internal static async Task<byte[]?> ReadAsync(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--no-owner", "--format=plain", "--host", connection.Host!, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", connection.Username!, connection.Database! })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump did not start.");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump failed with exit code {process.ExitCode}: {await errors}");
        }

        return output.ToArray();
    }

    /// <summary>Finds pg_dump: on the PATH (Debian's wrapper picks the cluster's version), else the newest server's own.</summary>
    private static string Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "pg_dump");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException("pg_dump is not installed: install Debian's postgresql-client (or run .ci/services.d/postgres.sh, which installs the server and its client).");
    }
}
