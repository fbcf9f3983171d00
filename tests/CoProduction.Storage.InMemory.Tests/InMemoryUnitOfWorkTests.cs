using CoProduction.Storage.Specification;

namespace CoProduction.Storage.InMemory.Tests;

public sealed class InMemoryUnitOfWorkTests : UnitOfWorkSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryPaymentIntegrityTests : PaymentIntegritySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}
