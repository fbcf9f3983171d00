using BenchmarkDotNet.Attributes;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Frameworks.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Benchmarks;

/// <summary>
/// A published involvement framework (the TLAP ladder, the UK Standards for Public Involvement and the Model for
/// Improvement adopted together: levels, standards with their indicators, rating scales with their points, phases),
/// loaded; and, since a published framework cannot change, its revision (a draft with the same content under a new
/// version) saved after one change (one indicator's weight), by the store and by hand-written ADO.NET that sends the
/// minimal statements for the same work.
/// </summary>
public partial class StoreBenchmark
{
    private static readonly string[] FrameworkTables =
    [
        "involvement_frameworks", "involvement_framework_level_groups", "involvement_framework_levels", "involvement_framework_rating_scales",
        "involvement_framework_rating_points", "involvement_framework_standards", "involvement_framework_indicators", "involvement_framework_phases",
    ];

    private readonly FakeTimeProvider _frameworkClock = new(new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero));
    private InvolvementFramework? _publishedFramework;
    private InvolvementFramework? _baselinePublishedFramework;
    private InvolvementFramework? _frameworkRevision;
    private InvolvementFramework? _baselineFrameworkRevision;
    private long _baselineRevisionVersion = 1;
    private int _weightToggle;
    private int _baselineWeightToggle;

    /// <summary>Loads the published framework through its store: the root and its seven child tables.</summary>
    [Benchmark]
    public async Task<InvolvementFramework?> LoadPublishedFramework()
    {
        await using var scope = ScopeFor(_organisation);
        return await scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>().FindAsync(_publishedFramework!.Id, CancellationToken.None);
    }

    /// <summary>Changes the weight of the first indicator of the framework's revision and saves it through its store.</summary>
    [Benchmark]
    public async Task SaveFrameworkRevisionAfterOneChange()
    {
        var revision = _frameworkRevision!;
        revision.ChangeIndicatorWeight(revision.Standards[0].Indicators[0].Id, ++_weightToggle % 2 == 0 ? 1.0 : 2.0, _frameworkClock);
        await using var scope = ScopeFor(_organisation);
        await scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>().UpdateAsync(revision, CancellationToken.None);
    }

    /// <summary>The hand-written load: in one read transaction, the root row and the rows of each child table, by the framework's id.</summary>
    [Benchmark]
    public Task<int> RawAdoNetLoadPublishedFramework() =>
        LoadRowsByHandAsync(FrameworkTables, "involvement_framework_id", _baselinePublishedFramework!.Id.Value);

    /// <summary>
    /// The hand-written save of the same change: claim the root row at its version, update the one indicator row,
    /// insert the event, in one transaction.
    /// </summary>
    [Benchmark]
    public async Task RawAdoNetSaveFrameworkRevisionAfterOneChange()
    {
        var revision = _baselineFrameworkRevision!;
        var indicator = revision.Standards[0].Indicators[0].Id;
        await using var connection = OpenBaselineConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = _frameworkClock.GetUtcNow();
        await ClaimVersionByHandAsync(connection, transaction, "involvement_frameworks", revision.Id.Value, _baselineRevisionVersion);
        await using (var row = connection.CreateCommand())
        {
            row.Transaction = transaction;
            row.CommandText = "UPDATE involvement_framework_indicators SET weight = @weight WHERE involvement_framework_id = @id AND standard_position = 0 AND position = 0";
            IdParameter(row, "id", revision.Id.Value);
            ValueParameter(row, "weight", ++_baselineWeightToggle % 2 == 0 ? 1.0 : 2.0);
            if (await row.ExecuteNonQueryAsync() != 1)
            {
                throw new InvalidOperationException("The baseline framework has no first indicator row.");
            }
        }

        await InsertEventByHandAsync(
            connection,
            transaction,
            "InvolvementFramework",
            revision.Id.Value,
            _baselineRevisionVersion + 1,
            typeof(InvolvementFrameworkRevised),
            new InvolvementFrameworkRevised(revision.Id, "indicator-weight:" + indicator, now),
            now);
        await transaction.CommitAsync();
        _baselineRevisionVersion++;
    }

    /// <summary>Stores the published framework and its revision for the store benchmarks, and their twins for the hand-written ones.</summary>
    private async Task SetUpFrameworksAsync()
    {
        _publishedFramework = NewPublishedFramework("published-framework");
        _baselinePublishedFramework = NewPublishedFramework("baseline-framework");
        _frameworkRevision = _publishedFramework.CreateRevision("2026.2", _frameworkClock);
        _baselineFrameworkRevision = _baselinePublishedFramework.CreateRevision("2026.2", _frameworkClock);
        await using var scope = ScopeFor(_organisation);
        var store = scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>();
        foreach (var framework in new[] { _publishedFramework, _baselinePublishedFramework, _frameworkRevision, _baselineFrameworkRevision })
        {
            await store.AddAsync(framework, CancellationToken.None);
        }

        // The store's instance as a caller would have it: loaded.
        _frameworkRevision = await store.FindAsync(_frameworkRevision.Id, CancellationToken.None);
    }

    private InvolvementFramework NewPublishedFramework(string key)
    {
        var framework = InvolvementFramework.Adopt(
            _organisation,
            key,
            "Trust involvement framework",
            "2026.1",
            [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement],
            _frameworkClock);
        framework.Publish(_frameworkClock);
        return framework;
    }
}
