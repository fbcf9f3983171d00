using CoProduction.Storage.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CoProduction.Storage.Sqlite;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite model, to add a migration:
/// <c>dotnet ef migrations add NAME --project src/CoProduction.Storage.Sqlite</c>.
/// </summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CoProductionDbContext>
{
    public CoProductionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoProductionDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(SqliteDesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
