using CoProduction.Involvement.Frameworks;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IInvolvementFrameworkStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryInvolvementFrameworkStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<InvolvementFramework, InvolvementFrameworkId>(database, organisation, outbox), IInvolvementFrameworkStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<InvolvementFramework>> ListAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<InvolvementFramework>>(
            [.. Query(_ => true, cancellationToken).OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.FrameworkVersion, StringComparer.Ordinal).ThenBy(f => f.Id.Value)]);

    /// <inheritdoc />
    public Task<InvolvementFramework?> FindByKeyAsync(string key, string frameworkVersion, CancellationToken cancellationToken)
        => Task.FromResult(Query(f => string.Equals(f.Key, key, StringComparison.Ordinal) && string.Equals(f.FrameworkVersion, frameworkVersion, StringComparison.Ordinal), cancellationToken).FirstOrDefault());
}
