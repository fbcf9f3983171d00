using Microsoft.Extensions.DependencyInjection;
using CoProduction.Involvement.Frameworks;
using CoProduction.Storage.Specification;
using Microsoft.Data.Sqlite;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqliteInvolvementTableTests : StoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task UpdateAsync_FewerStandards_LeavesNoRowsOfTheRemovedStandardsOrTheirIndicators()
    {
        // Adopted: 6 standards of 2 indicators (12 rows); revised to the first 2 standards: 2 and 4 rows.
        var framework = InvolvementSpecificationData.AdoptedDraft(OrganisationA, Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(framework, Ct));
        var before = (await CountAsync("involvement_framework_standards"), await CountAsync("involvement_framework_indicators"));
        var current = framework.ToDefinition();
        await using (var scope = ScopeFor(OrganisationA))
        {
            await scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>().ReviseAsync(framework.Id, current with { Standards = [.. current.Standards.Take(2)] }, Ct);
        }

        before.Should().Be((6, 12));
        (await CountAsync("involvement_framework_standards")).Should().Be(2);
        (await CountAsync("involvement_framework_indicators")).Should().Be(4);
        (await CountAsync("involvement_framework_rating_points")).Should().Be(4);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
