using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.InMemory;

/// <summary>The in-memory <see cref="IAssessmentStore"/>.</summary>
/// <param name="database">The shared in-memory data.</param>
/// <param name="organisation">The current organisation.</param>
/// <param name="outbox">The outbox.</param>
internal sealed class InMemoryAssessmentStore(InMemoryDatabase database, IOrganisationContext organisation, InMemoryEventOutbox outbox)
    : InMemoryAggregateStore<Assessment, AssessmentId>(database, organisation, outbox), IAssessmentStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<Assessment>> ListForProjectAsync(ImprovementProjectId projectId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Assessment>>(
            [.. Query(a => a.ProjectId == projectId, cancellationToken).OrderBy(a => a.OpenedAt).ThenBy(a => a.Id.Value)]);

    /// <inheritdoc />
    public Task<IReadOnlyList<Assessment>> ListForAssessorAsync(ParticipantId assessorId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Assessment>>(
            [.. Query(a => a.Assessors.Any(x => x.ParticipantId == assessorId), cancellationToken).OrderBy(a => a.OpenedAt).ThenBy(a => a.Id.Value)]);
}
