using CoProduction.Involvement.Projects;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.PeerReview;
using CoProduction.Primitives;
using CoProduction.Programmes.Cohorts;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Storage.Specification;

/// <summary>
/// A fault between the writes of a command that changes several aggregates changes nothing: for every command in
/// <see cref="Commands"/> and each of the writes the store makes for it in turn (the first, the second, and so on), a
/// fresh arrangement runs the command with that write failed (by the <see cref="WriteFaultInjector"/> the store under
/// test consults), and every aggregate involved must be as it was (same version, same state), with no event stored or
/// dispatched; run again without the fault, the command succeeds. The last round arms a write the command never
/// reaches, and the command succeeds. A store that sends every write of a unit of work in one batch (one database
/// command) has one write to fail.
/// </summary>
/// <remarks>
/// A store passes this specification by calling <see cref="WriteFaultInjector.BeforeWrite"/> before each write inside
/// its transaction; see <see cref="InjectWriteFaults"/>.
/// </remarks>
public abstract class MultiAggregateFaultSpecification : StoreSpecification
{
    /// <summary>A bound on the writes of one command, so that a store that never stops counting fails rather than loops.</summary>
    private const int MaximumWrites = 400;

    private readonly DispatchedEvents _dispatched = new();

    /// <summary>Gets the names of the multi-aggregate commands this specification runs (one theory case each).</summary>
    public static TheoryData<string> Commands => [.. MultiAggregateCommands.All.Select(c => c.Name)];

    /// <summary>Gets the fault injector the store under test consults before each write.</summary>
    protected WriteFaultInjector Faults { get; } = new();

    private CrossAggregateScenario Scenario => field ??= new CrossAggregateScenario(() => ScopeFor(OrganisationA), Clock);

    [Theory]
    [MemberData(nameof(Commands), MemberType = typeof(MultiAggregateFaultSpecification))]
    public async Task Command_FaultOnAnyOfItsWrites_ChangesNothingAndSucceedsWithoutTheFault(string command)
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = MultiAggregateCommands.All.Single(c => c.Name == command);

        // Fail write 1, then write 2, and so on, each in a fresh arrangement of the same size, until the command
        // makes fewer writes than the one armed: then it succeeds with the fault armed and never reached.
        for (var write = 1; ; write++)
        {
            write.Should().BeLessThan(MaximumWrites, $"{command} should make fewer than {MaximumWrites} writes; does the store consult the injector only inside its transaction?");
            var arranged = await scenario.ArrangeAsync(Scenario, ct);
            var before = await SnapshotAsync(arranged, ct);
            _dispatched.Clear();

            Faults.FailOnWrite(write);
            Exception? thrown = null;
            try
            {
                await arranged.ActAsync(ct);
            }
            catch (Exception ex)
            {
                thrown = ex;
            }

            Faults.Stop();
            if (thrown is null)
            {
                Faults.Fired.Should().BeFalse();
                // A store may send all the writes of a unit of work as one batch (one command): then the fault on write 1
                // has failed all of them at once, and there is no second write to fail.
                (write - 1).Should().BeGreaterThanOrEqualTo(1, $"{command} changes several aggregates, so the store must consult the injector before each of its writes");
                _dispatched.All.Should().NotBeEmpty($"{command} succeeds without the fault");
                return;
            }

            Faults.Fired.Should().BeTrue($"{command} failed before write {write} with {thrown.GetType().Name}: {thrown.Message}");
            Causes(thrown).OfType<InjectedFaultException>().Should().ContainSingle($"the failure of {command} must be the injected fault, not {thrown.GetType().Name}: {thrown.Message}");
            var after = await SnapshotAsync(arranged, ct);
            after.Should().BeEquivalentTo(before, o => o.RespectingRuntimeTypes().WithStrictOrdering().Excluding(m => m.Name == nameof(IAggregateRoot.PendingEvents)), $"a fault on write {write} of {command} must change nothing");
            _dispatched.All.Should().BeEmpty($"a fault on write {write} of {command} must leave no event to dispatch");

            await arranged.ActAsync(ct);
            _dispatched.All.Should().NotBeEmpty($"{command} succeeds without the fault");
        }
    }

    /// <summary>
    /// Makes the store under test call <paramref name="faults"/>' <see cref="WriteFaultInjector.BeforeWrite"/> before
    /// each write it sends inside a transaction. For an EF Core store, register a <c>DbCommandInterceptor</c> (with
    /// <c>services.ConfigureDbContext&lt;TContext&gt;(o =&gt; o.AddInterceptors(...))</c>) that calls it before each
    /// <c>INSERT</c>, <c>UPDATE</c> or <c>DELETE</c> command. Called before <see cref="StoreSpecification.UseStores"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="faults">The injector.</param>
    protected abstract void InjectWriteFaults(IServiceCollection services, WriteFaultInjector faults);

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        base.ConfigureServices(services);
        services.AddSingleton(_dispatched);
        services.AddSingleton(typeof(IDomainEventHandler<>), typeof(EventTap<>));
        InjectWriteFaults(services, Faults);
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private Task<Dictionary<string, object?>> SnapshotAsync(ArrangedCommand arranged, CancellationToken ct) =>
        Scenario.WithAsync(async sp =>
        {
            var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
            await arranged.SnapshotAsync(sp, facts, ct);
            return facts;
        });
}

