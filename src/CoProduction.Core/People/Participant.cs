using Ardalis.GuardClauses;
using CoProduction.People.Events;
using CoProduction.Primitives;

namespace CoProduction.People;

/// <summary>
/// A person who takes part in co-production, and the only record that holds personal data about them: name, contact
/// details, accessibility needs, diversity-monitoring answers (only with consent) and payment preference. Every other
/// record refers to a participant by <see cref="ParticipantId"/>, so that erasure and subject-access export touch one place.
/// </summary>
public sealed class Participant : AggregateRoot<ParticipantId>
{
    /// <summary>The name an erased participant is shown under.</summary>
    public const string ErasedName = "Erased participant";

    private readonly List<ParticipantRole> _roles = [];
    private readonly List<AccessibilityNeed> _accessibilityNeeds = [];
    private readonly List<ConsentRecord> _consents = [];
    private readonly Dictionary<string, string> _diversityAnswers = new(StringComparer.Ordinal);

    private Participant(ParticipantId id, OrganisationId organisationId, string fullName, IEnumerable<ParticipantRole> roles, DateTimeOffset registeredAt)
        : base(id, organisationId)
    {
        FullName = fullName;
        _roles.AddRange(roles);
        RegisteredAt = registeredAt;
    }

    private Participant()
    {
        FullName = string.Empty;
    }

    /// <summary>Gets the participant's full name (<see cref="ErasedName"/> after erasure).</summary>
    public string FullName { get; private set; }

    /// <summary>Gets the name the participant likes to be called, if they gave one.</summary>
    public string? PreferredName { get; private set; }

    /// <summary>Gets the name to address the participant by: the preferred name, else the full name.</summary>
    public string DisplayName => PreferredName ?? FullName;

    /// <summary>Gets the roles in which the participant takes part (at least one).</summary>
    public IReadOnlyList<ParticipantRole> Roles => _roles;

    /// <summary>Gets how to reach the participant, if known.</summary>
    public ContactDetails? Contact { get; private set; }

    /// <summary>Gets the participant's accessibility needs and the reasonable adjustments that meet them.</summary>
    public IReadOnlyList<AccessibilityNeed> AccessibilityNeeds => _accessibilityNeeds;

    /// <summary>Gets the diversity-monitoring answers (question to answer); held only while consent is in force.</summary>
    public IReadOnlyDictionary<string, string> DiversityAnswers => _diversityAnswers;

    /// <summary>Gets the participant's payment preference.</summary>
    /// <value>Bank transfer unless the participant said otherwise.</value>
    public PaymentPreference PaymentPreference { get; private set; } = new(PaymentMethod.BankTransfer);

    /// <summary>Gets every consent given, with withdrawal dates, oldest first.</summary>
    public IReadOnlyList<ConsentRecord> Consents => _consents;

    /// <summary>Gets when the participant was registered.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Gets when the participant's personal data was erased, if it was.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Gets whether the participant's personal data has been erased.</summary>
    public bool IsErased => ErasedAt is not null;

    /// <summary>Registers a new participant.</summary>
    /// <param name="organisationId">The organisation that holds the record.</param>
    /// <param name="fullName">The participant's full name.</param>
    /// <param name="roles">The roles they take part in (at least one).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new participant, to be added to the store.</returns>
    /// <exception cref="InvalidInputException">The name is blank or no role is given.</exception>
    internal static Participant Register(OrganisationId organisationId, string fullName, IEnumerable<ParticipantRole> roles, TimeProvider clock)
    {
        Input.Required(fullName);
        Guard.Against.Null(roles);
        Guard.Against.Null(clock);
        var roleList = roles.Distinct().ToList();
        if (roleList.Count == 0)
        {
            throw new InvalidInputException(nameof(roles), "A participant needs at least one role, such as PatientPartner or Carer.");
        }

        foreach (var role in roleList)
        {
            Input.Defined(role, nameof(roles));
        }

        var now = clock.GetUtcNow();
        var participant = new Participant(ParticipantId.New(), organisationId, fullName.Trim(), roleList, now);
        participant.Raise(new ParticipantRegistered(participant.Id, now));
        return participant;
    }

