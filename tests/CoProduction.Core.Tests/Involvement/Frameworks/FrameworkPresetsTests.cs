using CoProduction.Involvement.Frameworks;

namespace CoProduction.Core.Tests.Involvement.Frameworks;

public sealed class FrameworkPresetsTests
{
    public static TheoryData<string> PresetIds => [.. FrameworkPresets.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void Validate_EveryPreset_HasNoFaults(string presetId)
    {
        var preset = Preset(presetId);

        FrameworkValidator.Validate(preset, FrameworkParts.None).Should().BeEmpty();
        preset.Parts.Should().NotBe(FrameworkParts.None);
    }

    [Theory]
    [MemberData(nameof(PresetIds))]
    public void JsonRoundTrip_EveryPreset_IsLossless(string presetId)
    {
        var preset = Preset(presetId);

        var json = FrameworkJson.Serialize(preset);
        var read = FrameworkJson.Parse(json, FrameworkParts.None);

        read.Should().BeEquivalentTo(preset, o => o.WithStrictOrdering());
        FrameworkJson.Serialize(read).Should().Be(json);
    }

    [Theory]
    [InlineData("arnstein-ladder", 8, 3)]
    [InlineData("tlap-ladder", 7, 3)]
    [InlineData("iap2-spectrum", 5, 0)]
    [InlineData("nhs-england-ladder", 5, 0)]
    public void Ladders_HaveThePublishedNumberOfLevelsAndGroups(string presetId, int levels, int groups)
    {
        var preset = Preset(presetId);

        preset.Levels.Should().HaveCount(levels);
        preset.LevelGroups.Should().HaveCount(groups);
        preset.Parts.Should().Be(FrameworkParts.Ladder);
        preset.InformingLevelId.Should().NotBeNull();
    }

    [Fact]
    public void ArnsteinLadder_RungsAndGroups_AreInTheOrderOfTheSource()
    {
        var preset = FrameworkPresets.ArnsteinLadder;

        preset.Levels.Select(l => l.Name).Should().Equal("Manipulation", "Therapy", "Informing", "Consultation", "Placation", "Partnership", "Delegated power", "Citizen control");
        preset.Levels.Select(l => l.GroupId).Should().Equal("non-participation", "non-participation", "tokenism", "tokenism", "tokenism", "citizen-power", "citizen-power", "citizen-power");
    }

    [Fact]
    public void TlapLadder_StepsAndGroups_AreInTheOrderOfTheSource()
    {
        var preset = FrameworkPresets.TlapLadderOfCoProduction;

        preset.Levels.Select(l => l.Name).Should().Equal("Coercion", "Educating", "Informing", "Consultation", "Engagement", "Co-design", "Co-production");
        preset.Levels.Select(l => l.GroupId).Should().Equal("doing-to", "doing-to", "doing-for", "doing-for", "doing-for", "doing-with", "doing-with");
    }

    [Fact]
    public void NhsEnglandLadder_IsMarkedUnverified_AndTheOthersVerified()
    {
        FrameworkPresets.NhsEnglandLadder.Verified.Should().BeFalse();
        FrameworkPresets.NhsEnglandLadder.Levels.Select(l => l.Name).Should().Equal("Informing", "Consulting", "Involving", "Collaborating", "Devolving");
        FrameworkPresets.All.Where(p => p.Id != "nhs-england-ladder").Should().OnlyContain(p => p.Verified);
    }

    [Theory]
    [InlineData("uk-standards-public-involvement", 6)]
    [InlineData("4pi-standards", 5)]
    [InlineData("scie-principles", 4)]
    public void StandardsSets_HaveThePublishedNumberOfStandards(string presetId, int standards)
    {
        var preset = Preset(presetId);

        preset.Standards.Should().HaveCount(standards);
        preset.Parts.Should().Be(FrameworkParts.Standards);
        preset.Standards.Should().OnlyContain(s => s.Indicators.Count > 0 && s.Weight > 0);
    }

    [Fact]
    public void UkStandards_AreTheSixNamedStandards()
    {
        FrameworkPresets.UkStandardsForPublicInvolvement.Standards.Select(s => s.Name)
            .Should().Equal("Inclusive opportunities", "Working together", "Support and learning", "Communications", "Impact", "Governance");
    }

    [Fact]
    public void LifeCycles_ModelForImprovementHasPdsa_AndEbcdHasSixStages()
    {
        FrameworkPresets.ModelForImprovement.Phases.Select(p => p.Id).Should().Equal("aim", "measures", "changes", "plan", "do", "study", "act");
        FrameworkPresets.ModelForImprovement.Phases.Where(p => p.DefinesProblem).Select(p => p.Id).Should().Equal("aim");
        FrameworkPresets.ExperienceBasedCoDesign.Phases.Should().HaveCount(6);
        FrameworkPresets.ExperienceBasedCoDesign.Parts.Should().Be(FrameworkParts.LifeCycle);
    }

    [Fact]
    public void All_HasNinePresetsWithDistinctIds()
    {
        FrameworkPresets.All.Should().HaveCount(9);
        FrameworkPresets.All.Select(p => p.Id).Should().OnlyHaveUniqueItems();
    }

    private static FrameworkDefinition Preset(string id) => FrameworkPresets.All.Single(p => p.Id == id);
}