/// <summary>A command arranged to run: how to run it, and what to read back to see whether it changed anything.</summary>
/// <param name="ActAsync">Runs the command through its service.</param>
/// <param name="SnapshotAsync">Reads every aggregate the command touches (and their events) into the facts.</param>
internal sealed record ArrangedCommand(Func<CancellationToken, Task> ActAsync, Func<IServiceProvider, Dictionary<string, object?>, CancellationToken, Task> SnapshotAsync);

/// <summary>A named multi-aggregate command: each call of <see cref="ArrangeAsync"/> arranges a fresh instance of it.</summary>
/// <param name="Name">The service method.</param>
/// <param name="ArrangeAsync">Arranges the aggregates it acts on.</param>
internal sealed record MultiAggregateCommand(string Name, Func<CrossAggregateScenario, CancellationToken, Task<ArrangedCommand>> ArrangeAsync);

/// <summary>Every command that changes more than one aggregate. A new one is one entry here.</summary>
internal static class MultiAggregateCommands
{
    internal static IReadOnlyList<MultiAggregateCommand> All { get; } =
    [
        new("PanelMeetingService.ScheduleAsync", async (s, ct) =>
        {
            var submission = await s.AcceptedSubmissionAsync("Shorter waits in triage", ct);
            var meeting = await s.MeetingAsync(new DateOnly(2026, 6, 10), ct);
            return new ArrangedCommand(
                ct => s.ScheduleAsync(submission, meeting, ct),
                async (sp, facts, ct) =>
                {
                    facts["submission"] = await sp.GetRequiredService<IReviewSubmissionStore>().FindAsync(submission, ct);
                    facts["meeting"] = await sp.GetRequiredService<IPanelMeetingStore>().FindAsync(meeting, ct);
                    await AddEventsAsync(sp, facts, ct, submission.Value, meeting.Value);
                });
        }),
        new("ReviewSubmissionService.DeferAsync", async (s, ct) =>
        {
            var submission = await s.AcceptedSubmissionAsync("Discharge letters in plain English", ct);
            var meeting = await s.MeetingAsync(new DateOnly(2026, 6, 17), ct);
            await s.ScheduleAsync(submission, meeting, ct);
            return new ArrangedCommand(
                ct => s.DeferAsync(submission, ct),
                async (sp, facts, ct) =>
                {
                    facts["submission"] = await sp.GetRequiredService<IReviewSubmissionStore>().FindAsync(submission, ct);
                    facts["meeting"] = await sp.GetRequiredService<IPanelMeetingStore>().FindAsync(meeting, ct);
                    await AddEventsAsync(sp, facts, ct, submission.Value, meeting.Value);
                });
        }),
        new("ReviewSubmissionService.DraftAsync", async (s, ct) =>
        {
            var world = await s.PeerReviewAsync(ct);
            var project = await s.ProjectAsync("Calmer maternity triage", ct);
            return new ArrangedCommand(
                ct => s.WithAsync<ReviewSubmissionService, ReviewSubmission>(p => p.DraftAsync(world.PanelId, project, "Our plan.", ct)),
                async (sp, facts, ct) =>
                {
                    facts["project"] = await sp.GetRequiredService<IImprovementProjectStore>().FindAsync(project, ct);
                    facts["submissions"] = (await sp.GetRequiredService<IReviewSubmissionStore>().ListByPanelAsync(world.PanelId, ct)).Select(x => x.Id).ToList();
                    await AddEventsAsync(sp, facts, ct, project.Value);
                });
        }),
        new("ReviewSubmissionService.WithdrawAsync", async (s, ct) =>
        {
            var submission = await s.AcceptedSubmissionAsync("Falls prevention", ct);
            var meeting = await s.MeetingAsync(new DateOnly(2026, 6, 24), ct);
            await s.ScheduleAsync(submission, meeting, ct);
            return new ArrangedCommand(
                ct => s.WithAsync(sp => sp.GetRequiredService<ReviewSubmissionService>().WithdrawAsync(submission, "The project stopped.", ct)),
                async (sp, facts, ct) =>
                {
                    facts["submission"] = await sp.GetRequiredService<IReviewSubmissionStore>().FindAsync(submission, ct);
                    facts["meeting"] = await sp.GetRequiredService<IPanelMeetingStore>().FindAsync(meeting, ct);
                    await AddEventsAsync(sp, facts, ct, submission.Value, meeting.Value);
                });
        }),
        new("ImprovementProjectService.AddTeamMemberAsync", async (s, ct) =>
        {
            var world = await s.PeerReviewAsync(ct);
            var submission = await s.AcceptedSubmissionAsync("Outpatient letters", ct);
            var meeting = await s.MeetingAsync(new DateOnly(2026, 7, 1), ct);
            await s.ScheduleAsync(submission, meeting, ct);
            var project = (await s.SubmissionAsync(submission, ct))!.ProjectId;
            var today = DateOnly.FromDateTime(s.Clock.GetUtcNow().UtcDateTime);
            return new ArrangedCommand(
                ct => s.WithAsync<ImprovementProjectService, ImprovementProject>(p => p.AddTeamMemberAsync(project, world.Reviewer, ProjectTeamRole.PatientPartner, isCoreTeam: true, today, ct)),
                async (sp, facts, ct) =>
                {
                    facts["project"] = await sp.GetRequiredService<IImprovementProjectStore>().FindAsync(project, ct);
                    facts["submission"] = await sp.GetRequiredService<IReviewSubmissionStore>().FindAsync(submission, ct);
                    facts["meeting"] = await sp.GetRequiredService<IPanelMeetingStore>().FindAsync(meeting, ct);
                    await AddEventsAsync(sp, facts, ct, project.Value, submission.Value, meeting.Value);
                });
        }),
        new("PaymentService.SubmitClaimAsync", async (s, ct) =>
        {
            var claimant = await s.ClaimantAsync(ct);
            var activities = await s.ActivitiesAsync(3, ct);
            return new ArrangedCommand(
                ct => s.WithAsync<PaymentService, PaymentClaim>(p => p.SubmitClaimAsync(claimant, activities, [], ct)),
                async (sp, facts, ct) =>
                {
                    var store = sp.GetRequiredService<IInvolvementActivityStore>();
                    foreach (var id in activities)
                    {
                        facts[$"activity {id}"] = await store.FindAsync(id, ct);
                    }

                    facts["claims"] = await sp.GetRequiredService<IPaymentClaimStore>().ListForParticipantAsync(claimant, ct);
                    await AddEventsAsync(sp, facts, ct, [.. activities.Select(a => a.Value)]);
                });
        }),
        new("ParticipantService.EraseAsync", async (s, ct) =>
        {
            // A new person each time: the command succeeds after every injected fault, and an erased person is gone.
            var claimant = await s.RegisterAsync("Patient partner E", ParticipantRole.PatientPartner, ct);
            var today = DateOnly.FromDateTime(s.Clock.GetUtcNow().UtcDateTime);
            await s.WithAsync<PaymentService, PaymentClaim>(async p =>
            {
                var activity = await p.RecordActivityAsync(claimant, InvolvementActivityKind.PanelMeeting, today.AddDays(-1), TimeSpan.FromHours(2), "Partner", "Panel meeting, in my words", null, ct);
                return await p.SubmitClaimAsync(claimant, [activity.Id], [new Expense(ExpenseKind.Travel, 4.20m, true, "Bus fare to the clinic")], ct);
            });
            var activities = (await s.WithAsync<IInvolvementActivityStore, IReadOnlyList<InvolvementActivity>>(a => a.ListForParticipantAsync(claimant, ct))).Select(a => a.Id).ToList();
            return new ArrangedCommand(
                ct => s.WithAsync<ParticipantService, Participant>(p => p.EraseAsync(claimant, ct)),
                async (sp, facts, ct) =>
                {
                    facts["participant"] = await sp.GetRequiredService<IParticipantStore>().FindAsync(claimant, ct);
                    facts["activities"] = await sp.GetRequiredService<IInvolvementActivityStore>().ListForParticipantAsync(claimant, ct);
                    facts["claims"] = await sp.GetRequiredService<IPaymentClaimStore>().ListForParticipantAsync(claimant, ct);
                    await AddEventsAsync(sp, facts, ct, [claimant.Value, .. activities.Select(a => a.Value)]);
                });
        }),
        new("CohortService.RecordFacilitationActivitiesAsync", async (s, ct) =>
        {
            var world = await s.ProgrammeAsync(ct);
            var (cohort, session) = await s.DeliveredSessionAsync(ct);
            return new ArrangedCommand(
                ct => s.WithAsync<CohortService, IReadOnlyList<InvolvementActivity>>(c => c.RecordFacilitationActivitiesAsync(cohort, session, ct)),
                async (sp, facts, ct) =>
                {
                    facts["cohort"] = await sp.GetRequiredService<ICohortStore>().FindAsync(cohort, ct);
                    var activities = sp.GetRequiredService<IInvolvementActivityStore>();
                    foreach (var person in new[] { world.Trainer, world.Carer, world.Coach })
                    {
                        facts[$"activities of {person}"] = await activities.ListForParticipantAsync(person, ct);
                    }

                    await AddEventsAsync(sp, facts, ct, cohort.Value);
                });
        }),
    ];

    /// <summary>Adds the sequence numbers of the stored events of each aggregate.</summary>
    private static async Task AddEventsAsync(IServiceProvider services, Dictionary<string, object?> facts, CancellationToken ct, params Guid[] aggregateIds)
    {
        var outbox = services.GetRequiredService<IEventOutbox>();
        foreach (var id in aggregateIds)
        {
            facts[$"events of {id}"] = (await outbox.ListForAggregateAsync(id, ct)).Select(m => m.Sequence).ToList();
        }
    }
}
