using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="ICohortEvaluationStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryCohortEvaluationStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<CohortEvaluation, CohortEvaluationId>(database, organisation, outbox), ICohortEvaluationStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<CohortEvaluation>> ListByCohortAsync(CohortId cohortId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<CohortEvaluation>>(
            [.. Query(e => e.CohortId == cohortId, cancellationToken).OrderBy(e => e.StartedAt).ThenBy(e => e.Id.Value)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<CohortEvaluation>> ListByProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<CohortEvaluation>>(
            [.. Query(e => e.ProgrammeId == programmeId, cancellationToken).OrderBy(e => e.StartedAt).ThenBy(e => e.Id.Value)]);
}
