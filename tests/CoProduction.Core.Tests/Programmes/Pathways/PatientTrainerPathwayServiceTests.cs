using CoProduction.Primitives;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Pathways;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoProduction.Core.Tests.Programmes.Pathways;

public sealed class PatientTrainerPathwayServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateOnly Started = new(2025, 3, 1);

    [Fact]
    public async Task StartAsync_UnknownParticipant_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var stranger = ParticipantId.New();

        var act = () => world.Pathways.StartAsync(stranger, Started, None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, stranger.ToString(), "as a patient trainer");
        (await world.Pathways.FindByParticipantAsync(stranger, None)).Should().BeNull();
    }

    [Fact]
    public async Task StartAsync_Twice_IsRefusedSayingToUseTheExistingPathway()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var first = await world.Pathways.StartAsync(partner, Started, None);

        var act = () => world.Pathways.StartAsync(partner, Started, None);

        var refusal = await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.PathwayAlreadyExists, "record evidence on that pathway");
        refusal.Message.Should().NotContain(first.Id.ToString(), "a person reads it");
        refusal.Data["pathwayId"].Should().Be(first.Id.ToString(), "a program finds the existing pathway in the exception's data");
        refusal.Kind.Should().Be(ErrorKind.Conflict, "the service's early answer has the kind of the store's answer for the same rule");
    }

    [Fact]
    public async Task StartAsync_ConcurrentCallsForOneParticipant_StoreOnePathwayAndRefuseTheRest()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var scope = world.Host.Scope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<PatientTrainerPathwayService>().StartAsync(partner, Started, None);
                return null;
            }
            catch (CoProduction.Primitives.DomainRuleViolationException refused)
            {
                return refused.Code;
            }
        })));

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.Where(o => o is not null).Should().AllBe(ProgrammeErrorCodes.PathwayAlreadyExists);
        (await world.Services.GetRequiredService<IPatientTrainerPathwayStore>().ListAsync(null, None)).Should().ContainSingle();
    }

    [Fact]
    public async Task StartAsync_ErasedParticipant_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        await world.People.EraseAsync(partner, None);

        var act = () => world.Pathways.StartAsync(partner, Started, None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as a patient trainer");
        (await world.Pathways.FindByParticipantAsync(partner, None)).Should().BeNull();
    }

    [Fact]
    public async Task RecordEvidenceAsync_ParticipantErasedSinceTheStart_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;
        await world.People.EraseAsync(partner, None);

        var act = () => world.Pathways.RecordEvidenceAsync(pathwayId, EvidenceKind.Debrief, Started, null, None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "on the pathway");
        (await world.Pathways.FindByParticipantAsync(partner, None))!.Evidence.Should().BeEmpty();
    }

    [Fact]
    public async Task ProgressAsync_ErasedSignatory_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create(RelaxedThresholds);
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var staff = await world.RegisterAsync("Participation lead D", ParticipantRole.Staff);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;
        await world.People.EraseAsync(staff, None);

        var act = () => world.Pathways.ProgressAsync(pathwayId, staff, Started, None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as a signatory");
        (await world.Pathways.FindByParticipantAsync(partner, None))!.Stage.Should().Be(PathwayStage.Observer);
    }

    [Fact]
    public async Task AgreeSupportPlanAsync_ErasedMentor_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var mentor = await world.RegisterAsync("Patient trainer M", ParticipantRole.PatientPartner);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;
        await world.People.EraseAsync(mentor, None);

        var act = () => world.Pathways.AgreeSupportPlanAsync(pathwayId, new SupportPlan("After each session", mentor, "Partner rate", null), None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as a mentor");
        (await world.Pathways.FindByParticipantAsync(partner, None))!.SupportPlan.Should().BeNull();
    }

    [Fact]
    public void Options_ObserverMayLeadOrCoFacilitateAboveLead_FailValidationWithEveryMessage()
    {
        var options = new ProgrammeOptions { MinimumStageToLead = PathwayStage.Observer, MinimumStageToCoFacilitate = PathwayStage.CoFacilitator };

        var messages = options.Validate(new CoProduction.Payments.PaymentPolicy());

        messages.Should().HaveCount(2);
        messages[0].Should().Contain("MinimumStageToLead is Observer").And.Contain("observers only shadow");
        messages[1].Should().Contain("MinimumStageToCoFacilitate (CoFacilitator) is above Programmes.MinimumStageToLead (Observer)");
    }

    [Fact]
    public async Task Options_UndefinedStage_FailsTheLibrarysOptionsValidation()
    {
        await using var host = CoProduction.Core.Tests.TestSupport.TestHost.Create(o => o.Programmes.MinimumStageToCoFacilitate = (PathwayStage)7);

        var act = () => host.Provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*Programmes.MinimumStageToCoFacilitate is 7, which is not a pathway stage*");
    }

    [Fact]
    public void Options_Defaults_LeadNeedsLeadTrainerAndCoFacilitatingNeedsCoFacilitator()
    {
        var options = new ProgrammeOptions();

        (options.MinimumStageToLead, options.MinimumStageToCoFacilitate).Should().Be((PathwayStage.LeadTrainer, PathwayStage.CoFacilitator));
        options.Validate(new CoProduction.Payments.PaymentPolicy()).Should().BeEmpty();
    }

    [Fact]
    public async Task ProgressAsync_SignatoryNeitherStaffNorLeadTrainer_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create(RelaxedThresholds);
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var peer = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;

        var act = () => world.Pathways.ProgressAsync(pathwayId, peer, Started, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.SignatoryNotEligible, "neither a member of staff nor a lead trainer", "ask a member of staff or a lead trainer");
        var stored = await world.Pathways.FindByParticipantAsync(partner, None);
        stored!.Stage.Should().Be(PathwayStage.Observer);
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task ProgressAsync_SignedOffByALeadTrainer_IsAccepted()
    {
        await using var world = ServiceWorld.Create(RelaxedThresholds);
        var staff = await world.RegisterAsync("Participation lead D", ParticipantRole.Staff);
        var lead = await world.RegisterAsync("Patient trainer A", ParticipantRole.PatientPartner);
        var leadPathway = (await world.Pathways.StartAsync(lead, Started, None)).Id;
        await world.Pathways.ProgressAsync(leadPathway, staff, Started, None);
        await world.Pathways.ProgressAsync(leadPathway, staff, Started, None);
        var partner = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;

        var stage = await world.Pathways.ProgressAsync(pathwayId, lead, Started, None);

        stage.Should().Be(PathwayStage.CoFacilitator);
        (await world.Pathways.FindByParticipantAsync(partner, None))!.SignOffs.Should().ContainSingle()
            .Which.Should().Be(new StageSignOff(PathwayStage.Observer, PathwayStage.CoFacilitator, lead, SignatoryCapacity.LeadTrainer, Started));
    }

    [Fact]
    public async Task ProgressAsync_OwnSignOff_IsRefused()
    {
        await using var world = ServiceWorld.Create(RelaxedThresholds);
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;

        var act = () => world.Pathways.ProgressAsync(pathwayId, partner, Started, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.SelfSignOff);
    }

    [Fact]
    public async Task ProgressAsync_DefaultThresholds_RefusedWithTheMissingEvidence()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var staff = await world.RegisterAsync("Participation lead D", ParticipantRole.Staff);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;

        var act = () => world.Pathways.ProgressAsync(pathwayId, staff, Started, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.PathwayEvidenceMissing, "2 more session(s) observed", "1 more debrief(s)", "an agreed support plan");
    }

    [Fact]
    public async Task RecordSessionEvidenceAsync_NotAFacilitator_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var lead = await world.TrainerAsync("Patient trainer A");
        var coach = await world.RegisterAsync("QI coach C", ParticipantRole.Staff);
        var partner = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;
        var programmeId = await world.ProgrammeAsync(lead);
        var cohortId = (await world.Cohorts.PlanAsync(programmeId, 1, "Cohort 1", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None)).Id;
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(lead, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        var notDelivered = () => world.Pathways.RecordSessionEvidenceAsync(pathwayId, cohortId, sessionId, None);
        await notDelivered.ShouldBeRefusedAsync(ProgrammeErrorCodes.SessionNotDelivered, "only a delivered session counts");

        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        await world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Discharge", [await world.RegisterAsync("Patient E", ParticipantRole.PatientPartner)], None);
        await world.Cohorts.EnrolTeamAsync(cohortId, "Ward 9", "Falls", [await world.RegisterAsync("Carer G", ParticipantRole.Carer)], None);
        await world.Cohorts.StartAsync(cohortId, None);
        world.SetNow(ServiceWorld.At(4, 14, 13));
        await world.Cohorts.MarkSessionDeliveredAsync(cohortId, sessionId, None);

        var act = () => world.Pathways.RecordSessionEvidenceAsync(pathwayId, cohortId, sessionId, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.NotFacilitatorOfSession, "was not among the facilitators", "add them to the session's facilitators");
        (await world.Pathways.FindByParticipantAsync(partner, None))!.Evidence.Should().BeEmpty();
    }

    [Fact]
    public async Task AgreeSupportPlanAsync_UnknownMentor_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var pathwayId = (await world.Pathways.StartAsync(partner, Started, None)).Id;

        var act = () => world.Pathways.AgreeSupportPlanAsync(pathwayId, new SupportPlan("After each session", ParticipantId.New(), "Partner rate", null), None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, "as a mentor");
        (await world.Pathways.FindByParticipantAsync(partner, None))!.SupportPlan.Should().BeNull();
    }

    [Fact]
    public void Options_NegativeThresholdAndUnknownRoleLevel_FailValidationWithEveryMessage()
    {
        var failures = new ProgrammeOptions { LeadFacilitatorRoleLevel = "Chair" };
        failures.PatientTrainerPathway.ToLeadTrainer.Supervisions = -1;

        var messages = failures.Validate(CoProduction.Core.Tests.TestSupport.TestPolicies.Illustrative());

        messages.Should().HaveCount(2);
        messages[0].Should().Contain("LeadFacilitatorRoleLevel is 'Chair'").And.Contain("use one of Participant, Partner, Lead");
        messages[1].Should().Contain("ToLeadTrainer.Supervisions is -1");
    }

    [Fact]
    public async Task Options_UnknownRoleLevel_FailsTheLibrarysOptionsValidation()
    {
        await using var host = CoProduction.Core.Tests.TestSupport.TestHost.CreatePaying(o => o.Programmes.CoFacilitatorRoleLevel = "Chair");

        var act = () => host.Provider.GetRequiredService<IOptions<CoProductionOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*Programmes.CoFacilitatorRoleLevel is 'Chair'*");
    }

    private static void RelaxedThresholds(CoProductionOptions options)
    {
        var pathway = options.Programmes.PatientTrainerPathway;
        pathway.RequireSupportPlan = false;
        pathway.ToCoFacilitator.SessionsObserved = 0;
        pathway.ToCoFacilitator.Debriefs = 0;
        pathway.ToLeadTrainer.SessionsCoDelivered = 0;
        pathway.ToLeadTrainer.Supervisions = 0;
    }
}
