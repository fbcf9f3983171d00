using Ardalis.GuardClauses;
using CoProduction.PeerReview.Events;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>
/// A patient improvement peer review panel: its terms of reference, its members (patient reviewers, a patient chair
/// and staff facilitators) with their terms of office, the quorum rule its meetings follow, the review forms its
/// reviewers fill in (per round), the service areas of members' lived experience and a register of personal links
/// used to suggest conflicts of interest.
/// </summary>
public sealed class Panel : AggregateRoot<PanelId>
{
    private readonly List<PanelMember> _members = [];
    private readonly List<ReviewForm> _forms = [];
    private readonly List<LivedExperience> _livedExperience = [];
    private readonly List<PersonalLink> _personalLinks = [];

    private Panel(PanelId id, OrganisationId organisationId, string name, string termsOfReference, QuorumRule quorumRule, DateTimeOffset establishedAt)
        : base(id, organisationId)
    {
        Name = name;
        TermsOfReference = termsOfReference;
        QuorumRule = quorumRule;
        EstablishedAt = establishedAt;
    }

    private Panel()
    {
        Name = string.Empty;
        TermsOfReference = string.Empty;
        QuorumRule = QuorumRule.Default;
    }

    /// <summary>Gets the panel's name, such as "Patient Improvement Peer Review Panel".</summary>
    public string Name { get; private set; }

    /// <summary>Gets the terms of reference: purpose, membership, how meetings run and how decisions are made.</summary>
    public string TermsOfReference { get; private set; }

    /// <summary>Gets the quorum rule that new meetings follow.</summary>
    public QuorumRule QuorumRule { get; private set; }

    /// <summary>Gets when the panel was established.</summary>
    public DateTimeOffset EstablishedAt { get; private set; }

    /// <summary>Gets every term of office, past, present and future.</summary>
    public IReadOnlyList<PanelMember> Members => _members;

    /// <summary>Gets every version of the review form, in the order defined.</summary>
    public IReadOnlyList<ReviewForm> ReviewForms => _forms;

    /// <summary>Gets the service areas in which members have lived experience.</summary>
    public IReadOnlyList<LivedExperience> LivedExperience => _livedExperience;

    /// <summary>Removes an erased member's lived-experience areas (health information in their words); returns whether anything changed.</summary>
    internal bool RemovePersonalText(ParticipantId participantId) => _livedExperience.RemoveAll(e => e.MemberId == participantId) > 0;

    /// <summary>Gets the register of personal links (relatives and carers) between members and other participants.</summary>
    public IReadOnlyList<PersonalLink> PersonalLinks => _personalLinks;

    /// <summary>Establishes a panel.</summary>
    /// <param name="organisationId">The organisation that runs it.</param>
    /// <param name="name">Its name.</param>
    /// <param name="termsOfReference">Its terms of reference.</param>
    /// <param name="quorumRule">The quorum rule for its meetings.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new panel, to be added to the store.</returns>
    /// <exception cref="ArgumentException">The name or terms of reference are blank.</exception>
    internal static Panel Establish(OrganisationId organisationId, string name, string termsOfReference, QuorumRule quorumRule, TimeProvider clock)
    {
        Input.Required(name);
        Input.Required(termsOfReference);
        Guard.Against.Null(quorumRule);
        Guard.Against.Null(clock);
        var now = clock.GetUtcNow();
        var panel = new Panel(PanelId.New(), organisationId, name.Trim(), termsOfReference.Trim(), quorumRule, now);
        panel.Raise(new PanelEstablished(panel.Id, now));
        return panel;
    }

    /// <summary>Replaces the terms of reference.</summary>
    /// <param name="termsOfReference">The new text.</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeTermsOfReference(string termsOfReference, TimeProvider clock)
    {
        Input.Required(termsOfReference);
        Guard.Against.Null(clock);
        TermsOfReference = termsOfReference.Trim();
        Raise(new PanelTermsOfReferenceChanged(Id, clock.GetUtcNow()));
    }

