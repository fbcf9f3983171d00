using BenchmarkDotNet.Attributes;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.People;
using CoProduction.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Benchmarks;

/// <summary>
/// An improvement project with a year of measure values (3 measures, 52 weekly values each; a team of 4, 3 planned
/// phases, 12 involvement records with 2 people each: 199 child rows): loaded, and saved after one change (one new
/// measure value, a day after the last one saved), by the store and by hand-written ADO.NET that sends the minimal
/// statements for the same work. Each save adds a row, so the list grows by one row per run (a few hundred runs at
/// most in the Stopwatch mode: within 2 %).
/// </summary>
public partial class StoreBenchmark
{
    private static readonly DateOnly FirstNewValueOn = new(2027, 1, 1);
    private static readonly string[] ProjectTables =
    [
        "improvement_projects", "improvement_project_team_members", "improvement_project_plan_entries", "improvement_project_involvement_records",
        "improvement_project_involved_participants", "improvement_project_measures", "improvement_project_measure_values",
    ];

    // Far enough ahead that every run's new value is dated today or earlier.
    private readonly FakeTimeProvider _projectClock = new(new DateTimeOffset(2099, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private ImprovementProject? _project;
    private ImprovementProject? _baselineProject;
    private long _baselineProjectVersion = 1;
    private int _projectValuesAdded;
    private int _baselineValuesAdded;
    private int _baselineValueRows;

    /// <summary>Loads the project through its store: the root and its six child tables.</summary>
    [Benchmark]
    public async Task<ImprovementProject?> LoadProjectWithAYearOfMeasures()
    {
        await using var scope = ScopeFor(_organisation);
        return await scope.ServiceProvider.GetRequiredService<IImprovementProjectStore>().FindAsync(_project!.Id, CancellationToken.None);
    }

    /// <summary>Records one new measure value on the project and saves it through its store.</summary>
    [Benchmark]
    public async Task SaveProjectAfterOneChange()
    {
        var project = _project!;
        project.RecordMeasureValue(project.Measures[0].Id, FirstNewValueOn.AddDays(_projectValuesAdded++), 3.5, _projectClock);
        await using var scope = ScopeFor(_organisation);
        await scope.ServiceProvider.GetRequiredService<IImprovementProjectStore>().UpdateAsync(project, CancellationToken.None);
    }

    /// <summary>The hand-written load: in one read transaction, the root row and the rows of each child table, by the project's id.</summary>
    [Benchmark]
    public Task<int> RawAdoNetLoadProjectWithAYearOfMeasures() =>
        LoadRowsByHandAsync(ProjectTables, "improvement_project_id", _baselineProject!.Id.Value);

    /// <summary>
    /// The hand-written save of the same change: claim the root row at its version, insert the one value row at the
    /// end of the list, insert the event, in one transaction.
    /// </summary>
    [Benchmark]
    public async Task RawAdoNetSaveProjectAfterOneChange()
    {
        var project = _baselineProject!;
        var on = FirstNewValueOn.AddDays(_baselineValuesAdded++);
        await using var connection = OpenBaselineConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = _projectClock.GetUtcNow();
        await ClaimVersionByHandAsync(connection, transaction, "improvement_projects", project.Id.Value, _baselineProjectVersion);
        await using (var row = connection.CreateCommand())
        {
            row.Transaction = transaction;
            row.CommandText = "INSERT INTO improvement_project_measure_values (improvement_project_id, position, measure_id, value_on, value) VALUES (@id, @position, @measure, @on, @value)";
            IdParameter(row, "id", project.Id.Value);
            ValueParameter(row, "position", _baselineValueRows);
            IdParameter(row, "measure", project.Measures[0].Id);
            ValueParameter(row, "on", Store == "Sqlite" ? on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : on);
            ValueParameter(row, "value", 3.5);
            await row.ExecuteNonQueryAsync();
        }

        await InsertEventByHandAsync(
            connection,
            transaction,
            "ImprovementProject",
            project.Id.Value,
            _baselineProjectVersion + 1,
            typeof(Involvement.Projects.Events.ProjectMeasureValueRecorded),
            new Involvement.Projects.Events.ProjectMeasureValueRecorded(project.Id, project.Measures[0].Id, on, now),
            now);
        await transaction.CommitAsync();
        _baselineProjectVersion++;
        _baselineValueRows++;
    }

    /// <summary>Stores the project the store benchmarks use, and its twin the hand-written ones use, with their framework.</summary>
    private async Task SetUpProjectsAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var framework = InvolvementFramework.Adopt(
            _organisation,
            "trust-framework",
            "Trust involvement framework",
            "2026.1",
            [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement],
            clock);
        framework.Publish(clock);
        _project = NewProjectWithAYearOfMeasures(framework);
        _baselineProject = NewProjectWithAYearOfMeasures(framework);
        _baselineValueRows = _baselineProject.MeasureValues.Count;
        await using var scope = ScopeFor(_organisation);
        await scope.ServiceProvider.GetRequiredService<IInvolvementFrameworkStore>().AddAsync(framework, CancellationToken.None);
        var store = scope.ServiceProvider.GetRequiredService<IImprovementProjectStore>();
        await store.AddAsync(_project, CancellationToken.None);
        await store.AddAsync(_baselineProject, CancellationToken.None);

        // The store's instance as a caller would have it: loaded.
        _project = await store.FindAsync(_project.Id, CancellationToken.None);
    }

    private ImprovementProject NewProjectWithAYearOfMeasures(InvolvementFramework framework)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var lead = ParticipantId.New();
        var project = ImprovementProject.Start(_organisation, framework, "Medicines at discharge", "Every patient goes home understanding their medicines", "Acute medicine", lead, new DateOnly(2025, 6, 1), clock);
        var partner = ParticipantId.New();
        project.AddTeamMember(partner, ProjectTeamRole.PatientPartner, true, new DateOnly(2025, 6, 1), clock);
        project.AddTeamMember(ParticipantId.New(), ProjectTeamRole.Carer, true, new DateOnly(2025, 6, 1), clock);
        project.AddTeamMember(ParticipantId.New(), ProjectTeamRole.StaffMember, false, new DateOnly(2025, 6, 1), clock);
        project.PlanInvolvement(framework, "aim", "co-production", "Patient partners and a carer", "Set the aim together", clock);
        project.PlanInvolvement(framework, "do", "co-design", "Ward patients", "Test the chart at the bedside", clock);
        project.PlanInvolvement(framework, "study", "co-production", "Core team", "Read the run charts together", clock);
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        for (var month = 0; month < 12; month++)
        {
            project.RecordInvolvement(framework, new DateOnly(2025, 6, 10).AddMonths(month), "aim", "co-production", $"Core team meeting {month + 1}", [new InvolvedParticipant(partner, true), new InvolvedParticipant(lead, false)], clock);
        }

        var measures = new[]
        {
            project.DefineMeasure("Understood their medicines at discharge (%)", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", clock),
            project.DefineMeasure("Discharge delay (minutes)", MeasureType.Balancing, false, ImprovementDirection.Decrease, "minutes", clock),
            project.DefineMeasure("Chart used", MeasureType.Process, false, ImprovementDirection.Increase, null, clock),
        };
        for (var week = 0; week < 52; week++)
        {
            foreach (var measure in measures)
            {
                project.RecordMeasureValue(measure, new DateOnly(2025, 6, 2).AddDays(7 * week), 50 + (week % 7), clock);
            }
        }

        return project;
    }
}
