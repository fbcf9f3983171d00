using CoProduction.Partners;
using CoProduction.People;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

// Every list is ordered here rather than in SQL, as the in-memory stores order it: SQLite cannot order by a
// DateTimeOffset, and GUIDs compare differently in each database.

/// <summary>The Entity Framework Core <see cref="IOpportunityStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkOpportunityStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<Opportunity, OpportunityId>(dependencies), IOpportunityStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Opportunity>> ListAsync(OpportunityStatus? status, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => status is { } only ? q.Where(o => o.Status == only) : q, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Opportunity>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(o => o.Expressions.Any(e => e.ParticipantId == participantId)), cancellationToken).ConfigureAwait(false));

    private static IReadOnlyList<Opportunity> Ordered(IEnumerable<Opportunity> opportunities)
        => [.. opportunities.OrderBy(o => o.ClosingDate).ThenBy(o => o.Id.Value)];
}

/// <summary>The Entity Framework Core <see cref="IPartnerRecordStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkPartnerRecordStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<PartnerRecord, PartnerRecordId>(dependencies), IPartnerRecordStore
{
    /// <inheritdoc />
    public async Task<PartnerRecord?> FindByParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => (await QueryAsync(q => q.Where(r => r.ParticipantId == participantId), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <inheritdoc />
    public async Task<IReadOnlyList<PartnerRecord>> ListAsync(CancellationToken cancellationToken)
        => [.. (await QueryAsync(q => q, cancellationToken).ConfigureAwait(false)).OrderBy(r => r.OpenedAt).ThenBy(r => r.Id.Value)];
}

/// <summary>The Entity Framework Core <see cref="ISupportRecordStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkSupportRecordStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<SupportRecord, SupportRecordId>(dependencies), ISupportRecordStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SupportRecord>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => [.. (await QueryAsync(q => q.Where(s => s.ParticipantId == participantId), cancellationToken).ConfigureAwait(false)).OrderBy(s => s.HeldOn).ThenBy(s => s.Id.Value)];
}
