using CoProduction.Storage;
using CoProduction.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoProduction;

/// <summary>Chooses the in-memory stores.</summary>
public static class InMemoryStoresBuilderExtensions
{
    /// <summary>
    /// Keeps all data in memory for the lifetime of the service provider, with the semantics of a database
    /// (atomic saves, optimistic concurrency, isolation by organisation, copies, an outbox). For tests, samples and
    /// prototypes; use SQLite or PostgreSQL to keep data.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static CoProductionBuilder UseInMemoryStores(this CoProductionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<InMemoryDatabase>();
        services.Replace(ServiceDescriptor.Scoped<InMemoryEventOutbox, InMemoryEventOutbox>());
        services.Replace(ServiceDescriptor.Scoped<IEventOutbox>(sp => sp.GetRequiredService<InMemoryEventOutbox>()));
        services.Replace(ServiceDescriptor.Scoped<IUnitOfWork, InMemoryUnitOfWork>());
        services.Replace(ServiceDescriptor.Singleton<IOutboxDispatchStore, InMemoryOutboxDispatchStore>());
        services.Replace(ServiceDescriptor.Singleton<IStoreHealthProbe, InMemoryStoreHealthProbe>());
        foreach (var (contract, implementation) in CoProductionStores.InMemoryImplementations)
        {
            services.Replace(ServiceDescriptor.Scoped(contract, implementation));
        }

        return builder.SetStoreProvider("in-memory");
    }
}
