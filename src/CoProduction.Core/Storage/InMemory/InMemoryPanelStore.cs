using CoProduction.PeerReview;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IPanelStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryPanelStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<Panel, PanelId>(database, organisation, outbox), IPanelStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Panel>> ListAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Panel>>([.. Query(_ => true, cancellationToken).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id.Value)]);

    /// <inheritdoc />
    public Task<Panel?> FindByNameAsync(string name, CancellationToken cancellationToken)
        => Task.FromResult(Query(p => string.Equals(p.Name, name, StringComparison.Ordinal), cancellationToken).FirstOrDefault());
}
