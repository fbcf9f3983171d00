using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Readiness.Events;

namespace CoProduction.Programmes.Readiness;

/// <summary>How far an organisation meets a readiness item.</summary>
public enum ReadinessRating
{
    /// <summary>In place.</summary>
    Met,

    /// <summary>Partly in place.</summary>
    Partly,

    /// <summary>Not in place.</summary>
    NotMet,
}

/// <summary>An item of the readiness checklist: what should be in place before running a programme. Immutable.</summary>
/// <param name="Key">A short key, unique within the checklist, such as <c>payment-process</c>.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Description">What "in place" looks like.</param>
public sealed record ReadinessItemDefinition(string Key, string Title, string Description)
{
    /// <summary>Gets the key.</summary>
    public string Key { get; } = Input.Required(Key).Trim().ToLowerInvariant();

    /// <summary>Gets the title.</summary>
    public string Title { get; } = Input.Required(Title).Trim();

    /// <summary>Gets what "in place" looks like.</summary>
    public string Description { get; } = Input.Required(Description).Trim();
}

/// <summary>The preset checklist of the infrastructure and support needed to co-design and co-deliver a training programme with patient trainers (a starting point: copy and edit it).</summary>
public static class ReadinessChecklist
{
    /// <summary>Gets the preset items, written for this library from the workshop's themes.</summary>
    public static IReadOnlyList<ReadinessItemDefinition> Default { get; } =
    [
        new("payment-process", "Payment process", "A payment policy is agreed before involvement starts; patient trainers are paid promptly at agreed rates, can decline payment, and are pointed to tax and benefits advice."),
        new("expenses", "Expenses", "Travel, care and other out-of-pocket costs are reimbursed quickly so that nobody is left out of pocket."),
        new("accessibility", "Accessibility", "Venues, materials and online sessions are accessible; reasonable adjustments are asked about and met before each session."),
        new("facilitator-support", "Support for patient trainers", "Patient trainers have debriefs after sessions, regular supervision, a named mentor and a route to raise concerns."),
        new("trainer-development", "Trainer development", "A pathway takes patient partners from observing to co-facilitating to leading, with training and sign-off at each step."),
        new("sponsorship", "Sponsorship", "A senior sponsor backs the programme, and staff teams get protected time to take part."),
        new("recruitment", "Recruitment of partners", "Patient partners are recruited widely, beyond the same few people, and teams can find partners for their improvement work."),
        new("participation-team", "Participation team", "A participation or involvement team coordinates partners, bookings, payments and support."),
        new("evaluation-plan", "Evaluation plan", "Before-and-after measures, attendance and completion are collected, and results are shared with partners and teams."),
        new("consent-and-data", "Consent and data", "Consent for contact, recording and quotation is recorded; personal data is held once and can be exported or erased."),
    ];
}

/// <summary>One item of an assessment and how the organisation rated itself against it.</summary>
public sealed class ReadinessItem
{
    internal ReadinessItem(ReadinessItemDefinition definition)
    {
        Key = definition.Key;
        Title = definition.Title;
        Description = definition.Description;
    }

    private ReadinessItem()
    {
        Key = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
    }

    /// <summary>Gets the item's key.</summary>
    public string Key { get; private set; }

    /// <summary>Gets the item's title.</summary>
    public string Title { get; private set; }

    /// <summary>Gets what "in place" looks like.</summary>
    public string Description { get; private set; }

    /// <summary>Gets the rating, or <see langword="null"/> while not assessed.</summary>
    public ReadinessRating? Rating { get; private set; }

    /// <summary>Gets the notes: what is in place, and what is missing.</summary>
    public string? Notes { get; private set; }

    /// <summary>Gets who made the latest rating.</summary>
    public ParticipantId? AssessedBy { get; private set; }

    /// <summary>Gets when the latest rating was made.</summary>
    public DateOnly? AssessedOn { get; private set; }

    internal void RemoveNotes() => Notes = PersonalData.RemovedOnErasure;

    internal void Rate(ReadinessRating rating, string? notes, ParticipantId assessedBy, DateOnly assessedOn)
    {
        Rating = rating;
        Notes = notes;
        AssessedBy = assessedBy;
        AssessedOn = assessedOn;
    }
}

