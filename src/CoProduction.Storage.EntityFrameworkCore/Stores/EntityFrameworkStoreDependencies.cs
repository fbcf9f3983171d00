using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Outbox;

namespace CoProduction.Storage.EntityFrameworkCore.Stores;

/// <summary>What every Entity Framework Core store needs, bundled so that a store's constructor takes one parameter.</summary>
internal sealed class EntityFrameworkStoreDependencies
{
    /// <summary>Initialises the dependencies.</summary>
    /// <param name="contexts">Creates a context per operation.</param>
    /// <param name="organisation">The current organisation.</param>
    /// <param name="outbox">Dispatches saved events after commit.</param>
    /// <param name="unitOfWork">Writes additions and updates.</param>
    public EntityFrameworkStoreDependencies(CoProductionDbContextFactory contexts, IOrganisationContext organisation, EntityFrameworkEventOutbox outbox, IUnitOfWork unitOfWork)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        UnitOfWork = unitOfWork;
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(outbox);
        Contexts = contexts;
        Organisation = organisation;
        Outbox = outbox;
    }

    internal CoProductionDbContextFactory Contexts { get; }

    internal IOrganisationContext Organisation { get; }

    internal EntityFrameworkEventOutbox Outbox { get; }

    internal IUnitOfWork UnitOfWork { get; }
}
