using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Pathways;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IPatientTrainerPathwayStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryPatientTrainerPathwayStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<PatientTrainerPathway, PatientTrainerPathwayId>(database, organisation, outbox), IPatientTrainerPathwayStore
{
    /// <inheritdoc />
    public Task<PatientTrainerPathway?> FindByParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Task.FromResult(Query(p => p.ParticipantId == participantId, cancellationToken).FirstOrDefault());

    /// <inheritdoc />
    public Task<IReadOnlyList<PatientTrainerPathway>> ListAsync(PathwayStage? stage, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<PatientTrainerPathway>>(
            [.. Query(p => stage is null || p.Stage == stage, cancellationToken).OrderBy(p => p.StartedOn).ThenBy(p => p.Id.Value)]);
}
