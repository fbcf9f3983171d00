using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IParticipantStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryParticipantStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<Participant, ParticipantId>(database, organisation, outbox), IParticipantStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Participant>> ListAsync(ParticipantRole? role, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Participant>>(
            [.. Query(p => role is null || p.HasRole(role.Value), cancellationToken).OrderBy(p => p.FullName, StringComparer.Ordinal).ThenBy(p => p.Id.Value)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<Participant>> FindManyAsync(IReadOnlyCollection<ParticipantId> participantIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantIds);
        var wanted = participantIds.ToHashSet();
        return Task.FromResult<IReadOnlyList<Participant>>(wanted.Count == 0 ? [] : [.. Query(p => wanted.Contains(p.Id), cancellationToken)]);
    }
}
