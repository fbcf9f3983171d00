using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

public sealed class CohortRegisterJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Team_TakesADeliveredSessionsRegister_AndCannotDeliverOneStillToCome()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Cohorts");
        await CheckAsync(team, "cohorts");
        await team.GetByRole(AriaRole.Link, new() { Name = "Cohort 4" }).ClickAsync();
        await CheckAsync(team, "cohort");

        // Module 2 is still to come: recording it as delivered is refused, with the error summary.
        await team.Locator("#sessions tr", new() { HasText = "M2" }).GetByRole(AriaRole.Link).ClickAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Record as delivered" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "still to come");
        await CheckAsync(team, "register-refused");

        // Module 1 was delivered: everyone's attendance is recorded.
        await team.GotoAsync("/Cohorts");
        await team.GetByRole(AriaRole.Link, new() { Name = "Cohort 4" }).ClickAsync();
        await team.Locator("#sessions tr", new() { HasText = "M1" }).GetByRole(AriaRole.Link).ClickAsync();
        await CheckAsync(team, "register");
        var members = team.Locator("fieldset");
        var count = await members.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await members.Nth(i).GetByLabel(i == 1 ? "Apologies" : "Present", new() { Exact = true }).CheckAsync();
        }

        await team.GetByRole(AriaRole.Button, new() { Name = "Save the register" }).ClickAsync();
        await ShouldShowAsync(team, "#confirmation", "The register has been saved");
        (await team.Locator("input[type=radio]:checked").CountAsync()).Should().Be(count);

        await team.GetByRole(AriaRole.Link, new() { Name = "Back to the cohort" }).ClickAsync();
        await ShouldShowAsync(team, "#sessions", $"({count} recorded)");
        count.Should().Be(6, "three teams of two are enrolled");

        // The programme's evaluation counts the session and its attendance (five of six present).
        await team.GotoAsync("/Cohorts");
        await ShouldShowAsync(team, "#programme-evaluation", "Sessions delivered (led by patient trainers)");
        await ShouldShowAsync(team, "#programme-evaluation", "83%");
        await CheckAsync(team, "cohorts-evaluated");
    }
}
