using CoProduction.Storage;

namespace CoProduction.Programmes;

/// <summary>Stores programmes.</summary>
public interface IProgrammeStore : IAggregateStore<Programme, ProgrammeId>
{
    /// <summary>Lists the current organisation's programmes, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The programmes.</returns>
    Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken);
}
