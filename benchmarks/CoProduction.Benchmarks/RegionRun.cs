using System.Diagnostics;
using System.Globalization;
using CoProduction.Involvement;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Scoring;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Storage;
using CoProduction.Storage.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CoProduction.Benchmarks;

/// <summary>
/// <c>-- region [ORGS] [ROUNDS]</c> (issue 14, item 7): a region's scale on PostgreSQL. Generates ORGS organisations
/// (default 50), each with a year of work (2026): 200 participants, 3 running cohorts of a programme, a panel with 12
/// monthly meetings and 24 submissions (the 22 presented have feedback, an action plan and, for half the actions, a
/// follow-up; the December meeting is arranged with its two submissions on the agenda), a published framework and 40
/// projects (2 measures of 12 monthly values, 4 records of involvement), 100 activities each on a claim (a third paid,
/// a third approved, a third submitted). The aggregates are built with the domain's methods (deterministic content)
/// and imported one organisation per unit of work (<see cref="IUnitOfWork.SaveAsync"/>): the services would take hours.
/// Then, on 20 November 2026, the participation team's dashboard per organisation, through the services, over ROUNDS
/// rounds (default 5; the first is a warm-up): outstanding claims, overdue follow-ups, the next meeting's agenda,
/// the portfolio view; p50, p95 and max per query, and the statements each sends. Needs COPRODUCTION_POSTGRES_CONNECTION;
/// a database of its own, dropped after (kept with COPRODUCTION_REGION_KEEP=1, for EXPLAIN ANALYZE).
/// </summary>
public static class RegionRun
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    /// <summary>Generates the region, times the dashboard and prints the figures.</summary>
    public static async Task RunAsync(int organisations, int rounds)
    {
        var server = Environment.GetEnvironmentVariable("COPRODUCTION_POSTGRES_CONNECTION")
            ?? throw new InvalidOperationException("Set COPRODUCTION_POSTGRES_CONNECTION (source .ci/services.d/postgres.sh).");
        var database = $"coproduction_region_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            var dashboardClock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(dashboardClock);
            services.AddCoProduction().UsePostgreSql(connection);
            var counter = new StatementCounter();
            services.ConfigureDbContext<CoProduction.Storage.EntityFrameworkCore.CoProductionDbContext>(db => db.AddInterceptors(counter));
            await using var provider = services.BuildServiceProvider();
            await provider.MigrateCoProductionDatabaseAsync(CancellationToken.None);

            var regions = new List<(OrganisationId Organisation, PanelId Panel)>();
            var build = TimeSpan.Zero;
            var import = TimeSpan.Zero;
            var aggregates = 0;
            for (var i = 0; i < organisations; i++)
            {
                var watch = Stopwatch.StartNew();
                var organisation = new OrganisationId(new Guid(i + 1, 0x2026, 0x1400, [0, 0, 0, 0, 0, 0, 0, (byte)i]));
                var (changes, panel) = GenerateYear(organisation, i);
                build += watch.Elapsed;
                watch.Restart();
                await using (var scope = provider.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisation);
                    await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveAsync(changes, CancellationToken.None);
                }

                import += watch.Elapsed;
                aggregates += changes.Count;
                regions.Add((organisation, panel));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {organisations} organisations, {aggregates:N0} aggregates: built in {build.TotalSeconds:F1} s, imported in {import.TotalSeconds:F1} s ({import.TotalMilliseconds / organisations:F0} ms per organisation)."));

            var queries = new (string Name, Func<IServiceProvider, PanelId, Task<int>> Run)[]
            {
                ("Outstanding claims (PaymentService)", async (s, _) => (await s.GetRequiredService<PaymentService>().GetOutstandingClaimsAsync(CancellationToken.None)).Count),
                ("Overdue follow-ups (ReviewSubmissionService)", async (s, _) => (await s.GetRequiredService<ReviewSubmissionService>().ListOverdueFollowUpsAsync(CancellationToken.None)).Count),
                ("Next panel agenda (meetings of the panel)", NextAgendaAsync),
                ("Portfolio view (InvolvementPortfolioService)", async (s, _) => (await s.GetRequiredService<InvolvementPortfolioService>().AnalysePortfolioImpactAsync(CancellationToken.None)).Projects.Count),

                // Where the time of the two slow ones goes: their store calls alone.
                ("  of overdue: its store query alone", async (s, _) => (await s.GetRequiredService<IReviewSubmissionStore>().ListWithOpenActionsDueBeforeAsync(Today, CancellationToken.None)).Count),
                ("  of portfolio: list projects alone", async (s, _) => (await s.GetRequiredService<IImprovementProjectStore>().ListAsync(null, CancellationToken.None)).Count),
                ("  of portfolio: list frameworks alone", async (s, _) => (await s.GetRequiredService<IInvolvementFrameworkStore>().ListAsync(CancellationToken.None)).Count),
            };
            var timings = queries.Select(_ => new List<double>()).ToArray();
            var counts = new int[queries.Length];
            var statements = new long[queries.Length];
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (organisation, panel) in regions)
                {
                    for (var q = 0; q < queries.Length; q++)
                    {
                        await using var scope = provider.CreateAsyncScope();
                        scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(organisation);
                        var before = counter.Count;
                        var watch = Stopwatch.StartNew();
                        counts[q] = await queries[q].Run(scope.ServiceProvider, panel);
                        watch.Stop();
                        statements[q] = counter.Count - before;
                        if (round > 0)
                        {
                            timings[q].Add(watch.Elapsed.TotalMilliseconds);
                        }
                    }
                }
            }

            Console.WriteLine($"Dashboard per organisation, {rounds - 1} rounds after a warm-up, {organisations} organisations ({timings[0].Count} calls per query):");
            for (var q = 0; q < queries.Length; q++)
            {
                var sorted = timings[q].Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {queries[q].Name,-48} p50 {Percentile(sorted, 0.50),8:F1} ms  p95 {Percentile(sorted, 0.95),8:F1} ms  max {sorted[^1],8:F1} ms  (items: {counts[q]}, statements: {statements[q]})"));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("COPRODUCTION_REGION_KEEP") == "1")
            {
                Console.WriteLine($"Kept database {database} (COPRODUCTION_REGION_KEEP=1): drop it when done.");
            }
            else
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>
    /// The next meeting's agenda as a dashboard reads it through the library: the panel's meetings
    /// (<see cref="IPanelMeetingStore.ListByPanelAsync"/>; <see cref="PanelMeetingService"/> has no query for the
    /// next meeting), the first dated today or later, and its slots.
    /// </summary>
    private static async Task<int> NextAgendaAsync(IServiceProvider services, PanelId panel)
    {
        var meetings = await services.GetRequiredService<IPanelMeetingStore>().ListByPanelAsync(panel, CancellationToken.None);
        var next = meetings.Where(m => m.Date >= Today).MinBy(m => m.Date)
            ?? throw new InvalidOperationException("The region's panel has no meeting arranged after today.");
        return next.Agenda.Count;
    }

    /// <summary>Counts the commands the contexts send (queries and writes).</summary>
    private sealed class StatementCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static (List<AggregateChange> Changes, PanelId Panel) GenerateYear(OrganisationId organisation, int number)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero));
        var changes = new List<AggregateChange>();

        // 200 participants: 20 staff, the rest patient partners and carers; two in three consent to be contacted.
        var people = new List<Participant>();
        for (var p = 0; p < 200; p++)
        {
            var roles = p < 20 ? new[] { ParticipantRole.Staff } : p % 5 == 0 ? [ParticipantRole.Carer] : [ParticipantRole.PatientPartner];
            var participant = Participant.Register(organisation, $"Partner {number}-{p}", roles, clock);
            participant.ChangeContactDetails(new ContactDetails($"partner.{number}.{p}@example.org", null, null), clock);
            if (p % 3 != 0)
            {
                participant.GiveConsent(ConsentPurpose.Contact, clock);
            }

            people.Add(participant);
        }

        changes.AddRange(people.Select(AggregateChange.Add));
        var partners = people.Skip(20).ToList();

        // A programme and its 3 running cohorts (12 sessions, 2 teams of 4, 6 sessions delivered with the register).
        var programme = Programme.Create(organisation, "Co-Production for Improvement", "Teams learn to improve services with patients", clock);
        programme.PublishVersion(
            "First version",
            [
                new("M1", "What co-production is", ["Explain what co-production means"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
                new("M2", "Planning improvement together", ["Write an improvement aim with patient partners"], TimeSpan.FromHours(2), DeliveryMode.Hybrid),
            ],
            [new CoDesignContribution(people[0].Id, CoDesignPerspective.LivedExperience, "Wrote the modules")],
            clock);
        programme.ChangeAttendanceStatuses([new("Present", 1m), new("Late", 1m), new("Absent", 0m)], clock);
        changes.Add(AggregateChange.Add(programme));
        for (var c = 0; c < 3; c++)
        {
            clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).AddMonths(3 * c));
            var start = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var cohort = Cohort.Plan(programme, 1, $"Cohort {c + 1}", start, start.AddMonths(6), clock);
            var sessions = new List<CohortSessionId>();
            for (var s = 0; s < 12; s++)
            {
                sessions.Add(cohort.ScheduleSession(
                    programme,
                    s % 2 == 0 ? "M1" : "M2",
                    clock.GetUtcNow().AddDays(1 + (7 * s)),
                    null,
                    [new(partners[c].Id, FacilitatorRole.Lead, true), new(people[1 + c].Id, FacilitatorRole.CoFacilitator, false)],
                    clock));
            }

            cohort.OpenRecruitment(clock);
            for (var t = 0; t < 2; t++)
            {
                var members = partners.Skip((c * 8) + (t * 4)).Take(4).Select((m, k) => new TeamMember(m.Id, k < 2)).ToList();
                cohort.EnrolTeam(new TeamEnrolment($"Team {t + 1}", "Co-design the service with patients", members), clock);
            }

            cohort.Start(clock);
            var enrolled = cohort.Teams.SelectMany(t => t.Members).ToList();
            var at = clock.GetUtcNow();
            for (var s = 0; s < 6; s++)
            {
                clock = new FakeTimeProvider(at.AddDays(1 + (7 * s)).AddHours(7));
                cohort.MarkSessionDelivered(sessions[s], clock);
                cohort.RecordSessionAttendance(sessions[s], enrolled.Select((m, k) => new AttendanceEntry(m.ParticipantId, (k + s) % 5 == 0 ? "Absent" : "Present")), clock);
            }

            changes.Add(AggregateChange.Add(cohort));
        }

        // The panel, 12 monthly meetings (10th of the month) and 2 submissions each.
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero));
        var panelClock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var scenario = new PeerReviewScenario(organisation, panelClock, $"Peer review panel {number}");
        changes.Add(AggregateChange.Add(scenario.Panel));
        var form = scenario.FirstRoundForm;
        for (var m = 0; m < 12; m++)
        {
            var date = new DateOnly(2026, m + 1, 10);
            clock = new FakeTimeProvider(new DateTimeOffset(date.AddDays(-20).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            panelClock.SetUtcNow(clock.GetUtcNow());
            var meeting = scenario.NewQuorateMeeting(date);
            var submissions = new List<ReviewSubmission>();
            for (var s = 0; s < 2; s++)
            {
                var lead = partners[(m * 2) + s + 40];
                var submission = ReviewSubmission.Draft(organisation, scenario.Panel.Id, ImprovementProjectId.New(), $"Project {m + 1}.{s + 1}", "Maternity", lead.Id, [partners[(m * 2) + s + 70].Id], "We want the panel's view.", clock);
                submission.Submit(clock);
                submission.Accept(clock);
                submission.Schedule(meeting.Id, clock);
                meeting.AddAgendaSlot(submission.Title, new TimeOnly(10 + s, 0), 45, submission.Id, clock);
                submissions.Add(submission);
            }

            if (date < Today)
            {
                clock = new FakeTimeProvider(new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
                foreach (var submission in submissions)
                {
                    meeting.SubmitReview(scenario.R1, submission.Id, 1, form, new Dictionary<string, int> { ["patient-voice"] = 4, ["aim"] = 7, ["plan"] = 3 }, new Dictionary<string, string> { ["strengths"] = "A clear aim." }, null, clock);
                    meeting.SubmitReview(scenario.R2, submission.Id, 1, form, new Dictionary<string, int> { ["patient-voice"] = 3, ["aim"] = 8, ["plan"] = 2 }, new Dictionary<string, string> { ["strengths"] = "Honest about gaps." }, null, clock);
                    submission.Present(meeting.Id, clock);
                    submission.IssueFeedback(meeting.CompileFeedback(submission.Id, 1, form, "Thank you.", ["Invite two patient partners.", "Share results in plain English."], clock), clock);
                    submission.ReceiveResponse(
                        [.. submission.CurrentRound.Feedback!.Recommendations.Select((r, k) => new PlannedResponse(r.Id, ResponseDecision.Accept, null, [new ActionCommitment("Act on: " + r.Text, partners[(m * 3) + k + 100].Id, date.AddDays(30 + (30 * k)))]))],
                        clock);
                    var first = submission.CurrentRound.Actions[0];
                    if (first.DueOn < Today)
                    {
                        clock = new FakeTimeProvider(new DateTimeOffset(first.DueOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
                        submission.RecordFollowUp(first.Id, m % 2 == 0 ? FollowUpStatus.Implemented : FollowUpStatus.InProgress, "Reported at the due date.", clock);
                        clock = new FakeTimeProvider(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
                    }
                }
            }

            changes.Add(AggregateChange.Add(meeting));
            changes.AddRange(submissions.Select(AggregateChange.Add));
        }

        // A published framework and 40 projects started through the year.
        clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero));
        var framework = InvolvementFramework.Adopt(
            organisation,
            "trust-framework",
            "Trust involvement framework",
            "2026.1",
            [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement],
            clock);
        framework.Publish(clock);
        changes.Add(AggregateChange.Add(framework));
        var levels = framework.Levels.Select(l => l.Id).ToList();
        for (var p = 0; p < 40; p++)
        {
            var started = new DateOnly(2026, 1, 5).AddDays(7 * (p % 20));
            clock = new FakeTimeProvider(new DateTimeOffset(started.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
            var lead = people[p % 20].Id;
            var partner = partners[p].Id;
            var project = ImprovementProject.Start(organisation, framework, $"Improvement {p + 1}", "Better care with patients", "Acute medicine", lead, started, clock);
            project.AddTeamMember(partner, ProjectTeamRole.PatientPartner, true, started, clock);
            var experience = project.DefineMeasure("Patients who felt listened to (%)", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", clock);
            var process = project.DefineMeasure("Huddles held", MeasureType.Process, false, ImprovementDirection.Increase, null, clock);
            clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero));
            for (var month = 0; month < 12; month++)
            {
                var on = started.AddDays(28 * month);
                if (on >= Today)
                {
                    break;
                }

                project.RecordMeasureValue(experience, on, 50 + ((p + month) % 9) + (month * (p % 3)), clock);
                project.RecordMeasureValue(process, on, 3 + (month % 4), clock);
            }

            for (var r = 0; r < 4; r++)
            {
                var on = started.AddDays(40 * r);
                if (on < Today)
                {
                    project.RecordInvolvement(framework, on, "do", levels[(p + r) % levels.Count], $"Team meeting {r + 1}", [new InvolvedParticipant(partner, true), new InvolvedParticipant(lead, false)], clock);
                }
            }

            changes.Add(AggregateChange.Add(project));
        }

        // 100 activities, each on its own claim: a third paid, a third approved, a third outstanding.
        var options = new PaymentOptions();
        for (var a = 0; a < 100; a++)
        {
            var day = new DateOnly(2026, 1, 6).AddDays(3 * a);
            clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero));
            var claimant = partners[a];
            var activity = InvolvementActivity.Record(organisation, claimant.Id, InvolvementActivityKind.TrainingDelivery, day, TimeSpan.FromHours(2), "Partner", "Co-facilitated a session", null, clock);
            var claim = PaymentClaim.Submit(organisation, claimant, [activity], [], options, clock);
            activity.MarkClaimed(claim.Id, clock);
            if (a % 3 != 2)
            {
                clock.Advance(TimeSpan.FromDays(5));
                claim.Approve(people[0].Id, clock);
                if (a % 3 == 0)
                {
                    clock.Advance(TimeSpan.FromDays(5));
                    claim.MarkPaid($"PAY-{number}-{a}", clock);
                }
            }

            changes.Add(AggregateChange.Add(activity));
            changes.Add(AggregateChange.Add(claim));
        }

        return (changes, scenario.Panel.Id);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
