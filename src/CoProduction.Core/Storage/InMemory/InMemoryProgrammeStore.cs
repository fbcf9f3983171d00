using CoProduction.Primitives;
using CoProduction.Programmes;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IProgrammeStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryProgrammeStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<Programme, ProgrammeId>(database, organisation, outbox), IProgrammeStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Programme>>(
            [.. Query(_ => true, cancellationToken).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id.Value)]);

    /// <inheritdoc />
    public Task<Programme?> FindByNameAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(Query(p => string.Equals(p.Name, name, StringComparison.Ordinal), cancellationToken).FirstOrDefault());
}
