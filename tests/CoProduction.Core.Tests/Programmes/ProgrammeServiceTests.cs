using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Readiness;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Programmes;

public sealed class ProgrammeServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PublishVersionAsync_TakesEachCoDesignersPerspectiveFromTheirRecord()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var carer = await world.RegisterAsync("Carer B", ParticipantRole.Carer);
        var coach = await world.RegisterAsync("QI coach C", ParticipantRole.Staff);

        var programmeId = await world.ProgrammeAsync(partner, carer, coach);

        var programme = await world.Programmes.FindAsync(programmeId, None);
        programme!.GetVersion(1).CoDesigners.Select(c => (c.ParticipantId, c.Perspective)).Should().Equal(
            (partner, CoDesignPerspective.LivedExperience),
            (carer, CoDesignPerspective.LivedExperience),
            (coach, CoDesignPerspective.Staff));
    }

    [Fact]
    public async Task CreateAsync_StoresTheProgrammeWithItsFirstVersionInOneWrite()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);

        var programmeId = await world.ProgrammeAsync(partner);

        var stored = await world.Programmes.FindAsync(programmeId, None);
        stored!.Versions.Should().ContainSingle().Which.Number.Should().Be(1);
        stored.Version.Should().Be(1, "the programme and its first version are one aggregate, added once");
    }

    [Fact]
    public async Task CreateAsync_NameTakenInThisOrganisation_IsRefused_AndFindByNameAsyncFindsTheFirst()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var firstId = await world.ProgrammeAsync(partner);

        Func<Task> again = () => world.ProgrammeAsync(partner);
        var found = await world.Programmes.FindByNameAsync("  Co-Production for Improvement ", None);

        await again.ShouldBeRefusedAsync(ProgrammeErrorCodes.ProgrammeNameTaken, "FindByNameAsync");
        found!.Id.Should().Be(firstId, "the name is the programme's natural key, looked up trimmed");
        (await ProgrammesOf(world)).Should().ContainSingle();
    }

    [Fact]
    public async Task CreateAsync_OnlyStaffCoDesigners_IsRefusedAndNoProgrammeStored()
    {
        await using var world = ServiceWorld.Create();
        var coach = await world.RegisterAsync("QI coach C", ParticipantRole.Staff);

        var act = () => world.Programmes.CreateAsync("Co-Production for Improvement", "Purpose", "Staff draft", ProgrammeTestData.ModulesV1, [new CoDesigner(coach, "Wrote it")], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.CoDesignNeedsLivedExperience);
        (await ProgrammesOf(world)).Should().BeEmpty("a refused first version leaves no orphan programme");
    }

    [Fact]
    public async Task CreateAsync_UnknownCoDesigner_IsRefusedAndNoProgrammeStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var stranger = ParticipantId.New();

        var act = () => world.Programmes.CreateAsync("Co-Production for Improvement", "Purpose", "v1", ProgrammeTestData.ModulesV1, [new CoDesigner(partner, "x"), new CoDesigner(stranger, "y")], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, stranger.ToString(), "Register them as a participant first");
        (await ProgrammesOf(world)).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateAsync_ErasedCoDesigner_IsRefusedAndNoProgrammeStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        await world.People.EraseAsync(partner, None);

        var act = () => world.Programmes.CreateAsync("Co-Production for Improvement", "Purpose", "v1", ProgrammeTestData.ModulesV1, [new CoDesigner(partner, "x")], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "erased");
        (await ProgrammesOf(world)).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateAsync_NoModule_IsRefusedAndNoProgrammeStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);

        var act = () => world.Programmes.CreateAsync("Co-Production for Improvement", "Purpose", "v1", [], [new CoDesigner(partner, "x")], None);

        await act.Should().ThrowInvalidInputAsync("modules");
        (await ProgrammesOf(world)).Should().BeEmpty();
    }

    [Fact]
    public async Task PublishVersionAsync_OnlyStaffCoDesigners_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var coach = await world.RegisterAsync("QI coach C", ParticipantRole.Staff);
        var programmeId = await world.ProgrammeAsync(partner);

        var act = () => world.Programmes.PublishVersionAsync(programmeId, "Staff draft", ProgrammeTestData.ModulesV1, [new CoDesigner(coach, "Wrote it")], None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.CoDesignNeedsLivedExperience);
        var stored = await world.Programmes.FindAsync(programmeId, None);
        stored!.Versions.Should().ContainSingle();
        stored.Version.Should().Be(1, "only the creation was saved");
    }

    [Fact]
    public async Task PublishVersionAsync_UnknownCoDesigner_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var programmeId = await world.ProgrammeAsync(partner);
        var stranger = ParticipantId.New();

        var act = () => world.Programmes.PublishVersionAsync(programmeId, "v2", ProgrammeTestData.ModulesV1, [new CoDesigner(partner, "x"), new CoDesigner(stranger, "y")], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, stranger.ToString(), "Register them as a participant first");
        (await world.Programmes.FindAsync(programmeId, None))!.Versions.Should().ContainSingle();
    }

    [Fact]
    public async Task PublishVersionAsync_ErasedCoDesigner_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var carer = await world.RegisterAsync("Carer B", ParticipantRole.Carer);
        var programmeId = await world.ProgrammeAsync(partner);
        await world.People.EraseAsync(carer, None);

        var act = () => world.Programmes.PublishVersionAsync(programmeId, "v2", ProgrammeTestData.ModulesV1, [new CoDesigner(partner, "x"), new CoDesigner(carer, "y")], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, carer.ToString());
        (await world.Programmes.FindAsync(programmeId, None))!.Versions.Should().ContainSingle();
    }

    [Fact]
    public async Task PublishVersionAsync_CoDesignerOfAnotherOrganisation_IsRefusedAsUnknown()
    {
        await using var world = ServiceWorld.Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var elsewhere = await world.RegisterInOtherTrustAsync("Patient partner Z", ParticipantRole.PatientPartner);
        var programmeId = await world.ProgrammeAsync(partner);

        var act = () => world.Programmes.PublishVersionAsync(programmeId, "v2", ProgrammeTestData.ModulesV1, [new CoDesigner(elsewhere, "x")], None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, "registered in this organisation");
        (await world.Programmes.FindAsync(programmeId, None))!.Versions.Should().ContainSingle();
    }

    [Fact]
    public async Task ChangeDeliveryRulesAsync_UnknownProgramme_IsRefused()
    {
        await using var world = ServiceWorld.Create();

        var act = () => world.Programmes.ChangeDeliveryRulesAsync(ProgrammeId.New(), DeliveryRules.Default, None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.ProgrammeNotFound, "create the programme first");
    }

    [Fact]
    public async Task RateReadinessItemAsync_RatesAndSummarises()
    {
        await using var world = ServiceWorld.Create();
        var lead = await world.RegisterAsync("Participation lead D", ParticipantRole.Staff);
        var assessmentId = (await world.Programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, None)).Id;

        var summary = await world.Programmes.RateReadinessItemAsync(assessmentId, "payment-process", ReadinessRating.NotMet, "No payment policy yet", lead, new DateOnly(2025, 4, 1), None);

        summary.NotMet.Should().Be(1);
        summary.Gaps[0].Should().Be(new ReadinessGap("payment-process", "Payment process", ReadinessRating.NotMet, "No payment policy yet"));
        (await world.Programmes.FindReadinessAssessmentAsync(assessmentId, None))!.FindItem("payment-process")!.AssessedBy.Should().Be(lead);
    }

    [Fact]
    public async Task RateReadinessItemAsync_UnknownAssessor_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var assessmentId = (await world.Programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, None)).Id;

        var act = () => world.Programmes.RateReadinessItemAsync(assessmentId, "payment-process", ReadinessRating.Met, null, ParticipantId.New(), new DateOnly(2025, 4, 1), None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantNotFound, "as an assessor");
        var stored = await world.Programmes.FindReadinessAssessmentAsync(assessmentId, None);
        stored!.Summarise().NotAssessed.Should().Be(stored.Items.Count);
        stored.Version.Should().Be(1);
    }

    [Fact]
    public async Task RateReadinessItemAsync_ErasedAssessor_IsRefusedAndNothingStored()
    {
        await using var world = ServiceWorld.Create();
        var lead = await world.RegisterAsync("Participation lead D", ParticipantRole.Staff);
        var assessmentId = (await world.Programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, None)).Id;
        await world.People.EraseAsync(lead, None);

        var act = () => world.Programmes.RateReadinessItemAsync(assessmentId, "payment-process", ReadinessRating.Met, null, lead, new DateOnly(2025, 4, 1), None);

        await act.ShouldBeRefusedAsync(PeopleErrorCodes.ParticipantErased, "as an assessor");
        (await world.Programmes.FindReadinessAssessmentAsync(assessmentId, None))!.Version.Should().Be(1);
    }

    [Fact]
    public async Task AddReadinessItemAsync_AddsAnItemOfTheOrganisationsOwn()
    {
        await using var world = ServiceWorld.Create();
        var assessmentId = (await world.Programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, None)).Id;

        var summary = await world.Programmes.AddReadinessItemAsync(assessmentId, new ReadinessItemDefinition("interpreters", "Interpreters", "Interpreters can be booked for sessions"), None);

        summary.Total.Should().Be(ReadinessChecklist.Default.Count + 1);
        (await world.Programmes.FindReadinessAssessmentAsync(assessmentId, None))!.FindItem("interpreters").Should().NotBeNull();
    }

    [Fact]
    public async Task AddReadinessItemAsync_KeyAlreadyUsed_IsRefused()
    {
        await using var world = ServiceWorld.Create();
        var assessmentId = (await world.Programmes.StartReadinessAssessmentAsync("Before cohort 1", null, ReadinessChecklist.Default, None)).Id;

        var act = () => world.Programmes.AddReadinessItemAsync(assessmentId, new ReadinessItemDefinition("payment-process", "Payment", "Again"), None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.DuplicateReadinessItem, "payment-process");
    }

    [Fact]
    public async Task AddReadinessItemAsync_UnknownAssessment_IsRefused()
    {
        await using var world = ServiceWorld.Create();

        var act = () => world.Programmes.AddReadinessItemAsync(ReadinessAssessmentId.New(), new ReadinessItemDefinition("interpreters", "Interpreters", "Booked"), None);

        await act.ShouldBeRefusedAsync(ProgrammeErrorCodes.ReadinessAssessmentNotFound, "start one first");
    }

    private static Task<IReadOnlyList<Programme>> ProgrammesOf(ServiceWorld world) => world.Services.GetRequiredService<IProgrammeStore>().ListAsync(None);
}
