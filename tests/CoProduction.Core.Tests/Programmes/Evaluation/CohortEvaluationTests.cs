using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Evaluation.Events;

namespace CoProduction.Core.Tests.Programmes.Evaluation;

public sealed class CohortEvaluationTests
{
    private static readonly DateOnly Before = new(2025, 3, 3);
    private static readonly DateOnly After = new(2025, 6, 30);
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void RecordResponse_EnrolledParticipant_StoresEachAnswer()
    {
        var (cohort, evaluation) = Evaluated();
        var member = cohort.Teams[0].Members[0].ParticipantId;

        evaluation.RecordResponse(cohort, member, ResponseTiming.Before, Before, [new("CONFIDENCE", 2), new("power", 3)], _data.Clock);

        evaluation.Answers.Select(a => (a.ItemCode, a.Value)).Should().Equal(("confidence", 2), ("power", 3));
        evaluation.RespondentCount(ResponseTiming.Before).Should().Be(1);
        evaluation.PendingEvents.OfType<QuestionnaireResponseRecorded>().Should().ContainSingle();
    }

    [Fact]
    public void RecordResponse_NotEnrolled_IsRefusedAndNothingChanges()
    {
        var (cohort, evaluation) = Evaluated();
        var events = evaluation.PendingEvents.Count;

        var act = () => evaluation.RecordResponse(cohort, ParticipantId.New(), ResponseTiming.Before, Before, [new("confidence", 2)], _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(evaluation, ProgrammeErrorCodes.ParticipantNotEnrolled, "is not enrolled", "record responses only from members of enrolled teams");
        evaluation.Answers.Should().BeEmpty();
        evaluation.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void RecordResponse_SecondBefore_IsRefused()
    {
        var (cohort, evaluation) = Evaluated();
        var member = cohort.Teams[0].Members[0].ParticipantId;
        evaluation.RecordResponse(cohort, member, ResponseTiming.Before, Before, [new("confidence", 2)], _data.Clock);

        var act = () => evaluation.RecordResponse(cohort, member, ResponseTiming.Before, Before, [new("confidence", 4)], _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.ResponseAlreadyRecorded, "already has a questionnaire recorded before", "once before and once after");
        evaluation.Answers.Should().ContainSingle().Which.Value.Should().Be(2);
    }

    [Fact]
    public void RecordResponse_UnknownItem_IsRefusedListingTheItems()
    {
        var (cohort, evaluation) = Evaluated();

        var act = () => evaluation.RecordResponse(cohort, cohort.Teams[0].Members[0].ParticipantId, ResponseTiming.Before, Before, [new("confidence", 2), new("mood", 3)], _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.UnknownQuestionnaireItem, "no item 'mood'", "use confidence, power");
        evaluation.Answers.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void RecordResponse_OutsideScale_IsRefusedGivingTheScale(int value)
    {
        var (cohort, evaluation) = Evaluated();

        var act = () => evaluation.RecordResponse(cohort, cohort.Teams[0].Members[0].ParticipantId, ResponseTiming.After, After, [new("confidence", value)], _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(evaluation, ProgrammeErrorCodes.AnswerOutOfScale, $"'confidence' = {value}", "give a value from 1 to 5");
        evaluation.Answers.Should().BeEmpty();
    }

    [Fact]
    public void RecordResponse_AnotherCohort_ThrowsNamingCohort()
    {
        var (_, evaluation) = Evaluated();
        var other = _data.RecruitingCohort();

        var act = () => evaluation.RecordResponse(other, other.Teams[0].Members[0].ParticipantId, ResponseTiming.Before, Before, [new("confidence", 2)], _data.Clock);

        act.Should().ThrowInvalidInput("cohort");
    }

    [Fact]
    public void Analyse_HandWorkedPairs_MatchesTheSignedRankTestWorkedByHand()
    {
        var (cohort, evaluation) = Evaluated(teams: 3);
        // (before, after) for six people: differences +2, +1, +1, 0, -1, +3.
        (int Before, int After)[] answers = [(2, 4), (3, 4), (2, 3), (3, 3), (4, 3), (1, 4)];
        var people = cohort.EnrolledParticipants.ToList();
        for (var i = 0; i < answers.Length; i++)
        {
            evaluation.RecordResponse(cohort, people[i], ResponseTiming.Before, Before, [new("confidence", answers[i].Before)], _data.Clock);
            evaluation.RecordResponse(cohort, people[i], ResponseTiming.After, After, [new("confidence", answers[i].After)], _data.Clock);
        }

        var change = PairedAnalysis.Analyse([evaluation])[0];

        // Means 15/6 = 2.5 and 21/6 = 3.5; sorted differences -1, 0, 1, 1, 2, 3 give median (1 + 1) / 2 = 1.
        change.Should().BeEquivalentTo(new { ItemCode = "confidence", Pairs = 6, MeanBefore = 2.5, MeanAfter = 3.5, MeanChange = 1.0, MedianChange = 1.0, Improved = 4, Unchanged = 1, Worsened = 1 });
        // The zero is dropped (n = 5); |d| = 2, 1, 1, 1, 3 rank as 4, 2, 2, 2, 5 (three tied 1s share rank 2).
        // V = 4 + 2 + 2 + 5 = 13 (the -1 carries rank 2). Ties, so the normal approximation:
        // sigma^2 = 5*6*11/24 - (3^3 - 3)/48 = 13.75 - 0.5 = 13.25; Z = (13 - 7.5) / sqrt(13.25) = 1.51097;
        // r = Z / sqrt(5) = 0.67572; p = 2 * (1 - Phi((5.5 - 0.5) / sqrt(13.25))) = 0.169564 (R's continuity correction);
        // rank-biserial = (13 - 2) / 15.
        var test = change.Test!;
        test.V.Should().Be(13);
        test.N.Should().Be(5);
        test.ZeroDifferences.Should().Be(1);
        test.HasTies.Should().BeTrue();
        test.IsExact.Should().BeFalse();
        test.Z.Should().BeApproximately(5.5 / Math.Sqrt(13.25), 1e-12);
        test.EffectSizeR.Should().BeApproximately(5.5 / Math.Sqrt(13.25) / Math.Sqrt(5), 1e-12);
        test.PValue.Should().BeApproximately(0.1695641451905634, 1e-9);
        test.RankBiserialCorrelation.Should().BeApproximately(11.0 / 15.0, 1e-12);
    }

    [Fact]
    public void Analyse_OnlyBeforeAnswers_HasNoPairsAndNoTest()
    {
        var (cohort, evaluation) = Evaluated();
        evaluation.RecordResponse(cohort, cohort.Teams[0].Members[0].ParticipantId, ResponseTiming.Before, Before, [new("confidence", 2)], _data.Clock);

        var changes = PairedAnalysis.Analyse([evaluation]);

        changes.Should().HaveCount(2);
        changes[0].Pairs.Should().Be(0);
        changes[0].Test.Should().BeNull();
        double.IsNaN(changes[0].MeanChange).Should().BeTrue();
    }

    [Fact]
    public void Analyse_DifferentQuestionnaires_ThrowsNamingEvaluations()
    {
        var (cohort, first) = Evaluated();
        var second = CohortEvaluation.Start(cohort, Questionnaire.Create(_data.OrganisationId, "Other", 1, 7, [new LikertItem("x", "X")], _data.Clock), _data.Clock);

        var act = () => PairedAnalysis.Analyse([first, second]);

        act.Should().ThrowInvalidInput("evaluations");
    }

    [Fact]
    public void Questionnaire_ScaleUpsideDown_ThrowsNamingScaleMaximum()
    {
        var act = () => Questionnaire.Create(_data.OrganisationId, "Q", 5, 1, [new LikertItem("x", "X")], _data.Clock);

        act.Should().ThrowInvalidInput("scaleMaximum");
    }

    [Fact]
    public void Questionnaire_RepeatedItemCode_ThrowsNamingItems()
    {
        var act = () => Questionnaire.Create(_data.OrganisationId, "Q", 1, 5, [new LikertItem("x", "X"), new LikertItem("X", "Y")], _data.Clock);

        act.Should().ThrowInvalidInput("items");
    }

    private (Cohort Cohort, CohortEvaluation Evaluation) Evaluated(int teams = 2)
    {
        var cohort = _data.RecruitingCohort(teams);
        var questionnaire = Questionnaire.Create(
            _data.OrganisationId,
            "Co-production confidence",
            1,
            5,
            [new LikertItem("confidence", "I feel confident to co-produce an improvement with patients"), new LikertItem("power", "I know how to share power in a meeting")],
            _data.Clock);
        return (cohort, CohortEvaluation.Start(cohort, questionnaire, _data.Clock));
    }
}
