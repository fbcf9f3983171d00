
namespace CoProduction;

/// <summary>
/// The store contracts of the library: every storage provider must register an implementation of each (the
/// conformance suite checks it). Each area of the library adds its contracts here.
/// </summary>
public static class CoProductionStores
{
    /// <summary>Gets every store interface a provider must implement, the outbox included.</summary>
    public static IReadOnlyList<Type> Contracts { get; } = [typeof(Storage.IEventOutbox), .. InMemoryImplementations.Select(p => p.Contract)];

    /// <summary>The in-memory implementation of each store contract but the outbox.</summary>
    internal static IEnumerable<(Type Contract, Type Implementation)> InMemoryImplementations =>
    [
        (typeof(People.IParticipantStore), typeof(Storage.InMemory.InMemoryParticipantStore)),
        (typeof(Payments.IInvolvementActivityStore), typeof(Storage.InMemory.InMemoryInvolvementActivityStore)),
        (typeof(Payments.IPaymentClaimStore), typeof(Storage.InMemory.InMemoryPaymentClaimStore)),
    ];
}
