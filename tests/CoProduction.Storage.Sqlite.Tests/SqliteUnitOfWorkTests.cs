using CoProduction.Storage.Specification;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqliteUnitOfWorkTests : UnitOfWorkSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqlitePaymentIntegrityTests : PaymentIntegritySpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}
