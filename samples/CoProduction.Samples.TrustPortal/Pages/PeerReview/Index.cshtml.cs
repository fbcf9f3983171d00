using CoProduction.PeerReview;
using CoProduction.Storage;

namespace CoProduction.Samples.TrustPortal.Pages.PeerReview;

/// <summary>The panel: its meetings, every submission by state, and its evaluation.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<(Panel Panel, IReadOnlyList<PanelMeeting> Meetings, IReadOnlyList<ReviewSubmission> Submissions, PanelEvaluation Evaluation)> Panels { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadNamesAsync();
        var list = new List<(Panel, IReadOnlyList<PanelMeeting>, IReadOnlyList<ReviewSubmission>, PanelEvaluation)>();
        foreach (var panel in (await Get<PanelService>().ListAsync(PageRequest.First(100), Ct)).Items)
        {
            list.Add((
                panel,
                await Get<PanelMeetingService>().ListByPanelAsync(panel.Id, Ct),
                await Get<ReviewSubmissionService>().ListByPanelAsync(panel.Id, Ct),
                await Get<PanelService>().EvaluateAsync(panel.Id, null, null, Ct)));
        }

        Panels = list;
    }
}
