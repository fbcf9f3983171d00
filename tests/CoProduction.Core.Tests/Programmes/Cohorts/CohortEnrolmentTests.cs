using CoProduction.Core.Tests.TestSupport;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Cohorts.Events;

namespace CoProduction.Core.Tests.Programmes.Cohorts;

public sealed class CohortEnrolmentTests
{
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void EnrolTeam_WithAPatientMember_EnrolsTheTeamAndRaisesEvent()
    {
        var cohort = _data.RecruitingCohort(teams: 0);
        var patient = ProgrammeTestData.Patient();

        var teamId = cohort.EnrolTeam(ProgrammeTestData.Team("Ward 7", patient, ProgrammeTestData.Staff()), _data.Clock);

        var team = cohort.FindTeam(teamId)!;
        team.Name.Should().Be("Ward 7");
        team.ImprovementAim.Should().Be("Co-design the discharge letter with patients");
        team.Members.Should().HaveCount(2);
        cohort.FindTeamOf(patient.ParticipantId).Should().BeSameAs(team);
        cohort.PendingEvents.OfType<TeamEnrolled>().Should().ContainSingle().Which.TeamId.Should().Be(teamId);
    }

    [Fact]
    public void EnrolTeam_NoLivedExperience_IsRefusedSayingToAddAPatientAndNothingChanges()
    {
        var cohort = _data.RecruitingCohort(teams: 0);
        var events = cohort.PendingEvents.Count;

        var act = () => cohort.EnrolTeam(ProgrammeTestData.Team("Ward 7", ProgrammeTestData.Staff(), ProgrammeTestData.Staff()), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.TeamNeedsLivedExperience, "has 0 member(s) with lived experience", "at least 1", "add a patient, carer, service user or community member");
        cohort.Teams.Should().BeEmpty();
        cohort.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void EnrolTeam_RuleOff_AllowsStaffOnlyTeam()
    {
        var cohort = _data.RecruitingCohort(teams: 0, rules: new DeliveryRules(1, true, 0, 1, 12));

        cohort.EnrolTeam(ProgrammeTestData.Team("Ward 7", ProgrammeTestData.Staff()), _data.Clock);

        cohort.Teams.Should().ContainSingle();
    }

    [Fact]
    public void EnrolTeam_CohortFull_IsRefused()
    {
        var cohort = _data.RecruitingCohort(teams: 2, rules: new DeliveryRules(1, true, 1, 1, 2));

        var act = () => cohort.EnrolTeam(ProgrammeTestData.Team("Ward 9", ProgrammeTestData.Patient()), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.CohortFull, "already has 2 team(s), its maximum", "enrol team 'Ward 9' in another cohort");
        cohort.Teams.Should().HaveCount(2);
    }

    [Fact]
    public void EnrolTeam_SameTeamNameTwice_IsRefusedAndNothingChanges()
    {
        var cohort = _data.RecruitingCohort(teams: 1);

        var act = () => cohort.EnrolTeam(ProgrammeTestData.Team("team 1", ProgrammeTestData.Patient()), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.DuplicateTeam, "already enrolled", "cannot enrol twice");
        cohort.Teams.Should().ContainSingle();
    }

    [Fact]
    public void EnrolTeam_PersonAlreadyInAnotherTeam_IsRefusedAndNothingChanges()
    {
        var cohort = _data.RecruitingCohort(teams: 1);
        var alreadyEnrolled = cohort.Teams[0].Members[0];

        var act = () => cohort.EnrolTeam(ProgrammeTestData.Team("Ward 9", alreadyEnrolled, ProgrammeTestData.Patient()), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.ParticipantAlreadyEnrolled, alreadyEnrolled.ParticipantId.ToString(), "one team per cohort", "Remove them from team 'Ward 9'");
        cohort.Teams.Should().ContainSingle();
    }

    [Fact]
    public void EnrolTeam_PersonListedTwice_IsRefused()
    {
        var cohort = _data.RecruitingCohort(teams: 0);
        var patient = ProgrammeTestData.Patient();

        var act = () => cohort.EnrolTeam(ProgrammeTestData.Team("Ward 9", patient, patient), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.ParticipantAlreadyEnrolled, "listed more than once", "list each member once");
        cohort.Teams.Should().BeEmpty();
    }

    [Fact]
    public void EnrolTeam_NoMembers_ThrowsInvalidInputNamingEnrolment()
    {
        var cohort = _data.RecruitingCohort(teams: 0);

        var act = () => cohort.EnrolTeam(ProgrammeTestData.Team("Ward 9"), _data.Clock);

        act.Should().ThrowInvalidInput("enrolment");
    }

    [Theory]
    [InlineData(CohortStatus.Planned)]
    [InlineData(CohortStatus.Running)]
    [InlineData(CohortStatus.Completed)]
    [InlineData(CohortStatus.Cancelled)]
    public void EnrolTeam_NotRecruiting_IsRefusedNamingTheStatus(CohortStatus status)
    {
        var cohort = _data.CohortIn(status);
        var teams = cohort.Teams.Count;

        var act = () => cohort.EnrolTeam(ProgrammeTestData.Team("Late team", ProgrammeTestData.Patient()), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortStateDoesNotAllow, $"is {status}", "enrol a team", "needs the cohort to be Recruiting");
        cohort.Teams.Should().HaveCount(teams);
    }
}
