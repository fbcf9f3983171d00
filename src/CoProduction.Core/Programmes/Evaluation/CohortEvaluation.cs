using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation.Events;

namespace CoProduction.Programmes.Evaluation;

/// <summary>When a questionnaire was answered.</summary>
public enum ResponseTiming
{
    /// <summary>Before the cohort (baseline).</summary>
    Before,

    /// <summary>After the cohort.</summary>
    After,
}

/// <summary>One answer given: an item and the point of the scale chosen. Immutable.</summary>
/// <param name="ItemCode">The item's code.</param>
/// <param name="Value">The point of the scale.</param>
public sealed record LikertAnswer(string ItemCode, int Value)
{
    /// <summary>Gets the item's code.</summary>
    public string ItemCode { get; } = Input.Required(ItemCode).Trim();
}

/// <summary>One stored answer of one participant, before or after. Immutable.</summary>
/// <param name="ParticipantId">Who answered.</param>
/// <param name="Timing">Before or after.</param>
/// <param name="ItemCode">The item.</param>
/// <param name="Value">The point of the scale.</param>
/// <param name="AnsweredOn">When.</param>
public sealed record QuestionnaireAnswer(ParticipantId ParticipantId, ResponseTiming Timing, string ItemCode, int Value, DateOnly AnsweredOn)
{
    /// <summary>Gets the item's code.</summary>
    public string ItemCode { get; } = Input.Required(ItemCode);
}

/// <summary>
/// The before-and-after evaluation of one cohort with one questionnaire: each enrolled participant answers once
/// before and once after. Keeps a copy of the questionnaire's items and scale so that the analysis stands on its own.
/// </summary>
public sealed class CohortEvaluation : AggregateRoot<CohortEvaluationId>
{
    private readonly List<LikertItem> _items = [];
    private readonly List<QuestionnaireAnswer> _answers = [];

    private CohortEvaluation(CohortEvaluationId id, Cohort cohort, Questionnaire questionnaire, DateTimeOffset startedAt)
        : base(id, cohort.OrganisationId)
    {
        CohortId = cohort.Id;
        ProgrammeId = cohort.ProgrammeId;
        QuestionnaireId = questionnaire.Id;
        ScaleMinimum = questionnaire.ScaleMinimum;
        ScaleMaximum = questionnaire.ScaleMaximum;
        _items.AddRange(questionnaire.Items);
        StartedAt = startedAt;
    }

    private CohortEvaluation()
    {
    }

    /// <summary>Gets the cohort evaluated.</summary>
    public CohortId CohortId { get; private set; }

    /// <summary>Gets the cohort's programme.</summary>
    public ProgrammeId ProgrammeId { get; private set; }

    /// <summary>Gets the questionnaire used.</summary>
    public QuestionnaireId QuestionnaireId { get; private set; }

    /// <summary>Gets the lowest point of the scale.</summary>
    public int ScaleMinimum { get; private set; }

    /// <summary>Gets the highest point of the scale.</summary>
    public int ScaleMaximum { get; private set; }

    /// <summary>Gets the questionnaire's items.</summary>
    public IReadOnlyList<LikertItem> Items => _items;

    /// <summary>Gets every answer recorded.</summary>
    public IReadOnlyList<QuestionnaireAnswer> Answers => _answers;

    /// <summary>Gets when the evaluation was started.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Starts the evaluation of a cohort with a questionnaire of the same organisation.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <param name="questionnaire">The questionnaire.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new evaluation, to be added to the store.</returns>
    /// <exception cref="ArgumentException">The questionnaire belongs to another organisation.</exception>
    internal static CohortEvaluation Start(Cohort cohort, Questionnaire questionnaire, TimeProvider clock)
    {
        Guard.Against.Null(cohort);
        Guard.Against.Null(questionnaire);
        Guard.Against.Null(clock);
        if (questionnaire.OrganisationId != cohort.OrganisationId)
        {
            throw new InvalidInputException(nameof(questionnaire), "The questionnaire belongs to another organisation than the cohort: use one of the cohort's organisation.");
        }

        var now = clock.GetUtcNow();
        var evaluation = new CohortEvaluation(CohortEvaluationId.New(), cohort, questionnaire, now);
        evaluation.Raise(new CohortEvaluationStarted(evaluation.Id, cohort.Id, questionnaire.Id, now));
        return evaluation;
    }

