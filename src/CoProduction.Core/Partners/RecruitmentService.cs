using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;

namespace CoProduction.Partners;

/// <summary>
/// Use cases of recruiting partners: drafting, publishing and closing opportunities; taking expressions of interest;
/// suggesting matches (a suggestion, never a decision); recording each selection decision with its reason, and that the
/// person was told.
/// </summary>
public sealed class RecruitmentService
{
    /// <summary>How many times expressing interest is tried when others change the opportunity meanwhile.</summary>
    internal const int ExpressInterestAttempts = 3;

    private readonly IOpportunityStore _opportunities;
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly IActorContext _actor;
    private readonly PartnerOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="opportunities">The opportunity store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="actor">Who the current command runs for: the person deciding on an expression of interest.</param>
    /// <param name="options">The library's options (<see cref="CoProductionOptions.Partners"/>: who is on the participation team).</param>
    /// <param name="clock">The clock.</param>
    public RecruitmentService(IOpportunityStore opportunities, IParticipantStore participants, IOrganisationContext organisation, IActorContext actor, Microsoft.Extensions.Options.IOptions<CoProductionOptions> options, TimeProvider clock)
    {
        _opportunities = Guard.Against.Null(opportunities);
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _actor = Guard.Against.Null(actor);
        _options = Guard.Against.Null(options).Value.Partners;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Finds an opportunity of the current organisation.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The opportunity, or <see langword="null"/> when there is none.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    public ValueTask<Opportunity?> FindAsync(OpportunityId opportunityId, CancellationToken cancellationToken)
    {
        Input.Id(opportunityId);
        return _opportunities.FindAsync(opportunityId, cancellationToken);
    }

    /// <summary>Lists the current organisation's opportunities, optionally only those with a status, by closing date.</summary>
    /// <param name="status">The status, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The opportunities.</returns>
    /// <exception cref="InvalidInputException">The status is not defined.</exception>
    public Task<IReadOnlyList<Opportunity>> ListAsync(OpportunityStatus? status, CancellationToken cancellationToken)
    {
        if (status is { } s)
        {
            Input.Defined(s);
        }

        return _opportunities.ListAsync(status, cancellationToken);
    }

    /// <summary>Drafts an opportunity: the role description, its closing date, its onboarding checklist and what it looks for.</summary>
    /// <param name="role">The role description.</param>
    /// <param name="closingDate">The last day to express interest (today or later).</param>
    /// <param name="requiredChecks">The checks a person must have in place before they are given the role.</param>
    /// <param name="fixedTermMonths">For a fixed-term role, the months after appointment at which it is reviewed; <see langword="null"/> for an open-ended role.</param>
    /// <param name="livedExperienceSought">The areas of lived experience sought, for match suggestions.</param>
    /// <param name="availabilityNeeded">When people need to be available, for match suggestions.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved draft.</returns>
    /// <exception cref="InvalidInputException">A check is listed twice or is empty, the fixed term is not 1 to 120 months, or the availability is not a combination of the defined times.</exception>
    /// <exception cref="DomainRuleViolationException">The closing date has passed (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    public async Task<Opportunity> DraftAsync(RoleDescription role, DateOnly closingDate, IReadOnlyList<CheckRequirement> requiredChecks, int? fixedTermMonths, IReadOnlyList<string> livedExperienceSought, Availability availabilityNeeded, CancellationToken cancellationToken)
    {
        Guard.Against.Null(role);
        Guard.Against.Null(requiredChecks);
        Guard.Against.Null(livedExperienceSought);
        var opportunity = Opportunity.Draft(_organisation.CurrentOrganisationId, role, closingDate, requiredChecks, fixedTermMonths, livedExperienceSought, availabilityNeeded, _clock);
        await _opportunities.AddAsync(opportunity, cancellationToken).ConfigureAwait(false);
        return opportunity;
    }

    /// <summary>Publishes a draft opportunity.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved opportunity.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">It is not a draft (<see cref="PartnerErrorCodes.OpportunityNotDraft"/>), or its closing date has passed (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the opportunity meanwhile; nothing was saved.</exception>
    public Task<Opportunity> PublishAsync(OpportunityId opportunityId, CancellationToken cancellationToken)
        => ChangeAsync(opportunityId, o => o.Publish(_clock), cancellationToken);

    /// <summary>Closes a published opportunity to further expressions of interest.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved opportunity.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">It is not published (<see cref="PartnerErrorCodes.OpportunityNotOpen"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the opportunity meanwhile; nothing was saved.</exception>
    public Task<Opportunity> CloseAsync(OpportunityId opportunityId, CancellationToken cancellationToken)
        => ChangeAsync(opportunityId, o => o.Close(_clock), cancellationToken);

    /// <summary>Records a person's expression of interest: what they bring, when they are available and the adjustments they need.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="participantId">The person, registered as a participant.</param>
    /// <param name="livedExperience">What they bring, in their words.</param>
    /// <param name="availability">When they are available.</param>
    /// <param name="adjustmentsNeeded">The reasonable adjustments they need to take part, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The expression of interest.</returns>
    /// <exception cref="InvalidInputException">An id is empty, the lived experience is blank, or the availability is not a combination of the defined times.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity or the person is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The person is erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), the opportunity is not open (<see cref="PartnerErrorCodes.OpportunityNotOpen"/>), or they already expressed interest (<see cref="PartnerErrorCodes.AlreadyExpressedInterest"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Others changed the opportunity meanwhile on each of three attempts (each re-reads it and applies the expression again); nothing was saved.</exception>
    public async Task<ExpressionOfInterest> ExpressInterestAsync(OpportunityId opportunityId, ParticipantId participantId, string livedExperience, Availability availability, string? adjustmentsNeeded, CancellationToken cancellationToken)
    {
        new CommandInput().Id(opportunityId).Id(participantId).Text(livedExperience)
            .That(availability >= 0 && (int)availability <= 15, nameof(availability), "Choose the times from WeekdayMornings, WeekdayAfternoons, WeekdayEvenings and Weekends.")
            .ThrowIfInvalid();
        await ParticipantLookup.RequireAsync(_participants, participantId, "someone interested in an opportunity", cancellationToken).ConfigureAwait(false);
        // Expressions of interest from different people commute, but they live in the opportunity aggregate, so two
        // people expressing interest at the same moment would make the second a concurrency conflict. The command is
        // retried on a fresh copy of the opportunity (its rules, such as "already expressed interest", checked again).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                ExpressionOfInterest? expression = null;
                await ChangeAsync(opportunityId, o => expression = o.ExpressInterest(participantId, livedExperience, availability, adjustmentsNeeded, _clock), cancellationToken).ConfigureAwait(false);
                return expression!;
            }
            catch (ConcurrencyConflictException) when (attempt < ExpressInterestAttempts)
            {
                // Someone else changed the opportunity between our read and our write: read it again and re-apply.
            }
        }
    }

    /// <summary>Records that a person withdrew their interest.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="expressionId">The expression of interest.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved opportunity.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity or expression is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>, <see cref="PartnerErrorCodes.ExpressionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">It is already withdrawn (<see cref="PartnerErrorCodes.InterestWithdrawn"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the opportunity meanwhile; nothing was saved.</exception>
    public Task<Opportunity> WithdrawInterestAsync(OpportunityId opportunityId, ExpressionOfInterestId expressionId, CancellationToken cancellationToken)
        => ChangeAsync(opportunityId, o => o.WithdrawInterest(expressionId, _clock), cancellationToken);

    /// <summary>Suggests how well each live expression of interest matches the role, best first. Nothing is decided.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One suggestion per expression not withdrawn nor decided: most areas of lived experience matched first, then those whose availability covers the role, then the earliest.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>).</exception>
    public async Task<IReadOnlyList<MatchSuggestion>> SuggestMatchesAsync(OpportunityId opportunityId, CancellationToken cancellationToken)
    {
        var opportunity = await RequireAsync(opportunityId, cancellationToken).ConfigureAwait(false);
        return [.. opportunity.Expressions
            .Where(e => e.WithdrawnAt is null && e.Outcome is null)
            .Select(e => (Expression: e, Match: opportunity.Match(e)))
            .OrderByDescending(m => m.Match.LivedExperienceMatched.Count)
            .ThenByDescending(m => m.Match.AvailabilityCovers)
            .ThenBy(m => m.Expression.SubmittedAt)
            .Select(m => m.Match)];
    }

    /// <summary>
    /// Records the decision on an expression of interest and the reason for it, as the person will be told it. The
    /// decision is recorded as the current actor's (<see cref="IActorContext"/>), who must be on the participation team
    /// (<see cref="PartnerOptions.ParticipationTeamRoles"/>, read from their participant record).
    /// </summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="expressionId">The expression of interest.</param>
    /// <param name="outcome">Selected or not.</param>
    /// <param name="reason">Why, in words the person can be told.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The expression with its decision.</returns>
    /// <exception cref="InvalidInputException">An id is empty, the outcome is not defined or the reason is blank.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity or expression is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>, <see cref="PartnerErrorCodes.ExpressionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">Of kind <see cref="ErrorKind.Forbidden"/>, the actor is a system process or not on the participation team (<see cref="PartnerErrorCodes.NotParticipationTeam"/>); or the opportunity is a draft (<see cref="PartnerErrorCodes.OpportunityNotOpen"/>), the interest was withdrawn (<see cref="PartnerErrorCodes.InterestWithdrawn"/>) or already decided (<see cref="PartnerErrorCodes.AlreadyDecided"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the opportunity meanwhile; nothing was saved.</exception>
    public async Task<ExpressionOfInterest> DecideAsync(OpportunityId opportunityId, ExpressionOfInterestId expressionId, SelectionOutcome outcome, string reason, CancellationToken cancellationToken)
    {
        new CommandInput().Id(opportunityId).Id(expressionId).Defined(outcome).Text(reason).ThrowIfInvalid();
        var decidedBy = await ParticipationTeam.RequireMemberAsync(_actor, _participants, _options, "Only the participation team decides on expressions of interest", cancellationToken).ConfigureAwait(false);
        ExpressionOfInterest? expression = null;
        await ChangeAsync(opportunityId, o => expression = o.Decide(expressionId, outcome, reason, decidedBy, _clock), cancellationToken).ConfigureAwait(false);
        return expression!;
    }

    /// <summary>Records that the person was told of the decision, and how.</summary>
    /// <param name="opportunityId">The opportunity.</param>
    /// <param name="expressionId">The expression of interest.</param>
    /// <param name="toldOn">When they were told.</param>
    /// <param name="via">How.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The expression.</returns>
    /// <exception cref="InvalidInputException">The id is empty or the method is not defined.</exception>
    /// <exception cref="RecordNotFoundException">The opportunity or expression is unknown (<see cref="PartnerErrorCodes.OpportunityNotFound"/>, <see cref="PartnerErrorCodes.ExpressionNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">No decision is recorded yet (<see cref="PartnerErrorCodes.NotDecided"/>), or the date is before the decision or after today (<see cref="PartnerErrorCodes.DateOutOfRange"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the opportunity meanwhile; nothing was saved.</exception>
    public async Task<ExpressionOfInterest> RecordToldAsync(OpportunityId opportunityId, ExpressionOfInterestId expressionId, DateOnly toldOn, ContactMethod via, CancellationToken cancellationToken)
    {
        new CommandInput().Id(opportunityId).Defined(via).ThrowIfInvalid();
        ExpressionOfInterest? expression = null;
        await ChangeAsync(opportunityId, o => expression = o.RecordTold(expressionId, toldOn, via, _clock), cancellationToken).ConfigureAwait(false);
        return expression!;
    }

    private async Task<Opportunity> RequireAsync(OpportunityId opportunityId, CancellationToken cancellationToken)
    {
        Input.Id(opportunityId);
        return await _opportunities.FindAsync(opportunityId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PartnerErrorCodes.OpportunityNotFound, $"There is no opportunity {opportunityId} in organisation {_organisation.CurrentOrganisationId}: check the id.");
    }

    private async Task<Opportunity> ChangeAsync(OpportunityId opportunityId, Action<Opportunity> change, CancellationToken cancellationToken)
    {
        var opportunity = await RequireAsync(opportunityId, cancellationToken).ConfigureAwait(false);
        change(opportunity);
        await _opportunities.UpdateAsync(opportunity, cancellationToken).ConfigureAwait(false);
        return opportunity;
    }
}