    /// <summary>Changes the quorum rule. Meetings already arranged keep the rule they were arranged under.</summary>
    /// <param name="quorumRule">The new rule.</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeQuorumRule(QuorumRule quorumRule, TimeProvider clock)
    {
        Guard.Against.Null(quorumRule);
        Guard.Against.Null(clock);
        QuorumRule = quorumRule;
        Raise(new PanelQuorumRuleChanged(Id, quorumRule.MinimumPatientMembers, quorumRule.RequirePatientChair, quorumRule.RequireStaffFacilitator, clock.GetUtcNow()));
    }

    /// <summary>
    /// Appoints a member for a term of office. A person's terms may not overlap, and only one chair may serve at a
    /// time. The application service checks that the person exists and that their roles fit (lived experience for
    /// patient roles, staff for facilitators).
    /// </summary>
    /// <param name="participantId">The member.</param>
    /// <param name="role">The capacity in which they serve.</param>
    /// <param name="termStartsOn">The first day of the term.</param>
    /// <param name="termEndsOn">The last day of the term (on or after the first).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new term of office.</returns>
    /// <exception cref="ArgumentException">The term ends before it starts.</exception>
    /// <exception cref="DomainRuleViolationException">The term overlaps another of the same person, or another chair's.</exception>
    internal PanelMember AppointMember(ParticipantId participantId, PanelRole role, DateOnly termStartsOn, DateOnly termEndsOn, TimeProvider clock)
    {
        Input.Id(participantId);
        Input.Defined(role);
        Guard.Against.Null(clock);
        if (termEndsOn < termStartsOn)
        {
            throw new InvalidInputException(nameof(termEndsOn), $"The term of office ends on {termEndsOn:yyyy-MM-dd}, before it starts on {termStartsOn:yyyy-MM-dd}: give an end date on or after the start date.");
        }

        var overlapping = _members.Find(m => m.ParticipantId == participantId && m.Overlaps(termStartsOn, termEndsOn));
        Rule.Require(
            overlapping is null,
            PeerReviewErrorCodes.MemberTermOverlap,
            $"The new member already serves on this panel from {overlapping?.TermStartsOn:yyyy-MM-dd} to {overlapping?.TermEndsOn:yyyy-MM-dd} as {overlapping?.Role}: end that term first (EndTerm) or start the new one after it.",
            ("participantId", participantId), ("panelId", Id));
        if (role == PanelRole.PatientChair)
        {
            var otherChair = _members.Find(m => m.Role == PanelRole.PatientChair && m.Overlaps(termStartsOn, termEndsOn));
            Rule.Require(
                otherChair is null,
                PeerReviewErrorCodes.ChairTermOverlap,
                $"Panel {Id} already has a chair (participant {otherChair?.ParticipantId}) from {otherChair?.TermStartsOn:yyyy-MM-dd} to {otherChair?.TermEndsOn:yyyy-MM-dd}: a panel has one chair at a time, so end that term first or start this one after it.");
        }

        var member = new PanelMember(Guid.CreateVersion7(), participantId, role, termStartsOn, termEndsOn);
        _members.Add(member);
        Raise(new PanelMemberAppointed(Id, member.Id, participantId, role, termStartsOn, termEndsOn, clock.GetUtcNow()));
        return member;
    }

    /// <summary>Ends a term of office early (resignation, or a change of role).</summary>
    /// <param name="termId">The term's id (<see cref="PanelMember.Id"/>).</param>
    /// <param name="lastDay">The last day served: within the term.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">No such term, or the date is outside it.</exception>
    internal void EndTerm(Guid termId, DateOnly lastDay, TimeProvider clock)
    {
        Guard.Against.Null(clock);
        if (termId == Guid.Empty)
        {
            throw new InvalidInputException(nameof(termId), "The term's id is empty: pass the id of one of the panel's Members.");
        }

        var index = _members.FindIndex(m => m.Id == termId);
        Rule.Require(index >= 0, PeerReviewErrorCodes.MemberNotFound, $"Panel {Id} has no term of office {termId}: pass the id of one of its Members.");
        var term = _members[index];
        Rule.Require(
            term.IsServingOn(lastDay),
            PeerReviewErrorCodes.TermDateOutsideTerm,
            $"The term {termId} runs from {term.TermStartsOn:yyyy-MM-dd} to {term.TermEndsOn:yyyy-MM-dd}, so it cannot end on {lastDay:yyyy-MM-dd}: give a last day within the term.");
        _members[index] = term with { TermEndsOn = lastDay };
        Raise(new PanelMemberTermEnded(Id, termId, term.ParticipantId, lastDay, clock.GetUtcNow()));
    }

