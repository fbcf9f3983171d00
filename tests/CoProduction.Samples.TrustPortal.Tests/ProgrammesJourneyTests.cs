using System.Globalization;
using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>The patient-trainer pathway, the readiness self-assessment and the programme's evaluation.</summary>
public sealed class ProgrammesJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Pathway_SignOffRefusedUntilTheEvidenceIsThere_ThenCoFacilitator()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Cohorts");
        await team.GetByRole(AriaRole.Link, new() { Name = "Patient-trainer pathway" }).ClickAsync();
        await CheckAsync(team, "pathways");
        await ShouldShowAsync(team, "#pathways", "Lead trainer");
        await team.GetByRole(AriaRole.Link, new() { Name = "Patient partner B" }).ClickAsync();
        await ShouldShowAsync(team, "#stage", "Observer");
        await CheckAsync(team, "pathway");

        // One session observed of two, no debrief, no support plan: the sign-off is refused with what is missing.
        await Click(team, "Sign off the next step");
        await ShouldShowAsync(team, ".nhsuk-error-summary", "debrief");
        await ShouldShowAsync(team, "#stage", "Observer");
        await CheckAsync(team, "pathway-refused");

        var day = Portal.Today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var kind in new[] { "SessionObserved", "Debrief" })
        {
            await team.GetByLabel("What it is").SelectOptionAsync(kind);
            await team.GetByLabel("Date it took place").FillAsync(day);
            await Click(team, "Record the evidence");
            await ShouldShowAsync(team, "#confirmation", "The evidence has been recorded");
        }

        await team.GetByLabel("Debriefs and mentoring").FillAsync("A debrief with the lead trainer after each session");
        await team.GetByLabel("Payment").FillAsync("Paid at the Partner rate; travel reimbursed");
        await Click(team, "Agree the support plan");
        await ShouldShowAsync(team, "#missing", "Ready for sign-off");

        await Click(team, "Sign off the next step");
        await ShouldShowAsync(team, "#confirmation", "co facilitator");
        await ShouldShowAsync(team, "#sign-offs", "Observer to Co facilitator");
        await ShouldShowAsync(team, "#sign-offs", "Participation lead A (Staff)");
    }

    [Fact]
    public async Task Readiness_APartlyMetItemNeedsNotes_AndTheProgrammeEvaluationShowsThePairedTest()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Cohorts");
        await team.GetByRole(AriaRole.Link, new() { Name = "Readiness self-assessment" }).ClickAsync();
        await ShouldShowAsync(team, "#readiness-items", "Hearing loops in two rooms of four");
        await CheckAsync(team, "readiness");

        await team.GetByLabel("Item").SelectOptionAsync(new SelectOptionValue { Label = "Expenses" });
        await team.GetByLabel("Not met").CheckAsync();
        await Click(team, "Record the rating");
        await ShouldShowAsync(team, ".nhsuk-error-summary", "notes");
        await CheckAsync(team, "readiness-refused");
        (await team.Locator("#readiness-items tr", new() { HasText = "Expenses" }).InnerTextAsync()).Should().Contain("Not assessed");

        await team.GetByLabel("Not met").CheckAsync();
        await team.GetByLabel("What is in place, and what is missing").FillAsync("Travel is paid a month late; nothing for care costs");
        await Click(team, "Record the rating");
        await ShouldShowAsync(team, "#confirmation", "The rating has been recorded");
        await ShouldShowAsync(team, "#readiness-items", "Travel is paid a month late");
        await ShouldShowAsync(team, "#readiness-summary", "2, 1, 1, 6 (of 10)");

        // The programme's evaluation: the four people who answered before and after, on the paired test.
        await team.GotoAsync("/Cohorts");
        await team.GetByRole(AriaRole.Link, new() { Name = "The programme's full evaluation" }).ClickAsync();
        await ShouldShowAsync(team, "#item-changes", "I feel confident to co-produce improvement with patients");
        await ShouldShowAsync(team, "#item-changes", "V = 10");
        await ShouldShowAsync(team, "#cohort-figures", "Cohort 4");
        await CheckAsync(team, "programme-evaluation");
    }

    private static Task Click(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
}
