using CoProduction.Involvement;
using CoProduction.Involvement.Assessments;
using CoProduction.Involvement.Frameworks;
using CoProduction.People;
using CoProduction.Primitives;
using static CoProduction.Core.Tests.Involvement.InvolvementTestData;

namespace CoProduction.Core.Tests.Involvement.Assessments;

public sealed class AssessmentScorerTests
{
    // Two standards: S1 (weight 2) with i1 (weight 1) and i2 (weight 3) on a 0-4 scale; S2 (weight 1) with i3 on a 0-2 scale.
    private const string WorkedExampleJson = """
        {
          "id": "worked-example", "name": "Worked example", "version": "1", "source": "Test", "verified": true,
          "levels": [ { "id": "informing", "name": "Informing", "description": "Told" }, { "id": "co-design", "name": "Co-design", "description": "Designed together" }, { "id": "co-production", "name": "Co-production", "description": "Shared power" } ],
          "informingLevel": "informing",
          "ratingScales": [
            { "id": "five", "name": "0 to 4", "points": [ { "value": 0, "label": "None" }, { "value": 1, "label": "Little" }, { "value": 2, "label": "Some" }, { "value": 3, "label": "Much" }, { "value": 4, "label": "Full" } ] },
            { "id": "three", "name": "0 to 2", "points": [ { "value": 0, "label": "No" }, { "value": 1, "label": "Partly" }, { "value": 2, "label": "Yes" } ] }
          ],
          "standards": [
            { "id": "s1", "name": "Standard one", "description": "First", "weight": 2,
              "indicators": [ { "id": "i1", "text": "Indicator one", "weight": 1, "scale": "five" }, { "id": "i2", "text": "Indicator two", "weight": 3, "scale": "five" } ] },
            { "id": "s2", "name": "Standard two", "description": "Second", "weight": 1,
              "indicators": [ { "id": "i3", "text": "Indicator three", "weight": 1, "scale": "three" } ] }
          ],
          "phases": [ { "id": "aim", "name": "Aim", "description": "Agree the aim", "definesProblem": true }, { "id": "do", "name": "Do", "description": "Test" } ]
        }
        """;

    private static readonly OrganisationId Trust = OrganisationId.New();
    private readonly TimeProvider _clock = Clock();
    private readonly InvolvementFramework _framework;
    private readonly ParticipantId _staffA = ParticipantId.New();
    private readonly ParticipantId _staffB = ParticipantId.New();
    private readonly ParticipantId _patientPartnerC = ParticipantId.New();
    private readonly ParticipantId _carerD = ParticipantId.New();

    public AssessmentScorerTests()
    {
        _framework = InvolvementFramework.Import(Trust, WorkedExampleJson, _clock);
        _framework.Publish(_clock);
    }

