using CoProduction.Primitives;
using CoProduction.Programmes.Readiness;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IReadinessAssessmentStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryReadinessAssessmentStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<ReadinessAssessment, ReadinessAssessmentId>(database, organisation, outbox), IReadinessAssessmentStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ReadinessAssessment>> ListAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ReadinessAssessment>>(
            [.. Query(_ => true, cancellationToken).OrderByDescending(a => a.StartedAt).ThenBy(a => a.Id.Value)]);
}
