using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Cohorts.Events;

namespace CoProduction.Core.Tests.Programmes.Cohorts;

public sealed class CohortSessionTests
{
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void ScheduleSession_PatientTrainerLead_AddsSessionWithModuleDuration()
    {
        var cohort = _data.NewCohort();

        var sessionId = cohort.ScheduleSession(_data.Programme, "m2", ProgrammeTestData.At(3, 10), null, _data.PatientLed(), _data.Clock);

        var session = cohort.FindSession(sessionId)!;
        session.ModuleCode.Should().Be("M2");
        session.Duration.Should().Be(TimeSpan.FromHours(3));
        session.Status.Should().Be(SessionStatus.Scheduled);
        session.Lead.ParticipantId.Should().Be(_data.PatientTrainerA);
        cohort.PendingEvents.OfType<SessionScheduled>().Should().ContainSingle().Which.SessionId.Should().Be(sessionId);
    }

    [Theory]
    [InlineData(2, 28, 10)] // the day before the cohort starts (1 March)
    [InlineData(7, 1, 10)] // the day after it ends (30 June)
    [InlineData(6, 30, 23)] // starts on the last day but its 3 hours end on 1 July
    public void ScheduleSession_OutsideCohortDates_IsRefusedAndNothingChanges(int month, int day, int hour)
    {
        var cohort = _data.NewCohort();
        var events = cohort.PendingEvents.Count;

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(month, day, hour), null, _data.PatientLed(), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.OutsideCohortDates, "runs from 2025-03-01 to 2025-06-30", "choose a date inside those dates");
        cohort.Sessions.Should().BeEmpty();
        cohort.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void ScheduleSession_ModuleNotInCurriculumVersion_IsRefusedListingTheModules()
    {
        var cohort = _data.NewCohort();

        var act = () => cohort.ScheduleSession(_data.Programme, "M9", ProgrammeTestData.At(3, 10), null, _data.PatientLed(), _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.UnknownModule, "no module 'M9'", "choose one of M1, M2, M3");
        cohort.Sessions.Should().BeEmpty();
    }

    [Fact]
    public void ScheduleSession_AnotherProgramme_IsRefused()
    {
        var cohort = _data.NewCohort();
        var other = new ProgrammeTestData().NewProgramme();

        var act = () => cohort.ScheduleSession(other, "M1", ProgrammeTestData.At(3, 10), null, _data.PatientLed(), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CurriculumVersionMismatch, "pass the cohort's own programme");
        cohort.Sessions.Should().BeEmpty();
    }

