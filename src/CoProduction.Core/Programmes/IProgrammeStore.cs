using CoProduction.Storage;

namespace CoProduction.Programmes;

/// <summary>Stores programmes.</summary>
public interface IProgrammeStore : IAggregateStore<Programme, ProgrammeId>
{
    /// <summary>Lists the current organisation's programmes, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The programmes.</returns>
    Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Finds the current organisation's programme with a name (compared exactly: the name is the programme's natural key).</summary>
    /// <param name="name">The name, trimmed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The programme, or <see langword="null"/> when none has that name.</returns>
    Task<Programme?> FindByNameAsync(string name, CancellationToken cancellationToken);
}
