using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes.Readiness;

namespace CoProduction.Programmes;

/// <summary>A co-designer to record for a curriculum version: who, and what they shaped.</summary>
/// <param name="ParticipantId">The co-designer (a participant of the current organisation).</param>
/// <param name="Contribution">What they shaped.</param>
public sealed record CoDesigner(ParticipantId ParticipantId, string Contribution)
{
    /// <summary>Gets what they shaped.</summary>
    public string Contribution { get; } = Input.Required(Contribution).Trim();
}

/// <summary>
/// Use cases for programmes: create a programme, publish co-designed curriculum versions, and set the delivery rules,
/// attendance statuses and completion policy of future cohorts; assess the organisation's readiness. Checks that every participant named exists in the
/// current organisation and is not erased, and takes each co-designer's perspective from their participant record.
/// </summary>
public sealed class ProgrammeService
{
    private readonly IProgrammeStore _programmes;
    private readonly IParticipantStore _participants;
    private readonly IReadinessAssessmentStore _readiness;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="programmes">The programme store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="readiness">The readiness assessment store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    public ProgrammeService(IProgrammeStore programmes, IParticipantStore participants, IReadinessAssessmentStore readiness, IOrganisationContext organisation, TimeProvider clock)
    {
        _programmes = Guard.Against.Null(programmes);
        _participants = Guard.Against.Null(participants);
        _readiness = Guard.Against.Null(readiness);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>
    /// Creates a programme for the current organisation with its first curriculum version, all or nothing: everything
    /// is checked (the version's modules, every co-designer, lived experience among them) before anything is stored, so
    /// a refused first version leaves no programme behind. The programme and its versions are one aggregate, stored
    /// by one addition.
    /// </summary>
    /// <param name="name">Its name.</param>
    /// <param name="purpose">What it is for.</param>
    /// <param name="firstVersionSummary">What the first curriculum version is.</param>
    /// <param name="modules">The first version's modules, in teaching order (at least one; codes unique).</param>
    /// <param name="coDesigners">Who co-designed the first version; each one's perspective comes from their participant record.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new programme.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modules"/> or <paramref name="coDesigners"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A text is blank, there is no module, a module is <see langword="null"/> or its code repeats, a co-designer is <see langword="null"/> or listed twice, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">A co-designer is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>; an empty id included).</exception>
    /// <exception cref="DomainRuleViolationException">A co-designer has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or none brings lived experience (<see cref="ProgrammeErrorCodes.CoDesignNeedsLivedExperience"/>). Nothing is stored.</exception>
    public async Task<Programme> CreateAsync(string name, string purpose, string firstVersionSummary, IEnumerable<CurriculumModule> modules, IEnumerable<CoDesigner> coDesigners, CancellationToken cancellationToken)
    {
        new CommandInput().Text(name).Text(purpose).Text(firstVersionSummary).ThrowIfInvalid();
        Guard.Against.Null(modules);
        var contributions = await ContributionsAsync(coDesigners, cancellationToken).ConfigureAwait(false);
        var programme = Programme.Create(_organisation.CurrentOrganisationId, name, purpose, _clock);
        programme.PublishVersion(firstVersionSummary, modules, contributions, _clock);
        await _programmes.AddAsync(programme, cancellationToken).ConfigureAwait(false);
        return programme;
    }

    /// <summary>Finds a programme of the current organisation.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The programme, or <see langword="null"/>.</returns>
    public ValueTask<Programme?> FindAsync(ProgrammeId programmeId, CancellationToken cancellationToken) => _programmes.FindAsync(programmeId, cancellationToken);

    /// <summary>Lists one page of the current organisation's programmes, in the order they were created, with the number of them all.</summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="Storage.PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public Task<Storage.Page<Programme>> ListAsync(Storage.PageRequest page, CancellationToken cancellationToken) => _programmes.ListPageAsync(page, cancellationToken);

    /// <summary>Finds a programme of the current organisation by its name (its natural key, compared exactly after trimming).</summary>
    /// <param name="name">The programme's name.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The programme, or <see langword="null"/> when none has that name.</returns>
    /// <exception cref="InvalidInputException">The name is blank.</exception>
    public Task<Programme?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        new CommandInput().Text(name).ThrowIfInvalid();
        return _programmes.FindByNameAsync(name.Trim(), cancellationToken);
    }

