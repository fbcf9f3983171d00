using CoProduction.Partners;
using CoProduction.People;
using Microsoft.AspNetCore.Mvc;

namespace CoProduction.Samples.TrustPortal.Pages.Partners;

/// <summary>One opportunity: its expressions of interest with match suggestions, the decisions with reasons, and telling each person.</summary>
public sealed class OpportunityModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Opportunity Opportunity { get; private set; } = null!;

    public IReadOnlyDictionary<ExpressionOfInterestId, MatchSuggestion> Suggestions { get; private set; } = new Dictionary<ExpressionOfInterestId, MatchSuggestion>();

    /// <summary>The expressions not withdrawn, in the order of the match suggestions (undecided first, best match first), then the decided ones.</summary>
    public IReadOnlyList<ExpressionOfInterest> Expressions { get; private set; } = [];

    [BindProperty]
    public Guid ExpressionId { get; set; }

    [BindProperty]
    public SelectionOutcome? Outcome { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public DateOnly? ToldOn { get; set; }

    [BindProperty]
    public ContactMethod Via { get; set; } = ContactMethod.Email;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostDecideAsync() => CommandAsync(
        () => Get<RecruitmentService>().DecideAsync(new OpportunityId(Id), new ExpressionOfInterestId(ExpressionId), Outcome ?? (SelectionOutcome)(-1), Reason ?? string.Empty, Ct),
        () => RedirectToPage(new { Id, decided = true }),
        LoadAsync);

    public Task<IActionResult> OnPostToldAsync() => CommandAsync(
        () => Get<RecruitmentService>().RecordToldAsync(new OpportunityId(Id), new ExpressionOfInterestId(ExpressionId), ToldOn ?? default, Via, Ct),
        () => RedirectToPage(new { Id, told = true }),
        LoadAsync);

    private async Task<bool> LoadAsync()
    {
        if (Id == Guid.Empty || await Get<RecruitmentService>().FindAsync(new OpportunityId(Id), Ct) is not { } opportunity)
        {
            return false;
        }

        Opportunity = opportunity;
        var suggestions = await Get<RecruitmentService>().SuggestMatchesAsync(Opportunity.Id, Ct);
        Suggestions = suggestions.ToDictionary(s => s.ExpressionId);
        var order = suggestions.Select((s, i) => (s.ExpressionId, i)).ToDictionary(x => x.ExpressionId, x => x.i);
        Expressions = [.. Opportunity.Expressions.Where(e => e.WithdrawnAt is null).OrderBy(e => order.TryGetValue(e.Id, out var i) ? i : int.MaxValue).ThenBy(e => e.SubmittedAt)];
        await LoadNamesAsync();
        return true;
    }
}
