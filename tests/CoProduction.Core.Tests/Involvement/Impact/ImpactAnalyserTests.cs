using CoProduction.Involvement;
using CoProduction.Involvement.Impact;
using CoProduction.Involvement.Projects;
using CoProduction.Primitives;
using CoProduction.Scoring;
using static CoProduction.Core.Tests.Involvement.InvolvementTestData;

namespace CoProduction.Core.Tests.Involvement.Impact;

public sealed class ImpactAnalyserTests
{
    // Baseline: 12 weekly values alternating 50, 52. Mean = 51; the 11 moving ranges are all 2, so the mean moving
    // range is 2 (none reaches 3.267 x 2 = 6.534, so screening removes nothing). Process limits: 51 +/- 2.66 x 2 =
    // 45.68 and 56.32; the outer third starts at 51 +/- (2/3 x 2.66 x 2) = 47.45 and 54.55.
    private static readonly double[] Baseline = [50, 52, 50, 52, 50, 52, 50, 52, 50, 52, 50, 52];
    private static readonly DateOnly ChangeDate = Day(2025, 9, 1);
    private static readonly OrganisationId Trust = OrganisationId.New();
    private readonly InvolvementOptions _options = new();
    private readonly TimeProvider _clock = Clock();

    [Fact]
    public void AnalyseMeasure_FollowUpAboveTheUpperLimit_IsAnImprovementThatIsSustained()
    {
        // Seven values of 60 after the change: each lies beyond 56.32, a special cause of improvement when higher is
        // better; the latest 6 are all above the mean of 51, so the improvement is sustained.
        var impact = Analyse(ImprovementDirection.Increase, [60, 60, 60, 60, 60, 60, 60]);

        impact.Verdict.Should().Be(ImpactVerdict.Improved);
        impact.Sustained.Should().BeTrue();
        impact.Mean.Should().BeApproximately(51, 1e-9);
        impact.UpperProcessLimit.Should().BeApproximately(56.32, 1e-9);
        impact.LowerProcessLimit.Should().BeApproximately(45.68, 1e-9);
        (impact.BaselinePoints, impact.FollowUpPoints).Should().Be((12, 7));
        impact.PointTypes.Skip(12).Should().OnlyContain(t => t == PointType.SpecialCauseImprovement);
    }

    [Fact]
    public void AnalyseMeasure_SameValuesWhenLowerIsBetter_IsADeterioration()
    {
        var impact = Analyse(ImprovementDirection.Decrease, [60, 60, 60, 60, 60, 60, 60]);

        impact.Verdict.Should().Be(ImpactVerdict.Deteriorated);
        impact.Sustained.Should().BeNull();
    }

    [Fact]
    public void AnalyseMeasure_ImprovementThatFadesBack_IsNotSustained()
    {
        // 60, 60, 60 lie beyond the limit (improvement); then 50, 52, 50, 52 return to the old pattern, so the latest
        // six (60, 60, 50, 52, 50, 52) are not all above 51.
        var impact = Analyse(ImprovementDirection.Increase, [60, 60, 60, 50, 52, 50, 52]);

        impact.Verdict.Should().Be(ImpactVerdict.Improved);
        impact.Sustained.Should().BeFalse();
    }

    [Fact]
    public void AnalyseMeasure_FollowUpLikeTheBaseline_ShowsNoSignificantChange()
    {
        // 50 and 52 alternate around the mean: no point beyond a limit or in the outer third, no run of 7 on one side, no trend.
        var impact = Analyse(ImprovementDirection.Increase, [50, 52, 50, 52, 50, 52, 50]);

        impact.Verdict.Should().Be(ImpactVerdict.NoSignificantChange);
        impact.Sustained.Should().BeNull();
    }

    [Fact]
    public void AnalyseMeasure_NeutralDirection_ReportsChangeWithoutDirection()
    {
        Analyse(ImprovementDirection.Neutral, [60, 60, 60, 60, 60, 60, 60]).Verdict.Should().Be(ImpactVerdict.ChangedWithoutDirection);
    }

    [Fact]
    public void AnalyseMeasure_ConstantBaseline_HasNoLimitsButAShiftStillCounts()
    {
        // Every baseline moving range is 0, so (with screening) the limits are undefined; the seven values of 60 all lie
        // above the mean of 50, a shift in the improvement direction.
        var impact = Analyse(ImprovementDirection.Increase, [60, 60, 60, 60, 60, 60, 60], baseline: [.. Enumerable.Repeat(50.0, 12)]);

        impact.Mean.Should().Be(50);
        impact.UpperProcessLimit.Should().BeNull();
        impact.LowerProcessLimit.Should().BeNull();
        impact.Verdict.Should().Be(ImpactVerdict.Improved);
        impact.Sustained.Should().BeTrue();
    }

    [Fact]
    public void AnalyseMeasure_ShortBaseline_IsInsufficientData()
    {
        var impact = Analyse(ImprovementDirection.Increase, [60, 60, 60], baseline: Baseline[..5]);

        impact.Verdict.Should().Be(ImpactVerdict.InsufficientData);
        impact.Mean.Should().BeNull();
        impact.PointTypes.Should().BeEmpty();
    }

