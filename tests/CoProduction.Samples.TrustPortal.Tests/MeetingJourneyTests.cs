using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>
/// The meeting in two weeks (the maternity project on its agenda): conflicts of interest declared by a panel member,
/// suggested from the register of interests and dismissed by the team, lead reviewers chosen around them, and the
/// attendance, consent to recording and quorum.
/// </summary>
public sealed class MeetingJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Conflicts_DeclaredSuggestedAndDismissed_DecideWhoLeadsTheReview()
    {
        // A panel member declares their own conflict; a blank note is refused beside the field.
        var member = await SignInAsync("Service user D");
        await OpenNextMeetingAsync(member);
        await CheckAsync(member, "meeting-member");
        (await member.Locator("#assign-lead-reviewers").CountAsync()).Should().Be(0, "only the participation team chooses lead reviewers");
        (await member.Locator("#DeclarePersonId").CountAsync()).Should().Be(0, "a member declares for themselves only");
        await member.GetByLabel("Kind of interest").SelectOptionAsync("WorkingRelationship");
        await Click(member, "Declare the conflict");
        await ShouldShowAsync(member, "#Note-error", "Describe the interest");
        await CheckAsync(member, "meeting-declare-refused");
        await member.GetByLabel("What the interest is").FillAsync("I volunteer alongside the triage midwives");
        await Click(member, "Declare the conflict");
        await ShouldShowAsync(member, "#confirmation", "The conflict of interest has been recorded");
        await ShouldShowAsync(member, "#conflicts", "I volunteer alongside the triage midwives");

        // The team finds a suggested conflict: Community member E is a relative of Patient partner A, on the team.
        var team = await SignInAsync("Participation lead A");
        await OpenNextMeetingAsync(team);
        await Click(team, "Suggest conflicts from the register of interests");
        await ShouldShowAsync(team, "#confirmation", "1 new conflict(s) suggested");
        var suggested = team.Locator("#conflicts tr", new() { HasText = "Community member E" });
        await Assertions.Expect(suggested).ToContainTextAsync("Suggested");

        // With Patient partner A (on the team), D (declared) and E (suggested) conflicted, only Carer C can lead: refused.
        await Click(team, "Choose lead reviewers");
        await ShouldShowAsync(team, ".nhsuk-error-summary", "Lead reviewers cannot be chosen");
        await ShouldShowAsync(team, "#lead-reviewers", "None chosen yet");
        await CheckAsync(team, "meeting-assignment-refused");

        // A declared conflict cannot be dismissed (no form is offered); the suggestion needs a reason.
        (await team.Locator("#conflicts tr", new() { HasText = "Service user D" }).GetByRole(AriaRole.Button).CountAsync()).Should().Be(0);
        await suggested.GetByRole(AriaRole.Button, new() { Name = "Dismiss the suggestion" }).ClickAsync();
        await ShouldShowAsync(team, ".nhsuk-error-summary", "Say why it is not a conflict");
        await CheckAsync(team, "meeting-dismiss-refused");
        await team.Locator("#conflicts tr", new() { HasText = "Community member E" }).Locator("input[type=text]").FillAsync("Distant cousins who have not met in years");
        await team.Locator("#conflicts tr", new() { HasText = "Community member E" }).GetByRole(AriaRole.Button).ClickAsync();
        await ShouldShowAsync(team, "#confirmation", "dismissed");
        await ShouldShowAsync(team, "#conflicts", "Dismissed: Distant cousins who have not met in years");

        await Click(team, "Choose lead reviewers");
        await ShouldShowAsync(team, "#confirmation", "2 lead reviewer(s) chosen");
        var leads = await team.Locator("#lead-reviewers").InnerTextAsync();
        leads.Should().Contain("Carer C").And.Contain("Community member E").And.NotContain("Service user D").And.NotContain("Patient partner A");

        // Attendance with consent to recording: the staff facilitator has none, so recording is refused.
        foreach (var person in new[] { "Patient partner A", "Carer C", "Participation lead A" })
        {
            var value = await team.Locator("#PersonId option", new() { HasText = person }).First.GetAttributeAsync("value");
            await team.Locator("#PersonId").SelectOptionAsync(value!);
            await Click(team, "Record attendance");
        }

        await ShouldShowAsync(team, "#attendance", "Participation lead A");
        (await team.Locator("#attendance tr", new() { HasText = "Participation lead A" }).InnerTextAsync()).Should().EndWith("No");
        await ShouldShowAsync(team, "#quorum", "not quorate");
        await Click(team, "Start recording");
        await ShouldShowAsync(team, ".nhsuk-error-summary", "one person present has no consent to recording");
        (await team.Locator(".nhsuk-error-summary").InnerTextAsync()).Should().NotMatchRegex("[0-9a-f]{8}-[0-9a-f]{4}-", "the refusal says who in words; ids are for programs, not people");
        await ShouldShowAsync(team, "#recording", "not being recorded");
        await CheckAsync(team, "meeting-recording-refused");

        // The project lead sees the agenda and the quorum, not the conflicts.
        var lead = await SignInAsync("QI lead F");
        await OpenNextMeetingAsync(lead);
        await ShouldShowAsync(lead, "#quorum", "not quorate");
        (await lead.Locator("#conflicts").CountAsync()).Should().Be(0);
        (await lead.Locator("#record-attendance").CountAsync()).Should().Be(0);

        // Posting the team's command anyway (with the lead's own antiforgery token, from a form of their project's
        // page) is forbidden.
        var meeting = lead.Url;
        await lead.GotoAsync("/Projects");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Calmer maternity triage" }).ClickAsync();
        var token = await lead.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var refused = await lead.APIRequest.PostAsync(
            new Uri(new Uri(meeting), "?handler=Assign").ToString(),
            new() { Form = lead.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!) });
        refused.Status.Should().Be(403, "the cookie handler sends a forbidden command to the access-denied page, which answers 403");
    }

    private async Task OpenNextMeetingAsync(IPage page)
    {
        await page.GotoAsync("/PeerReview");
        var date = Portal.Today.AddDays(14).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await page.GetByRole(AriaRole.Link, new() { Name = date }).ClickAsync();
        await ShouldShowAsync(page, "h1", date);
    }

    private static Task Click(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
}
