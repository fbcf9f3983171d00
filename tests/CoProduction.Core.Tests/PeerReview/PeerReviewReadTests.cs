using CoProduction.Core.Tests.TestSupport;
using CoProduction.PeerReview;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary>The peer-review area's lists: panels, and a panel's meetings and submissions.</summary>
public sealed class PeerReviewReadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PanelServiceListAsync_PagesEveryPanelOnce()
    {
        await using var host = TestHost.Create();
        await using var scope = host.Scope();
        var panels = scope.ServiceProvider.GetRequiredService<PanelService>();
        var first = await panels.EstablishAsync("Peer Review Panel North", "Patient partners review projects.", new QuorumRule(3), None);
        var second = await panels.EstablishAsync("Peer Review Panel South", "Patient partners review projects.", new QuorumRule(3), None);

        var page = await panels.ListAsync(PageRequest.First(1), None);
        var next = await panels.ListAsync(PageRequest.First(1).Next(), None);

        page.TotalCount.Should().Be(2);
        page.Items.Concat(next.Items).Select(p => p.Id).Should().BeEquivalentTo([first.Id, second.Id]);
    }

    [Fact]
    public async Task ListByPanelAsync_MeetingsAndSubmissions_OfThatPanelOnly()
    {
        await using var world = new ServiceWorld();
        var panel = await ServicePanel.CreateAsync(world);
        var submission = await panel.DraftAsync("Discharge letters", "Acute medicine");
        var meeting = await world.Meetings.ArrangeAsync(panel.PanelId, new DateOnly(2026, 2, 10), ServiceWorld.Ct);
        var other = await world.Panels.EstablishAsync("Another panel", "Patient partners review projects.", new QuorumRule(3), ServiceWorld.Ct);

        (await world.Submissions.ListByPanelAsync(panel.PanelId, ServiceWorld.Ct)).Select(s => s.Id).Should().Contain(submission.Id);
        (await world.Submissions.ListByPanelAsync(other.Id, ServiceWorld.Ct)).Should().BeEmpty();
        (await world.Meetings.ListByPanelAsync(other.Id, ServiceWorld.Ct)).Should().BeEmpty();
        (await world.Meetings.ListByPanelAsync(panel.PanelId, ServiceWorld.Ct)).Select(m => m.Id).Should().Equal(meeting.Id);
    }
}
