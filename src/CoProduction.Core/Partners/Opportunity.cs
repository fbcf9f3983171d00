using System.Globalization;
using Ardalis.GuardClauses;
using CoProduction.Partners.Events;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Partners;

/// <summary>
/// An involvement opportunity: a role described for the people who might take it on (what it does, the time it takes,
/// the payment policy, where it happens, accessibility, a closing date), the onboarding checklist the role requires,
/// whether it is fixed-term, and the expressions of interest it received with the decision on each. Drafted, then
/// published, then closed. Selection is always a person's decision with a reason; matching only suggests.
/// </summary>
public sealed class Opportunity : AggregateRoot<OpportunityId>
{
    private readonly List<CheckRequirement> _requiredChecks = [];
    private readonly List<ExpressionOfInterest> _expressions = [];

    private Opportunity(OpportunityId id, OrganisationId organisationId, RoleDescription role, DateOnly closingDate)
        : base(id, organisationId)
    {
        Role = role;
        ClosingDate = closingDate;
    }

    private Opportunity()
    {
        Role = null!;
    }

    /// <summary>Gets the role description.</summary>
    public RoleDescription Role { get; private set; }

    /// <summary>Gets the last day on which people can express interest.</summary>
    public DateOnly ClosingDate { get; private set; }

    /// <summary>Gets whether the opportunity is a draft, published or closed.</summary>
    public OpportunityStatus Status { get; private set; }

    /// <summary>Gets when it was published, if it was.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Gets when it was closed, if it was.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Gets, for a fixed-term role, how many months after appointment it falls due for review; <see langword="null"/> for an open-ended role.</summary>
    public int? FixedTermMonths { get; private set; }

    /// <summary>Gets what the person must have in place before they are given the role.</summary>
    public IReadOnlyList<CheckRequirement> RequiredChecks => _requiredChecks;

    /// <summary>Gets the areas of lived experience the role is looking for, such as "stroke" or "carer"; used only to suggest matches.</summary>
    public IReadOnlyList<string> LivedExperienceSought { get; private set; } = [];

    /// <summary>Gets when the role needs people to be available; used only to suggest matches.</summary>
    public Availability AvailabilityNeeded { get; private set; }

    /// <summary>Gets the expressions of interest, in the order they came.</summary>
    public IReadOnlyList<ExpressionOfInterest> Expressions => _expressions;

