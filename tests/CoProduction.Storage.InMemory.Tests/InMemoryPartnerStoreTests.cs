using CoProduction.Storage.Specification;

namespace CoProduction.Storage.InMemory.Tests;

public sealed class InMemoryOpportunityStoreTests : OpportunityStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryPartnerRecordStoreTests : PartnerRecordStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemorySupportRecordStoreTests : SupportRecordStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryPartnersErasureTests : PartnersErasureSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}
