using System.Reflection;
using CoProduction.Involvement.Frameworks;
using CoProduction.Primitives;
using CoProduction.Storage.Specification;
using CoProduction.Storage.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlMigrationTests(PostgreSqlTestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateCoProductionDatabaseAsync_FourProcessesAtOnceOnAnEmptyDatabase_EachMigrationIsAppliedOnce()
    {
        // Several instances of an application starting together each migrate on first use. EF Core's own lock lasts
        // one migration's transaction, so with two or more migrations pending they used to apply one twice; the
        // library's session advisory lock covers the whole run, however many migrations a release adds.
        var databaseName = $"coproduction_migrate_{Guid.NewGuid():N}";
        await ExecuteAsync(database.ConnectionString, $"CREATE DATABASE \"{databaseName}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = databaseName }.ConnectionString;
        var providers = Enumerable.Range(0, 4).Select(_ => BuildServices(connectionString)).ToList();
        try
        {
            await Task.WhenAll(providers.Select(p => p.MigrateCoProductionDatabaseAsync(Ct)));

            var migrations = typeof(PostgreSqlStoreOptions).Assembly.GetTypes().Count(t => t.GetCustomAttribute<MigrationAttribute>() is not null);
            var applied = await ScalarAsync(connectionString, "SELECT count(*) FROM \"__EFMigrationsHistory\"");
            applied.Should().Be(migrations);
            migrations.Should().BeGreaterThanOrEqualTo(1);

            var organisationId = OrganisationId.New();
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
            var framework = InvolvementSpecificationData.Published(organisationId, clock);
            await using var scope = providers[0].CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisationId);
            var store = scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>();
            await store.AddAsync(framework, Ct);
            (await store.FindAsync(framework.Id, Ct)).Should().NotBeNull();
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(database.ConnectionString, $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Model_MatchesTheMigrations_NoPendingModelChanges()
    {
        // Migrating does not diff the model against the migrations' snapshot at run time (that cost every process
        // most of its first operation), so this test is the check: a mapping change without a new migration fails here.
        await using var provider = BuildServices("Host=127.0.0.1;Database=never_opened");
        await using var context = await provider.GetRequiredService<IDbContextFactory<CoProductionDbContext>>().CreateDbContextAsync(Ct);

        context.Database.HasPendingModelChanges().Should().BeFalse("the model and the migrations' snapshot must describe the same tables");
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.WarningsConfiguration
            .GetBehavior(RelationalEventId.PendingModelChangesWarning).Should().Be(WarningBehavior.Ignore);
    }

    private static ServiceProvider BuildServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddCoProduction().UsePostgreSql(connectionString);
        return services.BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
