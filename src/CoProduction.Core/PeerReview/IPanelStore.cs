using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>Stores peer review panels.</summary>
public interface IPanelStore : IAggregateStore<Panel, PanelId>
{
    /// <summary>Lists the current organisation's panels, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panels.</returns>
    Task<IReadOnlyList<Panel>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Finds the current organisation's panel with a name (compared exactly: the name is the panel's natural key).</summary>
    /// <param name="name">The name, trimmed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panel, or <see langword="null"/> when none has that name.</returns>
    Task<Panel?> FindByNameAsync(string name, CancellationToken cancellationToken);
}
