using CoProduction.Storage.Specification;

namespace CoProduction.Storage.PostgreSql.Tests;

public sealed class PostgreSqlProgrammeStoreTests(PostgreSqlTestDatabase database) : ProgrammeStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlCohortStoreTests(PostgreSqlTestDatabase database) : CohortStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlPatientTrainerPathwayStoreTests(PostgreSqlTestDatabase database) : PatientTrainerPathwayStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlReadinessAssessmentStoreTests(PostgreSqlTestDatabase database) : ReadinessAssessmentStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlQuestionnaireStoreTests(PostgreSqlTestDatabase database) : QuestionnaireStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}

public sealed class PostgreSqlCohortEvaluationStoreTests(PostgreSqlTestDatabase database) : CohortEvaluationStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UsePostgreSql(database.ConnectionString);
}
