using CoProduction.Partners;

namespace CoProduction.Samples.TrustPortal.Pages.Partners;

/// <summary>Everything that falls due in the next 8 weeks (and is already overdue), grouped by kind, with how each person may be contacted.</summary>
public sealed class DueWorkModel : PortalPage
{
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public IReadOnlyList<IGrouping<DueWorkKind, DueWorkItem>> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(Get<TimeProvider>().GetUtcNow().UtcDateTime);
        // Work already overdue is still to do: the window starts a year back, and runs 8 weeks ahead.
        (From, To) = (today.AddYears(-1), today.AddDays(56));
        var items = await Get<PartnerDueWorkService>().ListAsync(From, To, Ct);
        Groups = [.. items.GroupBy(i => i.Kind).OrderBy(g => g.Key)];
        await LoadNamesAsync();
    }
}
