using CoProduction.Tests.Shared;
using CoProduction.Programmes.Pathways;
using CoProduction.Involvement.Projects;
using CoProduction.Involvement.Frameworks;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Storage.InMemory;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.CrossArea;

/// <summary>A command of a random sequence; the operands pick among what exists (modulo), so every sequence is valid input.</summary>
internal enum Op
{
    Register,
    Erase,
    RecordActivity,
    CancelActivity,
    SubmitClaim,
    ApproveClaim,
    RejectClaim,
    PayClaim,
    DraftSubmission,
    ArrangeMeeting,
    Schedule,
    Defer,
    DeliverSession,
    RecordFacilitation,
}

/// <summary>One step of a sequence.</summary>
internal sealed record Step(Op Op, int A, int B, int C, int[] Picks)
{
    public override string ToString() => $"{Op}({A}, {B}, {C}, [{string.Join(", ", Picks)}])";
}

/// <summary>
/// Runs a sequence of commands across the areas through the services against the in-memory stores, with a plain model
/// of what should hold beside it. Before each command the model predicts success or the coded refusal; after it, the
/// stores are read back and the invariants checked: every activity on at most one live claim, no cancelled activity on
/// a live claim, a scheduled submission on exactly its current meeting's agenda and no agenda slot for a submission
/// scheduled elsewhere, a refused command leaves every stored version and the outbox as they were, and the counts,
/// statuses and amounts match the model. Throws <see cref="ModelViolation"/> on the first difference.
/// </summary>
internal sealed class CrossAreaModel
{
    private static readonly Type[] AggregateTypes = [typeof(Participant), typeof(InvolvementActivity), typeof(PaymentClaim), typeof(Panel), typeof(ReviewSubmission), typeof(PanelMeeting), typeof(Programme), typeof(Cohort)];
    private static readonly decimal[] Amounts = [20.00m, 40.00m, 75.00m, 150.00m];
    private static readonly TimeSpan[] Durations = [TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6)];
    private static readonly TimeOnly[] SlotTimes = [new(9, 0), new(10, 0), new(11, 0)];

    private readonly IServiceProvider _services;
    private readonly InMemoryDatabase _database;
    private readonly FakeTimeProvider _clock;
    private readonly OrganisationId _organisation = OrganisationId.New();
    private readonly List<PersonModel> _people = [];
    private readonly List<ActivityModel> _activities = [];
    private readonly List<ClaimModel> _claims = [];
    private readonly List<SubmissionModel> _submissions = [];
    private readonly List<MeetingModel> _meetings = [];
    private readonly List<SessionModel> _sessions = [];
    private PanelId? _panel;
    private ParticipantId _projectLead;
    private ParticipantId? _signatory;
    private InvolvementFrameworkId? _framework;
    private CohortId? _cohort;

    private CrossAreaModel(IServiceProvider services, FakeTimeProvider clock)
    {
        _services = services;
        _clock = clock;
        _database = services.GetRequiredService<InMemoryDatabase>();
    }

    /// <summary>Gets the commands run and refused so far, across every sequence on every thread.</summary>
    internal static RunCounters Counters { get; } = new();

    /// <summary>Builds the service provider a thread's sequences share (each sequence acts for a new organisation).</summary>
    internal static (ServiceProvider Provider, FakeTimeProvider Clock) NewProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCoProduction(o =>
        {
            o.Payments.UsePolicy(ModelPolicy());
            o.Programmes.LeadFacilitatorRoleLevel = "Lead";
        }).UseInMemoryStores();
        return (services.BuildServiceProvider(), clock);
    }

    /// <summary>
    /// The payment policy the model prices by (the figures of the tests' <c>TestPolicies.Illustrative</c>; this file is
    /// also compiled into the benchmarks): Participant 15.00 an hour; Partner 20.00, 75.00 from 2.5 hours, 150.00 from 5;
    /// Lead 25.00, 100.00, 200.00; hourly time rounded up to 30 minutes, never more than the half-day fee.
    /// </summary>
    private static PaymentPolicy ModelPolicy()
    {
        var version = new PaymentPolicyVersion { EffectiveFrom = new DateOnly(2000, 1, 1), HalfDayFromHours = 2.5m, FullDayFromHours = 5m, BillingBlockMinutes = 30, CapHourlyAtHalfDayRate = true };
        version.Rates.Add(new RoleRate { RoleLevel = "Participant", HourlyRate = 15.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Partner", HourlyRate = 20.00m, HalfDayRate = 75.00m, FullDayRate = 150.00m });
        version.Rates.Add(new RoleRate { RoleLevel = "Lead", HourlyRate = 25.00m, HalfDayRate = 100.00m, FullDayRate = 200.00m });
        var policy = new PaymentPolicy { Name = "Model rates" };
        policy.Versions.Add(version);
        return policy;
    }

    /// <summary>Runs one sequence in a new organisation of the provider; throws <see cref="ModelViolation"/> if a step breaks the model.</summary>
    internal static async Task RunAsync(IServiceProvider services, FakeTimeProvider clock, IReadOnlyList<Step> steps)
    {
        var model = new CrossAreaModel(services, clock);
        for (var i = 0; i < steps.Count; i++)
        {
            try
            {
                await model.StepAsync(steps[i]);
            }
            catch (ModelViolation ex)
            {
                throw new ModelViolation($"Step {i + 1} of {steps.Count}, {steps[i]}: {ex.Message}\nSequence: {string.Join("; ", steps)}");
            }
        }

        Counters.AddSequence();
    }

    private async Task StepAsync(Step step)
    {
        if (step.Op == Op.DeliverSession && _people.Count > 0)
        {
            // The cohort is arranged before the step, so that a refused session leaves the stores as they were.
            await using var scope = Scope();
            await CohortAsync(scope.ServiceProvider);
        }

        var before = Versions();
        var (expected, act) = Plan(step);
        if (act is null)
        {
            return;
        }

        string? refusal = null;
        await using (var scope = Scope())
        {
            try
            {
                await act(scope.ServiceProvider);
            }
            catch (DomainRuleViolationException ex)
            {
                refusal = ex.Code;
            }
            catch (Exception ex) when (ex is not ModelViolation)
            {
                throw new ModelViolation($"threw {ex.GetType().Name} instead of succeeding or a coded refusal: {ex.Message}");
            }
        }

        Counters.AddStep(refusal is not null);
        if (refusal is null && expected.Count > 0 && !expected.Contains(Ok))
        {
            throw new ModelViolation($"succeeded, but the model expected a refusal: {string.Join(" or ", expected)}");
        }

        if (refusal is not null && !expected.Contains(refusal))
        {
            throw new ModelViolation($"refused with {refusal}, but the model expected {string.Join(" or ", expected)}");
        }

        if (refusal is not null)
        {
            var after = Versions();
            if (!after.SequenceEqual(before))
            {
                throw new ModelViolation($"was refused with {refusal} but changed the stores: {string.Join(", ", after.Except(before))}");
            }
        }
        else
        {
            _apply?.Invoke();
        }

        _apply = null;
        await CheckInvariantsAsync();
    }

    private const string Ok = "ok";

    private Action? _apply;

    /// <summary>What the model expects of a step (codes, or <see cref="Ok"/>), and the call; a null call skips the step.</summary>
    private (List<string> Expected, Func<IServiceProvider, Task>? Act) Plan(Step s)
    {
        switch (s.Op)
        {
            case Op.Register:
            {
                var role = s.A % 3 == 2 ? ParticipantRole.Staff : ParticipantRole.PatientPartner;
                return ([Ok], async sp =>
                {
                    var p = await sp.GetRequiredService<ParticipantService>().RegisterAsync($"Person {_people.Count}", [role], default);
                    if (role == ParticipantRole.PatientPartner)
                    {
                        // Patient partners in the model are lead trainers: who may lead comes from the pathway.
                        await LeadTrainerAsync(sp, p.Id);
                    }

                    _apply = () => _people.Add(new PersonModel(p.Id, role));
                });
            }

            case Op.Erase when _people.Count > 0:
            {
                var person = Pick(_people, s.A);
                return (person.Erased ? [PeopleErrorCodes.ParticipantErased] : [Ok], async sp =>
                {
                    await sp.GetRequiredService<ParticipantService>().EraseAsync(person.Id, default);
                    _apply = () => person.Erased = true;
                });
            }

            case Op.RecordActivity when _people.Count > 0:
            {
                var person = Pick(_people, s.A);
                var variant = s.B % 6;
                var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
                var date = variant == 5 ? today.AddDays(2) : today.AddDays(-1 - (s.C % 30));
                var duration = variant == 4 ? TimeSpan.FromHours(13) : Durations[variant % 4];
                List<string> expected = person.Erased ? [PeopleErrorCodes.ParticipantErased]
                    : variant == 5 ? [PaymentErrorCodes.ActivityInFuture]
                    : variant == 4 ? [PaymentErrorCodes.InvalidActivityDuration]
                    : [Ok];
                return (expected, async sp =>
                {
                    var a = await sp.GetRequiredService<PaymentService>().RecordActivityAsync(person.Id, InvolvementActivityKind.PanelMeeting, date, duration, "Partner", "Panel meeting", null, default);
                    _apply = () => _activities.Add(new ActivityModel(a.Id, person, Amounts[variant % 4], null));
                });
            }

            case Op.CancelActivity when _activities.Count > 0:
            {
                var activity = Pick(_activities, s.A);
                List<string> expected = LiveClaimOf(activity) is not null ? [PaymentErrorCodes.ActivityClaimed]
                    : activity.Cancelled ? [PaymentErrorCodes.ActivityAlreadyCancelled]
                    : [Ok];
                return (expected, async sp =>
                {
                    await sp.GetRequiredService<PaymentService>().CancelActivityAsync(activity.Id, default);
                    _apply = () => activity.Cancelled = true;
                });
            }

            case Op.SubmitClaim when _people.Count > 0 && _activities.Count > 0:
            {
                var claimant = Pick(_people, s.A);
                var picked = s.Picks.Length == 0 ? [Pick(_activities, s.B)] : s.Picks.Select(p => Pick(_activities, p)).Distinct().ToList();
                var expected = new List<string>();
                if (claimant.Erased)
                {
                    expected.Add(PeopleErrorCodes.ParticipantErased);
                }
                else if (picked.FirstOrDefault(a => LiveClaimOf(a) is not null) is not null)
                {
                    expected.Add(PaymentErrorCodes.ActivityAlreadyClaimed);
                }
                else if (picked.FirstOrDefault(a => a.Owner != claimant || a.Cancelled) is { } bad)
                {
                    expected.Add(bad.Owner != claimant ? PaymentErrorCodes.ActivityOfAnotherParticipant : PaymentErrorCodes.ActivityCancelled);
                }
                else
                {
                    expected.Add(Ok);
                }

                return (expected, async sp =>
                {
                    var claim = await sp.GetRequiredService<PaymentService>().SubmitClaimAsync(claimant.Id, [.. picked.Select(a => a.Id)], [], default);
                    _apply = () => _claims.Add(new ClaimModel(claim.Id, claimant, picked, picked.Sum(a => a.Amount)));
                });
            }

            case Op.ApproveClaim or Op.RejectClaim or Op.PayClaim when _claims.Count > 0 && _people.Count > 0:
            {
                var claim = Pick(_claims, s.A);
                var decider = Pick(_people, s.B);
                var (required, next) = s.Op switch
                {
                    Op.ApproveClaim => (PaymentClaimStatus.Submitted, PaymentClaimStatus.Approved),
                    Op.RejectClaim => (PaymentClaimStatus.Submitted, PaymentClaimStatus.Rejected),
                    _ => (PaymentClaimStatus.Approved, PaymentClaimStatus.Paid),
                };
                List<string> expected = decider.Erased ? [PaymentErrorCodes.NoDecidingPerson]
                    : decider == claim.Claimant ? [PaymentErrorCodes.SelfDecision]
                    : decider.Role != ParticipantRole.Staff ? [PaymentErrorCodes.NotAClaimDecider]
                    : claim.Status != required ? [PaymentErrorCodes.InvalidClaimTransition]
                    : [Ok];
                return (expected, async sp =>
                {
                    var payments = sp.GetRequiredService<PaymentService>();
                    sp.GetRequiredService<ActorContext>().SetCurrent(Actor.ForParticipant(decider.Id)); // the decider is the actor, as a request's would be
                    _ = s.Op switch
                    {
                        Op.ApproveClaim => await payments.ApproveClaimAsync(claim.Id, default),
                        Op.RejectClaim => await payments.RejectClaimAsync(claim.Id, "Not agreed in advance.", default),
                        _ => await payments.MarkClaimPaidAsync(claim.Id, "BACS-1", default),
                    };
                    _apply = () => claim.Status = next;
                });
            }

            case Op.DraftSubmission:
                return ([Ok], async sp =>
                {
                    var panel = await PanelAsync(sp);
                    var projectId = await ProjectAsync(sp, $"Project {_submissions.Count}");
                    var service = sp.GetRequiredService<ReviewSubmissionService>();
                    var draft = await service.DraftAsync(panel, projectId, "We would value the patient view.", default);
                    await service.SubmitAsync(draft.Id, default);
                    await service.AcceptAsync(draft.Id, default);
                    _apply = () => _submissions.Add(new SubmissionModel(draft.Id));
                });

            case Op.ArrangeMeeting:
                return ([Ok], async sp =>
                {
                    var panel = await PanelAsync(sp);
                    var meeting = await sp.GetRequiredService<PanelMeetingService>().ArrangeAsync(panel, new DateOnly(2026, 6, 1).AddDays(_meetings.Count * 7), default);
                    _apply = () => _meetings.Add(new MeetingModel(meeting.Id));
                });

            case Op.Schedule when _submissions.Count > 0 && _meetings.Count > 0:
            {
                var submission = Pick(_submissions, s.A);
                var meeting = Pick(_meetings, s.B);
                var time = SlotTimes[s.C % SlotTimes.Length];
                List<string> expected = submission.State is not (SubmissionState.Accepted or SubmissionState.Deferred) ? [PeerReviewErrorCodes.TransitionNotAllowed]
                    : meeting.Agenda.ContainsValue(time) ? [PeerReviewErrorCodes.AgendaSlotOverlap]
                    : [Ok];
                return (expected, async sp =>
                {
                    await sp.GetRequiredService<PanelMeetingService>().ScheduleAsync(submission.Id, meeting.Id, time, 40, default);
                    _apply = () =>
                    {
                        submission.State = SubmissionState.Scheduled;
                        submission.Meeting = meeting;
                        meeting.Agenda[submission] = time;
                    };
                });
            }

            case Op.Defer when _submissions.Count > 0:
            {
                var submission = Pick(_submissions, s.A);
                List<string> expected = submission.State is SubmissionState.Accepted or SubmissionState.Scheduled ? [Ok] : [PeerReviewErrorCodes.TransitionNotAllowed];
                return (expected, async sp =>
                {
                    await sp.GetRequiredService<ReviewSubmissionService>().DeferAsync(submission.Id, "Not ready.", default);
                    _apply = () =>
                    {
                        submission.Meeting?.Agenda.Remove(submission);
                        submission.State = SubmissionState.Deferred;
                    };
                });
            }

            case Op.DeliverSession when _people.Count > 0:
            {
                var lead = Pick(_people, s.A);
                var co = Pick(_people, s.B);
                var facilitators = co == lead ? new[] { lead } : [lead, co];

                // The default delivery rules: the lead is a patient trainer (lived experience, from the record).
                List<string> expected = facilitators.Any(f => f.Erased) ? [PeopleErrorCodes.ParticipantErased]
                    : lead.Role == ParticipantRole.Staff ? [ProgrammeErrorCodes.LeadMustBePatientTrainer, ProgrammeErrorCodes.SessionNeedsPatientTrainer]
                    : [Ok];
                return (expected, async sp =>
                {
                    var cohort = await CohortAsync(sp);
                    var cohorts = sp.GetRequiredService<CohortService>();
                    var sessionId = await cohorts.ScheduleSessionAsync(cohort, "M1", _clock.GetUtcNow().AddMinutes(30), null, [.. facilitators.Select((f, i) => new FacilitatorAssignment(f.Id, i == 0 ? FacilitatorRole.Lead : FacilitatorRole.CoFacilitator))], default);
                    _clock.Advance(TimeSpan.FromHours(4));
                    await cohorts.MarkSessionDeliveredAsync(cohort, sessionId, default);
                    _apply = () => _sessions.Add(new SessionModel(sessionId, [.. facilitators.Select((f, i) => (f, i == 0 ? 100.00m : 75.00m)).Where(x => x.f.Role != ParticipantRole.Staff)]));
                });
            }

            case Op.RecordFacilitation when _sessions.Count > 0:
            {
                var session = Pick(_sessions, s.A);
                return ([Ok], async sp =>
                {
                    var recorded = await sp.GetRequiredService<CohortService>().RecordFacilitationActivitiesAsync(_cohort!.Value, session.Id, default);
                    var owed = session.Trainers.Where(t => !_activities.Any(a => a.Session == session.Id && a.Owner == t.Person && !a.Cancelled)).ToList();
                    if (recorded.Count != owed.Count || !recorded.Select(a => a.ParticipantId).SequenceEqual(owed.Select(o => o.Person.Id)))
                    {
                        throw new ModelViolation($"recorded activities for [{string.Join(", ", recorded.Select(a => a.ParticipantId))}], but the model owes [{string.Join(", ", owed.Select(o => o.Person.Id))}]");
                    }

                    _apply = () => _activities.AddRange(recorded.Select((a, i) => new ActivityModel(a.Id, owed[i].Person, owed[i].Amount, session.Id)));
                });
            }

            default:
                return ([], null);
        }
    }

    private async Task<PanelId> PanelAsync(IServiceProvider sp)
    {
        if (_panel is { } panel)
        {
            return panel;
        }

        _projectLead = (await sp.GetRequiredService<ParticipantService>().RegisterAsync("Project lead", [ParticipantRole.Staff], default)).Id;
        _panel = (await sp.GetRequiredService<PanelService>().EstablishAsync("Peer Review Panel", "Patients review improvement projects.", new QuorumRule(3), default)).Id;
        return _panel.Value;
    }

    private async Task<ImprovementProjectId> ProjectAsync(IServiceProvider sp, string title)
    {
        if (_framework is not { } framework)
        {
            var frameworks = sp.GetRequiredService<InvolvementFrameworkService>();
            var adopted = await frameworks.AdoptAsync("model", "Model framework", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.ModelForImprovement], default);
            framework = (await frameworks.PublishAsync(adopted.Id, default)).Id;
            _framework = framework;
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        return (await sp.GetRequiredService<ImprovementProjectService>().StartAsync(framework, title, "Shorter waits", "Maternity", _projectLead, today, default)).Id;
    }

    private async Task LeadTrainerAsync(IServiceProvider sp, ParticipantId trainer)
    {
        _signatory ??= (await sp.GetRequiredService<ParticipantService>().RegisterAsync("Participation lead", [ParticipantRole.Staff], default)).Id;
        await PathwayArrangement.ToStageAsync(sp.GetRequiredService<PatientTrainerPathwayService>(), trainer, PathwayStage.LeadTrainer, _signatory.Value, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), default);
    }

    private async Task<CohortId> CohortAsync(IServiceProvider sp)
    {
        if (_cohort is { } cohort)
        {
            return cohort;
        }

        var people = sp.GetRequiredService<ParticipantService>();
        var members = new List<ParticipantId>();
        for (var i = 0; i < 4; i++)
        {
            members.Add((await people.RegisterAsync($"Team member {i}", [i % 2 == 0 ? ParticipantRole.PatientPartner : ParticipantRole.Staff], default)).Id);
        }

        var programmes = sp.GetRequiredService<ProgrammeService>();
        var programmeId = (await programmes.CreateAsync("Co-Production for Improvement", "Teams learn to improve services with patients", "First version", [new CurriculumModule("M1", "What co-production is", ["Explain co-production"], TimeSpan.FromHours(3), DeliveryMode.InPerson)], [new CoDesigner(members[0], "Shaped it")], default)).Id;
        var cohorts = sp.GetRequiredService<CohortService>();
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var id = (await cohorts.PlanAsync(programmeId, 1, "Cohort", today, today.AddYears(2), default)).Id;
        await cohorts.OpenRecruitmentAsync(id, default);
        await cohorts.EnrolTeamAsync(id, "Ward 7", "Better letters", [members[0], members[1]], default);
        await cohorts.EnrolTeamAsync(id, "Falls team", "Fewer falls", [members[2], members[3]], default);
        await cohorts.StartAsync(id, default);
        _cohort = id;
        return id;
    }

    private async Task CheckInvariantsAsync()
    {
        await using var scope = Scope();
        var sp = scope.ServiceProvider;
        var claimStore = sp.GetRequiredService<IPaymentClaimStore>();
        var activityStore = sp.GetRequiredService<IInvolvementActivityStore>();
        var storedActivities = new Dictionary<InvolvementActivityId, InvolvementActivity>();
        var liveHolders = new Dictionary<InvolvementActivityId, PaymentClaimId>();
        var storedClaims = 0;
        foreach (var person in _people)
        {
            foreach (var activity in await activityStore.ListForParticipantAsync(person.Id, default))
            {
                storedActivities[activity.Id] = activity;
            }

            foreach (var claim in await claimStore.ListForParticipantAsync(person.Id, default))
            {
                storedClaims++;
                var model = _claims.SingleOrDefault(c => c.Id == claim.Id) ?? throw new ModelViolation($"claim {claim.Id} is stored but the model has no such claim");
                Require(claim.Status == model.Status, $"claim {claim.Id} is {claim.Status}, the model says {model.Status}");
                Require(claim.Total == model.Total, $"claim {claim.Id} totals {claim.Total}, the model says {model.Total}");
                Require(claim.Lines.Select(l => l.ActivityId).ToHashSet().SetEquals(model.Activities.Select(a => a.Id)) && claim.Lines.Count == model.Activities.Count, $"claim {claim.Id} holds other activities than the model's");
                if (claim.Status == PaymentClaimStatus.Rejected)
                {
                    continue;
                }

                foreach (var line in claim.Lines)
                {
                    Require(liveHolders.TryAdd(line.ActivityId, claim.Id), $"activity {line.ActivityId} is on two live claims, {liveHolders.GetValueOrDefault(line.ActivityId)} and {claim.Id}");
                }
            }
        }

        Require(storedClaims == _claims.Count, $"{storedClaims} claims are stored, the model has {_claims.Count}");
        var modelActivities = _activities.Where(a => _people.Contains(a.Owner)).ToList();
        Require(storedActivities.Count == modelActivities.Count, $"{storedActivities.Count} activities are stored, the model has {modelActivities.Count}");
        foreach (var activity in modelActivities)
        {
            var stored = storedActivities.GetValueOrDefault(activity.Id) ?? throw new ModelViolation($"activity {activity.Id} of the model is not stored");
            Require(stored.IsCancelled == activity.Cancelled, $"activity {activity.Id} cancelled: stored {stored.IsCancelled}, model {activity.Cancelled}");
            Require(!(stored.IsCancelled && liveHolders.ContainsKey(activity.Id)), $"cancelled activity {activity.Id} is on live claim {liveHolders.GetValueOrDefault(activity.Id)}");
        }

        var submissions = sp.GetRequiredService<IReviewSubmissionStore>();
        var meetings = sp.GetRequiredService<IPanelMeetingStore>();
        var agendas = new Dictionary<PanelMeetingId, PanelMeeting>();
        foreach (var meeting in _meetings)
        {
            agendas[meeting.Id] = (await meetings.FindAsync(meeting.Id, default))!;
        }

        foreach (var submission in _submissions)
        {
            var stored = (await submissions.FindAsync(submission.Id, default))!;
            Require(stored.State == submission.State, $"submission {submission.Id} is {stored.State}, the model says {submission.State}");
            var holders = agendas.Values.Where(m => m.Agenda.Any(a => a.SubmissionId == submission.Id)).Select(m => m.Id).ToList();
            if (stored.State == SubmissionState.Scheduled)
            {
                Require(holders.Count == 1 && holders[0] == stored.CurrentRound.MeetingId, $"scheduled submission {submission.Id} (meeting {stored.CurrentRound.MeetingId}) is on the agendas of [{string.Join(", ", holders)}]");
            }
            else
            {
                Require(holders.Count == 0, $"submission {submission.Id} is {stored.State} but on the agendas of [{string.Join(", ", holders)}]");
            }
        }

        foreach (var meeting in _meetings)
        {
            var slots = agendas[meeting.Id].Agenda.Where(a => a.SubmissionId is not null).ToList();
            Require(slots.Count == meeting.Agenda.Count, $"meeting {meeting.Id} has {slots.Count} submission slots, the model {meeting.Agenda.Count}");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ModelViolation(message);
        }
    }

    private static T Pick<T>(List<T> items, int operand) => items[operand % items.Count];

    private ClaimModel? LiveClaimOf(ActivityModel activity) => _claims.FirstOrDefault(c => c.Status != PaymentClaimStatus.Rejected && c.Activities.Contains(activity));

    private AsyncServiceScope Scope()
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrganisationContext>().SetCurrent(_organisation);
        return scope;
    }

    /// <summary>Every stored aggregate of the organisation with its version, and the organisation's outbox length.</summary>
    private List<(string, Guid, long)> Versions()
    {
        var versions = new List<(string, Guid, long)>();
        lock (_database.SyncRoot)
        {
            foreach (var type in AggregateTypes)
            {
                foreach (var (id, stored) in _database.Table(type))
                {
                    if (stored.OrganisationId == _organisation)
                    {
                        versions.Add((type.Name, id, stored.Version));
                    }
                }
            }

            versions.Add(("outbox", Guid.Empty, _database.Outbox.Count(e => e.OrganisationId == _organisation)));
        }

        versions.Sort();
        return versions;
    }

    private sealed class PersonModel(ParticipantId id, ParticipantRole role)
    {
        public ParticipantId Id { get; } = id;

        public ParticipantRole Role { get; } = role;

        public bool Erased { get; set; }
    }

    private sealed class ActivityModel(InvolvementActivityId id, PersonModel owner, decimal amount, CohortSessionId? session)
    {
        public InvolvementActivityId Id { get; } = id;

        public PersonModel Owner { get; } = owner;

        public decimal Amount { get; } = amount;

        public CohortSessionId? Session { get; } = session;

        public bool Cancelled { get; set; }
    }

    private sealed class ClaimModel(PaymentClaimId id, PersonModel claimant, List<ActivityModel> activities, decimal total)
    {
        public PaymentClaimId Id { get; } = id;

        public PersonModel Claimant { get; } = claimant;

        public List<ActivityModel> Activities { get; } = activities;

        public decimal Total { get; } = total;

        public PaymentClaimStatus Status { get; set; } = PaymentClaimStatus.Submitted;
    }

    private sealed class SubmissionModel(ReviewSubmissionId id)
    {
        public ReviewSubmissionId Id { get; } = id;

        public SubmissionState State { get; set; } = SubmissionState.Accepted;

        public MeetingModel? Meeting { get; set; }
    }

    private sealed class MeetingModel(PanelMeetingId id)
    {
        public PanelMeetingId Id { get; } = id;

        public Dictionary<SubmissionModel, TimeOnly> Agenda { get; } = [];
    }

    private sealed record SessionModel(CohortSessionId Id, List<(PersonModel Person, decimal Amount)> Trainers);
}

