using CoProduction.Storage;
using CoProduction.Storage.EntityFrameworkCore;
using CoProduction.Storage.EntityFrameworkCore.Health;
using CoProduction.Storage.EntityFrameworkCore.Outbox;
using CoProduction.Storage.EntityFrameworkCore.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoProduction;

/// <summary>Chooses the Entity Framework Core stores.</summary>
public static class EntityFrameworkCoreStoresBuilderExtensions
{
    /// <summary>
    /// Keeps the library's data in your own context, <typeparamref name="TContext"/>, which implements
    /// <see cref="ICoProductionDbContext"/>, calls <c>modelBuilder.UseCoProduction(this)</c> in <c>OnModelCreating</c>
    /// and is registered with <c>services.AddDbContextFactory&lt;TContext&gt;(...)</c>. Your migrations create the
    /// tables, so <see cref="EntityFrameworkCoreStoreOptions.MigrateOnFirstUse"/> is off unless you turn it on.
    /// For a database of the library's own, use <c>UseSqlite(...)</c> or <c>UsePostgreSql(...)</c> instead.
    /// </summary>
    /// <typeparam name="TContext">Your context.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the store options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static CoProductionBuilder UseEntityFrameworkCoreStores<TContext>(this CoProductionBuilder builder, Action<EntityFrameworkCoreStoreOptions>? configure = null)
        where TContext : DbContext, ICoProductionDbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddStores<TContext>(builder, "entity-framework-core", options =>
        {
            options.MigrateOnFirstUse = false;
            configure?.Invoke(options);
        });
    }

    /// <summary>Applies every pending migration to the library's database (creating it when it does not exist).</summary>
    /// <param name="services">The application's service provider.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes when the schema is up to date.</returns>
    /// <exception cref="InvalidOperationException">No Entity Framework Core store was chosen.</exception>
    public static Task MigrateCoProductionDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetService<CoProductionDbContextFactory>()
            ?? throw new InvalidOperationException("No relational store was chosen: call UseSqlite(...), UsePostgreSql(...) or UseEntityFrameworkCoreStores<TContext>() on the builder that services.AddCoProduction() returns.");
        return factory.MigrateAsync(cancellationToken);
    }

    /// <summary>Registers the stores over <typeparamref name="TContext"/>; provider packages call it from their <c>UseX</c> method.</summary>
    internal static CoProductionBuilder AddStores<TContext>(CoProductionBuilder builder, string providerName, Action<EntityFrameworkCoreStoreOptions> configure)
        where TContext : DbContext, ICoProductionDbContext
    {
        var services = builder.Services;
        services.Configure(configure);
        services.Replace(ServiceDescriptor.Singleton<CoProductionDbContextFactory, CoProductionDbContextFactory<TContext>>());
        services.Replace(ServiceDescriptor.Scoped<EntityFrameworkStoreDependencies, EntityFrameworkStoreDependencies>());
        services.Replace(ServiceDescriptor.Scoped<EntityFrameworkEventOutbox, EntityFrameworkEventOutbox>());
        services.Replace(ServiceDescriptor.Scoped<IEventOutbox>(sp => sp.GetRequiredService<EntityFrameworkEventOutbox>()));
        services.Replace(ServiceDescriptor.Scoped<IUnitOfWork, EntityFrameworkUnitOfWork>());
        services.Replace(ServiceDescriptor.Singleton<IOutboxDispatchStore, EntityFrameworkOutboxDispatchStore>());
        services.Replace(ServiceDescriptor.Singleton<IStoreHealthProbe, EntityFrameworkStoreHealthProbe<TContext>>());
        foreach (var (contract, implementation) in EntityFrameworkCoreStores.Implementations)
        {
            services.Replace(ServiceDescriptor.Scoped(contract, implementation));
        }

        return builder.SetStoreProvider(providerName);
    }
}
