using Ardalis.GuardClauses;
using CoProduction.Primitives;
using CoProduction.Programmes.Evaluation.Events;

namespace CoProduction.Programmes.Evaluation;

/// <summary>A Likert item: a statement rated on the questionnaire's scale, such as "I feel confident to co-produce an improvement with patients". Immutable.</summary>
/// <param name="Code">A short code, unique within the questionnaire, such as <c>confidence</c>.</param>
/// <param name="Statement">The statement participants rate.</param>
public sealed record LikertItem(string Code, string Statement)
{
    /// <summary>Gets the item's code.</summary>
    public string Code { get; } = Input.Required(Code).Trim();

    /// <summary>Gets the statement.</summary>
    public string Statement { get; } = Input.Required(Statement).Trim();
}

/// <summary>
/// An evaluation questionnaire of Likert items, given to participants before and after a cohort. A questionnaire
/// cannot be edited once created, so that before and after answers stay comparable; create a new one to change it.
/// </summary>
public sealed class Questionnaire : AggregateRoot<QuestionnaireId>
{
    private readonly List<LikertItem> _items = [];

    private Questionnaire(QuestionnaireId id, OrganisationId organisationId, string title, int scaleMinimum, int scaleMaximum, DateTimeOffset createdAt)
        : base(id, organisationId)
    {
        Title = title;
        ScaleMinimum = scaleMinimum;
        ScaleMaximum = scaleMaximum;
        CreatedAt = createdAt;
    }

    private Questionnaire()
    {
        Title = string.Empty;
    }

    /// <summary>Gets the questionnaire's title.</summary>
    public string Title { get; private set; }

    /// <summary>Gets the lowest point of the scale, such as 1 ("strongly disagree").</summary>
    public int ScaleMinimum { get; private set; }

    /// <summary>Gets the highest point of the scale, such as 5 ("strongly agree").</summary>
    public int ScaleMaximum { get; private set; }

    /// <summary>Gets when the questionnaire was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Gets the items, in order.</summary>
    public IReadOnlyList<LikertItem> Items => _items;

    /// <summary>Creates a questionnaire.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="title">Its title.</param>
    /// <param name="scaleMinimum">The lowest point of the scale (0 or more).</param>
    /// <param name="scaleMaximum">The highest point (above the lowest, at most 10 points above it).</param>
    /// <param name="items">The items (at least one; codes unique).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new questionnaire, to be added to the store.</returns>
    internal static Questionnaire Create(OrganisationId organisationId, string title, int scaleMinimum, int scaleMaximum, IEnumerable<LikertItem> items, TimeProvider clock)
    {
        Input.Required(title);
        Guard.Against.Null(items);
        Guard.Against.Null(clock);
        Input.InRange(scaleMinimum, nameof(scaleMinimum), 0, 100);
        if (scaleMaximum <= scaleMinimum || scaleMaximum - scaleMinimum > 10)
        {
            throw new InvalidInputException(nameof(scaleMaximum), $"A Likert scale from {scaleMinimum} to {scaleMaximum} is not usable: the top must be above the bottom and at most 10 points above it, such as 1 to 5.");
        }

        var list = items.ToList();
        if (list.Count == 0 || list.Any(i => i is null))
        {
            throw new InvalidInputException(nameof(items), "A questionnaire needs at least one Likert item and no null entries.");
        }

        var repeated = list.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidInputException(nameof(items), $"Item code '{repeated.Key}' is used more than once: give each item its own code.");
        }

        var now = clock.GetUtcNow();
        var questionnaire = new Questionnaire(QuestionnaireId.New(), organisationId, title.Trim(), scaleMinimum, scaleMaximum, now);
        questionnaire._items.AddRange(list);
        questionnaire.Raise(new QuestionnaireCreated(questionnaire.Id, now));
        return questionnaire;
    }
}
