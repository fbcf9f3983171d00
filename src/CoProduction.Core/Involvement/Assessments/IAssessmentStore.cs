using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Storage;

namespace CoProduction.Involvement.Assessments;

/// <summary>Stores the current organisation's involvement assessments.</summary>
public interface IAssessmentStore : IAggregateStore<Assessment, AssessmentId>
{
    /// <summary>Lists the assessments of a project, oldest first.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessments.</returns>
    Task<IReadOnlyList<Assessment>> ListForProjectAsync(ImprovementProjectId projectId, CancellationToken cancellationToken);

    /// <summary>Lists the assessments a participant was declared an assessor on, oldest first.</summary>
    /// <param name="assessorId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessments.</returns>
    Task<IReadOnlyList<Assessment>> ListForAssessorAsync(ParticipantId assessorId, CancellationToken cancellationToken);
}
