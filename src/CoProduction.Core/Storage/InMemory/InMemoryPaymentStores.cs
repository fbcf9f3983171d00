using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IInvolvementActivityStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryInvolvementActivityStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<InvolvementActivity, InvolvementActivityId>(database, organisation, outbox), IInvolvementActivityStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<InvolvementActivity>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(a => a.ParticipantId == participantId, cancellationToken)));

    /// <inheritdoc />
    public Task<IReadOnlyList<InvolvementActivity>> ListBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(a => a.Date >= from && a.Date <= to, cancellationToken)));

    private static IReadOnlyList<InvolvementActivity> Ordered(IEnumerable<InvolvementActivity> activities)
        => [.. activities.OrderBy(a => a.Date).ThenBy(a => a.Id.Value)];
}

/// <summary>The in-memory <see cref="IPaymentClaimStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryPaymentClaimStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<PaymentClaim, PaymentClaimId>(database, organisation, outbox), IPaymentClaimStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PaymentClaim>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(c => c.ParticipantId == participantId, cancellationToken)));

    /// <inheritdoc />
    public Task<IReadOnlyList<PaymentClaim>> ListByStatusAsync(PaymentClaimStatus status, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(c => c.Status == status, cancellationToken)));

    /// <inheritdoc />
    public Task<IReadOnlyList<PaymentClaim>> ListContainingActivityAsync(InvolvementActivityId activityId, CancellationToken cancellationToken)
        => Task.FromResult(Ordered(Query(c => c.Lines.Any(l => l.ActivityId == activityId), cancellationToken)));

    private static IReadOnlyList<PaymentClaim> Ordered(IEnumerable<PaymentClaim> claims)
        => [.. claims.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id.Value)];
}

/// <summary>The in-memory <see cref="IPaymentProfileStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryPaymentProfileStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<PaymentProfile, PaymentProfileId>(database, organisation, outbox), IPaymentProfileStore
{
}
