using CoProduction.Storage.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoProduction.Storage.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model, to add a migration
/// (<c>dotnet ef migrations add NAME --project src/CoProduction.Storage.PostgreSql</c>) or script them. Pass a
/// connection string as the first argument after <c>--</c> to apply them to a database.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CoProductionDbContext>
{
    public CoProductionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoProductionDbContext>()
            .UseNpgsql(
                args.Length > 0 ? args[0] : "Host=localhost;Database=coproduction",
                npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