    [Fact]
    public void AnalyseMeasure_NoChangeDate_JudgesEveryValueAgainstLimitsFromAll()
    {
        var measure = new ProjectMeasure(Guid.NewGuid(), "Stable", MeasureType.Outcome, true, ImprovementDirection.Increase, null, null);
        var values = Baseline.Concat([50.0, 52.0]).Select((v, i) => new MeasureValue(measure.Id, Day(2025, 1, 6).AddDays(7 * i), v)).ToList();

        var impact = ImpactAnalyser.AnalyseMeasure(measure, values, _options);

        (impact.BaselinePoints, impact.FollowUpPoints).Should().Be((14, 14));
        impact.Verdict.Should().Be(ImpactVerdict.NoSignificantChange);
    }

    [Fact]
    public void AnalyseProject_PatientExperienceMeasureImproved_SaysSo()
    {
        var framework = PublishedFramework(Trust, _clock);
        var project = StartProject(Trust, framework, _clock);
        var experience = project.DefineMeasure("Felt listened to at discharge", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", _clock);
        var process = project.DefineMeasure("Leaflet given", MeasureType.Process, false, ImprovementDirection.Increase, "%", _clock);
        Record(project, experience, Baseline, [60, 60, 60, 60, 60, 60, 60]);
        Record(project, process, Baseline, [50, 52, 50, 52, 50, 52, 50]);

        var impact = ImpactAnalyser.AnalyseProject(project, _options);

        impact.Measures.Select(m => m.Verdict).Should().Equal(ImpactVerdict.Improved, ImpactVerdict.NoSignificantChange);
        impact.PatientExperienceImproved.Should().BeTrue();
        impact.PatientExperienceSustained.Should().BeTrue();
    }

    [Fact]
    public void AnalysePortfolio_GroupsProjectsByHighestLevelReached()
    {
        var framework = PublishedFramework(Trust, _clock);
        var coProduced = StartProject(Trust, framework, _clock, title: "A co-produced");
        coProduced.RecordInvolvement(framework, Day(2025, 6, 10), "aim", "co-production", "Core team set the aim", [Patient()], _clock);
        var measureA = coProduced.DefineMeasure("Felt listened to", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", _clock);
        Record(coProduced, measureA, Baseline, [60, 60, 60, 60, 60, 60, 60]);

        var informed = StartProject(Trust, framework, _clock, title: "B informed");
        informed.RecordInvolvement(framework, Day(2025, 6, 10), "aim", "informing", "Poster about the project", [Patient()], _clock);
        var measureB = informed.DefineMeasure("Felt listened to", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", _clock);
        Record(informed, measureB, Baseline, [50, 52, 50, 52, 50, 52, 50]);

        var none = StartProject(Trust, framework, _clock, title: "C none");

        var portfolio = ImpactAnalyser.AnalysePortfolio([informed, none, coProduced], [framework], _options);

        portfolio.Projects.Select(p => (p.Title, p.HighestLevelName, p.PatientExperienceImproved)).Should().Equal(
            ("A co-produced", "Co-production", true), ("B informed", "Informing", false), ("C none", null, null));
        portfolio.Projects[0].HighestPosition.Should().Be(1);
        portfolio.Projects[1].HighestPosition.Should().BeApproximately(2 / 6.0, 1e-12);
        portfolio.ByLevel.Select(l => (l.Label, l.Rank, l.Projects, l.Judged, l.Improved, l.ShareImproved)).Should().Equal(
            ("No patient or carer involvement recorded", -1, 1, 0, 0, null),
            ("Informing", 2, 1, 1, 0, 0.0),
            ("Co-production", 6, 1, 1, 1, 1.0));
    }

    private MeasureImpact Analyse(ImprovementDirection direction, double[] followUp, double[]? baseline = null)
    {
        var measure = new ProjectMeasure(Guid.NewGuid(), "Measure", MeasureType.Outcome, true, direction, null, ChangeDate);
        return ImpactAnalyser.AnalyseMeasure(measure, Values(measure.Id, baseline ?? Baseline, followUp), _options);
    }

    private static List<MeasureValue> Values(Guid measureId, double[] baseline, double[] followUp) =>
    [
        .. baseline.Select((v, i) => new MeasureValue(measureId, ChangeDate.AddDays(-7 * (baseline.Length - i)), v)),
        .. followUp.Select((v, j) => new MeasureValue(measureId, ChangeDate.AddDays(7 * j), v)),
    ];

    private void Record(ImprovementProject project, Guid measureId, double[] baseline, double[] followUp)
    {
        foreach (var value in Values(measureId, baseline, followUp))
        {
            project.RecordMeasureValue(measureId, value.On, value.Value, _clock);
        }

        project.RecordChangeIntroduced(measureId, ChangeDate, _clock);
    }
}