    /// <summary>Finds the term of office in which a person serves on a date.</summary>
    /// <param name="participantId">The person.</param>
    /// <param name="date">The date.</param>
    /// <returns>The term, or <see langword="null"/> when they do not serve on that date.</returns>
    public PanelMember? ServingMember(ParticipantId participantId, DateOnly date) => _members.Find(m => m.ParticipantId == participantId && m.IsServingOn(date));

    /// <summary>Lists the members serving on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Their terms of office, in order of appointment.</returns>
    public IReadOnlyList<PanelMember> MembersServingOn(DateOnly date) => [.. _members.Where(m => m.IsServingOn(date))];

    /// <summary>Records the service areas in which a member has lived experience, replacing those held.</summary>
    /// <param name="memberId">The member (appointed for at least one term).</param>
    /// <param name="serviceAreas">The service areas (may be empty).</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">A service area is blank.</exception>
    /// <exception cref="DomainRuleViolationException">The person is not a member of the panel.</exception>
    internal void RecordLivedExperience(ParticipantId memberId, IEnumerable<string> serviceAreas, TimeProvider clock)
    {
        Input.Id(memberId);
        Guard.Against.Null(serviceAreas);
        Guard.Against.Null(clock);
        var areas = serviceAreas.ToList();
        if (areas.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidInputException(nameof(serviceAreas), "A service area of lived experience is blank: name each area, such as 'Maternity'.");
        }

        EnsureMember(memberId);
        _livedExperience.RemoveAll(e => e.MemberId == memberId);
        _livedExperience.AddRange(areas.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Select(a => new LivedExperience(memberId, a)));
        Raise(new LivedExperienceRecorded(Id, memberId, clock.GetUtcNow()));
    }

