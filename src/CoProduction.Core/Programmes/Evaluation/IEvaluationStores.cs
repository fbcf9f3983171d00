using CoProduction.Programmes.Cohorts;
using CoProduction.Storage;

namespace CoProduction.Programmes.Evaluation;

/// <summary>Stores questionnaires.</summary>
public interface IQuestionnaireStore : IAggregateStore<Questionnaire, QuestionnaireId>
{
    /// <summary>Lists the current organisation's questionnaires, by title.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The questionnaires.</returns>
    Task<IReadOnlyList<Questionnaire>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Stores cohort evaluations.</summary>
public interface ICohortEvaluationStore : IAggregateStore<CohortEvaluation, CohortEvaluationId>
{
    /// <summary>Lists the evaluations of a cohort.</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The evaluations, oldest first.</returns>
    Task<IReadOnlyList<CohortEvaluation>> ListByCohortAsync(CohortId cohortId, CancellationToken cancellationToken);

    /// <summary>Lists the evaluations of a programme's cohorts.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The evaluations, oldest first.</returns>
    Task<IReadOnlyList<CohortEvaluation>> ListByProgrammeAsync(ProgrammeId programmeId, CancellationToken cancellationToken);
}
