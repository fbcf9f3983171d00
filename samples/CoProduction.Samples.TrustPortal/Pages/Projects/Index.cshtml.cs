using CoProduction.Involvement.Projects;

namespace CoProduction.Samples.TrustPortal.Pages.Projects;

public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<ImprovementProject> Projects { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadNamesAsync();
        var all = await AllAsync(Get<ImprovementProjectService>().ListAsync);
        Projects = User.IsInRole(PortalRoles.ParticipationTeam) ? all : [.. all.Where(p => p.CurrentTeam.Any(m => m.ParticipantId == Me))];
    }
}
