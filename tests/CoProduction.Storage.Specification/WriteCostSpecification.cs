using System.Text.RegularExpressions;
using CoProduction.Programmes.Cohorts;

namespace CoProduction.Storage.Specification;

/// <summary>
/// What a save costs a relational store: a change to one field of a large aggregate sends as many statements (and
/// database commands) as the same change to a small one. The store writes the root row once and the rows that
/// changed, never every child row of the aggregate.
/// </summary>
/// <remarks>
/// For stores that send SQL: a subclass records the text of every database command the store sends (for EF Core, a
/// <c>DbCommandInterceptor</c> registered in <see cref="StoreSpecification.ConfigureServices"/>) and exposes it
/// through <see cref="RecordedCommands"/>.
/// </remarks>
public abstract partial class WriteCostSpecification : StoreSpecification
{
    private readonly ProgrammeSamples _samples;

    /// <summary>Initialises the specification.</summary>
    protected WriteCostSpecification() => _samples = new ProgrammeSamples(Clock);

    /// <summary>Gets the text of every command the store has sent since <see cref="ClearRecordedCommands"/>.</summary>
    protected abstract IReadOnlyList<string> RecordedCommands { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Forgets the commands recorded so far.</summary>
    protected abstract void ClearRecordedCommands();

    [Fact]
    public async Task UpdateAsync_OneTeamChangedInALargeCohort_SendsNoMoreStatementsThanInASmallOne()
    {
        var small = await CostOfPlanSubmittedAsync(extraSessions: 0);
        var large = await CostOfPlanSubmittedAsync(extraSessions: 60);

        TestContext.Current.TestOutputHelper?.WriteLine($"{small.Rows} child rows: {small.Commands} commands, {string.Join("; ", small.Statements)}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{large.Rows} child rows: {large.Commands} commands, {string.Join("; ", large.Statements)}");
        large.Rows.Should().BeGreaterThan(small.Rows + 100, "the large cohort has 60 more sessions, each with two facilitators");
        large.Statements.Should().Equal(small.Statements, "a change to one team writes the same rows however many sessions the cohort has");
        large.Commands.Should().Be(small.Commands);
        small.Statements.Should().OnlyContain(s => !s.StartsWith("DELETE", StringComparison.Ordinal), "no row is removed");
        small.Statements.Count(s => s.StartsWith("UPDATE", StringComparison.Ordinal)).Should().Be(2, "the root row once (with its version) and the one team row");
    }

    [Fact]
    public async Task UpdateAsync_SeveralSavesOfOneInstance_EachWritesItsChangeAndTheStoredStateIsWhole()
    {
        var programme = _samples.Programme(OrganisationA);
        var (cohort, _, upcoming, _) = _samples.RunningCohort(programme);
        await WithStore<ICohortStore>(OrganisationA, s => s.AddAsync(cohort, Ct));

        // The same instance saved again and again, as a long-lived caller would: each save compares with the last.
        cohort.RecordPlanSubmitted(cohort.Teams[1].Id, new DateOnly(2026, 3, 20), Clock);
        await WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(cohort, Ct));
        cohort.ChangeFacilitators(upcoming, [new(_samples.StaffFacilitator, FacilitatorRole.CoFacilitator, false), new(_samples.PatientTrainerA, FacilitatorRole.Lead, true), new(_samples.PatientTrainerB, FacilitatorRole.Shadow, true)], Clock);
        await WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(cohort, Ct));
        cohort.ChangeFacilitators(upcoming, [new(_samples.PatientTrainerB, FacilitatorRole.Lead, true)], Clock);
        ClearRecordedCommands();
        await WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(cohort, Ct));
        var shortened = RecordedCommands.ToList();

        var found = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;
        found.Version.Should().Be(4);
        found.Should().BeEquivalentTo(cohort, ProgrammeSamples.SameState);
        found.FindSession(upcoming)!.Facilitators.Should().ContainSingle();
        shortened.Should().Contain(c => c.Contains("DELETE", StringComparison.OrdinalIgnoreCase), "the facilitators past the shortened list are deleted");
    }

    [Fact]
    public async Task UpdateAsync_ACopyTheStoreDidNotLoad_ReadsTheStoredRowsThenWritesOnlyTheChangedOnes()
    {
        var programme = _samples.Programme(OrganisationA);
        var (cohort, _, _, _) = _samples.RunningCohort(programme);
        await WithStore<ICohortStore>(OrganisationA, s => s.AddAsync(cohort, Ct));
        var loaded = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;

        // A copy made outside the store (as a cache or a serialiser would): the store knows nothing of the rows it was
        // read with, so it reads them inside the save's transaction and compares with them.
        var copy = InMemory.DeepCopier.Copy(loaded);
        var team = copy.Teams[1].Id;
        copy.RecordPlanSubmitted(team, new DateOnly(2026, 3, 21), Clock);
        ClearRecordedCommands();
        await WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(copy, Ct));
        var statements = RecordedCommands.SelectMany(c => Statement().Matches(c).Select(m => m.Groups[1].Value.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ? "SELECT" : $"{m.Groups[1].Value.ToUpperInvariant()} {m.Groups[2].Value}")).ToList();

        statements.Should().Contain("SELECT", "the stored rows are read first");
        statements.Where(s => s != "SELECT").Should().Equal(["UPDATE cohorts", "UPDATE cohort_teams", "INSERT INTO outbox_messages"], "the root once, the one team row, the event");
        var found = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;
        found.Version.Should().Be(2);
        found.Should().BeEquivalentTo(copy, ProgrammeSamples.SameState);
        found.FindTeam(team)!.PlanSubmittedOn.Should().Be(new DateOnly(2026, 3, 21));
    }

    /// <summary>
    /// Stores a running cohort with <paramref name="extraSessions"/> more sessions, loads it, records one team's plan
    /// and saves it; returns the statements that save sent (their first words and tables), the database commands, and
    /// the number of child rows the cohort has.
    /// </summary>
    private async Task<(IReadOnlyList<string> Statements, int Commands, int Rows)> CostOfPlanSubmittedAsync(int extraSessions)
    {
        var programme = _samples.Programme(OrganisationA);
        var (cohort, _, _, _) = _samples.RunningCohort(programme, $"Cohort with {extraSessions} more sessions");
        for (var i = 0; i < extraSessions; i++)
        {
            cohort.ScheduleSession(
                programme,
                i % 2 == 0 ? "M2" : "M3",
                ProgrammeSamples.At(4 + (i / 28), 1 + (i % 28)),
                null,
                [new(_samples.PatientTrainerA, FacilitatorRole.Lead, true), new(_samples.StaffFacilitator, FacilitatorRole.CoFacilitator, false)],
                Clock);
        }

        await WithStore<ICohortStore>(OrganisationA, s => s.AddAsync(cohort, Ct));
        var loaded = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;
        var team = loaded.Teams[1].Id;
        loaded.RecordPlanSubmitted(team, new DateOnly(2026, 3, 20), Clock);

        ClearRecordedCommands();
        await WithStore<ICohortStore>(OrganisationA, s => s.UpdateAsync(loaded, Ct));
        var commands = RecordedCommands.ToList();

        var found = (await WithStore<ICohortStore, Cohort?>(OrganisationA, async s => await s.FindAsync(cohort.Id, Ct)))!;
        found.Should().BeEquivalentTo(loaded, ProgrammeSamples.SameState);
        found.FindTeam(team)!.PlanSubmittedOn.Should().Be(new DateOnly(2026, 3, 20));

        var statements = commands.SelectMany(c => Statement().Matches(c).Select(m => m.Groups[1].Value.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) ? "SELECT" : $"{m.Groups[1].Value.ToUpperInvariant()} {m.Groups[2].Value}")).ToList();
        var rows = cohort.Sessions.Sum(s => 1 + s.Facilitators.Count) + cohort.Teams.Sum(t => 1 + t.Members.Count) + cohort.Attendance.Count;
        return (statements, commands.Count, rows);
    }

    [GeneratedRegex(@"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM|SELECT)\s+""?(\w+)", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Statement();
}