/// <summary>A gap: an item not met, partly met or not yet assessed. Immutable.</summary>
/// <param name="Key">The item's key.</param>
/// <param name="Title">The item's title.</param>
/// <param name="Rating">The rating, or <see langword="null"/> when not assessed.</param>
/// <param name="Notes">What is missing, as noted.</param>
public sealed record ReadinessGap(string Key, string Title, ReadinessRating? Rating, string? Notes)
{
    /// <summary>Gets the item's key.</summary>
    public string Key { get; } = Input.Required(Key);

    /// <summary>Gets the item's title.</summary>
    public string Title { get; } = Input.Required(Title);
}

/// <summary>The summary of an assessment: counts per rating and the gaps, worst first.</summary>
/// <param name="Total">How many items.</param>
/// <param name="Met">How many are met.</param>
/// <param name="Partly">How many are partly met.</param>
/// <param name="NotMet">How many are not met.</param>
/// <param name="NotAssessed">How many are not yet assessed.</param>
/// <param name="Gaps">The gaps: not met first, then partly met, then not assessed.</param>
public sealed record ReadinessSummary(int Total, int Met, int Partly, int NotMet, int NotAssessed, IReadOnlyList<ReadinessGap> Gaps)
{
    /// <summary>Gets the gaps, worst first.</summary>
    public IReadOnlyList<ReadinessGap> Gaps { get; } = Guard.Against.Null(Gaps);

    /// <summary>Gets whether every item is met.</summary>
    public bool IsReady => Total > 0 && Met == Total;

    /// <summary>Renders the summary as Markdown: a headline and one line per gap.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var builder = new System.Text.StringBuilder();
        builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Readiness: {Met} of {Total} met, {Partly} partly, {NotMet} not met, {NotAssessed} not assessed.");
        foreach (var gap in Gaps)
        {
            var rating = gap.Rating switch
            {
                ReadinessRating.NotMet => "not met",
                ReadinessRating.Partly => "partly met",
                ReadinessRating.Met => "met",
                _ => "not assessed",
            };
            builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {MarkdownText.Inline(gap.Title)}: {rating}{(gap.Notes is null ? string.Empty : " - " + MarkdownText.Inline(gap.Notes))}");
        }

        return builder.ToString();
    }
}

/// <summary>
/// An organisation's self-assessment of the infrastructure and support needed before running a co-produced training
/// programme (payment process, accessibility, facilitator support, sponsorship, evaluation plan...), with a summary
/// of the gaps. Items rated Partly or NotMet need notes saying what is missing.
/// </summary>
public sealed class ReadinessAssessment : AggregateRoot<ReadinessAssessmentId>
{
    private readonly List<ReadinessItem> _items = [];

    private ReadinessAssessment(ReadinessAssessmentId id, OrganisationId organisationId, string title, ProgrammeId? programmeId, DateTimeOffset startedAt)
        : base(id, organisationId)
    {
        Title = title;
        ProgrammeId = programmeId;
        StartedAt = startedAt;
    }

    private ReadinessAssessment()
    {
        Title = string.Empty;
    }

    /// <summary>Gets the assessment's title, such as "Readiness for cohort 4".</summary>
    public string Title { get; private set; }

    /// <summary>Gets the programme assessed for, if any.</summary>
    public ProgrammeId? ProgrammeId { get; private set; }

    /// <summary>Gets when the assessment was started.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Gets the items.</summary>
    public IReadOnlyList<ReadinessItem> Items => _items;

    /// <summary>Removes the notes of the items an erased person rated; returns whether anything changed.</summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        foreach (var item in _items.Where(i => i.AssessedBy == participantId && i.Notes is not null))
        {
            item.RemoveNotes();
            changed = true;
        }

