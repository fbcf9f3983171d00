using System.Net;
using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>A project's involvement assessment with the staff/patient gap, and the panel's evaluation.</summary>
public sealed class AssessmentAndEvaluationTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Assessment_ShowsTheStaffPatientGap_RefusesADuplicateAssessor_AndCompletes()
    {
        var lead = await SignInAsync("QI lead F");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Calmer maternity triage" }).ClickAsync();
        await lead.Locator("#assessments a", new() { HasText = "Maternity triage involvement, first look" }).ClickAsync();
        await CheckAsync(lead, "assessment");

        // Staff rated 11 of 12 points, the patient partner 6 and the carer 5: staff rate it higher.
        await ShouldShowAsync(lead, "#overall-gap", "Staff rate");
        await ShouldShowAsync(lead, "#overall-gap", "higher");
        await ShouldShowAsync(lead, "#standards", "Inclusive opportunities");

        // Declaring the patient partner a second time is refused by the library, shown in the error summary.
        await lead.GetByLabel("Person (from the project team)").SelectOptionAsync(new SelectOptionValue { Label = "Patient partner A" });
        await lead.GetByLabel("Perspective").SelectOptionAsync("PatientPartner");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Declare the assessor" }).ClickAsync();
        await ShouldShowAsync(lead, ".nhsuk-error-summary", "already");
        await CheckAsync(lead, "assessment-refused");

        // A rating needs a value; then the carer's rating of a further indicator counts.
        await lead.GetByLabel("Assessor").SelectOptionAsync(new SelectOptionValue { Label = "Carer C" });
        await lead.GetByLabel("Indicator").SelectOptionAsync("ukspi-gv-decisions");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the rating" }).ClickAsync();
        await ShouldShowAsync(lead, "#Value-error", "Choose a rating");
        await lead.GetByLabel("Indicator").SelectOptionAsync("ukspi-gv-decisions");
        await lead.GetByLabel("1: Starting").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Record the rating" }).ClickAsync();
        await ShouldShowAsync(lead, "#confirmation", "The rating has been recorded");
        await ShouldShowAsync(lead, "#ratings", "People with lived experience take part in decisions about how the work is governed.: 1");

        await lead.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await ShouldShowAsync(lead, "#assessment-status", "Completed");
        (await lead.Locator("#rate-indicator").CountAsync()).Should().Be(0, "a completed assessment takes no more ratings");
    }

    [Fact]
    public async Task PanelEvaluation_ForAPeriod_AndAReversedPeriodIsRefused()
    {
        var member = await SignInAsync("Carer C");
        await member.GotoAsync("/PeerReview");
        await member.GetByRole(AriaRole.Link, new() { Name = "The panel's full evaluation" }).ClickAsync();
        await ShouldShowAsync(member, "#workload", "Community member E");
        await ShouldShowAsync(member, "#evaluation-meetings", "Meetings held");
        await CheckAsync(member, "panel-evaluation");

        await member.GetByLabel("First day (optional)").FillAsync("2026-02-01");
        await member.GetByLabel("Last day (optional)").FillAsync("2026-01-01");
        await member.GetByRole(AriaRole.Button, new() { Name = "Show this period" }).ClickAsync();
        await ShouldShowAsync(member, ".nhsuk-error-summary", "The last day must be on or after the first day");
        await CheckAsync(member, "panel-evaluation-refused");
    }

    [Fact]
    public async Task Erasure_NeedsConfirmation_ThenTheRecordKeepsNoName_AndASecondErasureIsRefused()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/People");
        await team.GetByLabel("Full name").FillAsync("Former partner H");
        await team.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await ShouldShowAsync(team, "h1", "Former partner H");
        await team.GetByLabel("Purpose").SelectOptionAsync("Contact");
        await team.GetByRole(AriaRole.Button, new() { Name = "Record consent given" }).ClickAsync();
        var record = team.Url;

        var download = await team.RunAndWaitForDownloadAsync(() => team.Locator("#download-their-data").ClickAsync());
        (await File.ReadAllTextAsync(await download.PathAsync(), Ct)).Should().Contain("Former partner H");

        await team.GetByRole(AriaRole.Link, new() { Name = "Erase their personal data" }).ClickAsync();
        await CheckAsync(team, "erase-confirm");
        await team.GetByRole(AriaRole.Button, new() { Name = "Erase their personal data" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "Confirm that you have checked the request");
        await CheckAsync(team, "erase-refused");
        (await team.GotoAsync(record))!.Status.Should().Be((int)HttpStatusCode.OK);
        await ShouldShowAsync(team, "h1", "Former partner H");

        await team.GetByRole(AriaRole.Link, new() { Name = "Erase their personal data" }).ClickAsync();
        await team.GetByLabel("I have checked the request, and that this is the right person").CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Erase their personal data" }).ClickAsync();
        await ShouldShowAsync(team, "#erased", "Their personal data was erased");
        (await team.Locator("h1").InnerTextAsync()).Should().NotContain("Former partner H");
        await CheckAsync(team, "erased");

        // Erasing again (the page is still reachable by its address) is refused by the library.
        await team.GotoAsync(record.Replace("/Details/", "/Erase/", StringComparison.Ordinal));
        await team.GetByLabel("I have checked the request, and that this is the right person").CheckAsync();
        await team.GetByRole(AriaRole.Button, new() { Name = "Erase their personal data" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "erased");
        await team.GotoAsync("/People");
        (await team.Locator("#people").InnerTextAsync()).Should().NotContain("Former partner H");
    }
}