    /// <summary>Gets whether the participant holds a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns><see langword="true"/> when they hold it.</returns>
    public bool HasRole(ParticipantRole role) => _roles.Contains(role);

    /// <summary>Gets whether the participant brings lived experience (any role but staff).</summary>
    public bool HasLivedExperience => _roles.Any(r => r.IsLivedExperience());

    /// <summary>Changes the participant's names.</summary>
    /// <param name="fullName">The full name.</param>
    /// <param name="preferredName">The name they like to be called, or <see langword="null"/>.</param>
    /// <param name="clock">The clock.</param>
    internal void Rename(string fullName, string? preferredName, TimeProvider clock)
    {
        Input.Required(fullName);
        Guard.Against.Null(clock);
        EnsureNotErased();
        FullName = fullName.Trim();
        PreferredName = string.IsNullOrWhiteSpace(preferredName) ? null : preferredName.Trim();
        Raise(new ParticipantDetailsChanged(Id, "name", clock.GetUtcNow()));
    }

    /// <summary>Sets how to reach the participant.</summary>
    /// <param name="contact">The contact details.</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeContactDetails(ContactDetails contact, TimeProvider clock)
    {
        Guard.Against.Null(contact);
        Guard.Against.Null(clock);
        EnsureNotErased();
        Contact = contact;
        Raise(new ParticipantDetailsChanged(Id, "contact", clock.GetUtcNow()));
    }

    /// <summary>Replaces the participant's roles.</summary>
    /// <param name="roles">The roles (at least one).</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeRoles(IEnumerable<ParticipantRole> roles, TimeProvider clock)
    {
        Guard.Against.Null(roles);
        Guard.Against.Null(clock);
        EnsureNotErased();
        var roleList = roles.Distinct().ToList();
        Rule.Require(roleList.Count > 0, PeopleErrorCodes.RoleRequired, $"Participant {Id} would have no role left: give at least one, such as PatientPartner, Carer or Staff.");
        foreach (var role in roleList)
        {
            Input.Defined(role, nameof(roles));
        }

        _roles.Clear();
        _roles.AddRange(roleList);
        Raise(new ParticipantDetailsChanged(Id, "roles", clock.GetUtcNow()));
    }

    /// <summary>Replaces the participant's accessibility needs and reasonable adjustments.</summary>
    /// <param name="needs">The needs (may be empty).</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeAccessibilityNeeds(IEnumerable<AccessibilityNeed> needs, TimeProvider clock)
    {
        Guard.Against.Null(needs);
        Guard.Against.Null(clock);
        EnsureNotErased();
        var list = needs.ToList();
        if (list.Any(n => n is null))
        {
            throw new InvalidInputException(nameof(needs), "The list of accessibility needs contains a null entry.");
        }

        _accessibilityNeeds.Clear();
        _accessibilityNeeds.AddRange(list);
        Raise(new ParticipantDetailsChanged(Id, "accessibility", clock.GetUtcNow()));
    }

    /// <summary>Sets how the participant wants to be paid, including declining payment.</summary>
    /// <param name="preference">The preference.</param>
    /// <param name="clock">The clock.</param>
    internal void ChangePaymentPreference(PaymentPreference preference, TimeProvider clock)
    {
        Guard.Against.Null(preference);
        Guard.Against.Null(clock);
        Input.Defined(preference.Method, nameof(preference));
        EnsureNotErased();
        PaymentPreference = preference;
        Raise(new ParticipantDetailsChanged(Id, "payment-preference", clock.GetUtcNow()));
    }

    /// <summary>Records that the participant gave consent for a purpose.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">Consent for that purpose is already in force.</exception>
    internal void GiveConsent(ConsentPurpose purpose, TimeProvider clock)
    {
        Input.Defined(purpose);
        Guard.Against.Null(clock);
        EnsureNotErased();
        var now = clock.GetUtcNow();
        Rule.Require(!HasConsent(purpose, now), PeopleErrorCodes.ConsentAlreadyGiven, $"Participant {Id} has already given consent for {purpose}; withdraw it first if it is being given again on new terms.");
        _consents.Add(new ConsentRecord(purpose, now, null));
        Raise(new ConsentGiven(Id, purpose, now));
    }

