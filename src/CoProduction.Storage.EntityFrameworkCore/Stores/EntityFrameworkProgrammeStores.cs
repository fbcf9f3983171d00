using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Readiness;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

// Every list is ordered here rather than in SQL, as the in-memory stores order it: SQLite cannot order by a
// DateTimeOffset, GUIDs compare differently in each database, and collations differ.

/// <summary>The Entity Framework Core <see cref="IProgrammeStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkProgrammeStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<Programme, ProgrammeId>(dependencies), IProgrammeStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken)
    {
        var programmes = await QueryAsync(q => q, cancellationToken).ConfigureAwait(false);
        return [.. programmes.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id.Value)];
    }

    /// <inheritdoc />
    public async Task<Programme?> FindByNameAsync(string name, CancellationToken cancellationToken)
        => (await QueryAsync(q => q.Where(p => p.Name == name), cancellationToken).ConfigureAwait(false)).FirstOrDefault();
}

/// <summary>The Entity Framework Core <see cref="ICohortStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkCohortStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<Cohort, CohortId>(dependencies), ICohortStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Cohort>> ListByProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var cohorts = await QueryAsync(q => q.Where(c => c.ProgrammeId == programmeId), cancellationToken).ConfigureAwait(false);
        return [.. cohorts.OrderBy(c => c.StartDate).ThenBy(c => c.Id.Value)];
    }
}

/// <summary>The Entity Framework Core <see cref="IPatientTrainerPathwayStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkPatientTrainerPathwayStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<PatientTrainerPathway, PatientTrainerPathwayId>(dependencies), IPatientTrainerPathwayStore
{
    /// <inheritdoc />
    public async Task<PatientTrainerPathway?> FindByParticipantAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var pathways = await QueryAsync(q => q.Where(p => p.ParticipantId == participantId), cancellationToken).ConfigureAwait(false);
        return pathways.OrderBy(p => p.StartedOn).ThenBy(p => p.Id.Value).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PatientTrainerPathway>> ListAsync(PathwayStage? stage, CancellationToken cancellationToken)
    {
        var pathways = await QueryAsync(q => stage is { } only ? q.Where(p => p.Stage == only) : q, cancellationToken).ConfigureAwait(false);
        return [.. pathways.OrderBy(p => p.StartedOn).ThenBy(p => p.Id.Value)];
    }
}

/// <summary>The Entity Framework Core <see cref="IReadinessAssessmentStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkReadinessAssessmentStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<ReadinessAssessment, ReadinessAssessmentId>(dependencies), IReadinessAssessmentStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReadinessAssessment>> ListAsync(CancellationToken cancellationToken)
    {
        var assessments = await QueryAsync(q => q, cancellationToken).ConfigureAwait(false);
        return [.. assessments.OrderByDescending(a => a.StartedAt).ThenBy(a => a.Id.Value)];
    }
}

/// <summary>The Entity Framework Core <see cref="IQuestionnaireStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkQuestionnaireStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<Questionnaire, QuestionnaireId>(dependencies), IQuestionnaireStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<Questionnaire>> ListAsync(CancellationToken cancellationToken)
    {
        var questionnaires = await QueryAsync(q => q, cancellationToken).ConfigureAwait(false);
        return [.. questionnaires.OrderBy(q => q.Title, StringComparer.Ordinal).ThenBy(q => q.Id.Value)];
    }
}

/// <summary>The Entity Framework Core <see cref="ICohortEvaluationStore"/>.</summary>
/// <param name="dependencies">The context factory, organisation context and outbox.</param>
internal sealed class EntityFrameworkCohortEvaluationStore(EntityFrameworkStoreDependencies dependencies)
    : EntityFrameworkAggregateStore<CohortEvaluation, CohortEvaluationId>(dependencies), ICohortEvaluationStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<CohortEvaluation>> ListByCohortAsync(CohortId cohortId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(e => e.CohortId == cohortId), cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<CohortEvaluation>> ListByProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken)
        => Ordered(await QueryAsync(q => q.Where(e => e.ProgrammeId == programmeId), cancellationToken).ConfigureAwait(false));

    private static IReadOnlyList<CohortEvaluation> Ordered(IEnumerable<CohortEvaluation> evaluations)
        => [.. evaluations.OrderBy(e => e.StartedAt).ThenBy(e => e.Id.Value)];
}
