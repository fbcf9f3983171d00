using CoProduction.Storage;
using Ardalis.GuardClauses;
using CoProduction.Primitives;

namespace CoProduction.People;

/// <summary>
/// Use cases about people: registering participants, changing their record (names, contact details, roles,
/// accessibility needs, payment preference, consent, diversity answers), looking them up, erasure and subject-access
/// export.
/// </summary>
public sealed partial class ParticipantService
{
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly IEnumerable<IParticipantDataContributor> _contributors;
    private readonly IEnumerable<IParticipantDataEraser> _erasers;
    private readonly IEnumerable<IParticipantInvolvementHistory> _histories;
    private readonly IUnitOfWork _unitOfWork;
    private readonly TimeProvider _clock;
    private readonly Microsoft.Extensions.Logging.ILogger<ParticipantService> _logger;

    /// <summary>Initialises the service.</summary>
    /// <param name="participants">The participant store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="contributors">The areas that contribute to subject-access exports.</param>
    /// <param name="erasers">The areas that remove what they hold about a participant when the participant is erased.</param>
    /// <param name="histories">Each area's record of when people last took part (for the retention review).</param>
    /// <param name="unitOfWork">Saves an erasure across areas in one transaction.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where erasures and subject-access exports are logged for the operator (ids only, never names).</param>
    public ParticipantService(IParticipantStore participants, IOrganisationContext organisation, IEnumerable<IParticipantDataContributor> contributors, IEnumerable<IParticipantDataEraser> erasers, IEnumerable<IParticipantInvolvementHistory> histories, IUnitOfWork unitOfWork, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<ParticipantService> logger)
    {
        _logger = Guard.Against.Null(logger);
        _histories = Guard.Against.Null(histories);
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _contributors = Guard.Against.Null(contributors);
        _erasers = Guard.Against.Null(erasers);
        _unitOfWork = Guard.Against.Null(unitOfWork);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Registers a participant in the current organisation.</summary>
    /// <param name="fullName">Their full name.</param>
    /// <param name="roles">Their roles (at least one).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The stored participant.</returns>
    /// <exception cref="InvalidInputException">The full name is blank, no role is given, a role is not defined, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is <see langword="null"/>.</exception>
    public async Task<Participant> RegisterAsync(string fullName, IEnumerable<ParticipantRole> roles, CancellationToken cancellationToken)
    {
        var participant = Participant.Register(_organisation.CurrentOrganisationId, fullName, roles, _clock);
        await _participants.AddAsync(participant, cancellationToken).ConfigureAwait(false);
        return participant;
    }

    /// <summary>Gets a participant of the current organisation, or fails with a clear error.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The participant.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    public async Task<Participant> GetAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        Input.Id(participantId);
        return await _participants.FindAsync(participantId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(PeopleErrorCodes.ParticipantNotFound, $"There is no participant {participantId} in this organisation: check the id, or register the participant first.");
    }

    /// <summary>Finds a participant of the current organisation by id.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The participant (erased ones included: see <see cref="Participant.IsErased"/>), or <see langword="null"/> when there is none (an empty id included).</returns>
    public ValueTask<Participant?> FindAsync(ParticipantId participantId, CancellationToken cancellationToken) => _participants.FindAsync(participantId, cancellationToken);

    /// <summary>Lists one page of the current organisation's participants, in the order they were registered, with the number of them all (erased ones included: see <see cref="Participant.IsErased"/>).</summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="Storage.PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public Task<Storage.Page<Participant>> ListAsync(Storage.PageRequest page, CancellationToken cancellationToken) => _participants.ListPageAsync(page, cancellationToken);

    /// <summary>Changes a participant's names.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="fullName">The full name.</param>
    /// <param name="preferredName">The name they like to be called, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="InvalidInputException">The full name is blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> RenameAsync(ParticipantId participantId, string fullName, string? preferredName, CancellationToken cancellationToken)
    {
        Input.Required(fullName);
        return ChangeAsync(participantId, p => p.Rename(fullName, preferredName, _clock), cancellationToken);
    }

    /// <summary>Sets how to reach a participant.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="contact">The contact details.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> ChangeContactDetailsAsync(ParticipantId participantId, ContactDetails contact, CancellationToken cancellationToken)
    {
        Guard.Against.Null(contact);
        return ChangeAsync(participantId, p => p.ChangeContactDetails(contact, _clock), cancellationToken);
    }

    /// <summary>Replaces a participant's roles. Other areas read roles from the record when their rules are checked.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="roles">The roles (at least one).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The id is empty, or a role is not defined.</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or no role is given (<see cref="PeopleErrorCodes.RoleRequired"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> ChangeRolesAsync(ParticipantId participantId, IEnumerable<ParticipantRole> roles, CancellationToken cancellationToken)
    {
        Guard.Against.Null(roles);
        return ChangeAsync(participantId, p => p.ChangeRoles(roles, _clock), cancellationToken);
    }

    /// <summary>Replaces a participant's accessibility needs and reasonable adjustments.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="needs">The needs (may be empty).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="needs"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The id is empty, a need is <see langword="null"/>, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> ChangeAccessibilityNeedsAsync(ParticipantId participantId, IEnumerable<AccessibilityNeed> needs, CancellationToken cancellationToken)
    {
        Guard.Against.Null(needs);
        return ChangeAsync(participantId, p => p.ChangeAccessibilityNeeds(needs, _clock), cancellationToken);
    }

    /// <summary>Sets how a participant wants to be paid, including declining payment.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="preference">The preference.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="preference"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The id is empty, the payment method is not defined, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> ChangePaymentPreferenceAsync(ParticipantId participantId, PaymentPreference preference, CancellationToken cancellationToken)
    {
        Guard.Against.Null(preference);
        return ChangeAsync(participantId, p => p.ChangePaymentPreference(preference, _clock), cancellationToken);
    }

    /// <summary>Records that a participant gave consent for a purpose, from now.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="InvalidInputException">The id is empty, or the purpose is not defined.</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or consent for the purpose is already in force (<see cref="PeopleErrorCodes.ConsentAlreadyGiven"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> GiveConsentAsync(ParticipantId participantId, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        return ChangeAsync(participantId, p => p.GiveConsent(purpose, _clock), cancellationToken);
    }

