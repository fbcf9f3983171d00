using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

public sealed class PeerReviewJourneyTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Submission_FromDraftToClosedFollowUp_ThroughEveryStep()
    {
        var team = await SignInAsync("Participation lead A");
        await team.GotoAsync("/Projects");
        await team.GetByRole(AriaRole.Link, new() { Name = "Shorter waits in outpatients" }).ClickAsync();
        await team.Locator("#project-submissions a").ClickAsync();
        await State(team, "Draft", "submission-draft");

        await Click(team, "Submit to the panel");
        await State(team, "Submitted", "submission-submitted");
        await Click(team, "Accept for a meeting");
        await State(team, "Accepted", "submission-accepted");

        // Today's meeting is the first one offered.
        await team.GetByLabel("Start time (24-hour, such as 10:00)").FillAsync("11:00");
        await Click(team, "Put it on the agenda");
        await State(team, "Scheduled", "submission-scheduled");

        // Presenting before the meeting is quorate is allowed; feedback is not, so the meeting's attendance comes first.
        await team.Locator("a", new() { HasText = "meeting's page" }).ClickAsync();
        await CheckAsync(team, "meeting");
        foreach (var member in new[] { "Patient partner A", "Carer C", "Service user D", "Participation lead A" })
        {
            await ChooseAsync(team, "#PersonId", member);
            await Click(team, "Record attendance");
        }

        await ChooseAsync(team, "#PersonId", "Patient partner A");
        await Click(team, "Make them chair");
        await ShouldShowAsync(team, "#quorum", "The meeting is quorate");
        await team.GetByRole(AriaRole.Link, new() { Name = "Shorter waits in outpatients" }).ClickAsync();

        await Click(team, "Record the presentation");
        await State(team, "Presented", "submission-presented");

        // Feedback without a review is refused, with the error summary; then a review, then the feedback.
        await team.GetByLabel("Summary of the panel's feedback").FillAsync("People want to know how long they will wait.");
        await team.GetByLabel("Recommendations, one to a line").FillAsync("Show the expected wait on a screen in the waiting room");
        await Click(team, "Issue the feedback");
        await ShouldShowAsync(team, ".nhsuk-error-summary", "no reviews");
        await CheckAsync(team, "submission-feedback-refused");
        await team.GetByLabel("Reviewer").SelectOptionAsync(new SelectOptionValue { Label = "Carer C" });
        await Click(team, "Record the review");
        await ShouldShowAsync(team, "#reviews", "Carer C");
        await team.GetByLabel("Summary of the panel's feedback").FillAsync("People want to know how long they will wait.");
        await team.GetByLabel("Recommendations, one to a line").FillAsync("Show the expected wait on a screen in the waiting room");
        await Click(team, "Issue the feedback");
        await State(team, "FeedbackIssued", "submission-feedback-issued");

        // The team's action plan, due today, so follow-up falls due at once.
        await team.GetByLabel("Action the team will take").FillAsync("Put a waiting-time screen in clinic B");
        await team.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "QI lead F" });
        await team.GetByLabel("Due date").FillAsync(Portal.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Click(team, "Send the action plan");
        await State(team, "ResponseReceived", "submission-response-received");
        await ShouldShowAsync(team, "#actions", "Put a waiting-time screen in clinic B");

        await Click(team, "Check for follow-up due");
        await State(team, "FollowUpDue", "submission-follow-up-due");
        await Click(team, "Close the round");
        await ShouldShowAsync(team, ".nhsuk-error-summary", "follow-up");
        await team.GetByLabel("What changed").FillAsync("The screen is up; people ask fewer times how long they will wait.");
        await Click(team, "Record the follow-up");
        await ShouldShowAsync(team, "#actions", "Implemented");
        await Click(team, "Close the round");
        await State(team, "Closed", "submission-closed");

        await team.GotoAsync("/PeerReview");
        await CheckAsync(team, "peer-review");
        await ShouldShowAsync(team, "#submissions", "Closed");
        await ShouldShowAsync(team, "#panel-evaluation", "100%");  // the one recommendation, implemented
    }

    /// <summary>Chooses the option of a select whose text contains <paramref name="text"/>.</summary>
    private static async Task ChooseAsync(IPage page, string select, string text)
    {
        var value = await page.Locator($"{select} option", new() { HasText = text }).First.GetAttributeAsync("value");
        await page.Locator(select).SelectOptionAsync(value!);
    }

    private static Task Click(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    private async Task State(IPage page, string state, string screenshot)
    {
        await ShouldShowAsync(page, "#submission-state", state);
        await CheckAsync(page, screenshot);
    }
}
