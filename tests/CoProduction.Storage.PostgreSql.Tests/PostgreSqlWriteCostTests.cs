using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.Specification;
using CoProduction.Storage.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlWriteCostTests(PostgreSqlTestDatabase database) : WriteCostSpecification
{
    private readonly CommandRecorder _commands = new();

    protected override IReadOnlyList<string> RecordedCommands => _commands.Commands;

    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<CoProductionDbContext>(db => db.AddInterceptors(_commands));

    protected override void ClearRecordedCommands() => _commands.Clear();
}