    /// <summary>Records that a participant withdrew consent for a purpose, from now.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="InvalidInputException">The id is empty, or the purpose is not defined.</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">No consent for the purpose is in force (<see cref="PeopleErrorCodes.ConsentNotInForce"/>; erasure withdrew every consent).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> WithdrawConsentAsync(ParticipantId participantId, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        return ChangeAsync(participantId, p => p.WithdrawConsent(purpose, _clock), cancellationToken);
    }

    /// <summary>Records a participant's answers to diversity monitoring questions, which needs their consent to diversity monitoring.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="answers">The answers, by question.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved participant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The id is empty, a question or answer is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), or has no consent to diversity monitoring in force (<see cref="PeopleErrorCodes.DiversityConsentMissing"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public Task<Participant> RecordDiversityAnswersAsync(ParticipantId participantId, IReadOnlyDictionary<string, string> answers, CancellationToken cancellationToken)
    {
        Guard.Against.Null(answers);
        return ChangeAsync(participantId, p => p.RecordDiversityAnswers(answers, _clock), cancellationToken);
    }

    /// <summary>
    /// Erases a participant's personal data (the right to erasure), in every area at once: the record keeps its id and
    /// non-personal history, and each area's <see cref="IParticipantDataEraser"/> replaces the free text written by or
    /// about them with <see cref="PersonalData.RemovedOnErasure"/> (activity and expense descriptions, review comments,
    /// conflict notes, pathway notes...; the inventory is docs/personal-data.md). The participant and every changed
    /// record are saved in one unit of work: the erasure happens everywhere or nowhere.
    /// </summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The erased record.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has already been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the participant, or one of the records the erasure clears, meanwhile (or the participant since the version the caller expects, <see cref="Storage.ExpectedVersions"/>); nothing was saved: erase again.</exception>
    public async Task<Participant> EraseAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var participant = await GetAsync(participantId, cancellationToken).ConfigureAwait(false);
        participant.Erase(_clock);
        var changes = new List<AggregateChange> { AggregateChange.Update(participant) };
        foreach (var eraser in _erasers)
        {
            var erased = await eraser.EraseAsync(participantId, cancellationToken).ConfigureAwait(false);
            changes.AddRange(erased.DistinctBy(a => (a.GetType(), a.IdValue)).Select(AggregateChange.Update));
        }

        await _unitOfWork.SaveAsync(changes, cancellationToken).ConfigureAwait(false);
        LogErased(participantId.Value, participant.OrganisationId.Value, changes.Count - 1);
        return participant;
    }

    /// <summary>Collects everything held about a participant, from every area of the library, for a subject-access request.</summary>
    /// <param name="participantId">The participant.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The export; <see cref="SubjectAccessExport.ToJson"/> gives the document to hand over.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such participant in the current organisation (<see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    public async Task<SubjectAccessExport> ExportAsync(ParticipantId participantId, CancellationToken cancellationToken)
    {
        var participant = await GetAsync(participantId, cancellationToken).ConfigureAwait(false);
        var sections = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["participant"] = ParticipantRecordExport.From(participant),
        };
        foreach (var contributor in _contributors)
        {
            sections[contributor.Section] = await contributor.CollectAsync(participantId, cancellationToken).ConfigureAwait(false);
        }

        LogExported(participantId.Value, participant.OrganisationId.Value, sections.Count(s => s.Value is not null));
        return new SubjectAccessExport(participantId, participant.OrganisationId.Value, _clock.GetUtcNow(), sections);
    }

    /// <summary>
    /// Lists the people to contact about involvement, for a mailing: only those whose consent to be contacted
    /// (<see cref="ConsentPurpose.Contact"/>) is in force now and who have contact details, so a withdrawn consent takes
    /// effect from the next list. The list says in words how many were left out and why, never who.
    /// </summary>
    /// <param name="role">Only people with this role, or everyone when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The recipients, by name, with how many were left out.</returns>
    public async Task<MailingList> ListForMailingAsync(ParticipantRole? role, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var people = (await _participants.ListAsync(role, cancellationToken).ConfigureAwait(false)).Where(p => !p.IsErased).ToList();
        var recipients = people.Where(p => p.HasConsent(ConsentPurpose.Contact, now) && p.Contact is not null)
            .Select(p => new MailingListEntry(p.Id, p.DisplayName, p.Contact!))
            .OrderBy(e => e.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        var withoutConsent = people.Count(p => !p.HasConsent(ConsentPurpose.Contact, now));
        var withoutDetails = people.Count(p => p.HasConsent(ConsentPurpose.Contact, now) && p.Contact is null);
        return new MailingList(recipients, withoutConsent, withoutDetails);
    }

    /// <summary>
    /// Lists the people, not erased, who have taken part in nothing in any area for <paramref name="years"/> years (or,
    /// if they never took part, were registered that long ago), oldest first: a review list for storage limitation.
    /// The library erases nobody on its own; the trust reviews the list and erases or keeps each person.
    /// </summary>
    /// <param name="years">The quiet period, in whole years (1 to 100), as the trust's retention schedule says.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The people to review.</returns>
    /// <exception cref="InvalidInputException"><paramref name="years"/> is outside 1 to 100.</exception>
    public async Task<IReadOnlyList<RetentionReviewEntry>> ListForRetentionReviewAsync(int years, CancellationToken cancellationToken)
    {
        if (years is < 1 or > 100)
        {
            throw new InvalidInputException(nameof(years), $"The quiet period must be 1 to 100 years; {years} was given.");
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var cutOff = today.AddYears(-years);
        var latest = new Dictionary<ParticipantId, DateOnly>();
        foreach (var history in _histories)
        {
            foreach (var (participantId, on) in await history.LastInvolvedAsync(today, cancellationToken).ConfigureAwait(false))
            {
                InvolvementDates.Note(latest, participantId, on);
            }
        }

        return [.. (await _participants.ListAsync(null, cancellationToken).ConfigureAwait(false))
            .Where(p => !p.IsErased)
            .Select(p =>
            {
                var registered = InvolvementDates.Day(p.RegisteredAt);
                DateOnly? last = latest.TryGetValue(p.Id, out var on) ? on : null;
                return new RetentionReviewEntry(p.Id, registered, last, last is { } l && l > registered ? l : registered);
            })
            .Where(e => e.Since < cutOff)
            .OrderBy(e => e.Since)
            .ThenBy(e => e.ParticipantId.Value)];
    }

    private async Task<Participant> ChangeAsync(ParticipantId participantId, Action<Participant> change, CancellationToken cancellationToken)
    {
        var participant = await GetAsync(participantId, cancellationToken).ConfigureAwait(false);
        change(participant);
        await _participants.UpdateAsync(participant, cancellationToken).ConfigureAwait(false);
        return participant;
    }

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 1001, Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "Participant {ParticipantId} of organisation {OrganisationId} was erased; {Records} other records were cleared of their words in the same transaction")]
    private partial void LogErased(Guid participantId, Guid organisationId, int records);

    [Microsoft.Extensions.Logging.LoggerMessage(EventId = 1002, Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "A subject-access export was made for participant {ParticipantId} of organisation {OrganisationId} ({Sections} sections with data)")]
    private partial void LogExported(Guid participantId, Guid organisationId, int sections);
}
