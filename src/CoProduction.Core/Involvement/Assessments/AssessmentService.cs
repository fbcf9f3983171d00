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

    /// <summary>Opens an assessment of a project (against the project's framework).</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="title">The title.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The saved assessment.</returns>
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
        Rule.Require(participant.HasRole(needed), InvolvementErrorCodes.TeamRoleMismatch, $"Participant {assessorId} is not registered as {needed}, so cannot assess from the {perspective} perspective: choose the perspective that matches their role.");
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
    public async Task<AssessmentResult> ScoreAsync(AssessmentId assessmentId, CancellationToken cancellationToken)
    {
        Input.Id(assessmentId);
        var assessment = await _assessments.RequireAssessmentAsync(assessmentId, cancellationToken).ConfigureAwait(false);
        var framework = await _frameworks.RequireFrameworkAsync(assessment.FrameworkId, cancellationToken).ConfigureAwait(false);
        var project = assessment.ProjectId is { } projectId ? await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false) : null;
        return AssessmentScorer.Score(assessment, framework, project);
    }
}
