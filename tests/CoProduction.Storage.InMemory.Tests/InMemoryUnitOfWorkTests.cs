using CoProduction.Storage.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.InMemory.Tests;

public sealed class InMemoryUnitOfWorkTests : UnitOfWorkSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryPaymentIntegrityTests : PaymentIntegritySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryMultiAggregateFaultTests : MultiAggregateFaultSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();

    protected override void InjectWriteFaults(IServiceCollection services, WriteFaultInjector faults) =>
        services.AddSingleton(new InMemoryDatabase { BeforeWrite = faults.BeforeWrite });
}

public sealed class InMemoryPeerReviewIntegrityTests : PeerReviewIntegritySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryStorableInputTests : StorableInputSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}
