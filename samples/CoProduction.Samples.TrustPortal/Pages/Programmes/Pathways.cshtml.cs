using CoProduction.Programmes;
using CoProduction.Programmes.Pathways;
using Microsoft.Extensions.Options;

namespace CoProduction.Samples.TrustPortal.Pages.Programmes;

/// <summary>Everyone on the patient-trainer pathway: their stage, since when, and what they need before the next step.</summary>
public sealed class PathwaysModel : PortalPage
{
    public IReadOnlyList<PatientTrainerPathway> Pathways { get; private set; } = [];

    public PathwayRequirements Requirements => Get<IOptions<CoProductionOptions>>().Value.Programmes.PatientTrainerPathway;

    public async Task OnGetAsync()
    {
        await LoadNamesAsync();

        // PatientTrainerPathwayService has no list: the store's is read (reading only).
        Pathways = await AllAsync(Get<PatientTrainerPathwayService>().ListAsync);
    }
}
