using CoProduction.Storage.Specification;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlInvolvementActivityStoreTests(PostgreSqlTestDatabase database) : InvolvementActivityStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlPaymentClaimStoreTests(PostgreSqlTestDatabase database) : PaymentClaimStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlPaymentProfileStoreTests(PostgreSqlTestDatabase database) : PaymentProfileStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
