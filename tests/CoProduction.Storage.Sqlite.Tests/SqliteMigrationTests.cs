using CoProduction.Storage.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqliteMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Model_MatchesTheMigrations_NoPendingModelChanges()
    {
        // Migrating does not diff the model against the migrations' snapshot at run time (that cost every process
        // most of its first operation), so this test is the check: a mapping change without a new migration fails here.
        var services = new ServiceCollection();
        services.AddCoProduction().UseSqlite("Data Source=never-opened.db");
        await using var provider = services.BuildServiceProvider();
        await using var context = await provider.GetRequiredService<IDbContextFactory<CoProductionDbContext>>().CreateDbContextAsync(Ct);

        context.Database.HasPendingModelChanges().Should().BeFalse("the model and the migrations' snapshot must describe the same tables");
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.WarningsConfiguration
            .GetBehavior(RelationalEventId.PendingModelChangesWarning).Should().Be(WarningBehavior.Ignore);
    }
}
