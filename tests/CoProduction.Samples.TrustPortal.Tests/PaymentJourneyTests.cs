using Microsoft.Playwright;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CoProduction.Samples.TrustPortal.Tests;

public sealed class PaymentJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Partner_LogsTimeClaimsAndIsPaid_AfterTheTeamApprovesAndPays()
    {
        // The partner logs time; a blank form is refused with the error summary and nothing is logged.
        var partner = await SignInAsync("Patient partner B");
        await partner.GotoAsync("/My");
        await CheckAsync(partner, "my-involvement");
        await partner.GetByLabel("Hours").FillAsync(string.Empty);
        await partner.GetByRole(AriaRole.Button, new() { Name = "Log time" }).ClickAsync();
        await ShouldShowAsync(partner, ".nhsuk-error-summary", "Enter how many hours it took");
        await ShouldShowAsync(partner, ".nhsuk-error-summary", "Describe what you did");
        await ShouldShowAsync(partner, "#LogTime_Hours-error", "Enter how many hours it took");
        await CheckAsync(partner, "my-involvement-refused");
        (await partner.GetByText("Outpatients patient panel").CountAsync()).Should().Be(0);

        await partner.GetByLabel("Hours").FillAsync("2");
        await partner.GetByLabel("What did you do?").FillAsync("Outpatients patient panel");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Log time" }).ClickAsync();
        await ShouldShowAsync(partner, "#confirmation", "Your time has been logged");

        // The partner claims for it, with travel.
        await partner.GetByLabel("Outpatients patient panel", new() { Exact = false }).CheckAsync();
        await partner.GetByLabel("Travel costs in pounds (optional)").FillAsync("4.20");
        await partner.GetByLabel("I have a receipt for my travel").CheckAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Submit claim" }).ClickAsync();
        await ShouldShowAsync(partner, "#confirmation", "Your claim has been submitted");
        await ShouldShowAsync(partner, "#my-claims", "£79.20");
        await ShouldShowAsync(partner, "#my-claims", "Submitted");
        await partner.Locator("#my-claims a").Last.ClickAsync();
        await ShouldShowAsync(partner, "#claim-status", "Submitted");
        await CheckAsync(partner, "my-claim");

        // The participation team approves it, then records its payment.
        var team = await SignInAsync("Participation lead A");
        await CheckAsync(team, "dashboard");
        await ShouldShowAsync(team, "#outstanding-claims", "Patient partner B");
        await team.GotoAsync("/Claims");
        await CheckAsync(team, "claims");
        await team.Locator("#claims tr", new() { HasText = "£79.20" }).GetByRole(AriaRole.Link).ClickAsync();
        await CheckAsync(team, "claim-details");
        await team.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await ShouldShowAsync(team, "#claim-status", "Approved");
        await team.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "Enter the payment reference");
        await ShouldShowAsync(team, "#claim-status", "Approved");
        await team.GetByLabel("Payment reference").FillAsync("BACS-30112");
        await team.GetByRole(AriaRole.Button, new() { Name = "Record payment" }).ClickAsync();
        await ShouldShowAsync(team, "#claim-status", "Paid");
        await CheckAsync(team, "claim-paid");

        // The claim's history says who did what: the audit trail, with the actor of each request.
        var history = team.Locator("#history tbody tr");
        (await history.AllInnerTextsAsync()).Select(r => r.Replace('\t', ' ')).Should().SatisfyRespectively(
            submitted => submitted.Should().Contain("Submitted").And.Contain("Patient partner B"),
            approved => approved.Should().Contain("Approved").And.Contain("Participation lead A"),
            paid => paid.Should().Contain("Paid").And.Contain("Participation lead A"));

        // The partner sees it paid.
        await partner.GotoAsync("/My");
        await ShouldShowAsync(partner, "#my-claims", "Paid");
    }

    [Fact]
    public async Task Partner_DownloadsTheirData_AsJsonThatNamesThem()
    {
        var partner = await SignInAsync("Carer C");
        await partner.GotoAsync("/My");

        var download = await partner.RunAndWaitForDownloadAsync(() => partner.Locator("#download-my-data").ClickAsync());
        var path = await download.PathAsync();

        download.SuggestedFilename.Should().Be("my-data.json");
        (await File.ReadAllTextAsync(path, Ct)).Should().Contain("Carer C").And.Contain("Large print");
    }
}
