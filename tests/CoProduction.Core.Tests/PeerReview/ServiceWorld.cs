using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary>The library wired with in-memory stores and a fake clock, with made-up participants registered.</summary>
internal sealed class ServiceWorld : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    public ServiceWorld(Action<PeerReviewOptions>? configure = null, DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddCoProduction(o =>
        {
            o.OrganisationId = Organisation.Value;
            configure?.Invoke(o.PeerReview);
        }).UseInMemoryStores();
        _provider = services.BuildServiceProvider(validateScopes: true);
        _scope = _provider.CreateAsyncScope();
        Panels = _scope.ServiceProvider.GetRequiredService<PanelService>();
        Submissions = _scope.ServiceProvider.GetRequiredService<ReviewSubmissionService>();
        Meetings = _scope.ServiceProvider.GetRequiredService<PanelMeetingService>();
        Participants = _scope.ServiceProvider.GetRequiredService<IParticipantStore>();
        PanelStore = _scope.ServiceProvider.GetRequiredService<IPanelStore>();
        SubmissionStore = _scope.ServiceProvider.GetRequiredService<IReviewSubmissionStore>();
        MeetingStore = _scope.ServiceProvider.GetRequiredService<IPanelMeetingStore>();
    }

    public FakeTimeProvider Clock { get; }

    public OrganisationId Organisation { get; } = OrganisationId.New();

    /// <summary>Panels: establishing, members, forms, evaluation.</summary>
    public PanelService Panels { get; }

    /// <summary>Submissions: drafting, triage, feedback, action plans, follow-up.</summary>
    public ReviewSubmissionService Submissions { get; }

    /// <summary>Meetings: agenda, attendance, conflicts, lead reviewers, reviews.</summary>
    public PanelMeetingService Meetings { get; }

    public IParticipantStore Participants { get; }

    public IPanelStore PanelStore { get; }

    public IReviewSubmissionStore SubmissionStore { get; }

    public IPanelMeetingStore MeetingStore { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public IServiceProvider Scope => _scope.ServiceProvider;

    public void At(int month, int day) => Clock.SetUtcNow(new DateTimeOffset(2026, month, day, 12, 0, 0, TimeSpan.Zero));

    public async Task<ParticipantId> RegisterAsync(string pseudonym, ParticipantRole role, bool consentsToRecording = true)
    {
        var participant = Participant.Register(Organisation, pseudonym, [role], Clock);
        if (consentsToRecording)
        {
            participant.GiveConsent(ConsentPurpose.Recording, Clock);
        }

        await Participants.AddAsync(participant, Ct);
        return participant.Id;
    }

    public async Task ChangeSubmissionAsync(ReviewSubmissionId id, Action<ReviewSubmission> change)
    {
        var submission = (await SubmissionStore.FindAsync(id, Ct))!;
        change(submission);
        await SubmissionStore.UpdateAsync(submission, Ct);
    }

    public async Task ChangeMeetingAsync(PanelMeetingId id, Action<PanelMeeting> change)
    {
        var meeting = (await MeetingStore.FindAsync(id, Ct))!;
        change(meeting);
        await MeetingStore.UpdateAsync(meeting, Ct);
    }

    public async Task ChangePanelAsync(PanelId id, Action<Panel> change)
    {
        var panel = (await PanelStore.FindAsync(id, Ct))!;
        change(panel);
        await PanelStore.UpdateAsync(panel, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }
}

/// <summary>A panel set up through the service: a patient chair, four patient reviewers, a staff facilitator, a project lead and team member, and forms for round 1 and later rounds.</summary>
internal sealed class ServicePanel
{
    private ServicePanel(ServiceWorld world) => World = world;

    public ServiceWorld World { get; }

    public PanelId PanelId { get; private set; }

    public ParticipantId Chair { get; private set; }

    public ParticipantId R1 { get; private set; }

    public ParticipantId R2 { get; private set; }

    public ParticipantId R3 { get; private set; }

    public ParticipantId R4 { get; private set; }

    public ParticipantId Facilitator { get; private set; }

    public ParticipantId Lead { get; private set; }

    public ParticipantId TeamMember { get; private set; }

    public InvolvementFrameworkId FrameworkId { get; private set; }

    public static async Task<ServicePanel> CreateAsync(ServiceWorld world)
    {
        var p = new ServicePanel(world);
        var ct = ServiceWorld.Ct;
        p.Chair = await world.RegisterAsync("Patient partner A (chair)", ParticipantRole.PatientPartner);
        p.R1 = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        p.R2 = await world.RegisterAsync("Carer C", ParticipantRole.Carer);
        p.R3 = await world.RegisterAsync("Service user D", ParticipantRole.ServiceUser);
        p.R4 = await world.RegisterAsync("Community member E", ParticipantRole.CommunityMember);
        p.Facilitator = await world.RegisterAsync("Participation lead F", ParticipantRole.Staff);
        p.Lead = await world.RegisterAsync("Project lead G", ParticipantRole.Staff);
        p.TeamMember = await world.RegisterAsync("Team member H", ParticipantRole.Staff);
        var panel = await world.Panels.EstablishAsync("Patient Improvement Peer Review Panel", "Patient partners give the patient perspective on improvement projects.", new QuorumRule(3), ct);
        p.PanelId = panel.Id;
        var (start, end) = (new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));
        await world.Panels.AppointMemberAsync(p.PanelId, p.Chair, PanelRole.PatientChair, start, end, ct);
        foreach (var reviewer in new[] { p.R1, p.R2, p.R3, p.R4 })
        {
            await world.Panels.AppointMemberAsync(p.PanelId, reviewer, PanelRole.PatientReviewer, start, end, ct);
        }

        await world.Panels.AppointMemberAsync(p.PanelId, p.Facilitator, PanelRole.StaffFacilitator, start, end, ct);
        await world.Panels.DefineReviewFormAsync(p.PanelId, "First review", 1, [new ReviewCriterion("patient-voice", "How well does the project hear patients?"), new ReviewCriterion("plan", "How far are patients part of the plan?")], [], ct);
        await world.Panels.DefineReviewFormAsync(p.PanelId, "Return visit", 2, [new ReviewCriterion("progress", "How far were the recommendations acted on?"), new ReviewCriterion("patient-voice", "How well does the project hear patients now?")], [], ct);
        var frameworks = world.Scope.GetRequiredService<InvolvementFrameworkService>();
        var framework = await frameworks.AdoptAsync("trust", "Trust framework", "2026.1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.ModelForImprovement], ct);
        p.FrameworkId = (await frameworks.PublishAsync(framework.Id, ct)).Id;
        return p;
    }

    /// <summary>Starts an improvement project led by <see cref="Lead"/> with the given team (staff members by default: <see cref="TeamMember"/>).</summary>
    public async Task<ImprovementProjectId> StartProjectAsync(string title, string serviceArea, params ParticipantId[] team)
    {
        var projects = World.Scope.GetRequiredService<ImprovementProjectService>();
        var project = await projects.StartAsync(FrameworkId, title, "Shorter waits", serviceArea, Lead, new DateOnly(2026, 1, 2), ServiceWorld.Ct);
        foreach (var member in team.Length == 0 ? [TeamMember] : team)
        {
            await projects.AddTeamMemberAsync(project.Id, member, ProjectTeamRole.StaffMember, isCoreTeam: true, new DateOnly(2026, 1, 2), ServiceWorld.Ct);
        }

        return project.Id;
    }

    public async Task<ReviewSubmission> DraftAsync(string title, string serviceArea, params ParticipantId[] team) =>
        await World.Submissions.DraftAsync(PanelId, await StartProjectAsync(title, serviceArea, team), "We would value the patient view of our plan.", ServiceWorld.Ct);

    public Task AttendAsync(PanelMeetingId meetingId, ParticipantId who, AttendanceStatus status) =>
        World.Meetings.RecordAttendanceAsync(meetingId, who, status, ServiceWorld.Ct);

    public Task ReviewAsync(PanelMeetingId meetingId, ParticipantId reviewer, ReviewSubmissionId submissionId, string firstKey, int first, string secondKey, int second) =>
        World.Meetings.SubmitReviewAsync(meetingId, reviewer, submissionId, new Dictionary<string, int> { [firstKey] = first, [secondKey] = second }, new Dictionary<string, string>(), null, ServiceWorld.Ct);
}
