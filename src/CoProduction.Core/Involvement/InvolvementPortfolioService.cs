using Ardalis.GuardClauses;
using CoProduction.Involvement.Challenges;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Impact;
using CoProduction.Involvement.Projects;
using CoProduction.Involvement.Reporting;
using CoProduction.Payments;
using CoProduction.Primitives;
using Microsoft.Extensions.Options;

namespace CoProduction.Involvement;

/// <summary>
/// Portfolio use cases over the current organisation's improvement projects: the challenge scan, the impact of each
/// project's measures, the view of involvement level against improvement, and GRIPP2 reports.
/// </summary>
public sealed class InvolvementPortfolioService
{
    private readonly IImprovementProjectStore _projects;
    private readonly IInvolvementFrameworkStore _frameworks;
    private readonly IPaymentClaimStore _claims;
    private readonly People.IParticipantStore _participants;
    private readonly CoProductionOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Initialises the service.</summary>
    /// <param name="projects">The project store.</param>
    /// <param name="frameworks">The framework store.</param>
    /// <param name="claims">The payment claim store (for the payment-delay rule).</param>
    /// <param name="participants">The participant store (for consent to be quoted in a published report).</param>
    /// <param name="options">The library's options (thresholds).</param>
    /// <param name="clock">The clock.</param>
    public InvolvementPortfolioService(IImprovementProjectStore projects, IInvolvementFrameworkStore frameworks, IPaymentClaimStore claims, People.IParticipantStore participants, IOptions<CoProductionOptions> options, TimeProvider clock)
    {
        _participants = Guard.Against.Null(participants);
        _projects = Guard.Against.Null(projects);
        _frameworks = Guard.Against.Null(frameworks);
        _claims = Guard.Against.Null(claims);
        _options = Guard.Against.Null(options).Value;
        _clock = Guard.Against.Null(clock);
    }

    /// <summary>Scans every project for challenges, with the thresholds in the options.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The findings per project.</returns>
    public async Task<ChallengeScan> ScanChallengesAsync(CancellationToken cancellationToken)
    {
        var projects = await _projects.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var frameworks = await _frameworks.ListAsync(cancellationToken).ConfigureAwait(false);
        var submitted = await _claims.ListByStatusAsync(PaymentClaimStatus.Submitted, cancellationToken).ConfigureAwait(false);
        var approved = await _claims.ListByStatusAsync(PaymentClaimStatus.Approved, cancellationToken).ConfigureAwait(false);
        return ChallengeDetector.Scan(projects, frameworks, [.. submitted, .. approved], ChallengeThresholds.From(_options), _clock.GetUtcNow());
    }

    /// <summary>Analyses a project's measures with statistical process control.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The impact per measure.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    public async Task<ProjectImpact> AnalyseImpactAsync(ImprovementProjectId projectId, CancellationToken cancellationToken)
    {
        Input.Id(projectId);
        var project = await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        return ImpactAnalyser.AnalyseProject(project, _options.Involvement);
    }

    /// <summary>
    /// Measures involvement month by month across the organisation's projects of one framework: the share of active
    /// projects that have involved patients or carers (anyone with lived experience) at or above a chosen level of the
    /// ladder by the month's end, with its p chart (Making Data Count rules; limits vary with the number of projects).
    /// This is the measure QI programmes report, such as "projects with patient involvement: 40% against a target of 80%".
    /// </summary>
    /// <param name="frameworkId">The framework whose projects are counted.</param>
    /// <param name="levelId">The lowest level that counts, such as <c>co-design</c>.</param>
    /// <param name="firstMonth">Any day of the first month.</param>
    /// <param name="lastMonth">Any day of the last month (at most 120 months after the first).</param>
    /// <param name="target">A target share in [0, 1], for the chart's assurance, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The months and the chart.</returns>
    /// <exception cref="InvalidInputException">The id is empty, the level is blank or not on the framework's ladder, the months are in the wrong order or span more than 120, or the target is outside [0, 1].</exception>
    /// <exception cref="RecordNotFoundException">There is no such framework in the current organisation (<see cref="InvolvementErrorCodes.FrameworkNotFound"/>).</exception>
    public async Task<InvolvementMeasure> MeasureInvolvementAsync(InvolvementFrameworkId frameworkId, string levelId, DateOnly firstMonth, DateOnly lastMonth, double? target, CancellationToken cancellationToken)
    {
        new CommandInput()
            .Id(frameworkId)
            .Text(levelId)
            .That(firstMonth <= lastMonth, nameof(lastMonth), $"The last month ({lastMonth:yyyy-MM}) is before the first ({firstMonth:yyyy-MM}).")
            .That(((lastMonth.Year - firstMonth.Year) * 12) + lastMonth.Month - firstMonth.Month < 120, nameof(lastMonth), "Measure at most 120 months at once.")
            .That(target is null or (>= 0 and <= 1), nameof(target), $"The target is a share from 0 to 1 (0.8 for 80%); {target} was given.")
            .ThrowIfInvalid();
        var framework = await _frameworks.RequireFrameworkAsync(frameworkId, cancellationToken).ConfigureAwait(false);
        if (framework.LevelRank(levelId) < 0)
        {
            throw new InvalidInputException(nameof(levelId), $"The framework's ladder has no level '{levelId}': use one of {string.Join(", ", framework.Levels.Select(l => l.Id))}.");
        }

        var projects = await _projects.ListAsync(null, cancellationToken).ConfigureAwait(false);
        return InvolvementMeasure.Count(framework, levelId, projects, firstMonth, lastMonth, target);
    }

