using System.Security.Claims;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Storage;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages;

/// <summary>The participation team's dashboard: claims waiting, follow-ups overdue, the next panel agenda, running cohorts.</summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<ClaimAgeing> OutstandingClaims { get; private set; } = [];

    public IReadOnlyList<OverdueFollowUp> OverdueFollowUps { get; private set; } = [];

    public PanelMeeting? NextMeeting { get; private set; }

    public Dictionary<ReviewSubmissionId, string> SubmissionTitles { get; } = [];

    public IReadOnlyList<(Programme Programme, Cohort Cohort)> RunningCohorts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.IsInRole(PortalRoles.ParticipationTeam))
        {
            return Redirect(SignInModel.HomeOf(User.FindAll(ClaimTypes.Role).Select(c => c.Value)));
        }

        await LoadNamesAsync();
        OutstandingClaims = await Get<PaymentService>().GetOutstandingClaimsAsync(Ct);
        OverdueFollowUps = await Get<ReviewSubmissionService>().ListOverdueFollowUpsAsync(Ct);
        var today = DateOnly.FromDateTime(Get<TimeProvider>().GetUtcNow().UtcDateTime);
        var panels = (await Get<PanelService>().ListAsync(PageRequest.First(100), Ct)).Items;
        var meetings = new List<PanelMeeting>();
        foreach (var panel in panels)
        {
            meetings.AddRange(await Get<PanelMeetingService>().ListByPanelAsync(panel.Id, Ct));
        }

        NextMeeting = meetings.Where(m => m.Date >= today && m.Agenda.Count > 0).OrderBy(m => m.Date).FirstOrDefault();
        foreach (var slot in NextMeeting?.Agenda ?? [])
        {
            if (slot.SubmissionId is { } id && await Get<ReviewSubmissionService>().FindAsync(id, Ct) is { } submission)
            {
                SubmissionTitles[id] = submission.Title;
            }
        }

        var running = new List<(Programme, Cohort)>();
        foreach (var programme in (await Get<ProgrammeService>().ListAsync(PageRequest.First(100), Ct)).Items)
        {
            running.AddRange((await Get<CohortService>().ListByProgrammeAsync(programme.Id, Ct)).Where(c => c.Status == CohortStatus.Running).Select(c => (programme, c)));
        }

        RunningCohorts = running;
        return Page();
    }
}
