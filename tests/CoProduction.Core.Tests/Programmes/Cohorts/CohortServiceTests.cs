using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Pathways;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Programmes.Cohorts;

public sealed class CohortServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ScheduleSessionAsync_StaffLead_IsRefusedBecauseTheirRecordHasNoLivedExperience()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(coach, FacilitatorRole.Lead), new(partner, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.LeadMustBePatientTrainer, "make a patient trainer the Lead");
        (await world.CohortAsync(cohortId))!.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task ScheduleSessionAsync_PatientLed_MarksThePatientTrainerFromTheirRecord()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);

        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        var session = (await world.CohortAsync(cohortId))!.FindSession(sessionId)!;
        session.Facilitators.Select(f => (f.ParticipantId, f.IsPatientTrainer)).Should().Equal((partner, true), (coach, false));
    }

    [Fact]
    public async Task ScheduleSessionAsync_LeadWithLivedExperienceButNoPathway_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, coach) = await PlannedCohortAsync(world);
        var newcomer = await world.RegisterAsync("Patient partner N", ParticipantRole.PatientPartner);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(newcomer, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        var refusal = await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.LeadNeedsPathwayStage, "is not on the patient-trainer pathway", "stage LeadTrainer");
        refusal.Data["participantId"].Should().Be(newcomer.ToString());
        (await world.CohortAsync(cohortId))!.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task ScheduleSessionAsync_LeadAtObserverStage_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, coach) = await PlannedCohortAsync(world);
        var observer = await world.TrainerAsync("Patient partner O", PathwayStage.Observer);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(observer, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.LeadNeedsPathwayStage, "is at stage Observer", "Let them shadow the session");
    }

    [Fact]
    public async Task ScheduleSessionAsync_LeadAtCoFacilitatorStage_IsRefusedByDefault()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, coach) = await PlannedCohortAsync(world);
        var coFacilitator = await world.TrainerAsync("Carer trainer B", PathwayStage.CoFacilitator, ParticipantRole.Carer);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(coFacilitator, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.LeadNeedsPathwayStage, "is at stage CoFacilitator", "MinimumStageToLead");
    }

    [Fact]
    public async Task ScheduleSessionAsync_LeadAtCoFacilitatorStageWhenTheOptionsAllowIt_CountsAsPatientLed()
    {
        await using var world = ServiceWorld.Create(o => o.Programmes.MinimumStageToLead = PathwayStage.CoFacilitator);
        var (cohortId, _, coach) = await PlannedCohortAsync(world);
        var coFacilitator = await world.TrainerAsync("Carer trainer B", PathwayStage.CoFacilitator, ParticipantRole.Carer);

        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(coFacilitator, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        (await world.CohortAsync(cohortId))!.FindSession(sessionId)!.Lead.IsPatientTrainer.Should().BeTrue();
    }

    [Fact]
    public async Task ScheduleSessionAsync_CoFacilitatorAtObserverStage_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, _) = await PlannedCohortAsync(world);
        var observer = await world.TrainerAsync("Patient partner O", PathwayStage.Observer);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(observer, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.CoFacilitatorNeedsPathwayStage, "is at stage Observer", "stage CoFacilitator");
        (await world.CohortAsync(cohortId))!.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task ScheduleSessionAsync_ObserverShadowing_IsStoredAndNotCountedAsPatientTrainer()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        var observer = await world.TrainerAsync("Patient partner O", PathwayStage.Observer);

        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator), new(observer, FacilitatorRole.Shadow)], None);

        (await world.CohortAsync(cohortId))!.FindSession(sessionId)!.Facilitators.Select(f => (f.ParticipantId, f.IsPatientTrainer)).Should().Equal((partner, true), (coach, false), (observer, false));
    }

    [Fact]
    public async Task ScheduleSessionAsync_StaffWithLivedExperienceButNoPathwayLeading_IsNotPatientLed()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, _) = await PlannedCohortAsync(world);
        var nurse = (await world.People.RegisterAsync("Nurse and carer M", [ParticipantRole.Staff, ParticipantRole.Carer], None)).Id;

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(nurse, FacilitatorRole.Lead), new(partner, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.LeadMustBePatientTrainer, "make a patient trainer the Lead");
    }

    [Fact]
    public async Task ScheduleSessionAsync_StaffLeadWhenTheRulesAllowIt_IsStoredAsNotPatientLed()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, _) = await PlannedCohortAsync(world);
        var nurse = (await world.People.RegisterAsync("Nurse and carer M", [ParticipantRole.Staff, ParticipantRole.Carer], None)).Id;
        var programmeId = (await world.CohortAsync(cohortId))!.ProgrammeId;
        await world.Programmes.ChangeDeliveryRulesAsync(programmeId, new DeliveryRules(1, false, 1, 2, 12), None);
        var relaxed = (await world.Cohorts.PlanAsync(programmeId, 1, "Cohort 2", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None)).Id;

        var sessionId = await world.Cohorts.ScheduleSessionAsync(relaxed, "M1", ServiceWorld.At(4, 14), null, [new(nurse, FacilitatorRole.Lead), new(partner, FacilitatorRole.CoFacilitator)], None);

        (await world.CohortAsync(relaxed))!.FindSession(sessionId)!.Lead.IsPatientTrainer.Should().BeFalse("a member of staff below the lead stage leads as staff");
    }

    [Fact]
    public async Task ScheduleSessionAsync_ErasedFacilitator_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        await world.People.EraseAsync(coach, None);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as a facilitator");
        (await world.CohortAsync(cohortId))!.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task ChangeFacilitatorsAsync_LeadWithNoPathway_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);
        var newcomer = await world.RegisterAsync("Patient partner N", ParticipantRole.PatientPartner);

        var act = () => world.Cohorts.ChangeFacilitatorsAsync(cohortId, sessionId, [new(newcomer, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.LeadNeedsPathwayStage, "is not on the patient-trainer pathway");
        (await world.CohortAsync(cohortId))!.FindSession(sessionId)!.Lead.ParticipantId.Should().Be(partner);
    }

    [Fact]
    public async Task ScheduleSessionAsync_OutsideCohortDates_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(8, 1), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.OutsideCohortDates, "runs from 2025-04-07 to 2025-07-25", "choose a date inside those dates");
        var stored = await world.CohortAsync(cohortId);
        stored!.Sessions.Should().BeEmpty();
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task ScheduleSessionAsync_UnknownFacilitator_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, _) = await PlannedCohortAsync(world);

        var act = () => world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(ParticipantId.New(), FacilitatorRole.CoFacilitator)], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, "as a facilitator");
        (await world.CohortAsync(cohortId))!.Sessions.Should().BeEmpty();
    }

    [Fact]
    public async Task ChangeFacilitatorsAsync_UnknownFacilitator_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        var act = () => world.Cohorts.ChangeFacilitatorsAsync(cohortId, sessionId, [new(ParticipantId.New(), FacilitatorRole.Lead)], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, "as a facilitator");
        (await world.CohortAsync(cohortId))!.FindSession(sessionId)!.Facilitators.Select(f => f.ParticipantId).Should().Equal(partner, coach);
    }

    [Fact]
    public async Task ChangeFacilitatorsAsync_CoverByAnotherPatientTrainer_IsStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);
        var cover = await world.TrainerAsync("Service user trainer K", PathwayStage.LeadTrainer, ParticipantRole.ServiceUser);

        await world.Cohorts.ChangeFacilitatorsAsync(cohortId, sessionId, [new(cover, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        (await world.CohortAsync(cohortId))!.FindSession(sessionId)!.Lead.Should().Be(new SessionFacilitator(cover, FacilitatorRole.Lead, true));
    }

    [Fact]
    public async Task EnrolTeamAsync_UnknownMember_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, _) = await PlannedCohortAsync(world);
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var stranger = ParticipantId.New();

        var act = () => world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [partner, stranger], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, stranger.ToString(), "as a team member", "Register them as a participant first");
        var stored = await world.CohortAsync(cohortId);
        stored!.Teams.Should().BeEmpty();
        stored.Version.Should().Be(2, "planning and opening recruitment were saved, the enrolment was not");
    }

    [Fact]
    public async Task EnrolTeamAsync_ErasedParticipant_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, _) = await PlannedCohortAsync(world);
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var erased = await world.RegisterAsync("Patient L", ParticipantRole.PatientPartner);
        await world.People.EraseAsync(erased, None);

        var act = () => world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [erased], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "has been erased", "register them again if they return");
        (await world.CohortAsync(cohortId))!.Teams.Should().BeEmpty();
    }

    [Fact]
    public async Task RecordSessionAttendanceAsync_Register_IsStoredAllAtOnce()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, sessionId, _, _) = await DeliveredSessionAsync(world);
        var people = (await world.CohortAsync(cohortId))!.EnrolledParticipants.ToList();

        var changed = await world.Cohorts.RecordSessionAttendanceAsync(cohortId, sessionId, [.. people.Select(p => new AttendanceEntry(p, "Present"))], None);

        changed.Should().Be(4);
        var stored = await world.CohortAsync(cohortId);
        stored!.Attendance.Should().HaveCount(4);
        people.Select(stored.AttendanceShareOf).Should().AllBeEquivalentTo(1m);
    }

    [Fact]
    public async Task EnrolTeamAsync_MemberOfAnotherOrganisation_IsRefusedAsUnknown()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, _) = await PlannedCohortAsync(world);
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var elsewhere = await world.RegisterInOtherTrustAsync("Service user Z", ParticipantRole.ServiceUser);

        var act = () => world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [partner, elsewhere], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound);
        (await world.CohortAsync(cohortId))!.Teams.Should().BeEmpty();
    }

    [Fact]
    public async Task EnrolTeamAsync_DuplicateEnrolment_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, _) = await PlannedCohortAsync(world);
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var patient = await world.RegisterAsync("Patient E", ParticipantRole.PatientPartner);
        var nurse = await world.RegisterAsync("Nurse F", ParticipantRole.Staff);
        await world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [patient, nurse], None);

        var carer = await world.RegisterAsync("Carer G", ParticipantRole.Carer);
        var sameTeam = () => world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Again", [carer], None);
        var samePerson = () => world.Cohorts.EnrolTeamAsync(cohortId, "Ward 9", "Falls", [patient], None);

        await sameTeam.ShouldBeRefusedAsync(ProgrammeErrorCodes.DuplicateTeam, "cannot enrol twice");
        await samePerson.ShouldBeRefusedAsync(ProgrammeErrorCodes.ParticipantAlreadyEnrolled, patient.ToString(), "one team per cohort");
        var stored = await world.CohortAsync(cohortId);
        stored!.Teams.Should().ContainSingle().Which.Members.Select(m => m.ParticipantId).Should().Equal(patient, nurse);
        stored.Version.Should().Be(3);
    }

    [Fact]
    public async Task EnrolTeamAsync_TeamMembersWithoutLivedExperience_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, coach) = await PlannedCohortAsync(world);
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var nurse = await world.RegisterAsync("Nurse F", ParticipantRole.Staff);

        var act = () => world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [nurse, coach], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.TeamNeedsLivedExperience, "add a patient, carer, service user or community member");
        (await world.CohortAsync(cohortId))!.Teams.Should().BeEmpty();
    }

    [Fact]
    public async Task RecordAttendanceAsync_SomeoneNotEnrolled_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, sessionId, _, facilitator) = await DeliveredSessionAsync(world);
        var before = await world.CohortAsync(cohortId);

        var act = () => world.Cohorts.RecordAttendanceAsync(cohortId, sessionId, facilitator, "Present", None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.ParticipantNotEnrolled, "is not enrolled", "Enrol them with their team first");
        var after = await world.CohortAsync(cohortId);
        after!.Attendance.Should().BeEmpty();
        after.Version.Should().Be(before!.Version);
    }

    [Fact]
    public async Task RecordAttendanceAsync_UnknownParticipant_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, sessionId, _, _) = await DeliveredSessionAsync(world);

        var act = () => world.Cohorts.RecordAttendanceAsync(cohortId, sessionId, ParticipantId.New(), "Present", None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, "as an attendee");
        (await world.CohortAsync(cohortId))!.Attendance.Should().BeEmpty();
    }

    [Fact]
    public async Task AnyCommand_UnknownCohort_IsRefused()
    {
        await using var world = ServiceWorld.Create();

        var act = () => world.Cohorts.OpenRecruitmentAsync(CohortId.New(), None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.CohortNotFound, "plan the cohort first");
    }

    [Fact]
    public async Task CohortOfAnotherOrganisation_IsNotVisible()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, _) = await PlannedCohortAsync(world);
        await using var other = world.Host.Scope(world.Host.TrustB);
        var otherCohorts = other.ServiceProvider.GetRequiredService<CohortService>();

        (await otherCohorts.FindAsync(cohortId, None)).Should().BeNull();
        var act = () => otherCohorts.OpenRecruitmentAsync(cohortId, None);
        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.CohortNotFound);
        (await world.CohortAsync(cohortId))!.Status.Should().Be(CohortStatus.Planned);
    }

    [Fact]
    public async Task RecordFacilitationActivitiesAsync_DeliveredSession_RecordsOneActivityPerPatientTrainerAtTheirRoleLevel()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, sessionId, lead, coach) = await DeliveredSessionAsync(world);

        var activities = await world.Cohorts.RecordFacilitationActivitiesAsync(cohortId, sessionId, None);

        // The session: lead = patient trainer A (paid at Lead), co-facilitator = staff coach (not paid), M1 lasts 3 hours on 14 April.
        var activity = activities.Should().ContainSingle().Subject;
        activity.ParticipantId.Should().Be(lead);
        activity.Kind.Should().Be(InvolvementActivityKind.TrainingDelivery);
        activity.RoleLevel.Should().Be("Lead");
        activity.Duration.Should().Be(TimeSpan.FromHours(3));
        activity.Date.Should().Be(new DateOnly(2025, 4, 14));
        activity.Source.Should().Be(new InvolvementActivitySource(CohortService.SessionActivityArea, sessionId.Value));
        (await world.Services.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(coach, None)).Should().BeEmpty();

        // The test policy pays Lead 100.00 for a half day (3 hours is at least its 2.5-hour half-day boundary).
        var claim = await world.Services.GetRequiredService<PaymentService>().SubmitClaimAsync(lead, [activity.Id], [], None);
        claim.Total.Should().Be(100.00m);
    }

    [Fact]
    public async Task RecordFacilitationActivitiesAsync_CalledTwice_RecordsNothingTheSecondTime()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, sessionId, lead, _) = await DeliveredSessionAsync(world);
        await world.Cohorts.RecordFacilitationActivitiesAsync(cohortId, sessionId, None);

        var again = await world.Cohorts.RecordFacilitationActivitiesAsync(cohortId, sessionId, None);

        again.Should().BeEmpty();
        (await world.Services.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(lead, None)).Should().ContainSingle();
    }

    [Fact]
    public async Task RecordFacilitationActivitiesAsync_SessionNotDelivered_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);

        var act = () => world.Cohorts.RecordFacilitationActivitiesAsync(cohortId, sessionId, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.SessionNotDeliveredForPayment, "is Scheduled", "Record it as delivered first");
        (await world.Services.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(partner, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task RecordFacilitationActivitiesAsync_CoFacilitatingPatientTrainer_IsPaidAtTheCoFacilitatorLevel()
    {
        await using var world = ServiceWorld.Create(o => o.Programmes.CoFacilitatorRoleLevel = "Participant");
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        var carer = await world.TrainerAsync("Carer trainer B", PathwayStage.CoFacilitator, ParticipantRole.Carer);
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M3", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(carer, FacilitatorRole.CoFacilitator), new(coach, FacilitatorRole.Shadow)], None);
        await StartWithTwoTeamsAsync(world, cohortId);
        world.SetNow(ServiceWorld.At(4, 14, 13));
        await world.Cohorts.MarkSessionDeliveredAsync(cohortId, sessionId, None);

        var activities = await world.Cohorts.RecordFacilitationActivitiesAsync(cohortId, sessionId, None);

        activities.Select(a => (a.ParticipantId, a.RoleLevel)).Should().Equal((partner, "Lead"), (carer, "Participant"));
    }

    [Fact]
    public async Task RecordAttendanceAsync_ErasedAttendee_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, sessionId, _, _) = await DeliveredSessionAsync(world);
        var member = (await world.CohortAsync(cohortId))!.EnrolledParticipants.First();
        await world.People.EraseAsync(member, None);

        var act = () => world.Cohorts.RecordAttendanceAsync(cohortId, sessionId, member, "Present", None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as an attendee");
        (await world.CohortAsync(cohortId))!.Attendance.Should().BeEmpty();
    }

    [Fact]
    public async Task SignOffTeamAsync_ErasedSignatory_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var (cohortId, _, _, coach) = await DeliveredSessionAsync(world);
        var team = (await world.CohortAsync(cohortId))!.Teams[0].Id;
        await world.People.EraseAsync(coach, None);

        var act = () => world.Cohorts.SignOffTeamAsync(cohortId, team, coach, new DateOnly(2025, 4, 14), None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as a signatory");
        (await world.CohortAsync(cohortId))!.FindTeam(team)!.SignedOffBy.Should().BeNull();
    }

    private static async Task<(CohortId CohortId, ParticipantId PatientTrainer, ParticipantId Coach)> PlannedCohortAsync(ServiceWorld world)
    {
        var partner = await world.TrainerAsync("Patient trainer A");
        var coach = await world.RegisterAsync("QI coach C", ParticipantRole.Staff);
        var programmeId = await world.ProgrammeAsync(partner, coach);
        var cohortId = (await world.Cohorts.PlanAsync(programmeId, 1, "Cohort 1", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None)).Id;
        return (cohortId, partner, coach);
    }

    private static async Task StartWithTwoTeamsAsync(ServiceWorld world, CohortId cohortId)
    {
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        await world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [await world.RegisterAsync("Patient E", ParticipantRole.PatientPartner), await world.RegisterAsync("Nurse F", ParticipantRole.Staff)], None);
        await world.Cohorts.EnrolTeamAsync(cohortId, "Falls team", "Fewer falls at night", [await world.RegisterAsync("Carer G", ParticipantRole.Carer), await world.RegisterAsync("Physio H", ParticipantRole.Staff)], None);
        await world.Cohorts.StartAsync(cohortId, None);
    }

    private static async Task<(CohortId CohortId, CohortSessionId SessionId, ParticipantId Lead, ParticipantId Coach)> DeliveredSessionAsync(ServiceWorld world)
    {
        var (cohortId, partner, coach) = await PlannedCohortAsync(world);
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(partner, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);
        await StartWithTwoTeamsAsync(world, cohortId);
        world.SetNow(ServiceWorld.At(4, 14, 13));
        await world.Cohorts.MarkSessionDeliveredAsync(cohortId, sessionId, None);
        return (cohortId, sessionId, partner, coach);
    }
}
