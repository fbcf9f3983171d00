using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>The pages no journey passes through, scanned and photographed too.</summary>
public sealed class EveryPageTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task PeopleAndConsent_GivingConsentTwice_IsRefusedAndWithdrawingIsRecorded()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/People");
        await CheckAsync(team, "people");
        await team.GetByRole(AriaRole.Link, new() { Name = "Community member E" }).ClickAsync();
        await CheckAsync(team, "person");

        await team.GetByLabel("Purpose").SelectOptionAsync("Contact");
        await team.GetByRole(AriaRole.Button, new() { Name = "Record consent given" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "already given consent");
        await CheckAsync(team, "person-refused");

        await team.GetByLabel("Purpose").SelectOptionAsync("Recording");
        await team.GetByRole(AriaRole.Button, new() { Name = "Record consent withdrawn" }).ClickAsync();
        (await team.Locator("#consents tr", new() { HasText = "Recording" }).InnerTextAsync()).Should().NotContain("In force");
    }

    [Fact]
    public async Task PanelMember_SeesThePanelAndTheNextMeeting()
    {
        var member = await SignInAsync("Service user D");
        await member.GotoAsync("/PeerReview");
        await CheckAsync(member, "peer-review-member");
        await ShouldShowAsync(member, "#submissions", "Calmer maternity triage");
        await member.Locator("#submissions a", new() { HasText = "Calmer maternity triage" }).ClickAsync();
        await ShouldShowAsync(member, "#submission-state", "Scheduled");
        await CheckAsync(member, "submission-member");
    }

    [Fact]
    public async Task PatientTrainer_SeesTheirOwnPathway_AndAPartnerWithoutOneDoesNot()
    {
        var trainer = await SignInAsync("Patient trainer G");
        await trainer.GotoAsync("/My");
        await ShouldShowAsync(trainer, "#my-pathway", "Lead trainer");
        await ShouldShowAsync(trainer, "#my-pathway", "3 session co delivered");
        await CheckAsync(trainer, "my-involvement-trainer");

        var partner = await SignInAsync("Carer C");
        await partner.GotoAsync("/My");
        await ShouldShowAsync(partner, "h1", "My involvement");
        (await partner.Locator("#my-pathway").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task SeededOpportunity_ShowsEachExpressionWithItsMatchSuggestion_AndAPartnerSeesTheirOwnInterest()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Partners/Opportunities");
        await team.GetByRole(AriaRole.Link, new() { Name = "Patient partner, stroke pathway improvement group" }).ClickAsync();
        await ShouldShowAsync(team, "#role", "Step-free access");
        (await team.Locator("#expressions .nhsuk-card").CountAsync()).Should().BeGreaterThanOrEqualTo(3);
        // Best match first: Carer C mentions both "stroke" and "carer" and is available on weekday mornings.
        await ShouldShowAsync(team, "#expressions .nhsuk-card__heading", "Carer C");
        await ShouldShowAsync(team, "#expressions .match", "Mentions stroke, carer of the lived experience sought; availability covers");
        await CheckAsync(team, "opportunity-seeded");

        var carer = await SignInAsync("Carer C");
        await carer.GotoAsync("/My/Opportunities");
        await ShouldShowAsync(carer, ".nhsuk-card:has-text(\"stroke pathway improvement group\") .interest-recorded", "You expressed interest");
        await CheckAsync(carer, "my-opportunities-seeded");
    }

    [Fact]
    public async Task FinanceExport_AndTheClaimsAgeing_AreScanned()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Claims");
        await ShouldShowAsync(team, "#ageing", "over 42 days");
        await team.GetByRole(AriaRole.Link, new() { Name = "Export approved claims for finance" }).ClickAsync();
        await ShouldShowAsync(team, "h1", "Finance export");
        await CheckAsync(team, "finance-export-page");
    }
}
