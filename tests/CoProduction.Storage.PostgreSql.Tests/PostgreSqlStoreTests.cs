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

public sealed class PostgreSqlErasureTests(PostgreSqlTestDatabase database) : ErasureSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);

    /// <summary>A <c>pg_dump</c> of the whole test database (schema and data, plain SQL), as a backup would hold it.</summary>
    protected override Task<byte[]?> ReadStoredBytesAsync() => PgDump.ReadAsync(database.ConnectionString);
}

public sealed class PostgreSqlOutboxDispatchStoreTests(PostgreSqlTestDatabase database) : OutboxDispatchStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlAuditTrailTests(PostgreSqlTestDatabase database) : AuditTrailSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
