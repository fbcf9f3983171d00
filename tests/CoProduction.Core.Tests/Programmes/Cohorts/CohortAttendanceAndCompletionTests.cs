using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Cohorts.Events;

namespace CoProduction.Core.Tests.Programmes.Cohorts;

public sealed class CohortAttendanceAndCompletionTests
{
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void RecordAttendance_EnrolledMemberAtDeliveredSession_RecordsIt()
    {
        var (cohort, sessionId) = DeliveredCohort();
        var member = cohort.Teams[0].Members[0].ParticipantId;

        cohort.RecordAttendance(sessionId, member, "present", _data.Clock);

        cohort.Attendance.Should().ContainSingle().Which.Should().BeEquivalentTo(new { SessionId = sessionId, ParticipantId = member, StatusCode = "Present" });
        cohort.PendingEvents.OfType<SessionAttendanceRecorded>().Should().ContainSingle();
    }

    [Fact]
    public void RecordAttendance_Correction_ReplacesTheRecord()
    {
        var (cohort, sessionId) = DeliveredCohort();
        var member = cohort.Teams[0].Members[0].ParticipantId;
        cohort.RecordAttendance(sessionId, member, "Present", _data.Clock);

        cohort.RecordAttendance(sessionId, member, "Absent", _data.Clock);
        cohort.RecordAttendance(sessionId, member, "Absent", _data.Clock);

        cohort.Attendance.Should().ContainSingle().Which.StatusCode.Should().Be("Absent");
        cohort.PendingEvents.OfType<SessionAttendanceRecorded>().Should().HaveCount(2, "repeating the same status is not a change");
    }

