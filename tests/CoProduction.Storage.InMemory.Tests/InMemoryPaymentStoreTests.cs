using CoProduction.Storage.Specification;

namespace CoProduction.Storage.InMemory.Tests;

public sealed class InMemoryInvolvementActivityStoreTests : InvolvementActivityStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryPaymentClaimStoreTests : PaymentClaimStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryPaymentProfileStoreTests : PaymentProfileStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}
