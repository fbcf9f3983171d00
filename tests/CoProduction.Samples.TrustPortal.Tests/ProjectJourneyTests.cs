using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

public sealed class ProjectJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task ProjectLead_SeesThePlanAgainstRecordsAndTheSpcChart_AndDownloadsGripp2()
    {
        var lead = await SignInAsync("QI lead F");
        await CheckAsync(lead, "projects");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Calmer maternity triage" }).ClickAsync();
        await CheckAsync(lead, "project");

        await ShouldShowAsync(lead, "#plan-vs-records", "Aim");
        await ShouldShowAsync(lead, "#plan-vs-records", "Aim-setting workshop");
        await ShouldShowAsync(lead, "#plan-vs-records", "Co-design");
        await ShouldShowAsync(lead, "#plan-vs-records", "Survey of women about what to measure");

        var chart = lead.Locator(".portal-chart svg.spc-chart");
        (await chart.CountAsync()).Should().Be(1);
        (await chart.Locator("circle.point").CountAsync()).Should().Be(20);
        (await chart.Locator("> title").TextContentAsync()).Should().Contain("Women who felt listened to in triage");
        (await chart.GetAttributeAsync("role")).Should().Be("img");
        (await chart.Locator("circle.point[data-point-type='improvement']").CountAsync()).Should().BeGreaterThan(0, "the rise after the change is special-cause improvement");
        (await chart.Locator("text", new() { HasText = "Change introduced" }).CountAsync()).Should().Be(1);

        var download = await lead.RunAndWaitForDownloadAsync(() => lead.Locator("#gripp2").ClickAsync());
        var report = await File.ReadAllTextAsync(await download.PathAsync(), Ct);
        report.Should().Contain("Calmer maternity triage").And.Contain("GRIPP2");
    }
}
