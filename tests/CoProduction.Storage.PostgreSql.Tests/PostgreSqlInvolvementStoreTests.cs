using CoProduction.Storage.Specification;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlInvolvementFrameworkStoreTests(PostgreSqlTestDatabase database) : InvolvementFrameworkStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlImprovementProjectStoreTests(PostgreSqlTestDatabase database) : ImprovementProjectStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlAssessmentStoreTests(PostgreSqlTestDatabase database) : AssessmentStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
