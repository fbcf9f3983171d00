using CoProduction.Storage.Specification;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlParticipantStoreTests(PostgreSqlTestDatabase database) : ParticipantStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlEventOutboxTests(PostgreSqlTestDatabase database) : EventOutboxSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlStoreRegistrationTests(PostgreSqlTestDatabase database) : StoreRegistrationSpecification
{
    protected override string ExpectedProviderName => "postgresql";

    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlConcurrencyTests(PostgreSqlTestDatabase database) : ConcurrencySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

/// <summary>
/// Erasure on PostgreSQL, each test in a database of its own: the scan reads a <c>pg_dump</c> of the whole database,
/// which in the shared test database would also hold other tests' data (the same made-up names, not erased there).
/// </summary>
public sealed class PostgreSqlErasureTests(PostgreSqlTestDatabase database) : ErasureSpecification
{
    private string? _own;

    protected override async ValueTask PrepareStoreAsync() => _own = await database.CreateOwnDatabaseAsync();

    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(_own!);

    /// <summary>A <c>pg_dump</c> of the test's database (schema and data, plain SQL), as a backup would hold it.</summary>
    protected override Task<byte[]?> ReadStoredBytesAsync() => PgDump.ReadAsync(_own!);

    protected override async ValueTask CleanUpStoreAsync()
    {
        if (_own is not null)
        {
            await database.DropOwnDatabaseAsync(_own);
        }
    }
}

public sealed class PostgreSqlOutboxDispatchStoreTests(PostgreSqlTestDatabase database) : OutboxDispatchStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlAuditTrailTests(PostgreSqlTestDatabase database) : AuditTrailSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
