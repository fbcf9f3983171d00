using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="ICohortStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryCohortStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<Cohort, CohortId>(database, organisation, outbox), ICohortStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Cohort>> ListByProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Cohort>>(
            [.. Query(c => c.ProgrammeId == programmeId, cancellationToken).OrderBy(c => c.StartDate).ThenBy(c => c.Id.Value)]);
}
