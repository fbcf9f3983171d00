using CoProduction.Samples.TrustPortal.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(CoProduction.Samples.TrustPortal.Tests.PortalFixture))]

namespace CoProduction.Samples.TrustPortal.Tests;

/// <summary>
/// The portal on a Kestrel loopback port (a fresh SQLite database and data-protection keys in the test output folder),
/// and one headless Debian chromium driven by Playwright, shared by every test of the assembly.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string? _database;
    private string? _keys;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "portal-test-output");

    /// <summary>
    /// The moment the portal's clock starts at: mid-morning of a fixed day, so that the seeded dates, the pages and the
    /// journeys agree on "today" however long the run takes and whenever it starts (a run that crossed midnight UTC
    /// used to find today's meeting gone and follow-ups not yet due).
    /// </summary>
    public static DateTimeOffset ClockStart { get; } = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Gets today's date by the portal's clock.</summary>
    public DateOnly Today => Clock.Today;

    /// <summary>Gets the portal's clock.</summary>
    public PortalClock Clock { get; } = new(new RunningFrom(ClockStart));

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (apt-get install -y --no-install-recommends chromium fonts-liberation); .ci/run does so.");
        }

        Directory.CreateDirectory(OutputFolder);
        var run = Guid.NewGuid().ToString("N");
        var database = _database = Path.Combine(OutputFolder, $"portal-{run}.db");

        // Keys of this run only: keys left by an earlier run carry dates from another clock.
        _keys = Path.Combine(OutputFolder, "keys", run);
        _app = TrustPortal.Build(
            new WebApplicationOptions
            {
                // Without the application's name, Razor Pages finds no pages in a host built by another assembly.
                ApplicationName = typeof(TrustPortal).Assembly.GetName().Name,
                ContentRootPath = SampleFolder(),
                EnvironmentName = "Development",
                Args = [$"--Portal:Sqlite=Data Source={database}", $"--Portal:DataProtectionKeys={_keys}"],
            },
            builder =>
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Services.AddSingleton(Clock);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
            });
        await TrustPortal.PrepareAsync(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_keys is not null && Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    /// <summary>Tells whether a page is visited for the first time in this run (true once per name).</summary>
    public bool FirstVisit(string name)
    {
        lock (_visited)
        {
            return _visited.Add(name);
        }
    }

    /// <summary>Opens a fresh browser context (its own cookies) on the portal.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, AcceptDownloads = true, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A clock that starts at a given moment and runs at the real rate from the moment it is made.</summary>
    private sealed class RunningFrom(DateTimeOffset start) : TimeProvider
    {
        private readonly long _made = System.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_made);
    }

    private static string SampleFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "CoProduction.Samples.TrustPortal");
            if (Directory.Exists(Path.Combine(candidate, "wwwroot")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The trust portal sample's folder (samples/CoProduction.Samples.TrustPortal) was not found above the test output folder.");
    }
}
