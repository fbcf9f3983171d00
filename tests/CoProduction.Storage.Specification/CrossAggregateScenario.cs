using CoProduction.Tests.Shared;
using CoProduction.Programmes.Pathways;
using CoProduction.Involvement.Projects;
using CoProduction.Involvement.Frameworks;
using CoProduction.Payments;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Arranges, through the services, the worlds in which the cross-aggregate specifications run their commands: a peer
/// review panel with accepted submissions and meetings, a claimant with activities, a running cohort with delivered
/// sessions. Each part is arranged once per test and reused; each arrangement of a command's own aggregates is new.
/// When a service method replaces a step done here through an aggregate and its store, change it here only.
/// </summary>
internal sealed class CrossAggregateScenario(Func<AsyncServiceScope> openScope, FakeTimeProvider clock)
{
    private PeerReviewWorld? _peerReview;
    private ProgrammeWorld? _programme;
    private ParticipantId? _claimant;

    internal FakeTimeProvider Clock => clock;

    /// <summary>Runs work with services resolved in a new scope of the organisation, as a request would.</summary>
    internal async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = openScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs work with services resolved in a new scope of the organisation, as a request would.</summary>
    internal async Task WithAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = openScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Runs work with one service resolved in a new scope.</summary>
    internal Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> work)
        where TService : notnull => WithAsync(sp => work(sp.GetRequiredService<TService>()));

    /// <summary>Registers a participant.</summary>
    internal Task<ParticipantId> RegisterAsync(string name, ParticipantRole role, CancellationToken ct) =>
        WithAsync<ParticipantService, ParticipantId>(async s => (await s.RegisterAsync(name, [role], ct)).Id);

    /// <summary>
    /// The panel, arranged once: a patient chair, three patient reviewers and a staff facilitator appointed for 2026
    /// and 2027 (quorum of three), a project lead and a team member.
    /// </summary>
    internal async Task<PeerReviewWorld> PeerReviewAsync(CancellationToken ct)
    {
        if (_peerReview is not null)
        {
            return _peerReview;
        }

        var chair = await RegisterAsync("Patient partner A (chair)", ParticipantRole.PatientPartner, ct);
        var reviewers = new List<ParticipantId>();
        foreach (var name in new[] { "Patient partner B", "Carer C", "Service user D" })
        {
            reviewers.Add(await RegisterAsync(name, ParticipantRole.PatientPartner, ct));
        }

        var facilitator = await RegisterAsync("Participation lead E", ParticipantRole.Staff, ct);
        var lead = await RegisterAsync("Project lead F", ParticipantRole.Staff, ct);
        var teamMember = await RegisterAsync("Team member G", ParticipantRole.Staff, ct);
        var panelId = await WithAsync<PanelService, PanelId>(async s =>
        {
            var panel = await s.EstablishAsync("Patient Improvement Peer Review Panel", "Patient partners give the patient perspective on improvement projects.", new QuorumRule(3), ct);
            var (start, end) = (new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));
            await s.AppointMemberAsync(panel.Id, chair, PanelRole.PatientChair, start, end, ct);
            foreach (var reviewer in reviewers)
            {
                await s.AppointMemberAsync(panel.Id, reviewer, PanelRole.PatientReviewer, start, end, ct);
            }

            await s.AppointMemberAsync(panel.Id, facilitator, PanelRole.StaffFacilitator, start, end, ct);
            return panel.Id;
        });
        var frameworkId = await WithAsync<InvolvementFrameworkService, InvolvementFrameworkId>(async frameworks =>
        {
            var framework = await frameworks.AdoptAsync("trust", "Trust framework", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.ModelForImprovement], ct);
            return (await frameworks.PublishAsync(framework.Id, ct)).Id;
        });
        _peerReview = new PeerReviewWorld(panelId, lead, teamMember, frameworkId, reviewers[0]);
        return _peerReview;
    }

    /// <summary>Drafts a submission to the panel, and submits and accepts it.</summary>
    internal async Task<ReviewSubmissionId> AcceptedSubmissionAsync(string title, CancellationToken ct)
    {
        var world = await PeerReviewAsync(ct);
        var projectId = await ProjectAsync(title, ct);
        return await WithAsync<ReviewSubmissionService, ReviewSubmissionId>(async s =>
        {
            var draft = await s.DraftAsync(world.PanelId, projectId, "We would value the patient view of our plan.", ct);
            await s.SubmitAsync(draft.Id, ct);
            await s.AcceptAsync(draft.Id, ct);
            return draft.Id;
        });
    }

    /// <summary>Starts an improvement project led by the world's lead, with its team member.</summary>
    internal async Task<ImprovementProjectId> ProjectAsync(string title, CancellationToken ct)
    {
        var world = await PeerReviewAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await WithAsync<ImprovementProjectService, ImprovementProjectId>(async projects =>
        {
            var project = await projects.StartAsync(world.FrameworkId, title, "Shorter waits", "Maternity", world.Lead, today, ct);
            await projects.AddTeamMemberAsync(project.Id, world.TeamMember, ProjectTeamRole.StaffMember, isCoreTeam: true, today, ct);
            return project.Id;
        });
    }

    /// <summary>Arranges a meeting of the panel.</summary>
    internal async Task<PanelMeetingId> MeetingAsync(DateOnly date, CancellationToken ct)
    {
        var world = await PeerReviewAsync(ct);
        return await WithAsync<PanelMeetingService, PanelMeetingId>(async s => (await s.ArrangeAsync(world.PanelId, date, ct)).Id);
    }

    /// <summary>Schedules a submission to a meeting at 10:00 for 40 minutes.</summary>
    internal Task<AgendaSlot> ScheduleAsync(ReviewSubmissionId submissionId, PanelMeetingId meetingId, CancellationToken ct) =>
        WithAsync<PanelMeetingService, AgendaSlot>(s => s.ScheduleAsync(submissionId, meetingId, new TimeOnly(10, 0), 40, ct));

    /// <summary>Defers a submission.</summary>
    internal Task DeferAsync(ReviewSubmissionId submissionId, CancellationToken ct) =>
        WithAsync(sp => sp.GetRequiredService<ReviewSubmissionService>().DeferAsync(submissionId, "The team asked for more time.", ct));

    /// <summary>Finds a submission.</summary>
    internal Task<ReviewSubmission?> SubmissionAsync(ReviewSubmissionId id, CancellationToken ct) =>
        WithAsync<IReviewSubmissionStore, ReviewSubmission?>(async s => await s.FindAsync(id, ct));

    /// <summary>Finds a meeting.</summary>
    internal Task<PanelMeeting?> MeetingAsync(PanelMeetingId id, CancellationToken ct) =>
        WithAsync<IPanelMeetingStore, PanelMeeting?>(async s => await s.FindAsync(id, ct));

    /// <summary>The claimant, registered once: a patient partner.</summary>
    internal async Task<ParticipantId> ClaimantAsync(CancellationToken ct) =>
        _claimant ??= await RegisterAsync("Patient partner H", ParticipantRole.PatientPartner, ct);

    /// <summary>Records <paramref name="count"/> two-hour panel meetings of the claimant, on days before today.</summary>
    internal async Task<List<InvolvementActivityId>> ActivitiesAsync(int count, CancellationToken ct)
    {
        var claimant = await ClaimantAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await WithAsync<PaymentService, List<InvolvementActivityId>>(async s =>
        {
            var ids = new List<InvolvementActivityId>();
            for (var i = 0; i < count; i++)
            {
                ids.Add((await s.RecordActivityAsync(claimant, InvolvementActivityKind.PanelMeeting, today.AddDays(-1 - i), TimeSpan.FromHours(2), "Partner", "Panel meeting", null, ct)).Id);
            }

            return ids;
        });
    }

    /// <summary>
    /// The programme world, arranged once: a programme (version 1: modules M1 to M3); patient trainer A (a patient
    /// partner), carer B (both with lived experience) and a staff coach; four people for two teams.
    /// </summary>
    internal async Task<ProgrammeWorld> ProgrammeAsync(CancellationToken ct)
    {
        if (_programme is not null)
        {
            return _programme;
        }

        var trainer = await RegisterAsync("Patient trainer A", ParticipantRole.PatientPartner, ct);
        var carer = await RegisterAsync("Carer B", ParticipantRole.Carer, ct);
        var coach = await RegisterAsync("QI coach C", ParticipantRole.Staff, ct);
        var members = new List<ParticipantId>();
        foreach (var (name, role) in new[] { ("Patient D", ParticipantRole.PatientPartner), ("Nurse E", ParticipantRole.Staff), ("Carer F", ParticipantRole.Carer), ("Physio G", ParticipantRole.Staff) })
        {
            members.Add(await RegisterAsync(name, role, ct));
        }

        await PathwayAsync(trainer, PathwayStage.LeadTrainer, coach, ct);
        await PathwayAsync(carer, PathwayStage.CoFacilitator, coach, ct);
        var programmeId = await WithAsync<ProgrammeService, ProgrammeId>(async programmes =>
        {
            var id = (await programmes.CreateAsync(
                "Co-Production for Improvement",
                "Teams learn to improve services with patients",
                "First version",
                [
                    new CurriculumModule("M1", "What co-production is", ["Explain what co-production means"], TimeSpan.FromHours(3), DeliveryMode.InPerson),
                    new CurriculumModule("M2", "Planning improvement together", ["Write an improvement aim with patient partners"], TimeSpan.FromHours(3), DeliveryMode.Hybrid),
                    new CurriculumModule("M3", "Showcase", ["Present what changed and who shaped it"], TimeSpan.FromHours(2), DeliveryMode.InPerson),
                ],
                [new CoDesigner(trainer, "Shaped the curriculum"), new CoDesigner(coach, "Wrote the materials")],
                ct)).Id;
            return id;
        });
        _programme = new ProgrammeWorld(programmeId, trainer, carer, coach, members);
        return _programme;
    }

    /// <summary>Takes a patient partner along the patient-trainer pathway to <paramref name="stage"/>, signed off by <paramref name="signatory"/>.</summary>
    private Task PathwayAsync(ParticipantId partner, PathwayStage stage, ParticipantId signatory, CancellationToken ct) =>
        WithAsync(sp => PathwayArrangement.ToStageAsync(sp.GetRequiredService<PatientTrainerPathwayService>(), partner, stage, signatory, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));

    /// <summary>
    /// A new cohort of the programme, running for a year from today with two teams, and one session of module M1
    /// starting an hour from now, led by patient trainer A with carer B and the staff coach co-facilitating; the clock
    /// is moved past the session and it is recorded as delivered. Every call gives a cohort of the same size.
    /// </summary>
    internal async Task<(CohortId CohortId, CohortSessionId SessionId)> DeliveredSessionAsync(CancellationToken ct)
    {
        var world = await ProgrammeAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var startsAt = clock.GetUtcNow().AddHours(1);
        var (cohortId, sessionId) = await WithAsync<CohortService, (CohortId, CohortSessionId)>(async cohorts =>
        {
            var cohortId = (await cohorts.PlanAsync(world.ProgrammeId, 1, "Cohort 1", today, today.AddDays(365), ct)).Id;
            await cohorts.OpenRecruitmentAsync(cohortId, ct);
            await cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [world.TeamMembers[0], world.TeamMembers[1]], ct);
            await cohorts.EnrolTeamAsync(cohortId, "Falls team", "Fewer falls at night", [world.TeamMembers[2], world.TeamMembers[3]], ct);
            await cohorts.StartAsync(cohortId, ct);
            var sessionId = await cohorts.ScheduleSessionAsync(
                cohortId,
                "M1",
                startsAt,
                null,
                [new FacilitatorAssignment(world.Trainer, FacilitatorRole.Lead), new FacilitatorAssignment(world.Carer, FacilitatorRole.CoFacilitator), new FacilitatorAssignment(world.Coach, FacilitatorRole.CoFacilitator)],
                ct);
            return (cohortId, sessionId);
        });
        clock.Advance(TimeSpan.FromHours(4));
        await WithAsync(sp => sp.GetRequiredService<CohortService>().MarkSessionDeliveredAsync(cohortId, sessionId, ct));
        return (cohortId, sessionId);
    }

    /// <summary>The ids of the peer review world.</summary>
    internal sealed record PeerReviewWorld(PanelId PanelId, ParticipantId Lead, ParticipantId TeamMember, InvolvementFrameworkId FrameworkId, ParticipantId Reviewer);

    /// <summary>The ids of the programme world.</summary>
    internal sealed record ProgrammeWorld(ProgrammeId ProgrammeId, ParticipantId Trainer, ParticipantId Carer, ParticipantId Coach, IReadOnlyList<ParticipantId> TeamMembers);
}