    /// <summary>Publishes a new curriculum version with its co-design record.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="summaryOfChanges">What changed and why.</param>
    /// <param name="modules">The modules.</param>
    /// <param name="coDesigners">Who co-designed it; each one's perspective comes from their participant record.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new version's number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modules"/> or <paramref name="coDesigners"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The summary is blank, there is no module, a module is <see langword="null"/> or its code repeats, a co-designer is <see langword="null"/> or listed twice, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">A co-designer (an empty id included) or the programme is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="ProgrammeErrorCodes.ProgrammeNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">A co-designer has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or none brings lived experience (<see cref="ProgrammeErrorCodes.CoDesignNeedsLivedExperience"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the programme meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<int> PublishVersionAsync(ProgrammeId programmeId, string summaryOfChanges, IEnumerable<CurriculumModule> modules, IEnumerable<CoDesigner> coDesigners, CancellationToken cancellationToken)
    {
        Input.Required(summaryOfChanges);
        Guard.Against.Null(modules);
        var contributions = await ContributionsAsync(coDesigners, cancellationToken).ConfigureAwait(false);
        var programme = await RequireAsync(programmeId, cancellationToken).ConfigureAwait(false);
        var version = programme.PublishVersion(summaryOfChanges, modules, contributions, _clock);
        await _programmes.UpdateAsync(programme, cancellationToken).ConfigureAwait(false);
        return version.Number;
    }

    /// <summary>Sets the delivery rules for cohorts planned from now on.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    /// <exception cref="RecordNotFoundException">The programme is unknown (<see cref="ProgrammeErrorCodes.ProgrammeNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the programme meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task ChangeDeliveryRulesAsync(ProgrammeId programmeId, DeliveryRules rules, CancellationToken cancellationToken)
    {
        Guard.Against.Null(rules);
        return ChangeAsync(programmeId, p => p.ChangeDeliveryRules(rules, _clock), cancellationToken);
    }

    /// <summary>Sets the attendance statuses for cohorts planned from now on.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="statuses">The statuses and their weights.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">There is no status, a status is <see langword="null"/> or its code repeats, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The programme is unknown (<see cref="ProgrammeErrorCodes.ProgrammeNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the programme meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task ChangeAttendanceStatusesAsync(ProgrammeId programmeId, IEnumerable<AttendanceStatusDefinition> statuses, CancellationToken cancellationToken)
    {
        Guard.Against.Null(statuses);
        return ChangeAsync(programmeId, p => p.ChangeAttendanceStatuses(statuses, _clock), cancellationToken);
    }

    /// <summary>Sets the completion policy for cohorts planned from now on.</summary>
    /// <param name="programmeId">The programme.</param>
    /// <param name="policy">The policy.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="RecordNotFoundException">The programme is unknown (<see cref="ProgrammeErrorCodes.ProgrammeNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the programme meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task ChangeCompletionPolicyAsync(ProgrammeId programmeId, CompletionPolicy policy, CancellationToken cancellationToken)
    {
        Guard.Against.Null(policy);
        return ChangeAsync(programmeId, p => p.ChangeCompletionPolicy(policy, _clock), cancellationToken);
    }

