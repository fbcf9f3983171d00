using Ardalis.GuardClauses;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Assessments;

/// <summary>
/// Use cases about involvement assessments: open one against a framework (for a project or the organisation), declare
/// assessors (who must exist and hold the role their perspective claims), rate, complete and score.
/// </summary>
public sealed class AssessmentService
{
    private readonly IAssessmentStore _assessments;
    private readonly IInvolvementFrameworkStore _frameworks;
    private readonly IImprovementProjectStore _projects;
    private readonly IParticipantStore _participants;
    private readonly IOrganisationContext _organisation;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="assessments">The assessment store.</param>
    /// <param name="frameworks">The framework store.</param>
    /// <param name="projects">The project store.</param>
    /// <param name="participants">The participant store.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="clock">The clock.</param>
    public AssessmentService(IAssessmentStore assessments, IInvolvementFrameworkStore frameworks, IImprovementProjectStore projects, IParticipantStore participants, IOrganisationContext organisation, TimeProvider clock)
    {
        _assessments = Guard.Against.Null(assessments);
        _frameworks = Guard.Against.Null(frameworks);
        _projects = Guard.Against.Null(projects);
        _participants = Guard.Against.Null(participants);
        _organisation = Guard.Against.Null(organisation);
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Finds an assessment of the current organisation by id.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessment, or <see langword="null"/> when there is none (an empty id included).</returns>
    public ValueTask<Assessment?> FindAsync(AssessmentId assessmentId, CancellationToken cancellationToken) => _assessments.FindAsync(assessmentId, cancellationToken);

    /// <summary>Gets an assessment of the current organisation, or fails with a clear error.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">There is no such assessment in the current organisation (<see cref="InvolvementErrorCodes.AssessmentNotFound"/>).</exception>
    public async Task<Assessment> GetAsync(AssessmentId assessmentId, CancellationToken cancellationToken)
    {
        Input.Id(assessmentId);
        return await _assessments.FindAsync(assessmentId, cancellationToken).ConfigureAwait(false)
            ?? throw new RecordNotFoundException(InvolvementErrorCodes.AssessmentNotFound, $"There is no assessment {assessmentId} in this organisation: check the id, or open the assessment first.");
    }

    /// <summary>Lists the assessments opened for an improvement project in the current organisation.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Its assessments; none for an unknown project (an empty id included).</returns>
    public Task<IReadOnlyList<Assessment>> ListForProjectAsync(ImprovementProjectId projectId, CancellationToken cancellationToken) => _assessments.ListForProjectAsync(projectId, cancellationToken);

    /// <summary>Opens an assessment of a project (against the project's framework).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="title">The title.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved assessment.</returns>
    /// <exception cref="InvalidInputException">The project id is empty, the title is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The project's framework has no standards to rate (<see cref="InvolvementErrorCodes.NoStandardsToAssess"/>).</exception>
    public async Task<Assessment> OpenForProjectAsync(ImprovementProjectId projectId, string title, CancellationToken cancellationToken)
    {
        new CommandInput().Id(projectId).Text(title).ThrowIfInvalid();
        var project = await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        var framework = await _frameworks.RequireFrameworkAsync(project.FrameworkId, cancellationToken).ConfigureAwait(false);
        var assessment = Assessment.Open(_organisation.CurrentOrganisationId, framework, title, projectId, _clock);
        await _assessments.AddAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment;
    }

    /// <summary>Opens an assessment of the organisation's involvement as a whole, against a framework.</summary>
    /// <param name="frameworkId">The framework.</param>
    /// <param name="title">The title.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved assessment.</returns>
    /// <exception cref="InvalidInputException">The framework id is empty, the title is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The framework is unknown (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The framework is still a draft (<see cref="InvolvementErrorCodes.FrameworkNotPublished"/>) or has no standards to rate (<see cref="InvolvementErrorCodes.NoStandardsToAssess"/>).</exception>
    public async Task<Assessment> OpenForOrganisationAsync(InvolvementFrameworkId frameworkId, string title, CancellationToken cancellationToken)
    {
        new CommandInput().Id(frameworkId).Text(title).ThrowIfInvalid();
        var framework = await _frameworks.RequireFrameworkAsync(frameworkId, cancellationToken).ConfigureAwait(false);
        var assessment = Assessment.Open(_organisation.CurrentOrganisationId, framework, title, null, _clock);
        await _assessments.AddAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment;
    }

    /// <summary>Declares an assessor: they must exist and hold the role their perspective claims (staff, patient partner or carer).</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="assessorId">The assessor.</param>
    /// <param name="perspective">Their perspective.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved assessment.</returns>
    /// <exception cref="InvalidInputException">An id is empty, or the perspective is not defined.</exception>
    /// <exception cref="RecordNotFoundException">The assessor or the assessment is unknown (<see cref="PeopleErrorCodes.ParticipantNotFound"/>, <see cref="InvolvementErrorCodes.AssessmentNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The assessor has been erased (<see cref="PeopleErrorCodes.ParticipantErased"/>) or lacks the participant role of the perspective (<see cref="InvolvementErrorCodes.TeamRoleMismatch"/>), the assessment is completed (<see cref="InvolvementErrorCodes.AssessmentCompleted"/>), or the assessor is already declared (<see cref="InvolvementErrorCodes.DuplicateAssessor"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the assessment meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<Assessment> DeclareAssessorAsync(AssessmentId assessmentId, ParticipantId assessorId, AssessorPerspective perspective, CancellationToken cancellationToken)
    {
        new CommandInput().Id(assessmentId).Id(assessorId).Defined(perspective).ThrowIfInvalid();
        var participant = await _participants.RequireParticipantAsync(assessorId, cancellationToken).ConfigureAwait(false);
        var needed = perspective switch
        {
            AssessorPerspective.PatientPartner => ParticipantRole.PatientPartner,
            AssessorPerspective.Carer => ParticipantRole.Carer,
            _ => ParticipantRole.Staff,
        };
        Rule.Require(participant.HasRole(needed), InvolvementErrorCodes.TeamRoleMismatch, $"This person is not registered as {needed}, so cannot assess from the {perspective} perspective: choose the perspective that matches their role.", ("participantId", assessorId));
        var assessment = await _assessments.RequireAssessmentAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        assessment.DeclareAssessor(assessorId, perspective, _clock);
        await _assessments.UpdateAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment;
    }

    /// <summary>Records an assessor's rating of an indicator.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="assessorId">A declared assessor.</param>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="value">A point of the indicator's scale.</param>
    /// <param name="comment">Why, if said.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved assessment.</returns>
    /// <exception cref="InvalidInputException">An id is empty, the indicator id is blank, or a text cannot be stored as given (see <see cref="Storage.IUnitOfWork.SaveAsync"/>).</exception>
    /// <exception cref="RecordNotFoundException">The assessment is unknown (<see cref="InvolvementErrorCodes.AssessmentNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The assessment is completed (<see cref="InvolvementErrorCodes.AssessmentCompleted"/>), the assessor is not declared on it (<see cref="InvolvementErrorCodes.AssessorNotDeclared"/>), its framework has no such indicator (<see cref="InvolvementErrorCodes.UnknownIndicator"/>), or the value is not a point of the indicator's scale (<see cref="InvolvementErrorCodes.RatingOutOfScale"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the assessment meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<Assessment> RateAsync(AssessmentId assessmentId, ParticipantId assessorId, string indicatorId, int value, string? comment, CancellationToken cancellationToken)
    {
        new CommandInput().Id(assessmentId).Id(assessorId).Text(indicatorId).ThrowIfInvalid();
        var assessment = await _assessments.RequireAssessmentAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        var framework = await _frameworks.RequireFrameworkAsync(assessment.FrameworkId, cancellationToken).ConfigureAwait(false);
        assessment.Rate(framework, assessorId, indicatorId, value, comment, _clock);
        await _assessments.UpdateAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment;
    }

    /// <summary>Completes an assessment.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved assessment.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The assessment is unknown (<see cref="InvolvementErrorCodes.AssessmentNotFound"/>).</exception>
    /// <exception cref="DomainRuleViolationException">The assessment is already completed (<see cref="InvolvementErrorCodes.AssessmentCompleted"/>), or has no ratings (<see cref="InvolvementErrorCodes.NoRatings"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">Someone changed the assessment meanwhile, or since the version the caller expects (<see cref="Storage.ExpectedVersions"/>); nothing was saved.</exception>
    public async Task<Assessment> CompleteAsync(AssessmentId assessmentId, CancellationToken cancellationToken)
    {
        Input.Id(assessmentId);
        var assessment = await _assessments.RequireAssessmentAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        assessment.Complete(_clock);
        await _assessments.UpdateAsync(assessment, cancellationToken).ConfigureAwait(false);
        return assessment;
    }

    /// <summary>Scores an assessment, with the ladder level per phase when it concerns a project.</summary>
    /// <param name="assessmentId">The assessment.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The results.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The assessment is unknown (<see cref="InvolvementErrorCodes.AssessmentNotFound"/>).</exception>
    public async Task<AssessmentResult> ScoreAsync(AssessmentId assessmentId, CancellationToken cancellationToken)
    {
        Input.Id(assessmentId);
        var assessment = await _assessments.RequireAssessmentAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        var framework = await _frameworks.RequireFrameworkAsync(assessment.FrameworkId, cancellationToken).ConfigureAwait(false);
        var project = assessment.ProjectId is { } projectId ? await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false) : null;
        return AssessmentScorer.Score(assessment, framework, project);
    }
}
