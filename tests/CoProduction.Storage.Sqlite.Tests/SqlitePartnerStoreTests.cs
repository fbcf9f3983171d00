using CoProduction.Storage.Specification;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqliteOpportunityStoreTests : OpportunityStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqlitePartnerRecordStoreTests : PartnerRecordStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteSupportRecordStoreTests : SupportRecordStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqlitePartnersErasureTests : PartnersErasureSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}
