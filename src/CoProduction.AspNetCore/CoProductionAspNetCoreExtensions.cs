using System.Text.Json.Serialization;
using CoProduction.AspNetCore;
using CoProduction.AspNetCore.Health;
using CoProduction.AspNetCore.Http;
using CoProduction.AspNetCore.Outbox;
using CoProduction.AspNetCore.Telemetry;
using CoProduction.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoProduction;

/// <summary>Adds the ASP.NET Core integration to the library's builder and to the request pipeline.</summary>
public static class CoProductionAspNetCoreExtensions
{
    /// <summary>The tag of the library's health checks, to map them alone: <c>app.MapHealthChecks("/health", new() { Predicate = c =&gt; c.Tags.Contains("coproduction") })</c>.</summary>
    public const string HealthCheckTag = "coproduction";

    /// <summary>
    /// Adds the ASP.NET Core integration: refusals answered as problem details (an <c>IExceptionHandler</c>; call
    /// <c>app.UseExceptionHandler()</c>), enums by name in JSON, <see cref="CoProductionClaimsReader"/>, the hosted outbox
    /// dispatcher and due-work service, the health checks <c>coproduction-database</c> and <c>coproduction-outbox</c>,
    /// and spans and metrics of every store call. Call it after choosing a store; then call
    /// <see cref="UseCoProductionRequestContext"/> after authentication.
    /// </summary>
    /// <param name="builder">The builder, after <c>UseSqlite(...)</c>, <c>UsePostgreSql(...)</c> or <c>UseInMemoryStores()</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException">No store was chosen yet (with <see cref="CoProductionAspNetCoreOptions.InstrumentStores"/> on), or the store offers no <see cref="IOutboxDispatchStore"/>.</exception>
    public static CoProductionBuilder AddAspNetCore(this CoProductionBuilder builder, Action<CoProductionAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = new CoProductionAspNetCoreOptions();
        configure?.Invoke(options);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddOptions<CoProductionAspNetCoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CoProductionAspNetCoreOptions>, AspNetCoreOptionsValidator>());

        // Problem details and JSON.
        services.AddProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler, CoProductionExceptionHandler>());
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => AddEnumConverter(o.SerializerOptions.Converters));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => AddEnumConverter(o.JsonSerializerOptions.Converters));

        // Who the user is, and the organisation of each request.
        services.TryAddSingleton<CoProductionClaimsReader>();

        // Telemetry.
        services.AddMetrics();
        services.TryAddSingleton<CoProductionInstruments>();
        if (options.InstrumentStores && !services.Any(d => d.ServiceType == typeof(InstrumentedMarker)))
        {
            InstrumentedStore.Decorate(services);
            services.AddSingleton<InstrumentedMarker>();
        }

        // Background work.
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<DueWorkRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatcherService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DueWorkService>());

        // Health.
        if (!services.Any(d => d.ServiceType == typeof(HealthChecksMarker)))
        {
            services.AddSingleton<HealthChecksMarker>();
            services.AddHealthChecks()
                .AddCheck<StoreHealthCheck>("coproduction-database", HealthStatus.Unhealthy, [HealthCheckTag])
                .AddCheck<OutboxHealthCheck>("coproduction-outbox", HealthStatus.Unhealthy, [HealthCheckTag]);
        }

        return builder;
    }

    /// <summary>
    /// Sets each request's organisation from the signed-in user's organisation claim
    /// (<see cref="CoProductionAspNetCoreOptions.OrganisationClaimType"/>). Call it after <c>UseAuthentication()</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application, for chaining.</returns>
    public static IApplicationBuilder UseCoProductionRequestContext(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<CoProductionRequestContextMiddleware>();
    }

    private static void AddEnumConverter(IList<JsonConverter> converters)
    {
        if (!converters.OfType<JsonStringEnumConverter>().Any())
        {
            converters.Add(new JsonStringEnumConverter());
        }
    }

    private sealed class InstrumentedMarker;

    private sealed class HealthChecksMarker;

    private sealed class AspNetCoreOptionsValidator : IValidateOptions<CoProductionAspNetCoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, CoProductionAspNetCoreOptions options)
        {
            var failures = options.Validate().ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
