using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.Specification;
using CoProduction.Storage.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

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

public sealed class SqliteMultiAggregateFaultTests : MultiAggregateFaultSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override void InjectWriteFaults(IServiceCollection services, WriteFaultInjector faults) =>
        services.ConfigureDbContext<CoProductionDbContext>(db => db.AddInterceptors(new WriteFaultInterceptor(faults)));

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqlitePeerReviewIntegrityTests : PeerReviewIntegritySpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteStorableInputTests : StorableInputSpecification
{
    private readonly SqliteTestDatabase _database = new();

    protected override void UseStores(CoProductionBuilder builder) => builder.UseSqlite(_database.ConnectionString);

    protected override ValueTask CleanUpStoreAsync()
    {
        _database.Delete();
        return ValueTask.CompletedTask;
    }
}
