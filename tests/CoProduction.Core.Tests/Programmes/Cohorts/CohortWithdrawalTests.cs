using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Cohorts.Events;
using CoProduction.Programmes.Evaluation;

namespace CoProduction.Core.Tests.Programmes.Cohorts;

public sealed class CohortWithdrawalTests
{
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void WithdrawTeam_Running_RecordsItAndTheTeamCannotComplete()
    {
        var (cohort, sessionId) = Delivered();
        var team = cohort.Teams[0];
        foreach (var member in team.Members)
        {
            cohort.RecordAttendance(sessionId, member.ParticipantId, "Present", _data.Clock);
        }

        cohort.RecordPlanSubmitted(team.Id, new DateOnly(2025, 3, 5), _data.Clock);
        cohort.RecordShowcasePresented(team.Id, new DateOnly(2025, 3, 6), _data.Clock);

        cohort.WithdrawTeam(team.Id, new DateOnly(2025, 3, 7), "Ward closed for refurbishment", _data.Clock);

        team.IsWithdrawn.Should().BeTrue();
        team.WithdrawalReason.Should().Be("Ward closed for refurbishment");
        cohort.ActiveTeams.Should().NotContain(team);
        cohort.PendingEvents.OfType<TeamWithdrawn>().Should().ContainSingle().Which.TeamId.Should().Be(team.Id);
        var outcome = cohort.EvaluateTeamCompletion(team.Id);
        outcome.Criteria.Should().OnlyContain(c => c.IsMet, "attendance 1, plan and showcase are all there");
        outcome.Withdrawn.Should().BeTrue();
        outcome.IsComplete.Should().BeFalse("a team that withdrew does not complete");
    }

    [Fact]
    public void WithdrawTeam_Twice_IsRefusedAndNothingChanges()
    {
        var (cohort, _) = Delivered();
        var team = cohort.Teams[0];
        cohort.WithdrawTeam(team.Id, new DateOnly(2025, 3, 7), "Ward closed", _data.Clock);

        var act = () => cohort.WithdrawTeam(team.Id, new DateOnly(2025, 3, 8), "Again", _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.TeamWithdrawn, "withdrew on 2025-03-07", "re-enrol the team in a later cohort");
    }

    [Fact]
    public void WithdrawTeam_CohortCompleted_IsRefusedNamingTheStatus()
    {
        var cohort = _data.CohortIn(CohortStatus.Completed);

        var act = () => cohort.WithdrawTeam(cohort.Teams[0].Id, new DateOnly(2025, 3, 7), "Too late", _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.CohortStateDoesNotAllow, "is Completed", "Recruiting or Running");
    }

    [Fact]
    public void WithdrawTeam_WhileRecruiting_FreesAPlaceButNotThePeople()
    {
        var cohort = _data.RecruitingCohort(teams: 2, rules: new DeliveryRules(1, true, 1, 2, 2));
        var leaving = cohort.Teams[0];
        cohort.WithdrawTeam(leaving.Id, ProgrammeTestData.CohortStart, "Could not release staff", _data.Clock);

        cohort.EnrolTeam(ProgrammeTestData.Team("Team 3", ProgrammeTestData.Patient()), _data.Clock);
        var again = () => cohort.EnrolTeam(ProgrammeTestData.Team("Team 4", leaving.Members[0]), _data.Clock);

        cohort.ActiveTeams.Should().HaveCount(2);
        again.ShouldBeRefused(ProgrammeErrorCodes.CohortFull);
    }

    [Fact]
    public void Start_CountsOnlyTeamsThatHaveNotWithdrawn()
    {
        var cohort = _data.RecruitingCohort(teams: 2);
        cohort.WithdrawTeam(cohort.Teams[1].Id, ProgrammeTestData.CohortStart, "Could not release staff", _data.Clock);

        var act = () => cohort.Start(_data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.CohortBelowMinimumTeams, "has 1 enrolled team(s)", "enrol 1 more");
    }

    [Fact]
    public void RecordAttendance_MemberOfTeamThatWithdrewBeforeTheSession_IsRefused()
    {
        var (cohort, first) = Delivered();
        var later = cohort.ScheduleSession(_data.Programme, "M2", ProgrammeTestData.At(3, 10), null, _data.PatientLed(), _data.Clock);
        _data.SetNow(ProgrammeTestData.At(3, 10, 14));
        cohort.MarkSessionDelivered(later, _data.Clock);
        var team = cohort.Teams[0];
        cohort.WithdrawTeam(team.Id, new DateOnly(2025, 3, 7), "Ward closed", _data.Clock);
        var member = team.Members[0].ParticipantId;

        cohort.RecordAttendance(first, member, "Present", _data.Clock);
        var act = () => cohort.RecordAttendance(later, member, "Present", _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.TeamWithdrawn, "withdrew on 2025-03-07", "Leave them off the register");
        cohort.Attendance.Should().ContainSingle().Which.SessionId.Should().Be(first);
    }

    [Fact]
    public void RecordPlanSubmitted_TeamWithdrawn_IsRefused()
    {
        var (cohort, _) = Delivered();
        var team = cohort.Teams[0];
        cohort.WithdrawTeam(team.Id, new DateOnly(2025, 3, 7), "Ward closed", _data.Clock);

        var act = () => cohort.RecordPlanSubmitted(team.Id, new DateOnly(2025, 3, 8), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.TeamWithdrawn, "nothing more can be recorded");
    }

    [Fact]
    public void Report_CountsWithdrawnTeamsAndLeavesTheirMembersOutOfAttendance()
    {
        var (cohort, sessionId) = Delivered();
        var staying = cohort.Teams[1];
        cohort.RecordAttendance(sessionId, staying.Members[0].ParticipantId, "Present", _data.Clock);
        cohort.WithdrawTeam(cohort.Teams[0].Id, new DateOnly(2025, 3, 7), "Ward closed", _data.Clock);

        var report = ProgrammeReport.Build(_data.Programme, [cohort], []);

        // Staying team: one member present at the only session (1), the other not recorded (0): mean 0.5.
        report.Teams.Should().Be(2);
        report.TeamsWithdrawn.Should().Be(1);
        report.TeamsCompleted.Should().Be(0);
        report.AttendanceRate.Should().Be(0.5m);
        report.ToMarkdown().Should().Contain("- Teams withdrawn: 1.");
    }

    private (Cohort Cohort, CohortSessionId SessionId) Delivered()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        _data.SetNow(ProgrammeTestData.At(3, 3, 14));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);
        return (cohort, sessionId);
    }
}
