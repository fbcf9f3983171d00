using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IImprovementProjectStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryImprovementProjectStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<ImprovementProject, ImprovementProjectId>(database, organisation, outbox), IImprovementProjectStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ImprovementProject>> ListAsync(ProjectStatus? status, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ImprovementProject>>(
            [.. Query(p => status is null || p.Status == status, cancellationToken).OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id.Value)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<ImprovementProject>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ImprovementProject>>(
            [.. Query(p => p.Team.Any(m => m.ParticipantId == participantId) || p.Records.Any(r => r.Participants.Any(x => x.ParticipantId == participantId)), cancellationToken)
                .OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id.Value)]);
}
