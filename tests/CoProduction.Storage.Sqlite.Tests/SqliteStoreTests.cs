using CoProduction.Storage.Specification;

namespace CoProduction.Storage.Sqlite.Tests;

public sealed class SqliteParticipantStoreTests : ParticipantStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteEventOutboxTests : EventOutboxSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteStoreRegistrationTests : StoreRegistrationSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override string ExpectedProviderName => "sqlite";

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteConcurrencyTests : ConcurrencySpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteErasureTests : ErasureSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override Task<byte[]?> ReadStoredBytesAsync() => Task.FromResult<byte[]?>(_database.ReadAllBytes());

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteOutboxDispatchStoreTests : OutboxDispatchStoreSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteAuditTrailTests : AuditTrailSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}