/// <summary>Generates sequences and runs each on the calling thread's service provider (renewed every 250 sequences, so that the in-memory tables stay small).</summary>
internal static class CrossAreaModelRunner
{
    /// <summary>The environment variable that sets how many sequences the test runs (default 10,000).</summary>
    internal const string SequencesVariable = "COPRODUCTION_MODEL_SEQUENCES";

    [ThreadStatic]
    private static (ServiceProvider Provider, FakeTimeProvider Clock, int Used)? _current;

    /// <summary>Gets the generator of sequences of 1 to 20 steps, registrations, activities and claims more likely than the rest.</summary>
    internal static Gen<Step[]> Sequences { get; } =
        Gen.Select(Gen.Int[0, 19], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99].Array[0, 3])
            .Select((op, a, b, c, picks) => new Step(op switch { 14 or 15 => Op.Register, 16 or 17 => Op.RecordActivity, 18 or 19 => Op.SubmitClaim, _ => (Op)op }, a, b, c, picks))
            .Array[1, 20];

    /// <summary>Reads the number of sequences to run from <see cref="SequencesVariable"/>.</summary>
    internal static long SequencesToRun(long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(SequencesVariable), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    /// <summary>Runs one sequence; throws <see cref="ModelViolation"/> when the library and the model differ.</summary>
    internal static void Run(Step[] steps)
    {
        if (_current is not { } current || current.Used >= 250)
        {
            _current?.Provider.Dispose();
            var (provider, clock) = CrossAreaModel.NewProvider();
            current = (provider, clock, 0);
        }

        _current = current with { Used = current.Used + 1 };
        CrossAreaModel.RunAsync(current.Provider, current.Clock, steps).GetAwaiter().GetResult();
    }
}

/// <summary>A difference between the library and the model.</summary>
internal sealed class ModelViolation(string message) : Exception(message);

/// <summary>Counts of a run, shared by the threads that run sequences.</summary>
internal sealed class RunCounters
{
    private long _sequences;
    private long _steps;
    private long _refusals;

    public long Sequences => Interlocked.Read(ref _sequences);

    public long Steps => Interlocked.Read(ref _steps);

    public long Refusals => Interlocked.Read(ref _refusals);

    public void AddSequence() => Interlocked.Increment(ref _sequences);

    public void AddStep(bool refused)
    {
        Interlocked.Increment(ref _steps);
        if (refused)
        {
            Interlocked.Increment(ref _refusals);
        }
    }
}
