using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Evaluation;
using CoProduction.Storage;

namespace CoProduction.Samples.TrustPortal.Pages.Cohorts;

public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<(Programme Programme, IReadOnlyList<Cohort> Cohorts, ProgrammeReport Evaluation)> Programmes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var list = new List<(Programme, IReadOnlyList<Cohort>, ProgrammeReport)>();
        foreach (var programme in (await Get<ProgrammeService>().ListAsync(PageRequest.First(100), Ct)).Items)
        {
            list.Add((programme, await Get<CohortService>().ListByProgrammeAsync(programme.Id, Ct), await Get<ProgrammeEvaluationService>().BuildReportAsync(programme.Id, null, Ct)));
        }

        Programmes = list;
    }
}
