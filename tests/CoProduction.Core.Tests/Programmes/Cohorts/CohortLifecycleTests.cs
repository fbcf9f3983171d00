using CoProduction.Core.Tests.TestSupport;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Cohorts.Events;

namespace CoProduction.Core.Tests.Programmes.Cohorts;

public sealed class CohortLifecycleTests
{
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void Plan_PublishedVersion_IsPlannedWithTheProgrammesRulesAndRaisesEvent()
    {
        var programme = _data.NewProgramme(new DeliveryRules(2, true, 1, 3, 8));

        var cohort = Cohort.Plan(programme, 1, "Cohort 1", ProgrammeTestData.CohortStart, ProgrammeTestData.CohortEnd, _data.Clock);

        cohort.Status.Should().Be(CohortStatus.Planned);
        cohort.ProgrammeId.Should().Be(programme.Id);
        cohort.CurriculumVersionNumber.Should().Be(1);
        cohort.DeliveryRules.Should().Be(new DeliveryRules(2, true, 1, 3, 8));
        cohort.AttendanceStatuses.Select(s => s.Code).Should().Equal("Present", "Late", "Apologies", "Absent");
        cohort.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<CohortPlanned>();
    }

    [Fact]
    public void Plan_UnpublishedVersion_IsRefused()
    {
        var programme = _data.NewProgramme();

        var act = () => Cohort.Plan(programme, 2, "Cohort 1", ProgrammeTestData.CohortStart, ProgrammeTestData.CohortEnd, _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CurriculumVersionNotFound, "no curriculum version 2", "choose one of 1 to 1");
    }

    [Fact]
    public void Plan_EndBeforeStart_ThrowsInvalidInputNamingEndDate()
    {
        var act = () => Cohort.Plan(_data.NewProgramme(), 1, "Cohort 1", new DateOnly(2025, 6, 1), new DateOnly(2025, 5, 1), _data.Clock);

        act.Should().ThrowInvalidInput("endDate");
    }

    [Fact]
    public void Plan_ProgrammeChangesLater_CohortKeepsItsRules()
    {
        var programme = _data.NewProgramme();
        var cohort = Cohort.Plan(programme, 1, "Cohort 1", ProgrammeTestData.CohortStart, ProgrammeTestData.CohortEnd, _data.Clock);

        programme.ChangeDeliveryRules(new DeliveryRules(0, false, 0, 1, 30), _data.Clock);
        programme.ChangeAttendanceStatuses([new("Present", 1m)], _data.Clock);

        cohort.DeliveryRules.Should().Be(DeliveryRules.Default);
        cohort.AttendanceStatuses.Should().HaveCount(4);
    }