    [Fact]
    public void Score_WorkedExample_MatchesTheHandArithmetic()
    {
        var assessment = RatedWorkedExample();

        var result = AssessmentScorer.Score(assessment, _framework);

        // Ratings on 0-100 (value / 4 x 100 on the 0-4 scale, value / 2 x 100 on the 0-2 scale):
        //            i1 (0-4)   i2 (0-4)   i3 (0-2)
        //   Staff A  4 -> 100   4 -> 100   2 -> 100
        //   Staff B  3 -> 75    4 -> 100   1 -> 50
        //   PP C     2 -> 50    1 -> 25    1 -> 50
        //   Carer D  1 -> 25    2 -> 50    (not rated)
        //
        // Staff: i1 = (100 + 75) / 2 = 87.5, i2 = 100, i3 = 75.
        //   S1 = (1 x 87.5 + 3 x 100) / 4 = 96.875; S2 = 75; overall = (2 x 96.875 + 1 x 75) / 3 = 268.75 / 3 = 89.58333.
        // Patient partner: i1 = 50, i2 = 25, i3 = 50. S1 = (50 + 75) / 4 = 31.25; S2 = 50; overall = (62.5 + 50) / 3 = 37.5.
        // Carer: i1 = 25, i2 = 50, i3 unrated. S1 = (25 + 150) / 4 = 43.75; S2 none; overall = S1 alone = 43.75.
        // Patients and carers pooled: i1 = (50 + 25) / 2 = 37.5, i2 = (25 + 50) / 2 = 37.5, i3 = 50.
        //   S1 = 37.5; S2 = 50; overall = (75 + 50) / 3 = 41.66667.
        // Gap (staff - patients and carers): S1 = 59.375, S2 = 25, overall = 268.75/3 - 125/3 = 143.75/3 = 47.91667.
        // Combined, each perspective equal: i1 = (87.5 + 50 + 25) / 3 = 162.5/3, i2 = (100 + 25 + 50) / 3 = 175/3,
        //   i3 = (75 + 50) / 2 = 62.5 (the carer did not rate it).
        //   S1 = (162.5/3 + 3 x 175/3) / 4 = 687.5/12 = 57.29167; S2 = 62.5;
        //   overall = (2 x 687.5/12 + 62.5) / 3 = (1375/12 + 750/12) / 3 = 2125/36 = 59.02778.
        const double precision = 1e-9;
        var s1 = result.Standards[0];
        var s2 = result.Standards[1];
        s1.Score.Should().BeApproximately(687.5 / 12, precision);
        s2.Score.Should().BeApproximately(62.5, precision);
        result.Overall.Should().BeApproximately(2125.0 / 36, precision);

        Perspective(s1.ByPerspective, AssessorPerspective.Staff).Should().BeApproximately(96.875, precision);
        Perspective(s1.ByPerspective, AssessorPerspective.PatientPartner).Should().BeApproximately(31.25, precision);
        Perspective(s1.ByPerspective, AssessorPerspective.Carer).Should().BeApproximately(43.75, precision);
        Perspective(s2.ByPerspective, AssessorPerspective.Carer).Should().BeNull();
        Perspective(result.OverallByPerspective, AssessorPerspective.Staff).Should().BeApproximately(268.75 / 3, precision);
        Perspective(result.OverallByPerspective, AssessorPerspective.PatientPartner).Should().BeApproximately(37.5, precision);
        Perspective(result.OverallByPerspective, AssessorPerspective.Carer).Should().BeApproximately(43.75, precision);

        s1.Gap.Staff.Should().BeApproximately(96.875, precision);
        s1.Gap.PatientsAndCarers.Should().BeApproximately(37.5, precision);
        s1.Gap.Gap.Should().BeApproximately(59.375, precision);
        s2.Gap.Gap.Should().BeApproximately(25, precision);
        result.OverallGap.PatientsAndCarers.Should().BeApproximately(125.0 / 3, precision);
        result.OverallGap.Gap.Should().BeApproximately(143.75 / 3, precision);

        result.AssessorCount.Should().Be(4);
        result.RatingCount.Should().Be(11);
        s1.UnratedIndicatorIds.Should().BeEmpty();
        result.Ladder.Should().BeNull();
    }

    [Fact]
    public void Score_ZeroWeightIndicator_IsLeftOutOfTheStandardScore()
    {
        // Same framework, but i2 weighs 0: S1 is then i1 alone.
        var definition = _framework.ToDefinition();
        var zeroed = definition with
        {
            Standards = [definition.Standards[0] with { Indicators = [definition.Standards[0].Indicators[0], definition.Standards[0].Indicators[1] with { Weight = 0 }] }, definition.Standards[1]],
        };
        var framework = InvolvementFramework.Create(Trust, zeroed, _clock);
        framework.Publish(_clock);
        var assessment = Assessment.Open(Trust, framework, "Zero weight", null, _clock);
        assessment.DeclareAssessor(_staffA, AssessorPerspective.Staff, _clock);
        assessment.Rate(framework, _staffA, "i1", 1, null, _clock);
        assessment.Rate(framework, _staffA, "i2", 4, null, _clock);

        var result = AssessmentScorer.Score(assessment, framework);

        // S1 = i1 only = 1/4 x 100 = 25; S2 unrated, so overall = S1 = 25.
        result.Standards[0].Score.Should().BeApproximately(25, 1e-9);
        result.Standards[1].Score.Should().BeNull();
        result.Standards[1].UnratedIndicatorIds.Should().Equal("i3");
        result.Overall.Should().BeApproximately(25, 1e-9);
        result.OverallGap.Gap.Should().BeNull();
    }

