using CoProduction.Storage.Specification;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlUnitOfWorkTests(PostgreSqlTestDatabase database) : UnitOfWorkSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlPaymentIntegrityTests(PostgreSqlTestDatabase database) : PaymentIntegritySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
