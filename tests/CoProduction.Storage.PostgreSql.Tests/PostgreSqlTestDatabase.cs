using CoProduction.Storage.PostgreSql.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

[assembly: AssemblyFixture(typeof(PostgreSqlTestDatabase))]

namespace CoProduction.Storage.PostgreSql.Tests;

/// <summary>
/// A fresh PostgreSQL database for this test run, created on the server named by
/// <see cref="ConnectionVariable"/> (the stores migrate it from empty) and dropped at the end. Without the variable the
/// tests are skipped with a message saying how to enable them, except in CI (<c>CI=true</c>), where they fail.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncLifetime
{
    /// <summary>The environment variable that holds the connection string of a PostgreSQL server.</summary>
    public const string ConnectionVariable = "COPRODUCTION_POSTGRES_CONNECTION";

    private readonly string? _serverConnectionString = Environment.GetEnvironmentVariable(ConnectionVariable);
    private readonly string _databaseName = $"coproduction_tests_{Guid.NewGuid():N}";
    private string? _connectionString;
    private Exception? _setupFailure;

    /// <summary>Gets the connection string of the test database; skips (or, in CI, fails) the test when there is no server.</summary>
    public string ConnectionString
    {
        get
        {
            if (_serverConnectionString is null)
            {
                var message = $"PostgreSQL tests need a server: set {ConnectionVariable} to an Npgsql connection string of a role that may create databases, or run `source .ci/services.d/postgres.sh` (it installs and starts a local server and sets the variable).";
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"{message} In CI a missing server is a failure: .ci/run starts one with .ci/services.d/postgres.sh.");
                }

                Assert.Skip(message);
            }

            if (_setupFailure is not null)
            {
                throw new InvalidOperationException($"Could not create the test database {_databaseName} on the server named by {ConnectionVariable}: {_setupFailure.Message}", _setupFailure);
            }

            return _connectionString!;
        }
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (_serverConnectionString is null)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{_databaseName}\"";
            await command.ExecuteNonQueryAsync();
            _connectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _databaseName }.ConnectionString;

            // Migrated once here, before any test: test classes run in parallel, each with its own service provider,
            // and several providers migrating the same new database at once race to create the same tables.
            var services = new ServiceCollection();
            services.AddCoProduction().UsePostgreSql(_connectionString);
            await using var provider = services.BuildServiceProvider();
            await provider.MigrateCoProductionDatabaseAsync(CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            _setupFailure = ex;
        }
    }

    /// <summary>
    /// Creates and migrates a database of its own for one test, on the same server: for a test that reads the whole
    /// database (a <c>pg_dump</c>), which in the shared database would see every other test's data too.
    /// </summary>
    /// <returns>The new database's connection string; drop it with <see cref="DropOwnDatabaseAsync"/>.</returns>
    public async Task<string> CreateOwnDatabaseAsync()
    {
        var shared = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = $"coproduction_own_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(_serverConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        var own = new NpgsqlConnectionStringBuilder(shared.ConnectionString) { Database = name }.ConnectionString;
        var services = new ServiceCollection();
        services.AddCoProduction().UsePostgreSql(own);
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateCoProductionDatabaseAsync(CancellationToken.None);
        return own;
    }

    /// <summary>Drops a database made by <see cref="CreateOwnDatabaseAsync"/>.</summary>
    /// <param name="connectionString">Its connection string.</param>
    /// <returns>A task that completes when it is dropped.</returns>
    public async Task DropOwnDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_serverConnectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // A server process of another role (autovacuum, which the test role may not terminate) is in the
                // database for a moment: wait for it. A database left behind has a unique name and holds only
                // made-up data, so cleaning up never fails the test.
                if (attempt == 20)
                {
                    return;
                }

                await Task.Delay(250);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
