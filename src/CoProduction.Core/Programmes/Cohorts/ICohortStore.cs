using CoProduction.Storage;

namespace CoProduction.Programmes.Cohorts;

/// <summary>Stores cohorts.</summary>
public interface ICohortStore : IAggregateStore<Cohort, CohortId>
{
    /// <summary>Lists the current organisation's cohorts of a programme, by start date.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The cohorts.</returns>
    Task<IReadOnlyList<Cohort>> ListByProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken);
}
