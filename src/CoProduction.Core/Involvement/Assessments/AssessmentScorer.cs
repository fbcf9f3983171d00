using Ardalis.GuardClauses;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Scoring;

namespace CoProduction.Involvement.Assessments;

/// <summary>
/// Scores an assessment with the weighted scoring routine of <c>CoProduction.Scoring</c> (<see cref="WeightedScoring"/>).
/// </summary>
/// <remarks>
/// <para>Each rating is put on a 0-100 scale: (value - lowest point) / (highest point - lowest point) x 100.</para>
/// <para>
/// For a group of assessors, an indicator's score is the mean of their ratings of it. A standard's score is the
/// weighted mean of its rated indicators (indicator weights, re-normalised over what was rated; an unrated indicator
/// is left out, never counted as zero). The overall score is the weighted mean of the scored standards (standard
/// weights). Indicators and standards of weight zero take no part in the weighted means.
/// </para>
/// <para>
/// The combined score gives every perspective present an equal voice: an indicator's combined score is the mean of
/// the perspectives' indicator scores (of those that rated it), however many assessors each perspective has. The
/// perspective gap pools patient partners and carers, each assessor counting equally, and compares them with staff.
/// </para>
/// </remarks>
public static class AssessmentScorer
{
    /// <summary>Scores an assessment; when a project is given, adds the ladder level reached per phase against its plan.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="framework">The assessment's framework.</param>
    /// <param name="project">The project assessed, if any (it must be the assessment's project).</param>
    /// <returns>The results.</returns>
    public static AssessmentResult Score(Assessment assessment, InvolvementFramework framework, ImprovementProject? project = null)
    {
        Guard.Against.Null(assessment);
        Guard.Against.Null(framework);
        Rule.Require(assessment.FrameworkId == framework.Id, InvolvementErrorCodes.FrameworkMismatch, $"Assessment '{assessment.Title}' rates framework {assessment.FrameworkId}, not '{framework.Key}': pass the assessment's own framework.");
        Rule.Require(project is null || project.Id == assessment.ProjectId, InvolvementErrorCodes.ProjectMismatch, $"Project '{project?.Title}' is not the project of assessment '{assessment.Title}': pass the assessment's own project, or none.");

        var model = new Model(framework, assessment);
        var perspectives = Enum.GetValues<AssessorPerspective>()
            .Select(p => (Perspective: p, Assessors: assessment.Assessors.Where(a => a.Perspective == p).Select(a => a.ParticipantId).ToHashSet()))
            .Where(p => p.Assessors.Count > 0)
            .ToList();
        var staff = assessment.Assessors.Where(a => a.Perspective == AssessorPerspective.Staff).Select(a => a.ParticipantId).ToHashSet();
        var livedExperience = assessment.Assessors.Where(a => a.Perspective.IsLivedExperience()).Select(a => a.ParticipantId).ToHashSet();

        var combined = model.Score([.. perspectives.Select(p => p.Assessors)]);
        var byPerspective = perspectives.Select(p => (p.Perspective, p.Assessors.Count, Scores: model.Score([p.Assessors]))).ToList();
        var staffScores = model.Score([staff]);
        var livedScores = model.Score([livedExperience]);

        var standards = new List<StandardResult>(framework.Standards.Count);
        for (var s = 0; s < framework.Standards.Count; s++)
        {
            var standard = framework.Standards[s];
            standards.Add(new StandardResult(
                standard.Id,
                standard.Name,
                standard.Weight,
                combined.Standards[s],
                [.. byPerspective.Select(p => new PerspectiveScore(p.Perspective, p.Count, p.Scores.Standards[s]))],
                Gap(staffScores.Standards[s], livedScores.Standards[s]),
                [.. standard.Indicators.Where(i => !assessment.Ratings.Any(r => r.IndicatorId == i.Id)).Select(i => i.Id)]));
        }

        return new AssessmentResult(
            assessment.Id,
            combined.Overall,
            [.. byPerspective.Select(p => new PerspectiveScore(p.Perspective, p.Count, p.Scores.Overall))],
            Gap(staffScores.Overall, livedScores.Overall),
            standards,
            assessment.Assessors.Count,
            assessment.Ratings.Count,
            project is null ? null : LadderAnalyser.Analyse(project, framework));
    }

    private static PerspectiveGap Gap(double? staff, double? patients) => new(staff, patients, staff is { } s && patients is { } p ? s - p : null);

    /// <summary>The framework laid out for <see cref="WeightedScoring"/>, and the assessment's ratings on a 0-100 scale.</summary>
    private sealed class Model
    {
        private readonly List<StandardIndicator> _indicators = [];
        private readonly ScoringScheme _standardsScheme;
        private readonly ScoringScheme? _overallScheme;
        private readonly int[] _weightedStandards;
        private readonly Dictionary<(ParticipantId, string), double> _ratings = [];
        private readonly int _standardCount;

        public Model(InvolvementFramework framework, Assessment assessment)
        {
            // Scheme 1: indicators of positive weight into standard scores (standard weights unused here, so 1).
            var standardOfIndicator = new List<int>();
            var indicatorWeights = new List<double>();
            _standardCount = framework.Standards.Count;
            for (var s = 0; s < _standardCount; s++)
            {
                foreach (var indicator in framework.Standards[s].Indicators.Where(i => i.Weight > 0))
                {
                    _indicators.Add(indicator);
                    standardOfIndicator.Add(s);
                    indicatorWeights.Add(indicator.Weight);
                }
            }

            _standardsScheme = new ScoringScheme([.. standardOfIndicator], [.. indicatorWeights], [.. Enumerable.Repeat(1.0, _standardCount)]);

            // Scheme 2: standard scores of positive weight into the overall score (one "standard" holding them all).
            _weightedStandards = [.. Enumerable.Range(0, _standardCount).Where(s => framework.Standards[s].Weight > 0)];
            _overallScheme = _weightedStandards.Length == 0
                ? null
                : new ScoringScheme(new int[_weightedStandards.Length], [.. _weightedStandards.Select(s => framework.Standards[s].Weight)], [1.0]);

            foreach (var rating in assessment.Ratings)
            {
                if (framework.FindIndicator(rating.IndicatorId) is not { } found)
                {
                    continue;
                }

                var scale = framework.FindScale(found.Indicator.ScaleId)!;
                _ratings[(rating.AssessorId, rating.IndicatorId)] = (rating.Value - scale.Minimum) * 100.0 / (scale.Maximum - scale.Minimum);
            }
        }

        /// <summary>Scores the ratings of groups of assessors, each group counting equally on each indicator.</summary>
        public (double?[] Standards, double? Overall) Score(IReadOnlyList<HashSet<ParticipantId>> groups)
        {
            var row = new double[_indicators.Count];
            for (var i = 0; i < row.Length; i++)
            {
                double sum = 0;
                var count = 0;
                foreach (var group in groups)
                {
                    var values = group.Where(a => _ratings.ContainsKey((a, _indicators[i].Id))).Select(a => _ratings[(a, _indicators[i].Id)]).ToList();
                    if (values.Count > 0)
                    {
                        sum += values.Average();
                        count++;
                    }
                }

                row[i] = count == 0 ? double.NaN : sum / count;
            }

            var standardScores = WeightedScoring.Score(_standardsScheme, row).StandardScores;
            double? overall = null;
            if (_overallScheme is not null)
            {
                var weighted = _weightedStandards.Select(s => standardScores[s]).ToArray();
                overall = NullIfNaN(WeightedScoring.Score(_overallScheme, weighted).Overall);
            }

            return ([.. standardScores.Select(NullIfNaN)], overall);
        }

        private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
    }
}