        return changed;
    }

    /// <summary>Starts an assessment from a checklist (such as <see cref="ReadinessChecklist.Default"/>).</summary>
    /// <param name="organisationId">The organisation assessing itself.</param>
    /// <param name="title">The assessment's title.</param>
    /// <param name="programmeId">The programme assessed for, if any.</param>
    /// <param name="checklist">The items (at least one; keys unique).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new assessment, to be added to the store.</returns>
    internal static ReadinessAssessment Start(OrganisationId organisationId, string title, ProgrammeId? programmeId, IEnumerable<ReadinessItemDefinition> checklist, TimeProvider clock)
    {
        Input.Required(title);
        Guard.Against.Null(checklist);
        Guard.Against.Null(clock);
        var items = checklist.ToList();
        if (items.Count == 0 || items.Any(i => i is null))
        {
            throw new InvalidInputException(nameof(checklist), "A readiness checklist needs at least one item and no null entries: start from ReadinessChecklist.Default.");
        }

        var repeated = items.GroupBy(i => i.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidInputException(nameof(checklist), $"Readiness item '{repeated.Key}' appears more than once: give each item its own key.");
        }

        var now = clock.GetUtcNow();
        var assessment = new ReadinessAssessment(ReadinessAssessmentId.New(), organisationId, title.Trim(), programmeId, now);
        assessment._items.AddRange(items.Select(i => new ReadinessItem(i)));
        assessment.Raise(new ReadinessAssessmentStarted(assessment.Id, now));
        return assessment;
    }

    /// <summary>Adds an item of the organisation's own.</summary>
    /// <param name="definition">The item.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">An item with that key exists (<see cref="ProgrammeErrorCodes.DuplicateReadinessItem"/>).</exception>
    internal void AddItem(ReadinessItemDefinition definition, TimeProvider clock)
    {
        Guard.Against.Null(definition);
        Guard.Against.Null(clock);
        Rule.Require(
            FindItem(definition.Key) is null,
            ProgrammeErrorCodes.DuplicateReadinessItem,
            $"The assessment already has an item '{definition.Key}': rate that item, or give the new one another key.");
        _items.Add(new ReadinessItem(definition));
        Raise(new ReadinessItemRated(Id, definition.Key, null, clock.GetUtcNow()));
    }

    /// <summary>Rates an item. Partly and NotMet need notes saying what is missing.</summary>
    /// <param name="key">The item's key.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="notes">What is in place and what is missing.</param>
    /// <param name="assessedBy">Who rated it.</param>
    /// <param name="assessedOn">When.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">A rule is broken; see <see cref="ProgrammeErrorCodes"/>.</exception>
    internal void Rate(string key, ReadinessRating rating, string? notes, ParticipantId assessedBy, DateOnly assessedOn, TimeProvider clock)
    {
        Input.Required(key);
        Input.Defined(rating);
        Input.Id(assessedBy);
        Guard.Against.Null(clock);
        var item = FindItem(key);
        Rule.Require(
            item is not null,
            ProgrammeErrorCodes.ReadinessItemNotFound,
            $"The assessment has no item '{key.Trim()}': use one of {string.Join(", ", _items.Select(i => i.Key))}, or add it with AddItem.");
        var trimmed = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Rule.Require(
            rating == ReadinessRating.Met || trimmed is not null,
            ProgrammeErrorCodes.ReadinessNotesRequired,
            $"'{item!.Title}' is rated {rating} without notes: say what is missing, so that the gap can be closed.");
        item!.Rate(rating, trimmed, assessedBy, assessedOn);
        Raise(new ReadinessItemRated(Id, item.Key, rating, clock.GetUtcNow()));
    }

    /// <summary>Finds an item by key (ignoring case).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The item, or <see langword="null"/>.</returns>
    public ReadinessItem? FindItem(string key)
    {
        Input.Required(key);
        return _items.Find(i => string.Equals(i.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Summarises the assessment: counts per rating and the gaps, not met first, then partly, then not assessed.</summary>
    /// <returns>The summary.</returns>
    public ReadinessSummary Summarise()
    {
        static int Order(ReadinessRating? rating) => rating switch
        {
            ReadinessRating.NotMet => 0,
            ReadinessRating.Partly => 1,
            _ => 2,
        };

        var gaps = _items
            .Where(i => i.Rating != ReadinessRating.Met)
            .Select((item, index) => (item, index))
            .OrderBy(x => Order(x.item.Rating))
            .ThenBy(x => x.index)
            .Select(x => new ReadinessGap(x.item.Key, x.item.Title, x.item.Rating, x.item.Notes))
            .ToList();
        return new ReadinessSummary(
            _items.Count,
            _items.Count(i => i.Rating == ReadinessRating.Met),
            _items.Count(i => i.Rating == ReadinessRating.Partly),
            _items.Count(i => i.Rating == ReadinessRating.NotMet),
            _items.Count(i => i.Rating is null),
            gaps);
    }
}
