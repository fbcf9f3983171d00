using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Events;

namespace CoProduction.Core.Tests.Programmes;

public sealed class ProgrammeTests
{
    private readonly ProgrammeTestData _data = new();

    [Fact]
    public void Create_SetsDefaultsAndRaisesEvent()
    {
        var programme = Programme.Create(_data.OrganisationId, "Co-Production for Improvement", "Learn to improve with patients", _data.Clock);

        programme.Versions.Should().BeEmpty();
        programme.CurrentVersion.Should().BeNull();
        programme.DeliveryRules.Should().Be(DeliveryRules.Default);
        programme.AttendanceStatuses.Select(s => (s.Code, s.Weight)).Should().Equal(("Present", 1m), ("Late", 1m), ("Apologies", 0m), ("Absent", 0m));
        programme.CompletionPolicy.Combination.Should().Be(CompletionCombination.All);
        programme.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<ProgrammeCreated>();
    }

    [Fact]
    public void PublishVersion_Twice_NumbersVersionsAndKeepsTheFirstUnchanged()
    {
        var programme = _data.NewProgramme();
        var first = programme.GetVersion(1);

        var second = programme.PublishVersion(
            "Added a module on payment and support, asked for by patient trainers",
            [.. ProgrammeTestData.ModulesV1, new CurriculumModule("M4", "Paying and supporting partners", ["Set up payment before involvement starts"], TimeSpan.FromHours(2), DeliveryMode.Online)],
            [new CoDesignContribution(_data.PatientTrainerB, CoDesignPerspective.LivedExperience, "Proposed the payment module")],
            _data.Clock);

        second.Number.Should().Be(2);
        programme.CurrentVersion.Should().BeSameAs(second);
        programme.GetVersion(1).Should().BeSameAs(first);
        first.Modules.Select(m => m.Code).Should().Equal("M1", "M2", "M3");
        first.CoDesigners.Select(c => c.ParticipantId).Should().Equal(_data.PatientTrainerA, _data.StaffFacilitator);
        second.Modules.Should().HaveCount(4);
        first.TotalDuration.Should().Be(TimeSpan.FromHours(8)); // 3 + 3 + 2 hours
        programme.PendingEvents.OfType<CurriculumVersionPublished>().Select(e => e.VersionNumber).Should().Equal(1, 2);
    }

