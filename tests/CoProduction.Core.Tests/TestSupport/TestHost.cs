using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.TestSupport;

/// <summary>A service provider with in-memory stores, a fake clock and two organisations to switch between.</summary>
public sealed class TestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private TestHost(ServiceProvider provider, FakeTimeProvider clock)
    {
        Provider = provider;
        Clock = clock;
    }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Clock { get; }

    public OrganisationId TrustA { get; } = OrganisationId.New();

    public OrganisationId TrustB { get; } = OrganisationId.New();

    public static TestHost Create(Action<CoProductionOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var clock = new FakeTimeProvider(Start);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        services?.Invoke(collection);
        collection.AddCoProduction(configure).UseInMemoryStores();
        return new TestHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), clock);
    }

    /// <summary>
    /// Creates a host whose claims are priced by <see cref="TestPolicies.Illustrative"/> (the library prices nothing
    /// until a policy is given), then applies <paramref name="configure"/>.
    /// </summary>
    public static TestHost CreatePaying(Action<CoProductionOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        Create(
            o =>
            {
                o.Payments.UsePolicy(TestPolicies.Illustrative());
                configure?.Invoke(o);
            },
            services);

    /// <summary>Opens a scope acting for an organisation (Trust A unless told otherwise).</summary>
    public AsyncServiceScope Scope(OrganisationId? organisation = null)
    {
        var scope = Provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisation ?? TrustA);
        return scope;
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