    /// <summary>
    /// Records an enrolled participant's answers, before or after. Each participant answers once at each point;
    /// every answer must name an item of the questionnaire and lie on its scale. Items may be left unanswered.
    /// </summary>
    /// <param name="cohort">The evaluated cohort, to check enrolment.</param>
    /// <param name="participantId">Who answered.</param>
    /// <param name="timing">Before or after.</param>
    /// <param name="answeredOn">When.</param>
    /// <param name="answers">The answers (at least one; each item once).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The cohort is not the evaluated one, there are no answers, or an item is answered twice.</exception>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void RecordResponse(Cohort cohort, ParticipantId participantId, ResponseTiming timing, DateOnly answeredOn, IEnumerable<LikertAnswer> answers, TimeProvider clock)
    {
        Guard.Against.Null(cohort);
        Input.Id(participantId);
        Input.Defined(timing);
        Guard.Against.Null(answers);
        Guard.Against.Null(clock);
        if (cohort.Id != CohortId)
        {
            throw new InvalidInputException(nameof(cohort), $"This evaluation is of cohort {CohortId}, not {cohort.Id}: pass the evaluated cohort.");
        }

        var list = answers.ToList();
        if (list.Count == 0 || list.Any(a => a is null))
        {
            throw new InvalidInputException(nameof(answers), "A response needs at least one answer and no null entries.");
        }

        var repeated = list.GroupBy(a => a.ItemCode, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidInputException(nameof(answers), $"Item '{repeated.Key}' is answered more than once: give one answer per item.");
        }

        Rule.Require(
            cohort.FindTeamOf(participantId) is not null,
            ProgrammeErrorCodes.ParticipantNotEnrolled,
            $"The person answering is not enrolled in cohort '{cohort.Name}', so their questionnaire cannot count in its evaluation: record responses only from members of enrolled teams.",
            ("participantId", participantId));
        Rule.Require(
            !_answers.Exists(a => a.ParticipantId == participantId && a.Timing == timing),
            ProgrammeErrorCodes.ResponseAlreadyRecorded,
            $"The person answering already has a questionnaire recorded {timing.ToString().ToLowerInvariant()} the cohort: each participant answers once before and once after.",
            ("participantId", participantId));
        var unknown = list.Where(a => FindItem(a.ItemCode) is null).Select(a => a.ItemCode).ToList();
        Rule.Require(
            unknown.Count == 0,
            ProgrammeErrorCodes.UnknownQuestionnaireItem,
            $"The questionnaire has no item {string.Join(", ", unknown.Select(c => $"'{c}'"))}: use {string.Join(", ", _items.Select(i => i.Code))}.");
        var outside = list.Where(a => a.Value < ScaleMinimum || a.Value > ScaleMaximum).ToList();
        Rule.Require(
            outside.Count == 0,
            ProgrammeErrorCodes.AnswerOutOfScale,
            $"{string.Join(", ", outside.Select(a => $"'{a.ItemCode}' = {a.Value}"))} is outside the scale: give a value from {ScaleMinimum} to {ScaleMaximum}.");

        foreach (var answer in list)
        {
            _answers.Add(new QuestionnaireAnswer(participantId, timing, FindItem(answer.ItemCode)!.Code, answer.Value, answeredOn));
        }

        Raise(new QuestionnaireResponseRecorded(Id, participantId, timing, clock.GetUtcNow()));
    }

    /// <summary>Counts the participants who answered at a point.</summary>
    /// <param name="timing">Before or after.</param>
    /// <returns>The number of respondents.</returns>
    public int RespondentCount(ResponseTiming timing) => _answers.Where(a => a.Timing == timing).Select(a => a.ParticipantId).Distinct().Count();

    /// <summary>Gets the pairs (before, after) of one item: one per participant who answered it at both points.</summary>
    /// <param name="itemCode">The item.</param>
    /// <returns>The pairs, in order of the before answers.</returns>
    public IReadOnlyList<(int Before, int After)> PairsFor(string itemCode)
    {
        Input.Required(itemCode);
        var before = _answers.Where(a => a.Timing == ResponseTiming.Before && string.Equals(a.ItemCode, itemCode, StringComparison.OrdinalIgnoreCase)).ToList();
        var pairs = new List<(int Before, int After)>();
        foreach (var answer in before)
        {
            var after = _answers.Find(a => a.Timing == ResponseTiming.After && a.ParticipantId == answer.ParticipantId && string.Equals(a.ItemCode, answer.ItemCode, StringComparison.Ordinal));
            if (after is not null)
            {
                pairs.Add((answer.Value, after.Value));
            }
        }

        return pairs;
    }

    private LikertItem? FindItem(string code) => _items.Find(i => string.Equals(i.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