    [Fact]
    public void RecordAttendance_NotEnrolled_IsRefusedSayingToEnrolThemAndNothingChanges()
    {
        var (cohort, sessionId) = DeliveredCohort();
        var stranger = ParticipantId.New();
        var events = cohort.PendingEvents.Count;

        var act = () => cohort.RecordAttendance(sessionId, stranger, "Present", _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.ParticipantNotEnrolled, "is not enrolled", "Enrol them with their team first");
        act.ShouldBeRefused(ProgrammeErrorCodes.ParticipantNotEnrolled).Data["participantId"].Should().Be(stranger.ToString());
        cohort.Attendance.Should().BeEmpty();
        cohort.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void RecordAttendance_FacilitatorWhoIsNotEnrolled_IsRefused()
    {
        var (cohort, sessionId) = DeliveredCohort();

        var act = () => cohort.RecordAttendance(sessionId, _data.PatientTrainerA, "Present", _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.ParticipantNotEnrolled);
        cohort.Attendance.Should().BeEmpty();
    }

    [Fact]
    public void RecordAttendance_UnknownStatus_IsRefusedListingTheStatuses()
    {
        var (cohort, sessionId) = DeliveredCohort();

        var act = () => cohort.RecordAttendance(sessionId, cohort.Teams[0].Members[0].ParticipantId, "Maybe", _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.UnknownAttendanceStatus, "'Maybe'", "use one of Present, Late, Apologies, Absent");
        cohort.Attendance.Should().BeEmpty();
    }

    [Fact]
    public void RecordAttendance_SessionNotDelivered_IsRefusedSayingToMarkItDeliveredFirst()
    {
        var (cohort, sessionId) = _data.RunningCohort();

        var act = () => cohort.RecordAttendance(sessionId, cohort.Teams[0].Members[0].ParticipantId, "Present", _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNotDelivered, "is Scheduled", "MarkSessionDelivered");
        cohort.Attendance.Should().BeEmpty();
    }

    [Fact]
    public void RecordAttendance_CohortCompleted_IsRefused()
    {
        var cohort = _data.CohortIn(CohortStatus.Completed);

        var act = () => cohort.RecordAttendance(cohort.Sessions[0].Id, cohort.Teams[0].Members[0].ParticipantId, "Present", _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortStateDoesNotAllow, "is Completed", "record attendance");
    }

    [Fact]
    public void RecordSessionAttendance_WholeRegister_RecordsEveryLine()
    {
        var (cohort, sessionId) = DeliveredCohort();
        var people = cohort.EnrolledParticipants.ToList();

        var changed = cohort.RecordSessionAttendance(sessionId, [new(people[0], "Present"), new(people[1], "late"), new(people[2], "Apologies"), new(people[3], "Absent")], _data.Clock);

        changed.Should().Be(4);
        cohort.Attendance.Select(a => a.StatusCode).Should().Equal("Present", "Late", "Apologies", "Absent");
        cohort.PendingEvents.OfType<SessionAttendanceRecorded>().Should().HaveCount(4);
    }

    [Fact]
    public void RecordSessionAttendance_OneLineForSomeoneNotEnrolled_RecordsNothing()
    {
        var (cohort, sessionId) = DeliveredCohort();
        var people = cohort.EnrolledParticipants.ToList();
        var stranger = ParticipantId.New();

        var act = () => cohort.RecordSessionAttendance(sessionId, [new(people[0], "Present"), new(stranger, "Present")], _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.ParticipantNotEnrolled, stranger.ToString(), "Remove them from the register");
        cohort.Attendance.Should().BeEmpty();
    }

    [Fact]
    public void RecordSessionAttendance_UnknownStatus_RecordsNothing()
    {
        var (cohort, sessionId) = DeliveredCohort();
        var people = cohort.EnrolledParticipants.ToList();

        var act = () => cohort.RecordSessionAttendance(sessionId, [new(people[0], "Present"), new(people[1], "Sick")], _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.UnknownAttendanceStatus, "'Sick'", "use one of Present, Late, Apologies, Absent");
    }

    [Fact]
    public void RecordSessionAttendance_SomeoneTwice_ThrowsNamingRegister()
    {
        var (cohort, sessionId) = DeliveredCohort();
        var person = cohort.EnrolledParticipants.First();

        var act = () => cohort.RecordSessionAttendance(sessionId, [new(person, "Present"), new(person, "Late")], _data.Clock);

        act.Should().ThrowInvalidInput("register");
        cohort.Attendance.Should().BeEmpty();
    }

    [Fact]
    public void AttendanceShare_WeightsStatusesOverDeliveredSessions()
    {
        var (cohort, sessions) = FourDeliveredSessionsWithLateAtHalf();
        var patient = cohort.Teams[0].Members[0].ParticipantId;
        var staff = cohort.Teams[0].Members[1].ParticipantId;
        cohort.RecordAttendance(sessions[0], patient, "Present", _data.Clock);
        cohort.RecordAttendance(sessions[1], patient, "Late", _data.Clock);
        cohort.RecordAttendance(sessions[2], patient, "Apologies", _data.Clock);
        foreach (var session in sessions)
        {
            cohort.RecordAttendance(session, staff, "Present", _data.Clock);
        }

        // Patient: (1 + 0.5 + 0 + nothing recorded 0) / 4 = 0.375. Staff: 4 x 1 / 4 = 1. Team: mean (0.375 + 1) / 2 = 0.6875.
        cohort.AttendanceShareOf(patient).Should().Be(0.375m);
        cohort.AttendanceShareOf(staff).Should().Be(1m);
        cohort.AttendanceShareOfTeam(cohort.Teams[0].Id).Should().Be(0.6875m);
        cohort.AttendanceShareOfTeam(cohort.Teams[1].Id).Should().Be(0m);
    }

    [Fact]
    public void EvaluateCompletion_AllCriteria_NeedsEveryOne()
    {
        var (cohort, sessions) = FourDeliveredSessionsWithLateAtHalf();
        var team = cohort.Teams[0];
        var patient = team.Members[0].ParticipantId;
        var staff = team.Members[1].ParticipantId;
        cohort.RecordAttendance(sessions[0], patient, "Present", _data.Clock);
        cohort.RecordAttendance(sessions[1], patient, "Late", _data.Clock);
        foreach (var session in sessions)
        {
            cohort.RecordAttendance(session, staff, "Present", _data.Clock);
        }

        cohort.RecordPlanSubmitted(team.Id, new DateOnly(2025, 3, 20), _data.Clock);
        cohort.RecordShowcasePresented(team.Id, new DateOnly(2025, 3, 24), _data.Clock);

        // Default policy: All of attendance >= 0.75, plan, showcase. Patient (1 + 0.5) / 4 = 0.375; staff 1; team (0.375 + 1) / 2 = 0.6875.
        var teamOutcome = cohort.EvaluateTeamCompletion(team.Id);
        teamOutcome.IsComplete.Should().BeFalse();
        teamOutcome.Criteria.Select(c => c.IsMet).Should().Equal(false, true, true);
        teamOutcome.Criteria[0].Detail.Should().Be("attendance 0.69, needs 0.75");
        cohort.EvaluateParticipantCompletion(staff).IsComplete.Should().BeTrue();
        cohort.EvaluateParticipantCompletion(patient).IsComplete.Should().BeFalse();
    }

    [Fact]
    public void EvaluateCompletion_AnyCriterion_NeedsOnlyOne()
    {
        var programme = _data.NewProgramme();
        programme.ChangeCompletionPolicy(new CompletionPolicy(CompletionCombination.Any, [new(CompletionCriterionKind.AttendanceShare, 0.9m), new(CompletionCriterionKind.FacilitatorSignOff)]), _data.Clock);
        var (cohort, _) = Deliver(programme);
        var team = cohort.Teams[1];
        cohort.EvaluateTeamCompletion(team.Id).IsComplete.Should().BeFalse("attendance 0 and no sign-off");

        cohort.SignOffTeam(team.Id, _data.PatientTrainerA, new DateOnly(2025, 3, 3), _data.Clock);

        var outcome = cohort.EvaluateTeamCompletion(team.Id);
        outcome.IsComplete.Should().BeTrue();
        outcome.Combination.Should().Be(CompletionCombination.Any);
        outcome.Criteria.Select(c => c.IsMet).Should().Equal(false, true);
        team.SignedOffBy.Should().Be(_data.PatientTrainerA);
    }

    [Fact]
    public void EvaluateParticipantCompletion_NotEnrolled_IsRefused()
    {
        var (cohort, _) = DeliveredCohort();

        var act = () => cohort.EvaluateParticipantCompletion(ParticipantId.New());

        act.ShouldBeRefused(ProgrammeErrorCodes.ParticipantNotEnrolled);
    }

    [Fact]
    public void EvaluateTeamCompletion_UnknownTeam_IsRefused()
    {
        var (cohort, _) = DeliveredCohort();

        var act = () => cohort.EvaluateTeamCompletion(CohortTeamId.New());

        act.ShouldBeRefused(ProgrammeErrorCodes.TeamNotFound, "no enrolled team", "check the team id");
    }

    [Fact]
    public void SignOffTeam_ByNonFacilitator_IsRefusedSayingWhoCanSignOff()
    {
        var (cohort, _) = DeliveredCohort();
        var team = cohort.Teams[0];

        var act = () => cohort.SignOffTeam(team.Id, _data.PatientTrainerB, new DateOnly(2025, 3, 3), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.SignOffNotByFacilitator, "has not led or co-facilitated", "ask one of the cohort's facilitators");
        team.SignedOffBy.Should().BeNull();
    }

    [Fact]
    public void RecordPlanSubmitted_Twice_IsRefused()
    {
        var (cohort, _) = DeliveredCohort();
        var team = cohort.Teams[0];
        cohort.RecordPlanSubmitted(team.Id, new DateOnly(2025, 3, 5), _data.Clock);

        var act = () => cohort.RecordPlanSubmitted(team.Id, new DateOnly(2025, 3, 6), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.TeamOutcomeAlreadyRecorded, "already has PlanSubmitted recorded");
        team.PlanSubmittedOn.Should().Be(new DateOnly(2025, 3, 5));
    }

    [Fact]
    public void RecordShowcasePresented_OutsideCohortDates_IsRefused()
    {
        var (cohort, _) = DeliveredCohort();
        var team = cohort.Teams[0];

        var act = () => cohort.RecordShowcasePresented(team.Id, new DateOnly(2025, 7, 5), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.OutsideCohortDates, "ShowcasePresented on 2025-07-05", "choose a date inside those dates");
        team.ShowcasePresentedOn.Should().BeNull();
    }

    [Fact]
    public void RecordPlanSubmitted_CohortRecruiting_IsRefused()
    {
        var cohort = _data.RecruitingCohort();

        var act = () => cohort.RecordPlanSubmitted(cohort.Teams[0].Id, new DateOnly(2025, 3, 5), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortStateDoesNotAllow, "is Recruiting", "needs the cohort to be Running");
    }

    private (Cohort Cohort, CohortSessionId SessionId) DeliveredCohort()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        _data.SetNow(ProgrammeTestData.At(3, 3, 14));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);
        return (cohort, sessionId);
    }

    private (Cohort Cohort, CohortSessionId SessionId) Deliver(Programme programme)
    {
        var cohort = Cohort.Plan(programme, 1, "Cohort 1", ProgrammeTestData.CohortStart, ProgrammeTestData.CohortEnd, _data.Clock);
        var sessionId = cohort.ScheduleSession(programme, "M1", ProgrammeTestData.At(3, 3), null, _data.PatientLed(), _data.Clock);
        cohort.OpenRecruitment(_data.Clock);
        cohort.EnrolTeam(ProgrammeTestData.Team("Team 1", ProgrammeTestData.Patient(), ProgrammeTestData.Staff()), _data.Clock);
        cohort.EnrolTeam(ProgrammeTestData.Team("Team 2", ProgrammeTestData.Patient(), ProgrammeTestData.Staff()), _data.Clock);
        cohort.Start(_data.Clock);
        _data.SetNow(ProgrammeTestData.At(3, 3, 14));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);
        return (cohort, sessionId);
    }

    private (Cohort Cohort, List<CohortSessionId> Sessions) FourDeliveredSessionsWithLateAtHalf()
    {
        var programme = _data.NewProgramme();
        programme.ChangeAttendanceStatuses([new("Present", 1m), new("Late", 0.5m), new("Apologies", 0m), new("Absent", 0m)], _data.Clock);
        var cohort = Cohort.Plan(programme, 1, "Cohort 1", ProgrammeTestData.CohortStart, ProgrammeTestData.CohortEnd, _data.Clock);
        var sessions = new List<CohortSessionId>
        {
            cohort.ScheduleSession(programme, "M1", ProgrammeTestData.At(3, 3), null, _data.PatientLed(), _data.Clock),
            cohort.ScheduleSession(programme, "M2", ProgrammeTestData.At(3, 10), null, _data.PatientLed(), _data.Clock),
            cohort.ScheduleSession(programme, "M3", ProgrammeTestData.At(3, 17), null, _data.PatientLed(), _data.Clock),
            cohort.ScheduleSession(programme, "M1", ProgrammeTestData.At(3, 24), null, _data.PatientLed(), _data.Clock),
        };
        cohort.OpenRecruitment(_data.Clock);
        cohort.EnrolTeam(ProgrammeTestData.Team("Team 1", ProgrammeTestData.Patient(), ProgrammeTestData.Staff()), _data.Clock);
        cohort.EnrolTeam(ProgrammeTestData.Team("Team 2", ProgrammeTestData.Patient(), ProgrammeTestData.Staff()), _data.Clock);
        cohort.Start(_data.Clock);
        _data.SetNow(ProgrammeTestData.At(4, 1));
        foreach (var session in sessions)
        {
            cohort.MarkSessionDelivered(session, _data.Clock);
        }

        return (cohort, sessions);
    }
}
