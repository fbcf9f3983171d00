using System.Net;
using Microsoft.Playwright;

namespace CoProduction.Samples.TrustPortal.Tests;

public sealed class AccessControlTests(PortalFixture portal) : PortalPages(portal)
{
    [Fact]
    public async Task Partner_OpeningAnotherPartnersClaim_GetsNotFound()
    {
        var owner = await SignInAsync("Patient partner A");
        await owner.GotoAsync("/My");
        var href = await owner.Locator("#my-claims a").First.GetAttributeAsync("href");
        var ownView = await owner.GotoAsync(href!);
        ownView!.Status.Should().Be((int)HttpStatusCode.OK);

        var other = await SignInAsync("Patient partner B");
        var response = await other.GotoAsync(href!);

        response!.Status.Should().Be((int)HttpStatusCode.NotFound);
        await ShouldShowAsync(other, "h1", "Page not found");
        (await other.ContentAsync()).Should().NotContain("Panel meeting preparation").And.NotContain("Maternity triage working group");
        await CheckAsync(other, "not-found");
    }

    [Fact]
    public async Task Partner_OpeningTheTeamsClaimsList_IsForbidden()
    {
        var partner = await SignInAsync("Patient partner B");

        var response = await partner.GotoAsync("/Claims");

        response!.Status.Should().Be((int)HttpStatusCode.Forbidden);
        await ShouldShowAsync(partner, "h1", "You cannot see this page");
        await CheckAsync(partner, "access-denied");
    }

    [Fact]
    public async Task Partner_OpeningTheTeamsPages_IsForbidden()
    {
        var partner = await SignInAsync("Patient partner B");

        foreach (var path in new[] { "/Programmes/Pathways", "/Programmes/Readiness", "/Programmes/Evaluation/0197a5d2-3c4b-7e8f-9a01-23456789abcd", "/People/Erase/0197a5d2-3c4b-7e8f-9a01-23456789abcd", "/Partners/Opportunities", "/Partners/DueWork", "/Partners/Opportunity/0197a5d2-3c4b-7e8f-9a01-23456789abcd", "/Cohorts/Calendar/0197a5d2-3c4b-7e8f-9a01-23456789abcd", "/Claims/Finance" })
        {
            var response = await partner.GotoAsync(path);
            response!.Status.Should().Be((int)HttpStatusCode.Forbidden, path);
        }
    }

    [Fact]
    public async Task PanelMember_SeesASubmission_ButCannotRunTheWorkflow()
    {
        var member = await SignInAsync("Service user D");
        await member.GotoAsync("/My");
        var token = await member.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        await member.GotoAsync("/PeerReview");
        await member.Locator("#submissions a", new() { HasText = "Calmer maternity triage" }).ClickAsync();
        await ShouldShowAsync(member, "#submission-state", "Scheduled");
        (await member.Locator("#record-presentation").CountAsync()).Should().Be(0, "the participation team records the presentation");
        (await member.Locator("#withdraw").CountAsync()).Should().Be(0, "only the project's team may withdraw it");

        // Posting the command anyway (with the member's own antiforgery token) is forbidden, and the state is unchanged.
        var response = await member.APIRequest.PostAsync(
            new Uri(new Uri(member.Url), "?handler=Present").ToString(),
            new() { Form = member.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!) });
        response.Status.Should().Be((int)HttpStatusCode.Forbidden);
        await member.ReloadAsync();
        await ShouldShowAsync(member, "#submission-state", "Scheduled");
    }

    [Fact]
    public async Task Anonymous_OpeningAPage_IsSentToSignIn()
    {
        var page = await Portal.NewPageAsync();

        await page.GotoAsync("/Claims");

        page.Url.Should().Contain("/SignIn");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" }).CountAsync()).Should().Be(1);
    }
}
