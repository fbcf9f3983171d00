using CoProduction.Payments;
using CoProduction.People;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>The Entity Framework Core <see cref="IInvolvementActivityStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkInvolvementActivityStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<InvolvementActivity, InvolvementActivityId>(dependencies), IInvolvementActivityStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<InvolvementActivity>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(a => a.ParticipantId == participantId), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<InvolvementActivity>> ListBetweenAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(a => a.Date >= from && a.Date <= to), cancellationToken).ConfigureAwait(false));

    // Ordered here so that every database orders alike (GUIDs compare differently in each).
    private static IReadOnlyList<InvolvementActivity> Ordered(IEnumerable<InvolvementActivity> activities)
        => [.. activities.OrderBy(a => a.Date).ThenBy(a => a.Id.Value)];
}

/// <summary>The Entity Framework Core <see cref="IPaymentClaimStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkPaymentClaimStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<PaymentClaim, PaymentClaimId>(dependencies), IPaymentClaimStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PaymentClaim>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(c => c.ParticipantId == participantId), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaymentClaim>> ListByStatusAsync(PaymentClaimStatus status, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(c => c.Status == status), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<PaymentClaim>> ListContainingActivityAsync(InvolvementActivityId activityId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(c => c.Lines.Any(l => l.ActivityId == activityId)), cancellationToken).ConfigureAwait(false));

    // Ordered here: SQLite cannot order by a DateTimeOffset, and GUIDs compare differently in each database.
    private static IReadOnlyList<PaymentClaim> Ordered(IEnumerable<PaymentClaim> claims)
        => [.. claims.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id.Value)];
}

/// <summary>The Entity Framework Core <see cref="IPaymentProfileStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkPaymentProfileStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<PaymentProfile, PaymentProfileId>(dependencies), IPaymentProfileStore
{
}