    /// <summary>Drafts an opportunity.</summary>
    internal static Opportunity Draft(
        OrganisationId organisationId,
        RoleDescription role,
        DateOnly closingDate,
        IEnumerable<CheckRequirement> requiredChecks,
        int? fixedTermMonths,
        IEnumerable<string> livedExperienceSought,
        Availability availabilityNeeded,
        TimeProvider clock)
    {
        Input.Id(organisationId);
        Guard.Against.Null(role);
        Guard.Against.Null(requiredChecks);
        Guard.Against.Null(livedExperienceSought);
        Guard.Against.Null(clock);
        var checks = requiredChecks.ToList();
        new CommandInput()
            .That(checks.All(c => c is not null), nameof(requiredChecks), "A required check is missing: remove the empty entry.")
            .That(checks.Where(c => c is not null).GroupBy(c => (c.Kind, c.TrainingName?.ToUpperInvariant())).All(g => g.Count() == 1), nameof(requiredChecks), "A check is required twice: list each check (and each training course) once.")
            .That(fixedTermMonths is null or (>= 1 and <= 120), nameof(fixedTermMonths), "Enter a fixed term of 1 to 120 months, or none for an open-ended role.")
            .That(availabilityNeeded >= 0 && (int)availabilityNeeded <= 15, nameof(availabilityNeeded), "Choose the times from WeekdayMornings, WeekdayAfternoons, WeekdayEvenings and Weekends.")
            .ThrowIfInvalid();
        var today = Today(clock);
        Rule.Require(closingDate >= today, PartnerErrorCodes.DateOutOfRange, $"The closing date {D(closingDate)} has passed: give today's date ({D(today)}) or a later one.");
        var opportunity = new Opportunity(OpportunityId.New(), organisationId, role, closingDate)
        {
            FixedTermMonths = fixedTermMonths,
            LivedExperienceSought = [.. livedExperienceSought.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
            AvailabilityNeeded = availabilityNeeded,
        };
        opportunity._requiredChecks.AddRange(checks);
        opportunity.Raise(new OpportunityDrafted(opportunity.Id, clock.GetUtcNow()));
        return opportunity;
    }

    /// <summary>Publishes a draft, opening it to expressions of interest.</summary>
    internal void Publish(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        Rule.Require(Status == OpportunityStatus.Draft, PartnerErrorCodes.OpportunityNotDraft, $"'{Role.Title}' is {Status}, not a draft: only a draft is published.", ("opportunityId", Id));
        var today = Today(clock);
        Rule.Require(ClosingDate >= today, PartnerErrorCodes.DateOutOfRange, $"The closing date {D(ClosingDate)} has passed: draft the opportunity again with a later closing date.", ("opportunityId", Id));
        Status = OpportunityStatus.Published;
        PublishedAt = clock.GetUtcNow();
        Raise(new OpportunityPublished(Id, ClosingDate, PublishedAt.Value));
    }

    /// <summary>Closes a published opportunity to further expressions of interest.</summary>
    internal void Close(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        Rule.Require(Status == OpportunityStatus.Published, PartnerErrorCodes.OpportunityNotOpen, $"'{Role.Title}' is {Status}: only a published opportunity is closed.", ("opportunityId", Id));
        Status = OpportunityStatus.Closed;
        ClosedAt = clock.GetUtcNow();
        Raise(new OpportunityClosed(Id, ClosedAt.Value));
    }

    /// <summary>Records a person's expression of interest.</summary>
    internal ExpressionOfInterest ExpressInterest(ParticipantId participantId, string livedExperience, Availability availability, string? adjustmentsNeeded, TimeProvider clock)
    {
        Input.Id(participantId);
        Input.Required(livedExperience);
        Guard.Against.Null(clock);
        Rule.Require(Status == OpportunityStatus.Published, PartnerErrorCodes.OpportunityNotOpen, $"'{Role.Title}' is {Status}: people can express interest only while it is published.", ("opportunityId", Id));
        var today = Today(clock);
        Rule.Require(today <= ClosingDate, PartnerErrorCodes.OpportunityNotOpen, $"'{Role.Title}' closed on {D(ClosingDate)}: interest can no longer be expressed.", ("opportunityId", Id));
        Rule.Require(!_expressions.Exists(e => e.ParticipantId == participantId && e.WithdrawnAt is null), PartnerErrorCodes.AlreadyExpressedInterest, $"This person has already expressed interest in '{Role.Title}'.", ("participantId", participantId));
        var expression = new ExpressionOfInterest(ExpressionOfInterestId.New(), participantId, livedExperience.Trim(), availability, string.IsNullOrWhiteSpace(adjustmentsNeeded) ? null : adjustmentsNeeded.Trim(), clock.GetUtcNow(), null, null, null, null, null, null, null);
        _expressions.Add(expression);
        Raise(new InterestExpressed(Id, expression.Id, participantId, expression.SubmittedAt));
        return expression;
    }

    /// <summary>Records the decision on an expression of interest, with its reason.</summary>
    internal ExpressionOfInterest Decide(ExpressionOfInterestId expressionId, SelectionOutcome outcome, string reason, ParticipantId decidedBy, TimeProvider clock)
    {
        Input.Defined(outcome);
        Input.Required(reason);
        Input.Id(decidedBy);
        Guard.Against.Null(clock);
        Rule.Require(Status != OpportunityStatus.Draft, PartnerErrorCodes.OpportunityNotOpen, $"'{Role.Title}' is still a draft: publish it first.", ("opportunityId", Id));
        var index = IndexOf(expressionId);
        var expression = _expressions[index];
        Rule.Require(expression.WithdrawnAt is null, PartnerErrorCodes.InterestWithdrawn, "This person withdrew their interest, so there is nothing to decide.", ("expressionId", expressionId));
        Rule.Require(expression.Outcome is null, PartnerErrorCodes.AlreadyDecided, $"A decision ({expression.Outcome}) is already recorded for this expression of interest.", ("expressionId", expressionId));
        _expressions[index] = expression = expression with { Outcome = outcome, DecisionReason = reason.Trim(), DecidedBy = decidedBy, DecidedOn = Today(clock) };
        Raise(new SelectionDecided(Id, expressionId, expression.ParticipantId, outcome, clock.GetUtcNow()));
        return expression;
    }

    /// <summary>Records that the person was told of the decision, when and how.</summary>
    internal ExpressionOfInterest RecordTold(ExpressionOfInterestId expressionId, DateOnly toldOn, ContactMethod via, TimeProvider clock)
    {
        Input.Defined(via);
        Guard.Against.Null(clock);
        var index = IndexOf(expressionId);
        var expression = _expressions[index];
        Rule.Require(expression.Outcome is not null, PartnerErrorCodes.NotDecided, "No decision is recorded for this expression of interest yet: record the decision and its reason first.", ("expressionId", expressionId));
        Rule.Require(toldOn >= expression.DecidedOn!.Value && toldOn <= Today(clock), PartnerErrorCodes.DateOutOfRange, $"The date they were told ({D(toldOn)}) must be between the decision ({D(expression.DecidedOn.Value)}) and today.", ("expressionId", expressionId));
        _expressions[index] = expression = expression with { ToldOn = toldOn, ToldVia = via };
        Raise(new SelectionCommunicated(Id, expressionId, expression.ParticipantId, via, clock.GetUtcNow()));
        return expression;
    }

    /// <summary>Records that a person withdrew their interest.</summary>
    internal void WithdrawInterest(ExpressionOfInterestId expressionId, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        var index = IndexOf(expressionId);
        var expression = _expressions[index];
        Rule.Require(expression.WithdrawnAt is null, PartnerErrorCodes.InterestWithdrawn, "This expression of interest is already withdrawn.", ("expressionId", expressionId));
        _expressions[index] = expression with { WithdrawnAt = clock.GetUtcNow() };
        Raise(new InterestWithdrawn(Id, expressionId, expression.ParticipantId, clock.GetUtcNow()));
    }

    /// <summary>Finds an expression of interest.</summary>
    /// <param name="expressionId">Its id.</param>
    /// <returns>The expression, or <see langword="null"/> when the opportunity has none with that id.</returns>
    public ExpressionOfInterest? FindExpression(ExpressionOfInterestId expressionId) => _expressions.Find(e => e.Id == expressionId);

    /// <summary>
    /// Suggests how well an expression of interest matches the role: the areas of lived experience sought that the
    /// person's words mention, and whether their availability covers the times the role needs. A suggestion only:
    /// nothing is decided from it.
    /// </summary>
    /// <param name="expression">An expression of interest in this opportunity.</param>
    /// <returns>The suggestion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="expression"/> is <see langword="null"/>.</exception>
    internal MatchSuggestion Match(ExpressionOfInterest expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var matched = LivedExperienceSought.Where(area => expression.LivedExperience.Contains(area, StringComparison.OrdinalIgnoreCase)).ToList();
        var covers = (expression.Availability & AvailabilityNeeded) == AvailabilityNeeded;
        return new MatchSuggestion(expression.Id, expression.ParticipantId, matched, LivedExperienceSought.Count - matched.Count, covers);
    }

    /// <summary>Removes, on a participant's erasure, their words from their expressions of interest and the reasons given for decisions about them.</summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        for (var i = 0; i < _expressions.Count; i++)
        {
            var e = _expressions[i];
            if (e.ParticipantId == participantId && e.LivedExperience != PersonalData.RemovedOnErasure)
            {
                _expressions[i] = e with
                {
                    LivedExperience = PersonalData.RemovedOnErasure,
                    AdjustmentsNeeded = PersonalData.Removed(e.AdjustmentsNeeded),
                    DecisionReason = PersonalData.Removed(e.DecisionReason),
                };
                changed = true;
            }
        }

        return changed;
    }

