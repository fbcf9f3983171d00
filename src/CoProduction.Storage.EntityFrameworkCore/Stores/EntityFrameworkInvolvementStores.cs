using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>The Entity Framework Core <see cref="IInvolvementFrameworkStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkInvolvementFrameworkStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<InvolvementFramework, InvolvementFrameworkId>(dependencies), IInvolvementFrameworkStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<InvolvementFramework>> ListAsync(CancellationToken cancellationToken)
    {
        var frameworks = await QueryAsync(q => q, cancellationToken).ConfigureAwait(false);

        // Ordered here, by ordinal comparison, so that every database (whatever its collation) orders alike.
        return [.. frameworks.OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.FrameworkVersion, StringComparer.Ordinal).ThenBy(f => f.Id.Value)];
    }

    /// <inheritdoc />
    public async Task<InvolvementFramework?> FindByKeyAsync(string key, string frameworkVersion, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(q => q.Where(f => f.Key == key && f.FrameworkVersion == frameworkVersion), cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault();
    }
}

/// <summary>The Entity Framework Core <see cref="IImprovementProjectStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkImprovementProjectStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<ImprovementProject, ImprovementProjectId>(dependencies), IImprovementProjectStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ImprovementProject>> ListAsync(ProjectStatus? status, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => status is { } wanted ? q.Where(p => p.Status == wanted) : q, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImprovementProject>> ListForParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(
            q => q.Where(p => p.Team.Any(m => m.ParticipantId == participantId) || p.Records.Any(r => r.Participants.Any(x => x.ParticipantId == participantId))),
            cancellationToken).ConfigureAwait(false));

    // Ordered here, by ordinal comparison, so that every database (whatever its collation) orders alike.
    private static IReadOnlyList<ImprovementProject> Ordered(IEnumerable<ImprovementProject> projects)
        => [.. projects.OrderBy(p => p.Title, StringComparer.Ordinal).ThenBy(p => p.Id.Value)];
}

/// <summary>The Entity Framework Core <see cref="IAssessmentStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkAssessmentStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<Assessment, AssessmentId>(dependencies), IAssessmentStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Assessment>> ListForProjectAsync(ImprovementProjectId projectId, CancellationToken cancellationToken)
    {
        ImprovementProjectId? wanted = projectId;
        return Ordered(await QueryAsync(q => q.Where(a => a.ProjectId == wanted), cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Assessment>> ListForAssessorAsync(ParticipantId assessorId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(a => a.Assessors.Any(x => x.ParticipantId == assessorId)), cancellationToken).ConfigureAwait(false));

    // Ordered here: SQLite cannot order by a DateTimeOffset, and GUIDs compare differently in each database.
    private static IReadOnlyList<Assessment> Ordered(IEnumerable<Assessment> assessments)
        => [.. assessments.OrderBy(a => a.OpenedAt).ThenBy(a => a.Id.Value)];
}
