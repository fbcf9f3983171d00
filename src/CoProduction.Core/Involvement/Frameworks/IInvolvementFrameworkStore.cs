using CoProduction.Storage;

namespace CoProduction.Involvement.Frameworks;

/// <summary>Stores the current organisation's involvement frameworks.</summary>
public interface IInvolvementFrameworkStore : IAggregateStore<InvolvementFramework, InvolvementFrameworkId>
{
    /// <summary>Lists the current organisation's frameworks, ordered by key then version.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The frameworks.</returns>
    Task<IReadOnlyList<InvolvementFramework>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Finds the current organisation's framework by its natural key: its key and version (unique together).</summary>
    /// <param name="key">The framework's key, such as <c>trust-involvement</c>.</param>
    /// <param name="frameworkVersion">The version, such as <c>2025.1</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The framework, or <see langword="null"/> when there is none.</returns>
    Task<InvolvementFramework?> FindByKeyAsync(string key, string frameworkVersion, CancellationToken cancellationToken);
}