    [Fact]
    public void Rate_ValueNotOnTheScale_IsRefusedAndChangesNothing()
    {
        var assessment = Assessment.Open(Trust, _framework, "Spring", null, _clock);
        assessment.DeclareAssessor(_staffA, AssessorPerspective.Staff, _clock);

        FluentActions.Invoking(() => assessment.Rate(_framework, _staffA, "i3", 3, null, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Should().Match<DomainRuleViolationException>(e => e.Code == InvolvementErrorCodes.RatingOutOfScale && e.Message.Contains("0 (No)", StringComparison.Ordinal));
        assessment.Ratings.Should().BeEmpty();
    }

    [Fact]
    public void Rate_UndeclaredAssessor_IsRefused()
    {
        var assessment = Assessment.Open(Trust, _framework, "Spring", null, _clock);

        FluentActions.Invoking(() => assessment.Rate(_framework, _staffA, "i1", 3, null, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.AssessorNotDeclared);
    }

    [Fact]
    public void Rate_Again_ReplacesTheEarlierRating()
    {
        var assessment = Assessment.Open(Trust, _framework, "Spring", null, _clock);
        assessment.DeclareAssessor(_staffA, AssessorPerspective.Staff, _clock);
        assessment.Rate(_framework, _staffA, "i1", 3, null, _clock);

        assessment.Rate(_framework, _staffA, "i1", 1, "On reflection, lower", _clock);

        assessment.Ratings.Should().ContainSingle().Which.Should().Be(new IndicatorRating(_staffA, "i1", 1, "On reflection, lower"));
    }

    [Fact]
    public void Complete_ThenRate_IsRefused()
    {
        var assessment = RatedWorkedExample();
        assessment.Complete(_clock);

        FluentActions.Invoking(() => assessment.Rate(_framework, _staffA, "i1", 0, null, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.AssessmentCompleted);
    }

    [Fact]
    public void Open_FrameworkWithoutStandards_IsRefused()
    {
        var framework = InvolvementFramework.Adopt(Trust, "ladder-only", "Ladder only", "1", [FrameworkPresets.ArnsteinLadder, FrameworkPresets.ModelForImprovement], _clock);
        framework.Publish(_clock);

        FluentActions.Invoking(() => Assessment.Open(Trust, framework, "Nothing to rate", null, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.NoStandardsToAssess);
    }

    [Fact]
    public void Score_WithProject_AddsTheLadderLevelPerPhaseAgainstThePlan()
    {
        var project = StartProject(Trust, _framework, _clock);
        project.PlanInvolvement(_framework, "aim", "co-production", "Patient partner and carer", "Core team", _clock);
        project.PlanInvolvement(_framework, "do", "co-design", "Ward patients", "Testing", _clock);
        project.RecordInvolvement(_framework, Day(2025, 7, 1), "aim", "co-design", "Workshop", [Patient()], _clock);
        project.RecordInvolvement(_framework, Day(2025, 7, 2), "aim", "informing", "Newsletter", [Patient()], _clock);
        project.RecordInvolvement(_framework, Day(2025, 7, 3), "do", "co-production", "Staff meeting only", [StaffMember()], _clock);
        var assessment = Assessment.Open(Trust, _framework, "Project review", project.Id, _clock);
        assessment.DeclareAssessor(_staffA, AssessorPerspective.Staff, _clock);
        assessment.Rate(_framework, _staffA, "i1", 2, null, _clock);

        var ladder = AssessmentScorer.Score(assessment, _framework, project).Ladder!;

        // Aim: planned co-production (rank 2), best record with patients co-design (rank 1): one step short.
        ladder.Phases[0].Should().Be(new PhaseLevel("aim", "Aim", "co-production", "co-design", 2, -1, PlanComparison.BelowPlan, null));
        // Do: the only record had staff alone, so no patient involvement is counted.
        ladder.Phases[1].Should().Be(new PhaseLevel("do", "Do", "co-design", null, 0, null, PlanComparison.NotRecorded, null));
        ladder.HighestLevelId.Should().Be("co-design");
        ladder.HighestPosition.Should().Be(0.5);
    }

    private static double? Perspective(IReadOnlyList<PerspectiveScore> scores, AssessorPerspective perspective) => scores.SingleOrDefault(s => s.Perspective == perspective)?.Score;

    private Assessment RatedWorkedExample()
    {
        var assessment = Assessment.Open(Trust, _framework, "Worked example", null, _clock);
        assessment.DeclareAssessor(_staffA, AssessorPerspective.Staff, _clock);
        assessment.DeclareAssessor(_staffB, AssessorPerspective.Staff, _clock);
        assessment.DeclareAssessor(_patientPartnerC, AssessorPerspective.PatientPartner, _clock);
        assessment.DeclareAssessor(_carerD, AssessorPerspective.Carer, _clock);
        foreach (var (assessor, indicator, value) in new[]
        {
            (_staffA, "i1", 4), (_staffA, "i2", 4), (_staffA, "i3", 2),
            (_staffB, "i1", 3), (_staffB, "i2", 4), (_staffB, "i3", 1),
            (_patientPartnerC, "i1", 2), (_patientPartnerC, "i2", 1), (_patientPartnerC, "i3", 1),
            (_carerD, "i1", 1), (_carerD, "i2", 2),
        })
        {
            assessment.Rate(_framework, assessor, indicator, value, null, _clock);
        }

        return assessment;
    }
}
