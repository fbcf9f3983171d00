using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts;

namespace CoProduction.Programmes.Evaluation;

/// <summary>
/// Use cases for evaluation: create questionnaires, evaluate cohorts before and after, and report on a programme
/// across its cohorts. Checks that respondents exist in the current organisation, are not erased and are enrolled in
/// the cohort.
/// </summary>
public sealed class ProgrammeEvaluationService
{
    private readonly IQuestionnaireStore _questionnaires;
    private readonly ICohortEvaluationStore _evaluations;
    private readonly ICohortStore _cohorts;
    private readonly IProgrammeStore _programmes;
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="questionnaires">The questionnaire store.</param>
    /// <param name="evaluations">The cohort evaluation store.</param>
    /// <param name="cohorts">The cohort store.</param>
    /// <param name="programmes">The programme store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    public ProgrammeEvaluationService(IQuestionnaireStore questionnaires, ICohortEvaluationStore evaluations, ICohortStore cohorts, IProgrammeStore programmes, IParticipantStore participants, IOrganisationContext organisation, TimeProvider clock)
    {
        _questionnaires = Guard.Against.Null(questionnaires);
        _evaluations = Guard.Against.Null(evaluations);
        _cohorts = Guard.Against.Null(cohorts);
        _programmes = Guard.Against.Null(programmes);
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Creates a questionnaire of Likert items.</summary>
    /// <param name="title">Its title.</param>
    /// <param name="scaleMinimum">The lowest point of the scale.</param>
    /// <param name="scaleMaximum">The highest point of the scale.</param>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new questionnaire.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The title is blank, the scale's minimum is not 0 to 100 or its maximum not 1 to 10 points above it, there is no item, an item is <see langword="null"/> or its code repeats, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    public async Task<Questionnaire> CreateQuestionnaireAsync(string title, int scaleMinimum, int scaleMaximum, IEnumerable<LikertItem> items, CancellationToken cancellationToken)
    {
        var questionnaire = Questionnaire.Create(_organisation.CurrentOrganisationId, title, scaleMinimum, scaleMaximum, items, _clock);
        await _questionnaires.AddAsync(questionnaire, cancellationToken).ConfigureAwait(false);
        return questionnaire;
    }

    /// <summary>Starts the before-and-after evaluation of a cohort with a questionnaire (once per cohort and questionnaire).</summary>
    /// <param name="cohortId">The cohort.</param>
    /// <param name="questionnaireId">The questionnaire.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new evaluation.</returns>
    /// <exception cref="RecordNotFoundException">The cohort or questionnaire is unknown, an empty id included (<see cref="ProgrammeErrorCodes.CohortNotFound"/>, <see cref="ProgrammeErrorCodes.QuestionnaireNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The cohort already has an evaluation with that questionnaire (<see cref="ProgrammeErrorCodes.EvaluationAlreadyExists"/>). The store keeps the rule: of two calls racing for the same cohort and questionnaire, one stores the evaluation and the other is refused with that code.</exception>
    public async Task<CohortEvaluation> StartEvaluationAsync(CohortId cohortId, QuestionnaireId questionnaireId, CancellationToken cancellationToken)
    {
        var cohort = await RequireCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        var questionnaire = await _questionnaires.FindAsync(questionnaireId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(ProgrammeErrorCodes.QuestionnaireNotFound, $"No questionnaire {questionnaireId} exists in this organisation: check the id, or create the questionnaire first.");
        // A friendly early answer; the store's unique rule (one per cohort and questionnaire) is what guarantees it.
        var existing = await _evaluations.ListByCohortAsync(cohortId, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            !existing.Any(e => e.QuestionnaireId == questionnaireId),
            ProgrammeErrorCodes.EvaluationAlreadyExists,
            $"Cohort '{cohort.Name}' is already evaluated with questionnaire '{questionnaire.Title}': record responses on that evaluation.");
        var evaluation = CohortEvaluation.Start(cohort, questionnaire, _clock);
        await _evaluations.AddAsync(evaluation, cancellationToken).ConfigureAwait(false);
        return evaluation;
    }

    /// <summary>Records a participant's answers before or after the cohort.</summary>
    /// <param name="evaluationId">The evaluation.</param>
    /// <param name="participantId">Who answered (an enrolled member of the cohort).</param>
    /// <param name="timing">Before or after.</param>
    /// <param name="answeredOn">When.</param>
    /// <param name="answers">The answers.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The respondent's id is empty, the timing is not defined, there is no answer, an answer is <see langword="null"/>, or an item is answered twice.</exception>
    /// <exception cref="RecordNotFoundException">The evaluation (an empty id included) or the respondent is unknown (<see cref="ProgrammeErrorCodes.EvaluationNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The respondent has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), is not enrolled in the cohort (<see cref="ProgrammeErrorCodes.ParticipantNotEnrolled"/>) or has already answered at that point (<see cref="ProgrammeErrorCodes.ResponseAlreadyRecorded"/>), or an answer names an item the questionnaire does not have (<see cref="ProgrammeErrorCodes.UnknownQuestionnaireItem"/>) or lies off its scale (<see cref="ProgrammeErrorCodes.AnswerOutOfScale"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the evaluation meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RecordResponseAsync(CohortEvaluationId evaluationId, ParticipantId participantId, ResponseTiming timing, DateOnly answeredOn, IEnumerable<LikertAnswer> answers, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        Guard.Against.Null(answers);
        var evaluation = await _evaluations.FindAsync(evaluationId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(ProgrammeErrorCodes.EvaluationNotFound, $"No cohort evaluation {evaluationId} exists in this organisation: check the id, or start the evaluation first.");
        await ParticipantLookup.RequireAsync(_participants, participantId, "a respondent", cancellationToken).ConfigureAwait(false);
        var cohort = await RequireCohortAsync(evaluation.CohortId, cancellationToken).ConfigureAwait(false);
        evaluation.RecordResponse(cohort, participantId, timing, answeredOn, answers, _clock);
        await _evaluations.UpdateAsync(evaluation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finds a cohort evaluation.</summary>
    /// <param name="evaluationId">The evaluation.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The evaluation, or <see langword="null"/>.</returns>
    public ValueTask<CohortEvaluation?> FindEvaluationAsync(CohortEvaluationId evaluationId, CancellationToken cancellationToken) => _evaluations.FindAsync(evaluationId, cancellationToken);

    /// <summary>Lists one page of the current organisation's questionnaires, in the order they were created, with the number of them all.</summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="Storage.PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public Task<Storage.Page<Questionnaire>> ListQuestionnairesAsync(Storage.PageRequest page, CancellationToken cancellationToken) => _questionnaires.ListPageAsync(page, cancellationToken);

    /// <summary>Reports on a programme across its cohorts, with the before-and-after changes of one questionnaire.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="questionnaireId">The questionnaire whose evaluations to pool, or <see langword="null"/> for a report without them.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    /// <exception cref="RecordNotFoundException">The programme is unknown, an empty id included (<see cref="ProgrammeErrorCodes.ProgrammeNotFound"/>).</exception>
    public async Task<ProgrammeReport> BuildReportAsync(ProgrammeId programmeId, QuestionnaireId? questionnaireId, CancellationToken cancellationToken)
    {
        var programme = await _programmes.FindAsync(programmeId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(ProgrammeErrorCodes.ProgrammeNotFound, $"No programme {programmeId} exists in this organisation: check the id.");
        var cohorts = await _cohorts.ListByProgrammeAsync(programmeId, cancellationToken).ConfigureAwait(false);
        var evaluations = questionnaireId is null
            ? []
            : (await _evaluations.ListByProgrammeAsync(programmeId, cancellationToken).ConfigureAwait(false)).Where(e => e.QuestionnaireId == questionnaireId).ToList();
        return ProgrammeReport.Build(programme, cohorts, evaluations);
    }

    private async Task<Cohort> RequireCohortAsync(CohortId cohortId, CancellationToken cancellationToken)
    {
        var cohort = await _cohorts.FindAsync(cohortId, cancellationToken).ConfigureAwait(false);
        return cohort ?? throw new RecordNotFoundException(
            ProgrammeErrorCodes.CohortNotFound,
            $"No cohort {cohortId} exists in this organisation: check the id, or plan the cohort first.");
    }
}
