using System.Globalization;
using Calendar = Ical.Net.Calendar;
using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>Recruiting partners, the due-work page and the calendars.</summary>
public sealed class PartnersJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Recruitment_TeamPublishes_PartnerExpressesInterest_TeamSelectsWithAReasonAndRecordsTellingThem()
    {
        const string title = "Patient reader, discharge letters";
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Partners/Opportunities");
        await ShouldShowAsync(team, "#opportunities-published", "stroke pathway improvement group");
        await CheckAsync(team, "opportunities");
        await team.GetByLabel("Role title").FillAsync(title);
        await team.GetByLabel("What the role does").FillAsync("Reads draft discharge letters and says what is unclear");
        await team.GetByLabel("Time commitment").FillAsync("One hour a month");
        await team.GetByLabel("Payment", new() { Exact = true }).FillAsync("Trust involvement payment policy, Partner rate");
        await team.GetByLabel("Location").FillAsync("Online");
        await team.GetByLabel("Accessibility").FillAsync("Letters in large print or read aloud on request");
        await team.GetByLabel("Lived experience sought").FillAsync("discharge, carer");
        await team.GetByLabel("Closing date").FillAsync(Portal.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await team.GetByLabel("Weekday evenings").CheckAsync();
        await Click(team, "Save the draft");
        await ShouldShowAsync(team, "#opportunities-draft", title);
        await Click(team, $"Publish {title}");
        await ShouldShowAsync(team, "#opportunities-published", title);

        var partner = await SignInAsync("Patient partner B");
        await partner.GotoAsync("/My");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Opportunities open now: express your interest" }).ClickAsync();
        var card = partner.Locator(".nhsuk-card", new() { HasText = title });
        await card.GetByRole(AriaRole.Button, new() { Name = $"Express interest in {title}" }).ClickAsync();
        await ShouldShowAsync(partner, ".nhsuk-error-summary", "Is required");
        await CheckAsync(partner, "my-opportunities-refused");
        card = partner.Locator(".nhsuk-card", new() { HasText = title });
        await card.GetByLabel("What you would bring").FillAsync("I was discharged twice last year and my carer found the letters hard to follow");
        await card.GetByLabel("Weekday evenings").CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Express interest in {title}" }).ClickAsync();
        await ShouldShowAsync(partner, "#confirmation", "your interest has been recorded");
        await ShouldShowAsync(partner, $".nhsuk-card:has-text(\"{title}\") .interest-recorded", "You expressed interest");
        await CheckAsync(partner, "my-opportunities");

        await team.GotoAsync("/Partners/Opportunities");
        await team.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await ShouldShowAsync(team, "#expressions .match", "Mentions discharge, carer of the lived experience sought; availability covers");
        await CheckAsync(team, "opportunity");
        await team.GetByLabel("Selected", new() { Exact = true }).CheckAsync();
        await Click(team, "Record the decision for Patient partner B");
        await ShouldShowAsync(team, ".nhsuk-error-summary", "Is required");
        await team.GetByLabel("Selected", new() { Exact = true }).CheckAsync();
        await team.GetByLabel("Reason for Patient partner B").FillAsync("Recent experience of discharge, as a patient and through a carer");
        await Click(team, "Record the decision for Patient partner B");
        await ShouldShowAsync(team, "#confirmation", "decision and its reason have been recorded");
        await ShouldShowAsync(team, "#expressions .decision", "Selected on");
        await ShouldShowAsync(team, "#expressions .decision", "by Participation lead A: Recent experience of discharge");
        await team.GetByLabel("Date Patient partner B was told").FillAsync(Portal.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await team.GetByLabel("How Patient partner B was told").SelectOptionAsync("Phone");
        await Click(team, "Record that Patient partner B was told");
        await ShouldShowAsync(team, "#expressions .told", "by phone");
        await CheckAsync(team, "opportunity-decided");

        await partner.GotoAsync("/My/Opportunities");
        await ShouldShowAsync(partner, $".nhsuk-card:has-text(\"{title}\") .interest-recorded", "Decision: selected: Recent experience of discharge");
    }

    [Fact]
    public async Task DueWork_ListsTheSeededRenewals_GroupedByKind_WithTheContactMethodWhereAllowed()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/");
        await team.GetByRole(AriaRole.Link, new() { Name = "Due work" }).ClickAsync();
        await ShouldShowAsync(team, "#due-dbsrenewal", "Patient partner A");
        await ShouldShowAsync(team, "#due-dbsrenewal", PortalDate(Portal.Today.AddDays(21)));
        await ShouldShowAsync(team, "#due-dbsrenewal", "Email");
        await ShouldShowAsync(team, "#due-trainingrenewal", "Carer C");
        await ShouldShowAsync(team, "#due-trainingrenewal", PortalDate(Portal.Today.AddDays(35)));
        await CheckAsync(team, "due-work");
    }

    [Fact]
    public async Task Calendars_TheCohortsAndAPartnersOwnDownloadAndParseWithIcalNet()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Cohorts");
        await team.GetByRole(AriaRole.Link, new() { Name = "Cohort 4" }).ClickAsync();
        var sessions = await team.Locator("#sessions tbody tr").CountAsync();
        var cohort = Calendar.Load(await DownloadAsync(team, "Download the cohort's sessions for a calendar (.ics)"))!;
        cohort.Events.Should().HaveCount(sessions).And.OnlyContain(e => e.Uid!.StartsWith("cohort-session-", StringComparison.Ordinal) && e.Uid.EndsWith("@involvement.example-community-trust.invalid", StringComparison.Ordinal));
        cohort.Events.Select(e => e.Uid).Should().OnlyHaveUniqueItems();

        var trainer = await SignInAsync("Patient trainer G");
        await trainer.GotoAsync("/My");
        var mine = Calendar.Load(await DownloadAsync(trainer, "Add my involvement to my calendar (.ics): my sessions, panel meetings and story-sharing sessions"))!;
        mine.Events.Should().NotBeEmpty("the trainer facilitates the running cohort's sessions");
        mine.Events.Should().OnlyContain(e => e.Attendees.Count == 0 && e.Organizer == null);
    }

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        download.SuggestedFilename.Should().EndWith(".ics");
        return await File.ReadAllTextAsync(await download.PathAsync(), Ct);
    }

    private static string PortalDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static Task Click(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
}
