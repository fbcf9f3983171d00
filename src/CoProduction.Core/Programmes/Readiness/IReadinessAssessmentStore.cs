using CoProduction.Storage;

namespace CoProduction.Programmes.Readiness;

/// <summary>Stores readiness assessments.</summary>
public interface IReadinessAssessmentStore : IAggregateStore<ReadinessAssessment, ReadinessAssessmentId>
{
    /// <summary>Lists the current organisation's assessments, newest first.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessments.</returns>
    Task<IReadOnlyList<ReadinessAssessment>> ListAsync(CancellationToken cancellationToken);
}
