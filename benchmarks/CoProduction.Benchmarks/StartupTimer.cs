using System.Diagnostics;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Benchmarks;

/// <summary>
/// <c>-- startup sqlite|sqlite-check</c>: the first operations of a fresh process on a new SQLite file, timed apart:
/// building the service provider, migrating (building the migration's target model, creating the tables), the first
/// save of a participant (building the context's model, the first <c>SaveChanges</c>), the first load, then a second
/// save and load of another participant (warm). <c>sqlite-check</c> first runs, and times, the check that migrating
/// ran in every process before (the model diffed against the migrations' snapshot), which it now leaves to a test.
/// Run each in a new process (a loop in the shell): start-up is paid once per process.
/// </summary>
public static class StartupTimer
{
    /// <summary>Times one start-up and prints one line.</summary>
    public static async Task RunAsync(string store)
    {
        var total = Stopwatch.StartNew();
        var path = Path.Combine(Path.GetTempPath(), $"coproduction-startup-{Guid.NewGuid():N}.db");
        try
        {
            var organisation = OrganisationId.New();
            var watch = Stopwatch.StartNew();
            var services = new ServiceCollection();
            services.AddCoProduction(o => o.OrganisationId = organisation.Value)
                .UseSqlite($"Data Source={path}");
            await using var provider = services.BuildServiceProvider();
            var build = watch.Elapsed;

            var check = TimeSpan.Zero;
            if (store == "sqlite-check")
            {
                watch.Restart();
                await using var context = await provider.GetRequiredService<IDbContextFactory<CoProductionDbContext>>().CreateDbContextAsync();
                if (context.Database.HasPendingModelChanges())
                {
                    throw new InvalidOperationException("The model has changes that no migration holds.");
                }

                check = watch.Elapsed;
            }

            watch.Restart();
            await provider.MigrateCoProductionDatabaseAsync(CancellationToken.None);
            var migrate = watch.Elapsed;

            var (firstSave, firstLoad) = await SaveAndLoadAsync(provider, organisation);
            var (secondSave, secondLoad) = await SaveAndLoadAsync(provider, organisation);
            Console.WriteLine(
                $"{store,-12} provider {Ms(build)}  model check {Ms(check)}  migrate {Ms(migrate)}  first save {Ms(firstSave)}  first load {Ms(firstLoad)}  "
                + $"second save {Ms(secondSave)}  second load {Ms(secondLoad)}  total {Ms(total.Elapsed)}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<(TimeSpan Save, TimeSpan Load)> SaveAndLoadAsync(IServiceProvider provider, OrganisationId organisation)
    {
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        var participant = Participant.Register(organisation, "Patient partner A", [ParticipantRole.PatientPartner], TimeProvider.System);
        participant.ChangeContactDetails(new ContactDetails("partner.a@example.org", null, null, ContactMethod.Email), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        await store.AddAsync(participant, CancellationToken.None);
        var save = watch.Elapsed;
        watch.Restart();
        _ = await store.FindAsync(participant.Id, CancellationToken.None) ?? throw new InvalidOperationException("The participant just saved was not found.");
        return (save, watch.Elapsed);
    }

    private static string Ms(TimeSpan elapsed) => $"{elapsed.TotalMilliseconds,7:F0} ms";
}
