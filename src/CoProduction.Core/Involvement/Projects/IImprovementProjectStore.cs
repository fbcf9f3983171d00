using CoProduction.People;
using CoProduction.Storage;

namespace CoProduction.Involvement.Projects;

/// <summary>Stores the current organisation's improvement projects.</summary>
public interface IImprovementProjectStore : IAggregateStore<ImprovementProject, ImprovementProjectId>
{
    /// <summary>Lists the current organisation's projects, optionally only those with a status, ordered by title.</summary>
    /// <param name="status">The status to filter by, or <see langword="null"/> for every project.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The projects.</returns>
    Task<IReadOnlyList<ImprovementProject>> ListAsync(ProjectStatus? status, CancellationToken cancellationToken);

    /// <summary>Lists the projects a participant is or was on the team of, or took part in, ordered by title.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The projects.</returns>
    Task<IReadOnlyList<ImprovementProject>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken);
}
