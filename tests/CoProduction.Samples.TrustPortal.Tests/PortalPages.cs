using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>What every journey does on each page: scan it with axe-core and keep a screenshot; and signing in.</summary>
public abstract class PortalPages(PortalFixture portal)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    protected PortalFixture Portal { get; } = portal;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Signs in as one of the seeded people, through the development sign-in page.</summary>
    protected async Task<IPage> SignInAsync(string name)
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync("/SignIn");
        if (Portal.FirstVisit("sign-in"))
        {
            // Every journey signs in: the page is the same each time, so it is scanned and photographed once.
            await CheckAsync(page, "sign-in");
        }

        await page.GetByLabel(name, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    /// <summary>
    /// Scans the page as it stands with axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) and fails on any serious or
    /// critical violation; saves a full-page screenshot to the test output folder either way.
    /// </summary>
    protected async Task CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(Portal.OutputFolder, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe(WcagAa);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.Should().BeEmpty(
            "page {0} ({1}) must have no serious or critical WCAG 2.2 AA violation, but has: {2}",
            name,
            page.Url,
            string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>Waits (up to the default timeout) for an element to contain a text; on failure, keeps a screenshot of the page.</summary>
    protected async Task ShouldShowAsync(IPage page, string selector, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await Assertions.Expect(page.Locator(selector).First).ToContainTextAsync(text);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            var folder = Path.Combine(Portal.OutputFolder, "failures");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{Guid.NewGuid():N}.png"), FullPage = true });
            throw new Xunit.Sdk.XunitException($"Expected {selector} on {page.Url} to contain \"{text}\"; the page says: {await page.Locator("main").InnerTextAsync()}");
        }
    }
}
