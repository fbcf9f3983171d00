using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoProduction;

/// <summary>
/// Configures the library after <see cref="CoProductionServiceCollectionExtensions.AddCoProduction"/>: choose a store
/// (<c>UseInMemoryStores()</c>, <c>UseSqlite(...)</c>, <c>UsePostgreSql(...)</c>) and add event handlers.
/// Provider packages add their own extension methods to this builder.
/// </summary>
public sealed class CoProductionBuilder
{
    /// <summary>The message given when no store was chosen.</summary>
    internal const string NoStoreChosenMessage =
        "No store was chosen for CoProduction: call UseInMemoryStores(), UseSqlite(connectionString) or UsePostgreSql(connectionString) on the builder that services.AddCoProduction() returns.";

    internal CoProductionBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Records which store provider was chosen; provider packages call this from their <c>UseX</c> method.</summary>
    /// <param name="providerName">A short name such as <c>sqlite</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public CoProductionBuilder SetStoreProvider(string providerName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        Services.Configure<CoProductionOptions>(o => o.StoreProvider = providerName);
        return this;
    }

    /// <summary>
    /// Registers a handler that is called after commit for every stored <typeparamref name="TEvent"/>, at least once
    /// (so it must be idempotent). Registering the same handler type twice has no further effect.
    /// </summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="THandler">The handler, resolved from a scope.</typeparam>
    /// <returns>The builder, for chaining.</returns>
    public CoProductionBuilder AddDomainEventHandler<TEvent, THandler>()
        where TEvent : IDomainEvent
        where THandler : class, IDomainEventHandler<TEvent>
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IDomainEventHandler<TEvent>, THandler>());
        return this;
    }
}