    private int IndexOf(ExpressionOfInterestId expressionId)
    {
        var index = _expressions.FindIndex(e => e.Id == expressionId);
        Rule.Require(index >= 0, PartnerErrorCodes.ExpressionNotFound, $"'{Role.Title}' has no expression of interest {expressionId}: check the id.", ("opportunityId", Id));
        return index;
    }

    internal static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    internal static string D(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>A person's expression of interest in an opportunity, and the decision on it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="LivedExperience">What they bring, in their words: their lived experience and why they are interested.</param>
/// <param name="Availability">When they are available.</param>
/// <param name="AdjustmentsNeeded">The reasonable adjustments they need to take part, if any.</param>
/// <param name="SubmittedAt">When they expressed interest.</param>
/// <param name="Outcome">The decision, once made.</param>
/// <param name="DecisionReason">Why, in words they can be told.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedOn">When.</param>
/// <param name="ToldOn">When they were told.</param>
/// <param name="ToldVia">How they were told.</param>
/// <param name="WithdrawnAt">When they withdrew their interest, if they did.</param>
public sealed record ExpressionOfInterest(
    ExpressionOfInterestId Id,
    ParticipantId ParticipantId,
    string LivedExperience,
    Availability Availability,
    string? AdjustmentsNeeded,
    DateTimeOffset SubmittedAt,
    SelectionOutcome? Outcome,
    string? DecisionReason,
    ParticipantId? DecidedBy,
    DateOnly? DecidedOn,
    DateOnly? ToldOn,
    ContactMethod? ToldVia,
    DateTimeOffset? WithdrawnAt)
{
    /// <summary>Gets what they bring.</summary>
    public string LivedExperience { get; init; } = Input.Required(LivedExperience);

    /// <summary>Gets whether the person was selected and told.</summary>
    public bool IsSelectedAndTold => Outcome == SelectionOutcome.Selected && ToldOn is not null;
}

/// <summary>How well an expression of interest matches a role: a suggestion for the people selecting, never a decision.</summary>
/// <param name="ExpressionId">The expression of interest.</param>
/// <param name="ParticipantId">The person.</param>
/// <param name="LivedExperienceMatched">The areas of lived experience sought that their words mention.</param>
/// <param name="LivedExperienceNotMentioned">How many areas sought their words do not mention.</param>
/// <param name="AvailabilityCovers">Whether they are available at every time the role needs.</param>
public sealed record MatchSuggestion(ExpressionOfInterestId ExpressionId, ParticipantId ParticipantId, IReadOnlyList<string> LivedExperienceMatched, int LivedExperienceNotMentioned, bool AvailabilityCovers)
{
    /// <summary>Gets the areas of lived experience sought that their words mention.</summary>
    public IReadOnlyList<string> LivedExperienceMatched { get; init; } = Guard.Against.Null(LivedExperienceMatched);
}
