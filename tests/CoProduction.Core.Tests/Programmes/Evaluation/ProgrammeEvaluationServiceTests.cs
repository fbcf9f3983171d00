using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Programmes.Pathways;
using CoProduction.Primitives;
using CoProduction.Programmes.Readiness;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Programmes.Evaluation;

public sealed class ProgrammeEvaluationServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task StartEvaluationAsync_Twice_IsRefusedSayingToUseTheExistingOne()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, questionnaireId, _) = await ArrangeAsync(world);
        await world.Evaluation.StartEvaluationAsync(cohortId, questionnaireId, None);

        var act = () => world.Evaluation.StartEvaluationAsync(cohortId, questionnaireId, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.EvaluationAlreadyExists, "already evaluated with questionnaire 'Confidence'", "record responses on that evaluation");
    }

    [Fact]
    public async Task StartEvaluationAsync_UnknownQuestionnaire_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, _) = await ArrangeAsync(world);

        var act = () => world.Evaluation.StartEvaluationAsync(cohortId, QuestionnaireId.New(), None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.QuestionnaireNotFound, "create the questionnaire first");
    }

    [Fact]
    public async Task RecordResponseAsync_UnknownEvaluation_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var (_, _, member) = await ArrangeAsync(world);

        var act = () => world.Evaluation.RecordResponseAsync(CohortEvaluationId.New(), member, ResponseTiming.Before, new DateOnly(2025, 4, 10), [new("confidence", 3)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.EvaluationNotFound, "start the evaluation first");
    }

    [Fact]
    public async Task RecordResponseAsync_UnknownParticipant_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, questionnaireId, _) = await ArrangeAsync(world);
        var evaluationId = (await world.Evaluation.StartEvaluationAsync(cohortId, questionnaireId, None)).Id;

        var act = () => world.Evaluation.RecordResponseAsync(evaluationId, ParticipantId.New(), ResponseTiming.Before, new DateOnly(2025, 4, 10), [new("confidence", 3)], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, "as a respondent");
        var stored = await world.Evaluation.FindEvaluationAsync(evaluationId, None);
        stored!.Answers.Should().BeEmpty();
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task StartEvaluationAsync_ConcurrentCallsForOneCohortAndQuestionnaire_StoreOneEvaluationAndRefuseTheRest()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, questionnaireId, _) = await ArrangeAsync(world);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var scope = world.Host.Scope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ProgrammeEvaluationService>().StartEvaluationAsync(cohortId, questionnaireId, None);
                return null;
            }
            catch (DomainRuleViolationException refused)
            {
                return refused.Code;
            }
        })));

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Where(o => o is not null).Should().AllBe(ProgrammeErrorCodes.EvaluationAlreadyExists);
        (await world.Services.GetRequiredService<ICohortEvaluationStore>().ListByCohortAsync(cohortId, None)).Should().ContainSingle();
    }

    [Fact]
    public async Task RecordResponseAsync_ErasedRespondent_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, questionnaireId, member) = await ArrangeAsync(world);
        var evaluationId = (await world.Evaluation.StartEvaluationAsync(cohortId, questionnaireId, None)).Id;
        await world.People.EraseAsync(member, None);

        var act = () => world.Evaluation.RecordResponseAsync(evaluationId, member, ResponseTiming.Before, new DateOnly(2025, 4, 10), [new("confidence", 3)], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as a respondent");
        (await world.Evaluation.FindEvaluationAsync(evaluationId, None))!.Answers.Should().BeEmpty();
    }

    [Fact]
    public async Task RecordResponseAsync_EnrolledMember_IsStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, questionnaireId, member) = await ArrangeAsync(world);
        var evaluationId = (await world.Evaluation.StartEvaluationAsync(cohortId, questionnaireId, None)).Id;

        await world.Evaluation.RecordResponseAsync(evaluationId, member, ResponseTiming.Before, new DateOnly(2025, 4, 10), [new("confidence", 3)], None);

        (await world.Evaluation.FindEvaluationAsync(evaluationId, None))!.Answers.Should().ContainSingle()
            .Which.Should().Be(new QuestionnaireAnswer(member, ResponseTiming.Before, "confidence", 3, new DateOnly(2025, 4, 10)));
    }

    [Fact]
    public async Task BuildReportAsync_UnknownProgramme_IsRefused()
    {
        await using var world = ServiceWorld.Create();

        var act = () => world.Evaluation.BuildReportAsync(ProgrammeId.New(), null, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.ProgrammeNotFound, "check the id");
    }

    [Fact]
    public async Task UnknownPathwayOrAssessment_AreRefused()
    {
        await using var world = ServiceWorld.Create();

        var pathway = () => world.Pathways.RecordEvidenceAsync(PatientTrainerPathwayId.New(), EvidenceKind.Debrief, new DateOnly(2025, 3, 1), null, None);
        var assessment = () => world.Programmes.RateReadinessItemAsync(ReadinessAssessmentId.New(), "payment-process", ReadinessRating.Met, null, ParticipantId.New(), new DateOnly(2025, 3, 1), None);

        await pathway.ShouldBeRefusedAsync(ProgrammeErrorCodes.PathwayNotFound, "start the pathway first");
        await assessment.ShouldBeRefusedAsync(ProgrammeErrorCodes.ReadinessAssessmentNotFound, "start one first");
    }

    private static async Task<(CohortId CohortId, QuestionnaireId QuestionnaireId, ParticipantId Member)> ArrangeAsync(ServiceWorld world)
    {
        var trainer = await world.RegisterAsync("Patient trainer A", ParticipantRole.PatientPartner);
        var programmeId = await world.ProgrammeAsync(trainer);
        var cohortId = (await world.Cohorts.PlanAsync(programmeId, 1, "Cohort 1", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None)).Id;
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var member = await world.RegisterAsync("Patient E", ParticipantRole.PatientPartner);
        await world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [member], None);
        var questionnaireId = (await world.Evaluation.CreateQuestionnaireAsync("Confidence", 1, 5, [new("confidence", "I feel confident to co-produce")], None)).Id;
        return (cohortId, questionnaireId, member);
    }
}
