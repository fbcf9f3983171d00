using CoProduction.Scoring;
using Ardalis.GuardClauses;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.PeerReview;

/// <summary>
/// The use cases of a patient-led peer review panel itself: establishing it, its terms of reference and quorum rule,
/// its members' terms of office, lived experience and personal links (from which conflicts of interest are suggested),
/// the review forms per round, and the panel's evaluation over a period. Members are checked against their participant
/// records in the current organisation. Submissions are in <see cref="ReviewSubmissionService"/> and meetings in
/// <see cref="PanelMeetingService"/>.
/// </summary>
public sealed class PanelService
{
    private readonly IPanelStore _panels;
    private readonly IReviewSubmissionStore _submissions;
    private readonly IPanelMeetingStore _meetings;
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="panels">The panel store.</param>
    /// <param name="submissions">The submission store (read to evaluate a panel).</param>
    /// <param name="meetings">The meeting store (read to evaluate a panel).</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PanelService(
        IPanelStore panels,
        IReviewSubmissionStore submissions,
        IPanelMeetingStore meetings,
        IParticipantStore participants,
        IOrganisationContext organisation,
        TimeProvider clock)
    {
        _panels = Guard.Against.Null(panels);
        _submissions = Guard.Against.Null(submissions);
        _meetings = Guard.Against.Null(meetings);
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Finds a panel of the current organisation.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panel, or <see langword="null"/> when there is none.</returns>
    public ValueTask<Panel?> FindAsync(PanelId panelId, CancellationToken cancellationToken) => _panels.FindAsync(panelId, cancellationToken);

    /// <summary>Lists one page of the current organisation's panels, in the order they were set up, with the number of them all.</summary>
    /// <param name="page">The page to read; <c>default</c> is the first page of <see cref="Storage.PageRequest.DefaultSize"/>, oldest first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The page.</returns>
    public Task<Storage.Page<Panel>> ListAsync(Storage.PageRequest page, CancellationToken cancellationToken) => _panels.ListPageAsync(page, cancellationToken);

    /// <summary>Establishes a panel in the current organisation.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="termsOfReference">Its terms of reference.</param>
    /// <param name="quorumRule">Its quorum rule.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panel, stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quorumRule"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The name or terms of reference are blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    public async Task<Panel> EstablishAsync(string name, string termsOfReference, QuorumRule quorumRule, CancellationToken cancellationToken)
    {
        new CommandInput().Text(name).Text(termsOfReference).ThrowIfInvalid();
        Guard.Against.Null(quorumRule);
        var panel = Panel.Establish(_organisation.CurrentOrganisationId, name, termsOfReference, quorumRule, _clock);
        await _panels.AddAsync(panel, cancellationToken).ConfigureAwait(false);
        return panel;
    }

    /// <summary>Finds a panel of the current organisation by its name (its natural key, compared exactly after trimming).</summary>
    /// <param name="name">The panel's name.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The panel, or <see langword="null"/> when none has that name.</returns>
    /// <exception cref="InvalidInputException">The name is blank.</exception>
    public Task<Panel?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        new CommandInput().Text(name).ThrowIfInvalid();
        return _panels.FindByNameAsync(name.Trim(), cancellationToken);
    }

    /// <summary>Replaces a panel's terms of reference.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="termsOfReference">The new terms of reference.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The terms of reference are blank, the id is empty, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task ChangeTermsOfReferenceAsync(PanelId panelId, string termsOfReference, CancellationToken cancellationToken)
    {
        Input.Required(termsOfReference);
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        panel.ChangeTermsOfReference(termsOfReference, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a panel's quorum rule; meetings arranged from now on use it, meetings already arranged keep theirs.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="quorumRule">The new rule.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="quorumRule"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task ChangeQuorumRuleAsync(PanelId panelId, QuorumRule quorumRule, CancellationToken cancellationToken)
    {
        Guard.Against.Null(quorumRule);
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        panel.ChangeQuorumRule(quorumRule, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appoints a member for a term of office, checking that they exist and that their roles fit: patient reviewers
    /// and chairs bring lived experience (patient, carer, service user or community member); facilitators are staff.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="participantId">The member.</param>
    /// <param name="role">The panel role.</param>
    /// <param name="termStartsOn">The first day of the term.</param>
    /// <param name="termEndsOn">The last day of the term.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The term of office.</returns>
    /// <exception cref="InvalidInputException">The role is not defined, an id is empty, or the term ends before it starts.</exception>
    /// <exception cref="RecordNotFoundException">The panel or participant is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), their record does not bear out the role (<see cref="PeerReviewErrorCodes.RoleMismatch"/>), the term overlaps one they already hold (<see cref="PeerReviewErrorCodes.MemberTermOverlap"/>), or another chair serves then (<see cref="PeerReviewErrorCodes.ChairTermOverlap"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<PanelMember> AppointMemberAsync(PanelId panelId, ParticipantId participantId, PanelRole role, DateOnly termStartsOn, DateOnly termEndsOn, CancellationToken cancellationToken)
    {
        Input.Defined(role);
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        var participant = await _participants.RequireParticipantAsync(participantId, "the new member", _organisation, cancellationToken).ConfigureAwait(false);
        Rule.Require(
            role.IsPatientRole() ? participant.HasLivedExperience : participant.HasRole(ParticipantRole.Staff),
            PeerReviewErrorCodes.RoleMismatch,
            role.IsPatientRole()
                ? $"The new member has no lived-experience role (patient partner, carer, service user or community member), so they cannot serve as {role}: a patient-led panel's reviewers and chair bring lived experience. Appoint them as StaffFacilitator, or add the role to their record first."
                : $"The new member is not staff, so they cannot serve as {role}: appoint them as PatientReviewer, or add the Staff role to their record first.",
            ("participantId", participantId));
        var member = panel.AppointMember(participantId, role, termStartsOn, termEndsOn, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
        return member;
    }

    /// <summary>Ends a member's term of office early.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="termId">The term (<see cref="PanelMember.Id"/>).</param>
    /// <param name="lastDay">The last day served.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">The panel id is empty.</exception>
    /// <exception cref="ArgumentException"><paramref name="termId"/> is empty.</exception>
    /// <exception cref="RecordNotFoundException">The panel or term is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>, <see cref="PeerReviewErrorCodes.MemberNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The last day is outside the term (<see cref="PeerReviewErrorCodes.TermDateOutsideTerm"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task EndTermAsync(PanelId panelId, Guid termId, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        panel.EndTerm(termId, lastDay, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the service areas of a member's lived experience.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="serviceAreas">The service areas.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serviceAreas"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">An id is empty, a service area is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The participant is not a member of the panel (<see cref="PeerReviewErrorCodes.NotAMember"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RecordLivedExperienceAsync(PanelId panelId, ParticipantId memberId, IEnumerable<string> serviceAreas, CancellationToken cancellationToken)
    {
        Guard.Against.Null(serviceAreas);
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        panel.RecordLivedExperience(memberId, serviceAreas, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Tells the panel that a member is a relative or carer of another participant, so that a conflict of interest
    /// is suggested whenever that person is on a project team presenting to the panel.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="relatedParticipantId">The relative, or the person cared for (or caring).</param>
    /// <param name="kind">The link.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="InvalidInputException">An id is empty, the kind is not defined, or the member and the related person are the same.</exception>
    /// <exception cref="RecordNotFoundException">The panel or the related person is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>, <see cref="PeopleErrorCodes.ParticipantNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The related person has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>), the member is not a member of the panel (<see cref="PeerReviewErrorCodes.NotAMember"/>), or the link is already registered (<see cref="PeerReviewErrorCodes.PersonalLinkAlreadyRegistered"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task RegisterPersonalLinkAsync(PanelId panelId, ParticipantId memberId, ParticipantId relatedParticipantId, PersonalLinkKind kind, CancellationToken cancellationToken)
    {
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        await _participants.RequireParticipantAsync(relatedParticipantId, "the related person", _organisation, cancellationToken).ConfigureAwait(false);
        panel.RegisterPersonalLink(memberId, relatedParticipantId, kind, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Defines a review form for rounds from <paramref name="appliesFromRound"/> on. Reviews already given on an
    /// earlier form keep counting: a round is compiled on the form its first review used.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="name">The form's name.</param>
    /// <param name="appliesFromRound">The first round it applies to.</param>
    /// <param name="criteria">The rated criteria.</param>
    /// <param name="questions">The open questions.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> or <paramref name="questions"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidInputException">The name is blank, the round is not positive, the panel id is empty, the form is invalid (no criterion, a <see langword="null"/> criterion or question, a key used twice), or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the panel meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<ReviewForm> DefineReviewFormAsync(PanelId panelId, string name, int appliesFromRound, IEnumerable<ReviewCriterion> criteria, IEnumerable<ReviewQuestion> questions, CancellationToken cancellationToken)
    {
        Input.Required(name);
        Guard.Against.Null(criteria);
        Guard.Against.Null(questions);
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        var form = panel.DefineReviewForm(name, appliesFromRound, criteria, questions, _clock);
        await _panels.UpdateAsync(panel, cancellationToken).ConfigureAwait(false);
        return form;
    }

    /// <summary>Evaluates a panel over a period (see <see cref="PanelEvaluator.Evaluate"/>) from its submissions and meetings.</summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="from">The first day, or <see langword="null"/>.</param>
    /// <param name="to">The last day, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="InvalidInputException">The panel id is empty, or the period ends before it starts.</exception>
    /// <exception cref="RecordNotFoundException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    public async Task<PanelEvaluation> EvaluateAsync(PanelId panelId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        var submissions = await _submissions.ListByPanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        var meetings = await _meetings.ListByPanelAsync(panelId, cancellationToken).ConfigureAwait(false);
        return PanelEvaluator.Evaluate(panel, submissions, meetings, from, to);
    }

    /// <summary>
    /// How far the panel's reviewers agreed, criterion by criterion, over the reviews recorded at its meetings in a
    /// period: Krippendorff's alpha for each criterion of the panel's forms (ordinal, as the ratings are points on a
    /// scale), with each round of a submission as a unit and each reviewer as a coder. One alpha per criterion says where
    /// reviewers read the form differently, which one alpha per submission, pooling criteria, cannot. Reviews by a
    /// reviewer with a conflict of interest on the submission are left out, as they are from the feedback.
    /// </summary>
    /// <param name="panelId">The panel.</param>
    /// <param name="from">The first meeting day, or <see langword="null"/> for no lower bound.</param>
    /// <param name="to">The last meeting day, or <see langword="null"/> for no upper bound.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>One result per criterion key, in the order the forms list them; alpha is NaN where fewer than two reviewers rated any one unit.</returns>
    /// <exception cref="InvalidInputException">The panel id is empty, or the period ends before it starts.</exception>
    /// <exception cref="RecordNotFoundException">The panel is unknown (<see cref="PeerReviewErrorCodes.PanelNotFound"/>).</exception>
    public async Task<IReadOnlyList<CriterionAgreement<string>>> AnalyseAgreementByCriterionAsync(PanelId panelId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        new CommandInput().Id(panelId).That(from is null || to is null || from <= to, nameof(to), $"The period ends on {to:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}.").ThrowIfInvalid();
        var panel = await _panels.RequirePanelAsync(panelId, _organisation, cancellationToken).ConfigureAwait(false);
        var meetings = (await _meetings.ListByPanelAsync(panelId, cancellationToken).ConfigureAwait(false))
            .Where(m => (from is null || m.Date >= from) && (to is null || m.Date <= to))
            .ToList();
        var levels = new Dictionary<string, MeasurementLevel>(StringComparer.Ordinal);
        foreach (var criterion in panel.ReviewForms.SelectMany(f => f.Criteria))
        {
            levels.TryAdd(criterion.Key, MeasurementLevel.Ordinal);
        }

        var ratings = new List<Rating<string, (ReviewSubmissionId, int), ParticipantId>>();
        foreach (var meeting in meetings)
        {
            foreach (var review in meeting.Reviews.Where(r => !meeting.IsConflicted(r.ReviewerId, r.SubmissionId)))
            {
                foreach (var key in levels.Keys)
                {
                    if (review.RatingOf(key) is { } value)
                    {
                        ratings.Add(new(key, (review.SubmissionId, review.RoundNumber), review.ReviewerId, value));
                    }
                }
            }
        }

        return Agreement.KrippendorffAlphaByCriterion(ratings, levels);
    }
}