    [Fact]
    public void PublishVersion_NoCoDesignerWithLivedExperience_IsRefusedAndNothingChanges()
    {
        var programme = _data.NewProgramme();
        var events = programme.PendingEvents.Count;

        var act = () => programme.PublishVersion("Staff rewrite", ProgrammeTestData.ModulesV1, [new CoDesignContribution(_data.StaffFacilitator, CoDesignPerspective.Staff, "Rewrote it")], _data.Clock);

        act.ShouldBeRefusedLeavingUnchanged(programme, ProgrammeErrorCodes.CoDesignNeedsLivedExperience, "Version 2", "no co-designer with lived experience", "Add the patients, carers, service users or community members who shaped it");
        programme.Versions.Should().ContainSingle();
        programme.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void PublishVersion_RepeatedModuleCode_ThrowsInvalidInputNamingModules()
    {
        var programme = _data.NewProgramme();

        var act = () => programme.PublishVersion("Oops", [ProgrammeTestData.ModulesV1[0], ProgrammeTestData.ModulesV1[0]], [new CoDesignContribution(_data.PatientTrainerA, CoDesignPerspective.LivedExperience, "x")], _data.Clock);

        act.Should().ThrowInvalidInput("modules").WithMessage("*'M1' is used more than once*");
        programme.Versions.Should().ContainSingle();
    }

    [Fact]
    public void PublishVersion_CoDesignerTwice_ThrowsInvalidInputNamingCoDesigners()
    {
        var programme = _data.NewProgramme();
        var twice = new CoDesignContribution(_data.PatientTrainerA, CoDesignPerspective.LivedExperience, "x");

        var act = () => programme.PublishVersion("Oops", ProgrammeTestData.ModulesV1, [twice, twice], _data.Clock);

        act.Should().ThrowInvalidInput("coDesigners");
    }

    [Fact]
    public void GetVersion_Missing_IsRefusedSayingWhichVersionsExist()
    {
        var programme = _data.NewProgramme();

        var act = () => programme.GetVersion(3);

        act.ShouldBeRefused(ProgrammeErrorCodes.CurriculumVersionNotFound, "no curriculum version 3", "choose one of 1 to 1");
    }

    [Fact]
    public void GetVersion_NothingPublished_IsRefusedSayingToPublishFirst()
    {
        var programme = Programme.Create(_data.OrganisationId, "New", "New", _data.Clock);

        var act = () => programme.GetVersion(1);

        act.ShouldBeRefused(ProgrammeErrorCodes.CurriculumVersionNotFound, "no published curriculum yet", "Publish a version");
    }

    [Fact]
    public void ChangeDeliveryRules_NewRules_ChangesAndRaisesEvent()
    {
        var programme = _data.NewProgramme();

        programme.ChangeDeliveryRules(new DeliveryRules(2, false, 2, 3, 9), _data.Clock);

        programme.DeliveryRules.MinimumPatientTrainersPerSession.Should().Be(2);
        programme.PendingEvents.OfType<ProgrammeSettingsChanged>().Should().ContainSingle().Which.Setting.Should().Be("delivery-rules");
    }

    [Fact]
    public void ChangeAttendanceStatuses_RepeatedCode_ThrowsAndKeepsTheOldSet()
    {
        var programme = _data.NewProgramme();

        var act = () => programme.ChangeAttendanceStatuses([new("Present", 1m), new("present", 0.5m)], _data.Clock);

        act.Should().ThrowInvalidInput("statuses");
        programme.AttendanceStatuses.Should().HaveCount(4);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void AttendanceStatusDefinition_WeightOutsideZeroToOne_ThrowsNamingWeight(double weight)
    {
        var act = () => new AttendanceStatusDefinition("Present", (decimal)weight);

        act.Should().ThrowInvalidInput("weight");
    }

    [Fact]
    public void DeliveryRules_MaximumBelowMinimum_ThrowsNamingMaximumTeams()
    {
        var act = () => new DeliveryRules(1, true, 1, 5, 4);

        act.Should().ThrowInvalidInput("maximumTeams");
    }

    [Fact]
    public void CompletionCriterion_AttendanceWithoutThreshold_ThrowsNamingThreshold()
    {
        var act = () => new CompletionCriterion(CompletionCriterionKind.AttendanceShare);

        act.Should().ThrowInvalidInput("minimumAttendanceShare");
    }

    [Fact]
    public void CompletionPolicy_RepeatedKind_ThrowsNamingCriteria()
    {
        var act = () => new CompletionPolicy(CompletionCombination.All, [new(CompletionCriterionKind.PlanSubmitted), new(CompletionCriterionKind.PlanSubmitted)]);

        act.Should().ThrowInvalidInput("criteria");
    }

    [Fact]
    public void CurriculumModule_NoLearningOutcome_ThrowsNamingLearningOutcomes()
    {
        var act = () => new CurriculumModule("M1", "Intro", [], TimeSpan.FromHours(1), DeliveryMode.Online);

        act.Should().ThrowInvalidInput("learningOutcomes");
    }

    [Fact]
    public void CoDesignContribution_EmptyParticipant_ThrowsNamingCoDesigners()
    {
        var programme = _data.NewProgramme();

        var act = () => programme.PublishVersion("x", ProgrammeTestData.ModulesV1, [new CoDesignContribution(default(ParticipantId), CoDesignPerspective.LivedExperience, "x")], _data.Clock);

        act.Should().ThrowInvalidInput("coDesigners");
    }
}