    /// <summary>Relates the level of involvement each project reached to whether its patient experience improved.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The portfolio view.</returns>
    public async Task<PortfolioImpact> AnalysePortfolioImpactAsync(CancellationToken cancellationToken)
    {
        var projects = await _projects.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var frameworks = await _frameworks.ListAsync(cancellationToken).ConfigureAwait(false);
        return ImpactAnalyser.AnalysePortfolio(projects, frameworks, _options.Involvement);
    }

    /// <summary>
    /// Builds the GRIPP2 short-form report of a project for publication: it names nobody, and quotes the records of
    /// involvement only when everyone who took part has consent to be quoted in force now (so a withdrawn consent takes
    /// effect from the next report); the report says how many quotations it left out and why.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="teamReflections">The team's own reflections, if any, written for publication.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report (use <see cref="Gripp2Report.ToMarkdown"/> for Markdown).</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    public Task<Gripp2Report> BuildGripp2ReportAsync(ImprovementProjectId projectId, string? teamReflections, CancellationToken cancellationToken) =>
        BuildGripp2ReportAsync(projectId, teamReflections, People.ReportAudience.Publication, cancellationToken);

    /// <summary>
    /// Builds the GRIPP2 short-form report of a project for internal use only: it gives every recorded text (the plan's
    /// who and revision reasons, every "you said, we did", whoever is quoted) and findings about people by id. Do not
    /// publish it; <see cref="BuildGripp2ReportAsync(ImprovementProjectId, string?, CancellationToken)"/> builds the report for publication.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="teamReflections">The team's own reflections, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidInputException">The id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The project is unknown (<see cref="InvolvementErrorCodes.ProjectNotFound"/>).</exception>
    public Task<Gripp2Report> BuildInternalGripp2ReportAsync(ImprovementProjectId projectId, string? teamReflections, CancellationToken cancellationToken) =>
        BuildGripp2ReportAsync(projectId, teamReflections, People.ReportAudience.Internal, cancellationToken);

    private async Task<Gripp2Report> BuildGripp2ReportAsync(ImprovementProjectId projectId, string? teamReflections, People.ReportAudience audience, CancellationToken cancellationToken)
    {
        Input.Id(projectId);
        var project = await _projects.RequireProjectAsync(projectId, cancellationToken).ConfigureAwait(false);
        var framework = await _frameworks.RequireFrameworkAsync(project.FrameworkId, cancellationToken).ConfigureAwait(false);
        var scan = await ScanChallengesAsync(cancellationToken).ConfigureAwait(false);
        var findings = scan.Projects.Single(p => p.ProjectId == projectId).Findings;
        var impact = ImpactAnalyser.AnalyseProject(project, _options.Involvement);
        var privacy = Gripp2Privacy.Internal;
        if (audience == People.ReportAudience.Publication)
        {
            var now = _clock.GetUtcNow();
            var consented = new List<People.ParticipantId>();
            foreach (var participantId in project.Records.SelectMany(r => r.Participants).Select(p => p.ParticipantId).Distinct())
            {
                if (await _participants.FindAsync(participantId, cancellationToken).ConfigureAwait(false) is { IsErased: false } participant
                    && participant.HasConsent(People.ConsentPurpose.Quotation, now))
                {
                    consented.Add(participantId);
                }
            }

            privacy = Gripp2Privacy.ForPublication(consented);
        }

        return Gripp2ReportBuilder.Build(project, framework, impact, findings, teamReflections, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), privacy);
    }
}
