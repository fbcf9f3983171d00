using Ardalis.GuardClauses;
using CoProduction.Involvement.Assessments.Events;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Assessments;

/// <summary>
/// An assessment of involvement against a framework's standards: several assessors, each with a declared perspective
/// (staff, patient partner, carer), rate the framework's indicators. <see cref="AssessmentScorer"/> turns the ratings
/// into per-standard and overall scores, per perspective, with the gap between staff and patients and carers.
/// An assessment may concern one improvement project or, without one, the organisation's involvement as a whole.
/// </summary>
public sealed class Assessment : AggregateRoot<AssessmentId>
{
    private readonly List<AssessmentAssessor> _assessors = [];
    private readonly List<IndicatorRating> _ratings = [];

    private Assessment(AssessmentId id, OrganisationId organisationId, InvolvementFrameworkId frameworkId, ImprovementProjectId? projectId, string title, DateTimeOffset openedAt)
        : base(id, organisationId)
    {
        FrameworkId = frameworkId;
        ProjectId = projectId;
        Title = title;
        OpenedAt = openedAt;
    }

    private Assessment()
    {
        Title = string.Empty;
    }

    /// <summary>Gets the framework whose indicators are rated.</summary>
    public InvolvementFrameworkId FrameworkId { get; private set; }

    /// <summary>Gets the project assessed, if the assessment concerns one.</summary>
    public ImprovementProjectId? ProjectId { get; private set; }

    /// <summary>Gets the assessment's title, such as "Discharge project, spring review".</summary>
    public string Title { get; private set; }

    /// <summary>Gets whether the assessment is open or completed.</summary>
    public AssessmentStatus Status { get; private set; }

    /// <summary>Gets when it was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Gets when it was completed, if it was.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Gets the declared assessors.</summary>
    public IReadOnlyList<AssessmentAssessor> Assessors => _assessors;

    /// <summary>Gets the ratings (one per assessor and indicator).</summary>
    public IReadOnlyList<IndicatorRating> Ratings => _ratings;

    /// <summary>Removes an erased assessor's comments (their ratings stay, under their pseudonymous id); returns whether anything changed.</summary>
    internal bool RemovePersonalText(ParticipantId participantId)
    {
        var changed = false;
        for (var i = 0; i < _ratings.Count; i++)
        {
            if (_ratings[i].AssessorId == participantId && _ratings[i].Comment is not null)
            {
                _ratings[i] = _ratings[i] with { Comment = PersonalData.RemovedOnErasure };
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>Opens an assessment against a published framework that has standards.</summary>
    /// <param name="organisationId">The organisation.</param>
    /// <param name="framework">The framework.</param>
    /// <param name="title">The title.</param>
    /// <param name="projectId">The project assessed, or <see langword="null"/> for the organisation as a whole.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new assessment, to be added to the store.</returns>
    internal static Assessment Open(OrganisationId organisationId, InvolvementFramework framework, string title, ImprovementProjectId? projectId, TimeProvider clock)
    {
        Input.Id(organisationId);
        Guard.Against.Null(framework);
        Input.Required(title);
        Guard.Against.Null(clock);
        if (projectId is { } project)
        {
            Input.Id(project, nameof(projectId));
        }

        framework.EnsurePublished();
        Rule.Require(framework.OrganisationId == organisationId, InvolvementErrorCodes.FrameworkMismatch, $"Framework '{framework.Key}' belongs to another organisation: use one of your own organisation's frameworks.");
        Rule.Require(framework.Standards.Count > 0, InvolvementErrorCodes.NoStandardsToAssess, $"Framework '{framework.Key}' has no standards to rate: revise it to adopt a standards set (such as the UK Standards for Public Involvement) first.");
        var now = clock.GetUtcNow();
        var assessment = new Assessment(AssessmentId.New(), organisationId, framework.Id, projectId, title.Trim(), now);
        assessment.Raise(new AssessmentOpened(assessment.Id, framework.Id, now));
        return assessment;
    }

    /// <summary>Declares an assessor and the perspective they rate from. <c>AssessmentService</c> checks that the person exists.</summary>
    /// <param name="assessorId">The assessor.</param>
    /// <param name="perspective">Their perspective.</param>
    /// <param name="clock">The clock.</param>
    internal void DeclareAssessor(ParticipantId assessorId, AssessorPerspective perspective, TimeProvider clock)
    {
        Input.Id(assessorId);
        Input.Defined(perspective);
        Guard.Against.Null(clock);
        EnsureOpen();
        Rule.Require(!_assessors.Any(a => a.ParticipantId == assessorId), InvolvementErrorCodes.DuplicateAssessor, $"This person is already an assessor on '{Title}'; each assessor rates from one perspective.", ("participantId", assessorId));
        _assessors.Add(new AssessmentAssessor(assessorId, perspective));
        Raise(new AssessorDeclared(Id, assessorId, perspective, clock.GetUtcNow()));
    }

    /// <summary>Records an assessor's rating of an indicator, replacing any earlier rating of theirs for it.</summary>
    /// <param name="framework">The assessment's framework.</param>
    /// <param name="assessorId">A declared assessor.</param>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="value">A point of the indicator's scale.</param>
    /// <param name="comment">Why, if the assessor says.</param>
    /// <param name="clock">The clock.</param>
    internal void Rate(InvolvementFramework framework, ParticipantId assessorId, string indicatorId, int value, string? comment, TimeProvider clock)
    {
        Guard.Against.Null(framework);
        Input.Id(assessorId);
        Input.Required(indicatorId);
        Guard.Against.Null(clock);
        EnsureOpen();
        Rule.Require(framework.Id == FrameworkId, InvolvementErrorCodes.FrameworkMismatch, $"Assessment '{Title}' rates framework {FrameworkId}, not '{framework.Key}': pass the assessment's own framework.");
        Rule.Require(_assessors.Any(a => a.ParticipantId == assessorId), InvolvementErrorCodes.AssessorNotDeclared, $"This person is not an assessor on '{Title}': declare them with their perspective first.", ("participantId", assessorId));
        var (_, indicator) = framework.RequireIndicator(indicatorId);
        var scale = framework.FindScale(indicator.ScaleId)!;
        Rule.Require(scale.Contains(value), InvolvementErrorCodes.RatingOutOfScale, $"{value} is not a point of scale '{scale.Name}' for indicator '{indicatorId}': use one of {string.Join(", ", scale.Points.Select(p => $"{p.Value} ({p.Label})"))}.");
        _ratings.RemoveAll(r => r.AssessorId == assessorId && r.IndicatorId == indicatorId);
        _ratings.Add(new IndicatorRating(assessorId, indicatorId, value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()));
        Raise(new IndicatorRated(Id, assessorId, indicatorId, clock.GetUtcNow()));
    }

    /// <summary>Completes the assessment: no more ratings are taken.</summary>
    /// <param name="clock">The clock.</param>
    internal void Complete(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        EnsureOpen();
        Rule.Require(_ratings.Count > 0, InvolvementErrorCodes.NoRatings, $"Assessment '{Title}' has no ratings yet: ask the assessors to rate before completing it.");
        var now = clock.GetUtcNow();
        Status = AssessmentStatus.Completed;
        CompletedAt = now;
        Raise(new AssessmentCompleted(Id, now));
    }

    private void EnsureOpen() => Rule.Require(
        Status == AssessmentStatus.Open,
        InvolvementErrorCodes.AssessmentCompleted,
        $"Assessment '{Title}' was completed on {CompletedAt:yyyy-MM-dd}: open a new assessment to rate again (comparing the two shows improvement over time).");
}