    /// <summary>Tells whether a member has lived experience of a service area (compared ignoring case).</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="serviceArea">The service area.</param>
    /// <returns><see langword="true"/> when recorded.</returns>
    public bool HasLivedExperienceOf(ParticipantId memberId, string serviceArea)
    {
        Input.Required(serviceArea);
        return _livedExperience.Exists(e => e.MemberId == memberId && string.Equals(e.ServiceArea, serviceArea.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Registers that a member is a relative or carer of another participant, so that conflicts of interest can be
    /// suggested when that participant is on an improvement team. The application service checks that both exist.
    /// </summary>
    /// <param name="memberId">The panel member.</param>
    /// <param name="relatedParticipantId">The other person.</param>
    /// <param name="kind">The link.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentException">The two ids are the same.</exception>
    /// <exception cref="DomainRuleViolationException">The member is not on the panel, or the link is already registered.</exception>
    internal void RegisterPersonalLink(ParticipantId memberId, ParticipantId relatedParticipantId, PersonalLinkKind kind, TimeProvider clock)
    {
        Input.Id(memberId);
        Input.Id(relatedParticipantId);
        Input.Defined(kind);
        Guard.Against.Null(clock);
        if (memberId == relatedParticipantId)
        {
            throw new InvalidInputException(nameof(relatedParticipantId), "A personal link joins two different people: pass the id of the member's relative or the person they care for (or who cares for them).");
        }

        EnsureMember(memberId);
        Rule.Require(
            !_personalLinks.Exists(l => l.MemberId == memberId && l.RelatedParticipantId == relatedParticipantId && l.Kind == kind),
            PeerReviewErrorCodes.PersonalLinkAlreadyRegistered,
            $"This {kind} link between the member and that person is already registered; nothing needs doing.",
            ("memberId", memberId), ("relatedParticipantId", relatedParticipantId));
        var now = clock.GetUtcNow();
        _personalLinks.Add(new PersonalLink(memberId, relatedParticipantId, kind, now));
        Raise(new PersonalLinkRegistered(Id, memberId, relatedParticipantId, kind, now));
    }

    /// <summary>
    /// Defines a new version of the review form, used from round <paramref name="appliesFromRound"/> on (until a
    /// form for a later round, or a newer form for the same round, is defined). Earlier versions are kept.
    /// </summary>
    /// <param name="name">The form's name.</param>
    /// <param name="appliesFromRound">The first round it applies to (1 or more).</param>
    /// <param name="criteria">The rated criteria (at least one; keys unique).</param>
    /// <param name="questions">The free-text questions (keys unique, and distinct from the criteria's).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new form.</returns>
    /// <exception cref="ArgumentException">The name is blank, the round is below 1, there is no criterion, or keys repeat.</exception>
    internal ReviewForm DefineReviewForm(string name, int appliesFromRound, IEnumerable<ReviewCriterion> criteria, IEnumerable<ReviewQuestion> questions, TimeProvider clock)
    {
        Input.Required(name);
        Input.Positive(appliesFromRound, message: "Review rounds are numbered from 1: pass 1 for the form used in first reviews, 2 for second and later rounds.");
        Guard.Against.Null(criteria);
        Guard.Against.Null(questions);
        Guard.Against.Null(clock);
        var criterionList = criteria.ToList();
        var questionList = questions.ToList();
        if (criterionList.Count == 0)
        {
            throw new InvalidInputException(nameof(criteria), "A review form needs at least one rated criterion, such as 'How well does the project involve patients?'.");
        }

        if (criterionList.Any(c => c is null) || questionList.Any(q => q is null))
        {
            throw new InvalidInputException(criterionList.Any(c => c is null) ? nameof(criteria) : nameof(questions), "The form contains a null criterion or question.");
        }

        var duplicate = criterionList.Select(c => c.Key).Concat(questionList.Select(q => q.Key))
            .GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidInputException(nameof(criteria), $"The key '{duplicate.Key}' is used more than once in the form: give every criterion and question its own key.");
        }

        var now = clock.GetUtcNow();
        var form = new ReviewForm(ReviewFormId.New(), name.Trim(), appliesFromRound, criterionList, questionList, now);
        _forms.Add(form);
        Raise(new ReviewFormDefined(Id, form.Id, appliesFromRound, now));
        return form;
    }

    /// <summary>
    /// Finds the form used in a round: the form with the highest <see cref="ReviewForm.AppliesFromRound"/> not above
    /// the round, the newest if several.
    /// </summary>
    /// <param name="round">The round number (1 or more).</param>
    /// <returns>The form, or <see langword="null"/> when none applies.</returns>
    public ReviewForm? FormForRound(int round)
    {
        ReviewForm? best = null;
        foreach (var form in _forms)
        {
            if (form.AppliesFromRound <= round && (best is null || form.AppliesFromRound >= best.AppliesFromRound))
            {
                best = form;
            }
        }

        return best;
    }

    /// <summary>Finds a form version by id.</summary>
    /// <param name="formId">The id.</param>
    /// <returns>The form, or <see langword="null"/>.</returns>
    public ReviewForm? FindForm(ReviewFormId formId) => _forms.Find(f => f.Id == formId);

    /// <summary>Gets the form used in a round, or throws when none applies.</summary>
    /// <param name="round">The round number.</param>
    /// <returns>The form.</returns>
    /// <exception cref="DomainRuleViolationException">No form applies to the round.</exception>
    public ReviewForm RequireFormForRound(int round)
    {
        var form = FormForRound(round);
        Rule.Require(form is not null, PeerReviewErrorCodes.NoReviewForm, $"Panel {Id} has no review form for round {round}: define one with DefineReviewForm(..., appliesFromRound: 1, ...) first.");
        return form!;
    }

    private void EnsureMember(ParticipantId memberId) =>
        Rule.Require(
            _members.Exists(m => m.ParticipantId == memberId),
            PeerReviewErrorCodes.NotAMember,
            "The person named is not a member of this panel: appoint them with AppointMember first.",
            ("participantId", memberId), ("panelId", Id));
}
