using CoProduction.Storage.Specification;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlOpportunityStoreTests(PostgreSqlTestDatabase database) : OpportunityStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlPartnerRecordStoreTests(PostgreSqlTestDatabase database) : PartnerRecordStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlSupportRecordStoreTests(PostgreSqlTestDatabase database) : SupportRecordStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlPartnersErasureTests(PostgreSqlTestDatabase database) : PartnersErasureSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
