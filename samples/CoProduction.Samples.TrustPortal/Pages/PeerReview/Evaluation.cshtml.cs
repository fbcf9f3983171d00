using CoProduction.PeerReview;
using CoProduction.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.PeerReview;

/// <summary>
/// The panel's evaluation over a period: time from submission to feedback, what became of the recommendations, project
/// leads' experience, quorate meetings, and how evenly reviewing and attendance fall on the patient members.
/// </summary>
public sealed class EvaluationModel : PortalPage
{
    public Panel Panel { get; private set; } = null!;

    public PanelEvaluation Evaluation { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // PanelService finds a panel by name or id, with no list: the store's first page is read (reading only).
        var panel = (await Get<PanelService>().ListAsync(PageRequest.First(1), Ct)).Items.FirstOrDefault();
        if (panel is null)
        {
            return NotFound();
        }

        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The last day must be on or after the first day");
            (From, To) = (null, null);
        }

        await LoadNamesAsync();
        Panel = panel;
        Evaluation = await Get<PanelService>().EvaluateAsync(panel.Id, From, To, Ct);
        return Page();
    }
}