    /// <summary>Starts a readiness self-assessment of the current organisation from a checklist.</summary>
    /// <param name="title">The assessment's title.</param>
    /// <param name="programmeId">The programme assessed for, if any (it must exist).</param>
    /// <param name="checklist">The items, such as <see cref="ReadinessChecklist.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The new assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checklist"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The title is blank, the checklist has no item, a <see langword="null"/> one or a key used twice, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The programme named is unknown (<see cref="ProgrammeErrorCodes.ProgrammeNotFound"/>).</exception>
    public async Task<ReadinessAssessment> StartReadinessAssessmentAsync(string title, ProgrammeId? programmeId, IEnumerable<ReadinessItemDefinition> checklist, CancellationToken cancellationToken)
    {
        Input.Required(title);
        Guard.Against.Null(checklist);
        if (programmeId is { } id)
        {
            await RequireAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var assessment = ReadinessAssessment.Start(_organisation.CurrentOrganisationId, title, programmeId, checklist, _clock);
        await _readiness.AddAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment;
    }

    /// <summary>Rates an item of a readiness assessment; the assessor must be a participant of the current organisation.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="key">The item's key.</param>
    /// <param name="rating">The rating.</param>
    /// <param name="notes">What is in place and what is missing (needed for Partly and NotMet).</param>
    /// <param name="assessedBy">Who rated it.</param>
    /// <param name="assessedOn">When.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessment's summary after the rating.</returns>
    /// <exception cref="InvalidInputException">The key is blank, the assessor id is empty, the rating is not defined, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The assessment, the assessor or the item is unknown (<see cref="ProgrammeErrorCodes.ReadinessAssessmentNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="ProgrammeErrorCodes.ReadinessItemNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The assessor has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or notes are missing for a rating of Partly or NotMet (<see cref="ProgrammeErrorCodes.ReadinessNotesRequired"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the assessment meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<ReadinessSummary> RateReadinessItemAsync(ReadinessAssessmentId assessmentId, string key, ReadinessRating rating, string? notes, ParticipantId assessedBy, DateOnly assessedOn, CancellationToken cancellationToken)
    {
        new CommandInput().Text(key).Id(assessedBy).ThrowIfInvalid();
        var assessment = await RequireReadinessAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        await ParticipantLookup.RequireAsync(_participants, assessedBy, "an assessor", cancellationToken).ConfigureAwait(false);
        assessment.Rate(key, rating, notes, assessedBy, assessedOn, _clock);
        await _readiness.UpdateAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment.Summarise();
    }

    /// <summary>Adds an item of the organisation's own to a readiness assessment.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="item">The item.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessment's summary with the new item (not yet assessed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">A text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The assessment is unknown (<see cref="ProgrammeErrorCodes.ReadinessAssessmentNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The assessment already has an item with that key (<see cref="ProgrammeErrorCodes.DuplicateReadinessItem"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the assessment meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<ReadinessSummary> AddReadinessItemAsync(ReadinessAssessmentId assessmentId, ReadinessItemDefinition item, CancellationToken cancellationToken)
    {
        Guard.Against.Null(item);
        var assessment = await RequireReadinessAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        assessment.AddItem(item, _clock);
        await _readiness.UpdateAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment.Summarise();
    }

    /// <summary>Finds a readiness assessment of the current organisation.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessment, or <see langword="null"/>.</returns>
    public ValueTask<ReadinessAssessment?> FindReadinessAssessmentAsync(ReadinessAssessmentId assessmentId, CancellationToken cancellationToken) => _readiness.FindAsync(assessmentId, cancellationToken);

    /// <summary>Lists one page of the current organisation's readiness assessments, in the order they were started, with the number of them all.</summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="Storage.PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public Task<Storage.Page<ReadinessAssessment>> ListReadinessAssessmentsAsync(Storage.PageRequest page, CancellationToken cancellationToken) => _readiness.ListPageAsync(page, cancellationToken);

    private async Task<ReadinessAssessment> RequireReadinessAsync(ReadinessAssessmentId assessmentId, CancellationToken cancellationToken) =>
        await _readiness.FindAsync(assessmentId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(ProgrammeErrorCodes.ReadinessAssessmentNotFound, $"No readiness assessment {assessmentId} exists in this organisation: check the id, or start one first.");

    /// <summary>Reads every co-designer's record (refusing unknown and erased ones) and takes their perspective from it.</summary>
    private async Task<List<CoDesignContribution>> ContributionsAsync(IEnumerable<CoDesigner> coDesigners, CancellationToken cancellationToken)
    {
        Guard.Against.Null(coDesigners);
        var designerList = coDesigners.ToList();
        if (designerList.Any(d => d is null))
        {
            throw new InvalidInputException(nameof(coDesigners), "The list of co-designers contains a null entry.");
        }

        var people = await ParticipantLookup.RequireAllAsync(_participants, designerList.Select(d => d.ParticipantId), "a co-designer", cancellationToken).ConfigureAwait(false);
        return [.. designerList.Select((d, i) => new CoDesignContribution(
            d.ParticipantId,
            people[i].HasLivedExperience ? CoDesignPerspective.LivedExperience : CoDesignPerspective.Staff,
            d.Contribution))];
    }

    private async Task ChangeAsync(ProgrammeId programmeId, Action<Programme> change, CancellationToken cancellationToken)
    {
        var programme = await RequireAsync(programmeId, cancellationToken).ConfigureAwait(false);
        change(programme);
        await _programmes.UpdateAsync(programme, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Programme> RequireAsync(ProgrammeId programmeId, CancellationToken cancellationToken)
    {
        var programme = await _programmes.FindAsync(programmeId, cancellationToken).ConfigureAwait(false);
        return programme ?? throw new RecordNotFoundException(
            ProgrammeErrorCodes.ProgrammeNotFound,
            $"No programme {programmeId} exists in this organisation: check the id, or create the programme first.");
    }
}
