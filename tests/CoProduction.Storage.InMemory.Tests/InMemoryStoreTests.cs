using CoProduction.Storage.Specification;

namespace CoProduction.Storage.InMemory.Tests;

public sealed class InMemoryParticipantStoreTests : ParticipantStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryEventOutboxTests : EventOutboxSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryStoreRegistrationTests : StoreRegistrationSpecification
{
    protected override string ExpectedProviderName => "in-memory";

    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryConcurrencyTests : ConcurrencySpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryPagedListTests : PagedListSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryErasureTests : ErasureSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryOutboxDispatchStoreTests : OutboxDispatchStoreSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}

public sealed class InMemoryAuditTrailTests : AuditTrailSpecification
{
    protected override void UseStores(CoProductionBuilder builder) => builder.UseInMemoryStores();
}
