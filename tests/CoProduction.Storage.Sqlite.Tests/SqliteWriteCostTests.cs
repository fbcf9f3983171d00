using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.Specification;
using CoProduction.Storage.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqliteWriteCostTests : WriteCostSpecification
{
    private readonly SqliteTestDatabase _database = new();
    private readonly CommandRecorder _commands = new();

    protected override IReadOnlyList<string> RecordedCommands => _commands.Commands;

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<CoProductionDbContext>(db => db.AddInterceptors(_commands));

    protected override void ClearRecordedCommands() => _commands.Clear();

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}