    [Fact]
    public void ScheduleSession_NoLead_IsRefusedSayingToMakeOneTheLead()
    {
        var cohort = _data.NewCohort();
        SessionFacilitator[] facilitators = [new(_data.PatientTrainerA, FacilitatorRole.CoFacilitator, true)];

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, facilitators, _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNeedsOneLead, "exactly one lead facilitator but 0 were given", "make one facilitator the Lead");
    }

    [Fact]
    public void ScheduleSession_TwoLeads_IsRefused()
    {
        var cohort = _data.NewCohort();
        SessionFacilitator[] facilitators = [new(_data.PatientTrainerA, FacilitatorRole.Lead, true), new(_data.PatientTrainerB, FacilitatorRole.Lead, true)];

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, facilitators, _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNeedsOneLead, "but 2 were given");
    }

    [Fact]
    public void ScheduleSession_StaffLeadWhenRuleOn_IsRefusedSayingToMakeAPatientTrainerLead()
    {
        var cohort = _data.NewCohort();
        SessionFacilitator[] facilitators = [new(_data.StaffFacilitator, FacilitatorRole.Lead, false), new(_data.PatientTrainerA, FacilitatorRole.CoFacilitator, true)];

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, facilitators, _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.LeadMustBePatientTrainer, "make a patient trainer the Lead");
        cohort.Sessions.Should().BeEmpty();
    }

    [Fact]
    public void ScheduleSession_StaffLeadWhenRuleOff_IsAllowedWithAPatientCoFacilitator()
    {
        var cohort = _data.NewCohort(new DeliveryRules(1, false, 1, 2, 12));
        SessionFacilitator[] facilitators = [new(_data.StaffFacilitator, FacilitatorRole.Lead, false), new(_data.PatientTrainerA, FacilitatorRole.CoFacilitator, true)];

        cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, facilitators, _data.Clock);

        cohort.Sessions.Should().ContainSingle();
    }

    [Fact]
    public void ScheduleSession_PatientTrainerOnlyShadowing_IsRefusedBecauseShadowsDoNotCount()
    {
        var cohort = _data.NewCohort(new DeliveryRules(1, false, 1, 2, 12));
        SessionFacilitator[] facilitators = [new(_data.StaffFacilitator, FacilitatorRole.Lead, false), new(_data.PatientTrainerA, FacilitatorRole.Shadow, true)];

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, facilitators, _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNeedsPatientTrainer, "has 0 patient trainer(s)", "at least 1", "add a patient trainer as Lead or CoFacilitator");
    }

    [Fact]
    public void ScheduleSession_TwoPatientTrainersRequiredButOneGiven_IsRefused()
    {
        var cohort = _data.NewCohort(new DeliveryRules(2, true, 1, 2, 12));

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, _data.PatientLed(), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNeedsPatientTrainer, "has 1 patient trainer(s)", "at least 2");
    }

    [Fact]
    public void ScheduleSession_RulesOff_AllowsStaffOnlySession()
    {
        var cohort = _data.NewCohort(new DeliveryRules(0, false, 0, 1, 12));
        SessionFacilitator[] facilitators = [new(_data.StaffFacilitator, FacilitatorRole.Lead, false)];

        cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), TimeSpan.FromHours(1), facilitators, _data.Clock);

        cohort.Sessions.Should().ContainSingle().Which.Duration.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void ScheduleSession_SameFacilitatorTwice_IsRefused()
    {
        var cohort = _data.NewCohort();
        SessionFacilitator[] facilitators = [new(_data.PatientTrainerA, FacilitatorRole.Lead, true), new(_data.PatientTrainerA, FacilitatorRole.Shadow, true)];

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, facilitators, _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.DuplicateFacilitator, "more than once", "give each facilitator one role");
    }

    [Theory]
    [InlineData(CohortStatus.Completed)]
    [InlineData(CohortStatus.Cancelled)]
    public void ScheduleSession_CohortOver_IsRefusedNamingTheStatus(CohortStatus status)
    {
        var cohort = _data.CohortIn(status);
        var sessions = cohort.Sessions.Count;

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), null, _data.PatientLed(), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortStateDoesNotAllow, $"is {status}", "Planned or Recruiting or Running");
        cohort.Sessions.Should().HaveCount(sessions);
    }

    [Fact]
    public void ScheduleSession_ZeroDuration_ThrowsInvalidInputNamingDuration()
    {
        var cohort = _data.NewCohort();

        var act = () => cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 10), TimeSpan.Zero, _data.PatientLed(), _data.Clock);

        act.Should().ThrowInvalidInput("duration");
    }

    [Fact]
    public void MarkSessionDelivered_AfterItStarted_RecordsDelivery()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        _data.SetNow(ProgrammeTestData.At(3, 3, 13));

        cohort.MarkSessionDelivered(sessionId, _data.Clock);

        cohort.FindSession(sessionId)!.Status.Should().Be(SessionStatus.Delivered);
        cohort.FindSession(sessionId)!.DeliveredAt.Should().Be(ProgrammeTestData.At(3, 3, 13));
        cohort.PendingEvents.OfType<SessionDelivered>().Should().ContainSingle();
    }

    [Fact]
    public void MarkSessionDelivered_BeforeItStarts_IsRefusedSayingToWait()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        _data.SetNow(ProgrammeTestData.At(3, 3, 9));

        var act = () => cohort.MarkSessionDelivered(sessionId, _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.SessionNotYetHeld, "still to come", "once it has been held");
        cohort.FindSession(sessionId)!.Status.Should().Be(SessionStatus.Scheduled);
    }

    [Fact]
    public void MarkSessionDelivered_Twice_IsRefused()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        _data.SetNow(ProgrammeTestData.At(3, 3, 13));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);

        var act = () => cohort.MarkSessionDelivered(sessionId, _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNotScheduled, "already Delivered", "only a scheduled session can");
    }

    [Fact]
    public void MarkSessionDelivered_CohortNotRunning_IsRefusedSayingItMustBeRunning()
    {
        var cohort = _data.NewCohort();
        var sessionId = cohort.ScheduleSession(_data.Programme, "M1", ProgrammeTestData.At(3, 3), null, _data.PatientLed(), _data.Clock);
        _data.SetNow(ProgrammeTestData.At(3, 3, 13));

        var act = () => cohort.MarkSessionDelivered(sessionId, _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.CohortStateDoesNotAllow, "is Planned", "needs the cohort to be Running");
    }

    [Fact]
    public void MarkSessionDelivered_UnknownSession_IsRefused()
    {
        var (cohort, _) = _data.RunningCohort();

        var act = () => cohort.MarkSessionDelivered(CohortSessionId.New(), _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNotFound, "no session", "check the session id");
    }

    [Fact]
    public void CancelSession_Scheduled_CancelsWithReason()
    {
        var (cohort, sessionId) = _data.RunningCohort();

        cohort.CancelSession(sessionId, "Trainer unwell", _data.Clock);

        cohort.FindSession(sessionId)!.Status.Should().Be(SessionStatus.Cancelled);
        cohort.FindSession(sessionId)!.CancellationReason.Should().Be("Trainer unwell");
        cohort.PendingEvents.OfType<SessionCancelled>().Should().ContainSingle();
    }

    [Fact]
    public void CancelSession_Delivered_IsRefused()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        _data.SetNow(ProgrammeTestData.At(3, 3, 13));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);

        var act = () => cohort.CancelSession(sessionId, "Too late", _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNotScheduled, "already Delivered");
        cohort.FindSession(sessionId)!.Status.Should().Be(SessionStatus.Delivered);
    }

    [Fact]
    public void ChangeFacilitators_Scheduled_ReplacesThemAndRaisesEvent()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        SessionFacilitator[] cover = [new(_data.PatientTrainerB, FacilitatorRole.Lead, true), new(_data.StaffFacilitator, FacilitatorRole.CoFacilitator, false)];

        cohort.ChangeFacilitators(sessionId, cover, _data.Clock);

        cohort.FindSession(sessionId)!.Facilitators.Should().Equal(cover);
        cohort.PendingEvents.OfType<SessionFacilitatorsChanged>().Should().ContainSingle().Which.SessionId.Should().Be(sessionId);
    }

    [Fact]
    public void ChangeFacilitators_StaffLead_IsRefusedAndTheOldFacilitatorsStay()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        SessionFacilitator[] staffOnly = [new(_data.StaffFacilitator, FacilitatorRole.Lead, false)];

        var act = () => cohort.ChangeFacilitators(sessionId, staffOnly, _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(cohort, ProgrammeErrorCodes.SessionNeedsPatientTrainer, "add a patient trainer as Lead or CoFacilitator");
        cohort.FindSession(sessionId)!.Facilitators.Should().Equal(_data.PatientLed());
    }

    [Fact]
    public void ChangeFacilitators_DeliveredSession_IsRefused()
    {
        var (cohort, sessionId) = _data.RunningCohort();
        _data.SetNow(ProgrammeTestData.At(3, 3, 13));
        cohort.MarkSessionDelivered(sessionId, _data.Clock);

        var act = () => cohort.ChangeFacilitators(sessionId, [new(_data.PatientTrainerB, FacilitatorRole.Lead, true)], _data.Clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SessionNotScheduled, "cannot be given new facilitators");
        cohort.FindSession(sessionId)!.Facilitators.Should().Equal(_data.PatientLed());
    }

    [Fact]
    public void Session_AfterPublishingVersion2_StillRefersToVersion1()
    {
        var (cohort, sessionId) = _data.RunningCohort();

        _data.Programme.PublishVersion(
            "Merged modules 1 and 2",
            [new CurriculumModule("A", "Everything", ["Do it all"], TimeSpan.FromHours(6), DeliveryMode.Online)],
            [new CoDesignContribution(ParticipantId.New(), CoDesignPerspective.LivedExperience, "Asked for one longer day")],
            _data.Clock);

        cohort.CurriculumVersionNumber.Should().Be(1);
        cohort.FindSession(sessionId)!.ModuleCode.Should().Be("M1");
        _data.Programme.GetVersion(1).Modules.Select(m => m.Code).Should().Equal("M1", "M2", "M3");
        var next = cohort.ScheduleSession(_data.Programme, "M2", ProgrammeTestData.At(4, 1), null, _data.PatientLed(), _data.Clock);
        cohort.FindSession(next)!.ModuleCode.Should().Be("M2");
    }
}
