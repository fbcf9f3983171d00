using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Samples.TrustPortal.Portal;

/// <summary>Someone who can sign in to the portal: a seeded participant and their portal roles.</summary>
public sealed record PortalPerson(ParticipantId Id, string Name, IReadOnlyList<string> Roles, string Description);

/// <summary>
/// Who can sign in: the seeded cast, found by name among the trust's participants. The portal's roles are the
/// portal's own (a trust would read them from its identity provider's groups), so they are kept with the cast.
/// </summary>
public sealed class PortalDirectory(IServiceScopeFactory scopes)
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<PortalPerson> _people = [];

    public IReadOnlyList<PortalPerson> People => _people;

    /// <summary>Completes once the seeded people are known (the portal prepares its database while it starts).</summary>
    public Task WhenLoadedAsync(CancellationToken cancellationToken) => _loaded.Task.WaitAsync(cancellationToken);

    internal void Fail(Exception exception) => _loaded.TrySetException(exception);

    public PortalPerson? Find(ParticipantId id) => _people.FirstOrDefault(p => p.Id == id);

    public PortalPerson? FindByName(string name) => _people.FirstOrDefault(p => p.Name == name);

    internal async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(Seeder.Trust);
        // The store, not ParticipantService.ListAsync, on purpose: this runs once at start-up, after the seeder's same
        // query (Seeder.SeedIfEmptyAsync), and EF Core compiles it once for both; a page with its count would be two more
        // queries to compile on every start. Pages read people through ParticipantService.
        var participants = await scope.ServiceProvider.GetRequiredService<IParticipantStore>().ListAsync(null, cancellationToken);
        _people = [.. Seeder.Cast
            .Select(c => (c, participant: participants.FirstOrDefault(p => p.FullName == c.Name)))
            .Where(x => x.participant is not null)
            .Select(x => new PortalPerson(x.participant!.Id, x.c.Name, x.c.PortalRoles, x.c.Description))];
        _loaded.TrySetResult();
    }
}
