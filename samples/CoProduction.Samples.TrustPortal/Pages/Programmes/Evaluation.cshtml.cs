using CoProduction.Programmes;
using CoProduction.Programmes.Evaluation;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Programmes;

/// <summary>
/// A programme's evaluation across its cohorts: completion and attendance, sessions led by patient trainers, and the
/// paired before-and-after change of each questionnaire item (Wilcoxon signed-rank test, with its effect size).
/// </summary>
public sealed class EvaluationModel : PortalPage
{
    public ProgrammeReport Report { get; private set; } = null!;

    public IReadOnlyList<Questionnaire> Questionnaires { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public ProgrammeId Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public QuestionnaireId? QuestionnaireId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // ProgrammeEvaluationService has no list of questionnaires: the store's is read (reading only).
        Questionnaires = await AllAsync(Get<ProgrammeEvaluationService>().ListQuestionnairesAsync);
        QuestionnaireId ??= Questionnaires.FirstOrDefault()?.Id;
        try
        {
            Report = await Get<ProgrammeEvaluationService>().BuildReportAsync(Id, QuestionnaireId, Ct);
        }
        catch (CoProduction.Primitives.RecordNotFoundException)
        {
            return NotFound();
        }

        return Page();
    }
}
