using CoProduction.Storage.Specification;

namespace CoProduction.Storage.InMemory.Tests;

public sealed class InMemoryInvolvementFrameworkStoreTests : InvolvementFrameworkStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryImprovementProjectStoreTests : ImprovementProjectStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryAssessmentStoreTests : AssessmentStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}
