using CoProduction.Primitives;
using CoProduction.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoProduction;

/// <summary>Registers the library in a <see cref="IServiceCollection"/>.</summary>
public static class CoProductionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the library's services and options. Safe to call more than once (each call's <paramref name="configure"/>
    /// applies). Choose a store on the returned builder; options are validated on start, every failure reported at once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options, for example <c>o =&gt; o.Payments.CurrencyCode = "GBP"</c>.</param>
    /// <returns>A builder on which to choose a store.</returns>
    /// <example><code>
    /// services.AddCoProduction(o => o.OrganisationId = trustId)
    ///         .UseInMemoryStores();
    /// </code></example>
    public static CoProductionBuilder AddCoProduction(this IServiceCollection services, Action<CoProductionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<CoProductionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoProductionOptions>, CoProductionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddScoped<OrganisationContext>();
        services.TryAddScoped<IOrganisationContext>(sp => sp.GetRequiredService<OrganisationContext>());
        services.TryAddScoped<ActorContext>();
        services.TryAddScoped<IActorContext>(sp => sp.GetRequiredService<ActorContext>());
        services.TryAddScoped<DomainEventDispatcher>();

        foreach (var contract in CoProductionStores.Contracts)
        {
            // Until a store is chosen, resolving a store says how to choose one.
            services.TryAdd(ServiceDescriptor.Scoped(contract, NoStoreChosen));
        }

        CoProductionServices.AddManagers(services);
        return new CoProductionBuilder(services);
    }

    private static object NoStoreChosen(IServiceProvider services) => throw new InvalidOperationException(CoProductionBuilder.NoStoreChosenMessage);
}
