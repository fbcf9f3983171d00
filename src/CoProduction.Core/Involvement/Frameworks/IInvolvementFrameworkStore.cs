using CoProduction.Storage;

namespace CoProduction.Involvement.Frameworks;

/// <summary>Stores the current organisation's involvement frameworks.</summary>
public interface IInvolvementFrameworkStore : IAggregateStore<InvolvementFramework, InvolvementFrameworkId>
{
    /// <summary>Lists the current organisation's frameworks, ordered by key then version.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The frameworks.</returns>
    Task<IReadOnlyList<InvolvementFramework>> ListAsync(CancellationToken cancellationToken);
}
