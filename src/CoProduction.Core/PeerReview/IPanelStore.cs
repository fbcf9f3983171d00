using CoProduction.Storage;

namespace CoProduction.PeerReview;

/// <summary>Stores peer review panels.</summary>
public interface IPanelStore : IAggregateStore<Panel, PanelId>
{
    /// <summary>Lists the current organisation's panels, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panels.</returns>
    Task<IReadOnlyList<Panel>> ListAsync(CancellationToken cancellationToken);
}
