using CoProduction.Storage.Specification;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqliteInvolvementActivityStoreTests : InvolvementActivityStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqlitePaymentClaimStoreTests : PaymentClaimStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqlitePaymentProfileStoreTests : PaymentProfileStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}
