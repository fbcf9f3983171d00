using CoProduction.Payments;
using CoProduction.People;
using CoProduction.People.Events;
using CoProduction.Primitives;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.AspNetCore.Tests.TestSupport;

/// <summary>The library with the ASP.NET Core integration on in-memory or SQLite stores, a fake clock and a fake logger; no host runs.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly string? _sqlitePath;

    internal Harness(string store, Action<CoProductionAspNetCoreOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        collection.AddSingleton<IDomainEventHandler<ParticipantRegistered>>(Handler);
        services?.Invoke(collection);
        var builder = collection.AddCoProduction(o =>
        {
            o.Payments.CurrencyCode = "GBP";
            o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
        });
        if (store == "sqlite")
        {
            _sqlitePath = Path.Combine(Path.GetTempPath(), $"coproduction-aspnetcore-{Guid.NewGuid():N}.db");
            builder.UseSqlite($"Data Source={_sqlitePath}");
        }
        else
        {
            builder.UseInMemoryStores();
        }

        builder.AddAspNetCore(o =>
        {
            o.Outbox.Jitter = 0;
            o.Outbox.MaxAttempts = 3;
            o.Outbox.FirstRetryDelay = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        Services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    internal FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    internal FlakyHandler Handler { get; } = new();

    internal ServiceProvider Services { get; }

    internal string? SqlitePath => _sqlitePath;

    internal FakeLogCollector Logs => Services.GetFakeLogCollector();

    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal AsyncServiceScope ScopeFor(OrganisationId organisationId)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisationId);
        return scope;
    }

    internal async Task<Participant> RegisterAsync(OrganisationId organisationId, string name, params ParticipantRole[] roles)
    {
        await using var scope = ScopeFor(organisationId);
        return await scope.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync(name, roles.Length == 0 ? [ParticipantRole.PatientPartner] : roles, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>Handles ParticipantRegistered, failing the first <see cref="FailuresBeforeSuccess"/> calls (all of them when negative).</summary>
internal sealed class FlakyHandler : IDomainEventHandler<ParticipantRegistered>
{
    private readonly List<ParticipantRegistered> _handled = [];

    internal int FailuresBeforeSuccess { get; set; }

    internal int Calls { get; private set; }

    internal IReadOnlyList<ParticipantRegistered> Handled => _handled;

    public Task HandleAsync(ParticipantRegistered domainEvent, CancellationToken cancellationToken)
    {
        lock (_handled)
        {
            Calls++;
            if (FailuresBeforeSuccess < 0 || Calls <= FailuresBeforeSuccess)
            {
                throw new InvalidOperationException($"The mail server is down (call {Calls}).");
            }

            _handled.Add(domainEvent);
        }

        return Task.CompletedTask;
    }
}
