using Microsoft.Extensions.DependencyInjection;
using CoProduction.Involvement.Frameworks;
using CoProduction.Storage.Specification;
using Npgsql;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlInvolvementTableTests(PostgreSqlTestDatabase database) : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);

    [Fact]
    public async Task UpdateAsync_FewerStandards_LeavesNoRowsOfTheRemovedStandardsOrTheirIndicators()
    {
        // Adopted: 6 standards of 2 indicators (12 rows); revised to the first 2 standards: 2 and 4 rows.
        var framework = InvolvementSpecificationData.AdoptedDraft(OrganisationA, Clock);
        await WithStore<IInvolvementFrameworkStore>(OrganisationA, s => s.AddAsync(framework, Ct));
        var id = framework.Id.Value;
        var before = (await CountAsync("involvement_framework_standards", id), await CountAsync("involvement_framework_indicators", id));
        var current = framework.ToDefinition();
        await using (var scope = ScopeFor(OrganisationA))
        {
            await scope.ServiceProvider.GetRequiredService<InvolvementFrameworkService>().ReviseAsync(framework.Id, current with { Standards = [.. current.Standards.Take(2)] }, Ct);
        }

        before.Should().Be((6, 12));
        (await CountAsync("involvement_framework_standards", id)).Should().Be(2);
        (await CountAsync("involvement_framework_indicators", id)).Should().Be(4);
        (await CountAsync("involvement_framework_rating_points", id)).Should().Be(4);
    }

    private async Task<long> CountAsync(string table, Guid frameworkId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE involvement_framework_id = @id", connection);
        command.Parameters.AddWithValue("id", frameworkId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
