using CoProduction.People;
using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.Specification;
using CoProduction.Storage.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqlitePagedListTests : PagedListSpecification
{
    private readonly SqliteTestDatabase _database = new();
    private readonly CommandRecorder _commands = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<CoProductionDbContext>(db => db.AddInterceptors(_commands));

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ListPageAsync_SecondPage_IsSortedSkippedAndLimitedInSql()
    {
        await AddParticipantsAsync(OrganisationA, 4);
        _commands.Clear();

        await WithStore<IParticipantStore, Page<Participant>>(OrganisationA, s => s.ListPageAsync(new PageRequest(2, 2, ListOrder.NewestFirst), TestContext.Current.CancellationToken));

        // The root query and each child-table query sort, skip and limit in the database; only the count reads every row.
        var reads = _commands.Commands.Where(c => c.Contains("FROM \"participants\"", StringComparison.Ordinal)).ToList();
        var counts = reads.Where(c => c.Contains("COUNT(*)", StringComparison.Ordinal)).ToList();
        counts.Should().ContainSingle().Which.Should().Contain("\"organisation_id\" =");
        reads.Except(counts).Should().HaveCount(3, "one query for the root table and one per child table (split query)")
            .And.AllSatisfy(c => c.Should().Contain("ORDER BY \"p\".\"id\" DESC").And.Contain("LIMIT").And.Contain("OFFSET").And.Contain("\"organisation_id\" ="));
    }
}
