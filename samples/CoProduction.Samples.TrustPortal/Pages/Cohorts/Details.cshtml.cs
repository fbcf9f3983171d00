using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Cohorts;

/// <summary>A cohort: its sessions (with a link to take each register), its teams and their completion.</summary>
public sealed class DetailsModel : PortalPage
{
    public Cohort Cohort { get; private set; } = null!;

    public Programme Programme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CohortId id)
    {
        var cohort = await Get<CohortService>().FindAsync(id, Ct);
        if (cohort is null)
        {
            return NotFound();
        }

        await LoadNamesAsync();
        Cohort = cohort;
        Programme = (await Get<ProgrammeService>().FindAsync(cohort.ProgrammeId, Ct))!;
        return Page();
    }
}
