using CoProduction.Involvement;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Frameworks.Events;
using CoProduction.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.Involvement.Frameworks;

public sealed class InvolvementFrameworkTests
{
    private static readonly OrganisationId Trust = OrganisationId.New();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Adopt_LadderStandardsAndLifeCycle_CombinesThePartsIntoADraft()
    {
        var framework = Adopt();

        framework.Status.Should().Be(FrameworkStatus.Draft);
        framework.Levels.Should().HaveCount(7);
        framework.Standards.Should().HaveCount(6);
        framework.Phases.Should().HaveCount(7);
        framework.InformingLevelId.Should().Be("informing");
        framework.Source.Should().Contain("Think Local Act Personal").And.Contain("UK Standards");
        framework.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<InvolvementFrameworkCreated>();
    }

    [Fact]
    public void Adopt_UnverifiedPreset_MakesTheFrameworkUnverified()
    {
        var framework = InvolvementFramework.Adopt(Trust, "ours", "Ours", "1", [FrameworkPresets.NhsEnglandLadder, FrameworkPresets.ModelForImprovement], _clock);

        framework.IsVerified.Should().BeFalse();
    }

    [Fact]
    public void Adopt_TwoLadders_IsRefused()
    {
        FluentActions.Invoking(() => InvolvementFramework.Adopt(Trust, "ours", "Ours", "1", [FrameworkPresets.ArnsteinLadder, FrameworkPresets.Iap2Spectrum, FrameworkPresets.ModelForImprovement], _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.FrameworkPartsConflict);
    }

    [Fact]
    public void Adopt_StandardsSetsWithClashingIds_IsRejectedWithThePath()
    {
        // Both the UK Standards and 4Pi have a standard called "impact".
        var exception = FluentActions.Invoking(() => InvolvementFramework.Adopt(
                Trust, "ours", "Ours", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.FourPiStandards, FrameworkPresets.ModelForImprovement], _clock))
            .Should().Throw<FrameworkValidationException>().Which;

        exception.Errors.Should().ContainSingle(e => e.Code == FrameworkValidationCodes.DuplicateId && e.Path == "$.standards[10].id");
    }

    [Fact]
    public void Import_MissingLevels_IsRejected()
    {
        var json = FrameworkJson.Serialize(FrameworkPresets.ModelForImprovement);

        FluentActions.Invoking(() => InvolvementFramework.Import(Trust, json, _clock))
            .Should().Throw<FrameworkValidationException>().Which.Errors.Should().ContainSingle().Which.Code.Should().Be(FrameworkValidationCodes.MissingLevels);
    }

    [Fact]
    public void ToDefinition_AfterImport_RoundTripsThroughJson()
    {
        var framework = Adopt();

        var json = FrameworkJson.Serialize(framework.ToDefinition());
        var again = InvolvementFramework.Import(Trust, json, _clock);

        again.ToDefinition().Should().BeEquivalentTo(framework.ToDefinition(), o => o.WithStrictOrdering());
    }

    [Fact]
    public void ReviseLevel_OnDraft_ChangesTheLevelAndRaisesAnEvent()
    {
        var framework = Adopt();

        framework.ReviseLevel("co-design", "Designing together", "Patients and staff design the change side by side.", _clock);

        framework.FindLevel("co-design")!.Name.Should().Be("Designing together");
        framework.LevelRank("co-design").Should().Be(5);
        framework.PendingEvents.OfType<InvolvementFrameworkRevised>().Should().ContainSingle().Which.Change.Should().Be("level:co-design");
    }

    [Fact]
    public void ChangeIndicatorWeight_Negative_IsRejectedAndChangesNothing()
    {
        var framework = Adopt();
        var before = FrameworkJson.Serialize(framework.ToDefinition());

        FluentActions.Invoking(() => framework.ChangeIndicatorWeight("ukspi-io-reach", -1, _clock))
            .Should().Throw<FrameworkValidationException>().Which.Errors.Should().ContainSingle().Which.Path.Should().Be("$.standards[0].indicators[0].weight");

        FrameworkJson.Serialize(framework.ToDefinition()).Should().Be(before);
    }

    [Fact]
    public void ChangeIndicatorWeight_BothOfAStandardToZero_IsRejectedOnTheSecond()
    {
        var framework = Adopt();
        framework.ChangeIndicatorWeight("ukspi-io-reach", 0, _clock);

        FluentActions.Invoking(() => framework.ChangeIndicatorWeight("ukspi-io-barriers", 0, _clock))
            .Should().Throw<FrameworkValidationException>().Which.Errors.Should().ContainSingle().Which.Code.Should().Be(FrameworkValidationCodes.AllWeightsZero);
        framework.FindIndicator("ukspi-io-barriers")!.Value.Indicator.Weight.Should().Be(1);
    }

    [Fact]
    public void Edit_AfterPublish_IsRefusedUntilARevisionIsCreated()
    {
        var framework = Adopt();
        framework.Publish(_clock);

        FluentActions.Invoking(() => framework.ChangeStandardWeight("impact", 2, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.FrameworkPublished);

        var revision = framework.CreateRevision("2026.2", _clock);
        revision.ChangeStandardWeight("impact", 2, _clock);
        revision.RevisionOfId.Should().Be(framework.Id);
        revision.FrameworkVersion.Should().Be("2026.2");
        revision.Status.Should().Be(FrameworkStatus.Draft);
        framework.Standards.Single(s => s.Id == "impact").Weight.Should().Be(1);
    }

    [Fact]
    public void CreateRevision_SameVersion_IsRefused()
    {
        FluentActions.Invoking(() => Adopt().CreateRevision("2026.1", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.FrameworkVersionUnchanged);
    }

    internal static InvolvementFramework Adopt(FakeTimeProvider? clock = null) => InvolvementFramework.Adopt(
        Trust,
        "trust-framework",
        "Trust involvement framework",
        "2026.1",
        [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement],
        clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
}