    [Fact]
    public void OpenRecruitment_Planned_MovesToRecruiting()
    {
        var cohort = _data.NewCohort();

        cohort.OpenRecruitment(_data.Clock);

        cohort.Status.Should().Be(CohortStatus.Recruiting);
        cohort.PendingEvents.OfType<CohortStatusChanged>().Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { From = CohortStatus.Planned, To = CohortStatus.Recruiting });
    }

    [Theory]
    [InlineData(CohortStatus.Recruiting)]
    [InlineData(CohortStatus.Running)]
    [InlineData(CohortStatus.Completed)]
    [InlineData(CohortStatus.Cancelled)]
    public void OpenRecruitment_NotPlanned_IsRefusedNamingTheStatus(CohortStatus status)
    {
        var cohort = _data.CohortIn(status);
        var events = cohort.PendingEvents.Count;

        var act = () => cohort.OpenRecruitment(_data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortTransitionRefused, $"is {status}", "only a Planned cohort can start recruiting");
        cohort.Status.Should().Be(status);
        cohort.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void Start_RecruitingWithMinimumTeams_MovesToRunning()
    {
        var cohort = _data.RecruitingCohort(teams: 2);

        cohort.Start(_data.Clock);

        cohort.Status.Should().Be(CohortStatus.Running);
    }

    [Fact]
    public void Start_BelowMinimumTeams_IsRefusedSayingHowManyMoreAndUnchanged()
    {
        // Default rules: at least 2 teams; 1 enrolled, so 1 more is needed.
        var cohort = _data.RecruitingCohort(teams: 1);

        var act = () => cohort.Start(_data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.CohortBelowMinimumTeams, "has 1 enrolled team(s)", "needs at least 2", "enrol 1 more");
        cohort.Status.Should().Be(CohortStatus.Recruiting);
    }

    [Fact]
    public void Start_Planned_IsRefusedSayingToOpenRecruitmentFirst()
    {
        var cohort = _data.NewCohort();

        var act = () => cohort.Start(_data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortTransitionRefused, "is Planned", "open recruitment and enrol teams first");
        cohort.Status.Should().Be(CohortStatus.Planned);
    }

    [Theory]
    [InlineData(CohortStatus.Running)]
    [InlineData(CohortStatus.Completed)]
    [InlineData(CohortStatus.Cancelled)]
    public void Start_NotRecruiting_IsRefusedNamingTheStatus(CohortStatus status)
    {
        var cohort = _data.CohortIn(status);

        var act = () => cohort.Start(_data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortTransitionRefused, $"is {status}", "only a Recruiting cohort can start");
        cohort.Status.Should().Be(status);
    }

    [Fact]
    public void Complete_EverySessionDeliveredOrCancelled_MovesToCompleted()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        var second = cohort.ScheduleSession(_data.Programme, "M2", ProgrammeTestData.At(4, 1), null, _data.PatientLed(), _data.Clock);
        _data.SetNow(ProgrammeTestData.At(3, 3, 14));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);
        cohort.CancelSession(second, "Room flooded", _data.Clock);

        cohort.Complete(_data.Clock);

        cohort.Status.Should().Be(CohortStatus.Completed);
    }

    [Fact]
    public void Complete_SessionStillScheduled_IsRefusedSayingToDeliverOrCancelIt()
    {
        var (cohort, _) = _data.RunningCohort();

        var act = () => cohort.Complete(_data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.CohortSessionsOutstanding, "1 session(s) still scheduled", "mark each as delivered or cancel it");
        cohort.Status.Should().Be(CohortStatus.Running);
    }

    [Fact]
    public void Complete_NoSessionDelivered_IsRefusedSayingToDeliverOneOrCancel()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        cohort.CancelSession(sessionId, "Trainer unwell", _data.Clock);

        var act = () => cohort.Complete(_data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortNoSessionDelivered, "no delivered session", "cancel the cohort instead");
        cohort.Status.Should().Be(CohortStatus.Running);
    }

    [Theory]
    [InlineData(CohortStatus.Planned)]
    [InlineData(CohortStatus.Recruiting)]
    [InlineData(CohortStatus.Completed)]
    [InlineData(CohortStatus.Cancelled)]
    public void Complete_NotRunning_IsRefusedNamingTheStatus(CohortStatus status)
    {
        var cohort = _data.CohortIn(status);

        var act = () => cohort.Complete(_data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortTransitionRefused, $"is {status}", "only a Running cohort can complete");
        cohort.Status.Should().Be(status);
    }

    [Theory]
    [InlineData(CohortStatus.Planned)]
    [InlineData(CohortStatus.Recruiting)]
    [InlineData(CohortStatus.Running)]
    public void Cancel_PlannedRecruitingOrRunning_MovesToCancelledWithReason(CohortStatus status)
    {
        var cohort = _data.CohortIn(status);

        cohort.Cancel("Sponsor withdrew", _data.Clock);

        cohort.Status.Should().Be(CohortStatus.Cancelled);
        cohort.CancellationReason.Should().Be("Sponsor withdrew");
        cohort.PendingEvents.OfType<CohortStatusChanged>().Last().To.Should().Be(CohortStatus.Cancelled);
    }

    [Theory]
    [InlineData(CohortStatus.Completed)]
    [InlineData(CohortStatus.Cancelled)]
    public void Cancel_CompletedOrCancelled_IsRefusedNamingTheStatus(CohortStatus status)
    {
        var cohort = _data.CohortIn(status);
        var reason = cohort.CancellationReason;

        var act = () => cohort.Cancel("Too late", _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortTransitionRefused, $"is {status}", "only a Planned, Recruiting or Running cohort can be cancelled");
        cohort.Status.Should().Be(status);
        cohort.CancellationReason.Should().Be(reason);
    }

    [Fact]
    public void Cancel_BlankReason_ThrowsInvalidInputNamingReason()
    {
        var cohort = _data.NewCohort();

        var act = () => cohort.Cancel(" ", _data.Clock);

        act.Should().ThrowInvalidInput("reason");
    }
}
