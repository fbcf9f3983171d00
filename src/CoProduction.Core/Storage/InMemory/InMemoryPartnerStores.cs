using CoProduction.Partners;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IOpportunityStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryOpportunityStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<Opportunity, OpportunityId>(database, organisation, outbox), IOpportunityStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Opportunity>> ListAsync(OpportunityStatus? status, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Opportunity>>(
            [.. Query(o => status is null || o.Status == status, cancellationToken).OrderBy(o => o.ClosingDate).ThenBy(o => o.Id.Value)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<Opportunity>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Opportunity>>(
            [.. Query(o => o.Expressions.Any(e => e.ParticipantId == participantId), cancellationToken).OrderBy(o => o.ClosingDate).ThenBy(o => o.Id.Value)]);
}

/// <summary>The in-memory <see cref="IPartnerRecordStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryPartnerRecordStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<PartnerRecord, PartnerRecordId>(database, organisation, outbox), IPartnerRecordStore
{
    /// <inheritdoc />
    public Task<PartnerRecord?> FindByParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult(Query(r => r.ParticipantId == participantId, cancellationToken).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<PartnerRecord>> ListAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<PartnerRecord>>([.. Query(_ => true, cancellationToken).OrderBy(r => r.OpenedAt).ThenBy(r => r.Id.Value)]);
}

/// <summary>The in-memory <see cref="ISupportRecordStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemorySupportRecordStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<SupportRecord, SupportRecordId>(database, organisation, outbox), ISupportRecordStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<SupportRecord>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<SupportRecord>>([.. Query(s => s.ParticipantId == participantId, cancellationToken).OrderBy(s => s.HeldOn).ThenBy(s => s.Id.Value)]);
}
