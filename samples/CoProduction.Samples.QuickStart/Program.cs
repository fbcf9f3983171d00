using CoProduction;
using CoProduction.Payments;
using CoProduction.Primitives;
using CoProduction.Samples.QuickStart;
using Microsoft.Extensions.DependencyInjection;

// Two years of a (made-up) trust's co-production work: a summary on the console, the full report (HTML, XLSX, CSV, SVG) in quickstart-report/.
// Usage: dotnet run --project samples/CoProduction.Samples.QuickStart [-- --in-memory | --postgres "<connection string>"]
// By default the data goes into a SQLite file, coproduction-quickstart.db, in the current folder.
var clock = new SampleClock(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.Zero));
var trust = StoreChoice.NeedsFreshOrganisation(args)
    ? OrganisationId.New()
    : new OrganisationId(Guid.Parse("0b5e3c1a-6f7d-4c1e-9a55-2f0e8d1c7b01"));

var services = new ServiceCollection();
services.AddSingleton<TimeProvider>(clock);
var builder = services.AddCoProduction(o =>
{
    o.OrganisationId = trust.Value;
    o.SystemProcessName = "quickstart";   // the actor of every change of this story that no person makes

    // Claims are priced by a dated payment policy only: a copy of the NHS England-style PPV Level 4 preset (150.00 for
    // 4 hours or more, 75.00 under), to which this trust adds a Lead level for patient trainers who lead a session.
    var policy = o.Payments.UsePolicy(PaymentPolicyPresets.NhsEnglandPpvLevel4());
    policy.Versions[0].Rates.Add(new RoleRate { RoleLevel = "Lead", HalfDayRate = 100.00m, FullDayRate = 200.00m });
    o.Programmes.LeadFacilitatorRoleLevel = "Lead";
});
var storeDescription = StoreChoice.Apply(builder, args);

await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
await StoreChoice.PrepareAsync(provider, args);
await using var scope = provider.CreateAsyncScope();

var report = new ReportWriter(Console.Out);
report.Title("Example Community Trust: two years of co-production (April 2025 to March 2027)");
report.Key($"Data store: {storeDescription}. Everyone in this report is a made-up pseudonym.");

var year = new PeopleAndPaymentsYear(scope.ServiceProvider, clock, report);
await year.RunAsync(CancellationToken.None);

var panelYear = new PeerReviewYear(scope.ServiceProvider, clock, report);
await panelYear.RunAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(3), CancellationToken.None);

var involvementYear = new InvolvementYear(scope.ServiceProvider, clock, report);
await involvementYear.RunAsync(CancellationToken.None);

var trainingProgramme = new TrainingProgrammeCohorts(scope.ServiceProvider, clock, report);
await trainingProgramme.RunAsync(CancellationToken.None);

// The full report, with every table and chart, as files a lead can forward; the last line says where.
var folder = report.WriteFiles("quickstart-report");
report.Write(string.Empty);
report.Write($"The full report, with every table and chart: {Path.Combine(folder, "report.html")} (also report.xlsx, chart-1.svg and csv/ in that folder).");
