using CoProduction.People;

namespace CoProduction.Samples.TrustPortal.Pages.People;

public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<Participant> People { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = Get<TimeProvider>().GetUtcNow();
        People = [.. (await Get<IParticipantStore>().ListAsync(null, Ct)).Where(p => !p.IsErased)];
    }
}