    /// <summary>
    /// Records that the participant withdrew consent for a purpose. Withdrawing consent for diversity monitoring
    /// deletes the answers held.
    /// </summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">No consent for that purpose is in force.</exception>
    internal void WithdrawConsent(ConsentPurpose purpose, TimeProvider clock)
    {
        Input.Defined(purpose);
        Guard.Against.Null(clock);
        var now = clock.GetUtcNow();
        var index = _consents.FindLastIndex(c => c.Purpose == purpose && c.IsInForceAt(now));
        Rule.Require(index >= 0, PeopleErrorCodes.ConsentNotInForce, $"Participant {Id} has no consent in force for {purpose}, so there is nothing to withdraw.");
        _consents[index] = _consents[index] with { WithdrawnAt = now };
        if (purpose == ConsentPurpose.DiversityMonitoring)
        {
            _diversityAnswers.Clear();
        }

        Raise(new ConsentWithdrawn(Id, purpose, now));
    }

    /// <summary>Tells whether consent for a purpose is in force at a moment.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <param name="at">The moment.</param>
    /// <returns><see langword="true"/> when in force.</returns>
    public bool HasConsent(ConsentPurpose purpose, DateTimeOffset at) => _consents.Any(c => c.Purpose == purpose && c.IsInForceAt(at));

    /// <summary>Records diversity-monitoring answers (question to answer), which needs consent for diversity monitoring.</summary>
    /// <param name="answers">The answers; they replace those held.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">No consent for diversity monitoring is in force.</exception>
    internal void RecordDiversityAnswers(IReadOnlyDictionary<string, string> answers, TimeProvider clock)
    {
        Guard.Against.Null(answers);
        Guard.Against.Null(clock);
        EnsureNotErased();
        foreach (var (question, answer) in answers)
        {
            if (string.IsNullOrWhiteSpace(question) || string.IsNullOrWhiteSpace(answer))
            {
                throw new InvalidInputException(nameof(answers), "Every diversity-monitoring answer needs a question and an answer; use 'Prefer not to say' rather than a blank.");
            }
        }

        var now = clock.GetUtcNow();
        Rule.Require(
            HasConsent(ConsentPurpose.DiversityMonitoring, now),
            PeopleErrorCodes.DiversityConsentMissing,
            $"Participant {Id} has not consented to diversity monitoring, so their answers cannot be held. Record their consent with GiveConsent(ConsentPurpose.DiversityMonitoring, ...) first.");
        _diversityAnswers.Clear();
        foreach (var (question, answer) in answers)
        {
            _diversityAnswers[question.Trim()] = answer.Trim();
        }

        Raise(new ParticipantDetailsChanged(Id, "diversity-monitoring", now));
    }

    /// <summary>
    /// Erases the participant's personal data (the right to erasure): the name becomes <see cref="ErasedName"/> and
    /// contact details, accessibility needs, diversity answers and payment notes are removed. The id, roles, consent
    /// dates and non-personal history (activities, claims, attendance) remain, so that reports still add up.
    /// Erasing twice is refused.
    /// </summary>
    /// <param name="clock">The clock.</param>
    internal void Erase(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        EnsureNotErased();
        var now = clock.GetUtcNow();
        FullName = ErasedName;
        PreferredName = null;
        Contact = null;
        _accessibilityNeeds.Clear();
        _diversityAnswers.Clear();
        PaymentPreference = new PaymentPreference(PaymentPreference.Method);
        for (var i = 0; i < _consents.Count; i++)
        {
            if (_consents[i].WithdrawnAt is null)
            {
                _consents[i] = _consents[i] with { WithdrawnAt = now };
            }
        }

        ErasedAt = now;
        Raise(new ParticipantErased(Id, now));
    }

    private void EnsureNotErased() =>
        Rule.Require(!IsErased, PeopleErrorCodes.ParticipantErased, $"Participant {Id} has been erased, so their record cannot be changed. Register them again if they return.");
}
