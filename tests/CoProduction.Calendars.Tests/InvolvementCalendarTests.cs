using CoProduction.Partners;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Pathways;
using CoProduction.Tests.Shared;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Calendars.Tests;

public sealed class InvolvementCalendarTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider _provider;
    private readonly AsyncServiceScope _scope;

    public InvolvementCalendarTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddCoProduction(o => o.OrganisationId = Guid.NewGuid()).UseInMemoryStores();
        services.AddCoProductionCalendars(o => o.UidDomain = "involvement.example.org");
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateAsyncScope();
    }

    private IServiceProvider Services => _scope.ServiceProvider;

    private InvolvementCalendar Calendars => Services.GetRequiredService<InvolvementCalendar>();

    [Fact]
    public async Task CohortSession_WrittenUpdatedAndCancelled_ParsesBackWithTheSameUidAndARisingSequence()
    {
        var (cohortId, sessionId, trainer, _, _) = await CohortWithSessionAsync();
        var cohorts = Services.GetRequiredService<CohortService>();

        var first = Calendar.Load(await Calendars.ForCohortSessionAsync(cohortId, sessionId, None))!;
        first.Method.Should().Be("PUBLISH");
        var published = first.Events.Should().ContainSingle().Subject;
        published.Uid.Should().Be($"cohort-session-{sessionId.Value:D}@involvement.example.org");
        published.Summary.Should().Be("Cohort 1: session M1");
        published.Start!.AsUtc.Should().Be(new DateTime(2025, 4, 14, 10, 0, 0, DateTimeKind.Utc));
        published.End!.AsUtc.Should().Be(new DateTime(2025, 4, 14, 13, 0, 0, DateTimeKind.Utc), "the module lasts three hours");
        published.Status.Should().NotBe(EventStatus.Cancelled);

        // An update: the co-facilitator changes.
        var other = await RegisterAsync("QI coach D", ParticipantRole.Staff);
        await cohorts.ChangeFacilitatorsAsync(cohortId, sessionId, [new(trainer, FacilitatorRole.Lead), new(other, FacilitatorRole.CoFacilitator)], None);
        var updated = Calendar.Load(await Calendars.ForCohortSessionAsync(cohortId, sessionId, None))!.Events.Single();
        updated.Uid.Should().Be(published.Uid);
        updated.Sequence.Should().BeGreaterThan(published.Sequence);

        // A cancellation: METHOD:CANCEL, STATUS:CANCELLED, same UID, higher sequence again.
        await cohorts.CancelSessionAsync(cohortId, sessionId, "Venue flooded", None);
        var cancelledCalendar = Calendar.Load(await Calendars.ForCohortSessionAsync(cohortId, sessionId, None))!;
        cancelledCalendar.Method.Should().Be("CANCEL");
        var cancelled = cancelledCalendar.Events.Single();
        cancelled.Uid.Should().Be(published.Uid);
        cancelled.Sequence.Should().BeGreaterThan(updated.Sequence);
        cancelled.Status.Should().Be(EventStatus.Cancelled);

        // The cohort's feed still publishes it, as cancelled.
        var feed = Calendar.Load(await Calendars.ForCohortAsync(cohortId, None))!;
        feed.Method.Should().Be("PUBLISH");
        feed.Events.Should().ContainSingle(e => e.Uid == published.Uid).Which.Status.Should().Be(EventStatus.Cancelled);
    }

    [Fact]
    public async Task PanelMeeting_AttendanceRecorded_SameUidHigherSequence()
    {
        var panels = Services.GetRequiredService<PanelService>();
        var meetings = Services.GetRequiredService<PanelMeetingService>();
        var member = await RegisterAsync("Patient reviewer R", ParticipantRole.PatientPartner);
        var panel = await panels.EstablishAsync("Improvement review panel", "Reviews improvement projects", new QuorumRule(1, false), None);
        await panels.AppointMemberAsync(panel.Id, member, PanelRole.PatientReviewer, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), None);
        var meeting = await meetings.ArrangeAsync(panel.Id, new DateOnly(2025, 5, 20), None);

        var before = Calendar.Load(await Calendars.ForPanelMeetingAsync(meeting.Id, None))!.Events.Single();
        _clock.SetUtcNow(new DateTimeOffset(2025, 5, 20, 10, 0, 0, TimeSpan.Zero));
        await meetings.RecordAttendanceAsync(meeting.Id, member, AttendanceStatus.Present, None);
        var after = Calendar.Load(await Calendars.ForPanelMeetingAsync(meeting.Id, None))!.Events.Single();

        before.Uid.Should().Be($"panel-meeting-{meeting.Id.Value:D}@involvement.example.org").And.Be(after.Uid);
        before.Start!.HasTime.Should().BeFalse("a meeting without an agenda is all day");
        before.Start.Date.Should().Be(new DateOnly(2025, 5, 20));
        after.Sequence.Should().BeGreaterThan(before.Sequence);
    }

    [Fact]
    public async Task ForParticipantAsync_HoldsTheirOwnInvolvementAndNothingAboutAnyoneElse()
    {
        var (cohortId, sessionId, trainer, coach, (member, colleague)) = await CohortWithSessionAsync();
        var outsider = await RegisterAsync("Patient partner Z", ParticipantRole.PatientPartner);
        var panels = Services.GetRequiredService<PanelService>();
        var panel = await panels.EstablishAsync("Improvement review panel", "Reviews improvement projects", new QuorumRule(1, false), None);
        await panels.AppointMemberAsync(panel.Id, member, PanelRole.PatientReviewer, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), None);
        await panels.AppointMemberAsync(panel.Id, colleague, PanelRole.PatientReviewer, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), None);
        var meeting = await Services.GetRequiredService<PanelMeetingService>().ArrangeAsync(panel.Id, new DateOnly(2025, 5, 20), None);
        var partners = Services.GetRequiredService<PartnerService>();
        await partners.RecordCheckAsync(member, OnboardingCheckKind.Induction, null, new DateOnly(2025, 3, 1), null, None);
        var story = await partners.PlanStorySharingAsync(member, "Board meeting patient story", new DateOnly(2025, 6, 5), None);

        var text = await Calendars.ForParticipantAsync(member, None);
        var feed = Calendar.Load(text)!;

        feed.Events.Select(e => e.Uid).Should().BeEquivalentTo(
            $"cohort-session-{sessionId.Value:D}@involvement.example.org",
            $"panel-meeting-{meeting.Id.Value:D}@involvement.example.org",
            $"story-sharing-{story.Id:D}@involvement.example.org");
        feed.Events.Should().OnlyContain(e => e.Attendees.Count == 0 && e.Organizer == null);
        foreach (var someoneElse in new[] { trainer, coach, colleague })
        {
            text.Should().NotContain(someoneElse.Value.ToString("D"));
        }

        text.Should().NotContainAny("Patient trainer A", "QI coach C", "Patient partner F", "Nurse N");
        Calendar.Load(await Calendars.ForParticipantAsync(outsider, None))!.Events.Should().BeEmpty();

        await partners.WithdrawFromStorySharingAsync(member, story.Id, None);
        var withdrawn = Calendar.Load(await Calendars.ForParticipantAsync(member, None))!.Events.Single(e => e.Uid!.StartsWith("story-sharing-", StringComparison.Ordinal));
        withdrawn.Status.Should().Be(EventStatus.Cancelled);
        withdrawn.Sequence.Should().BeGreaterThan(feed.Events.Single(e => e.Uid!.StartsWith("story-sharing-", StringComparison.Ordinal)).Sequence);
    }

    [Fact]
    public async Task ForCohortSessionAsync_UnknownSession_IsNotFound()
    {
        var (cohortId, _, _, _, _) = await CohortWithSessionAsync();
        var act = () => Calendars.ForCohortSessionAsync(cohortId, CohortSessionId.New(), None);
        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PartnerErrorCodes.SessionNotFound);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private async Task<ParticipantId> RegisterAsync(string name, ParticipantRole role) =>
        (await Services.GetRequiredService<ParticipantService>().RegisterAsync(name, [role], None)).Id;

    private async Task<(CohortId CohortId, CohortSessionId SessionId, ParticipantId Trainer, ParticipantId Coach, (ParticipantId Member, ParticipantId Colleague) Team)> CohortWithSessionAsync()
    {
        var trainer = await RegisterAsync("Patient trainer A", ParticipantRole.PatientPartner);
        var coach = await RegisterAsync("QI coach C", ParticipantRole.Staff);
        await PathwayArrangement.ToStageAsync(Services.GetRequiredService<PatientTrainerPathwayService>(), trainer, PathwayStage.LeadTrainer, coach, DateOnly.FromDateTime(Start.UtcDateTime), None);
        var programme = await Services.GetRequiredService<ProgrammeService>().CreateAsync(
            "Co-Production for Improvement",
            "Teams learn to improve services with patients",
            "First version",
            [new CurriculumModule("M1", "What co-production is", ["Explain what co-production means"], TimeSpan.FromHours(3), DeliveryMode.InPerson)],
            [new CoDesigner(trainer, "Shaped the curriculum")],
            None);
        var cohorts = Services.GetRequiredService<CohortService>();
        var cohortId = (await cohorts.PlanAsync(programme.Id, 1, "Cohort 1", new DateOnly(2025, 4, 7), new DateOnly(2025, 7, 25), None)).Id;
        var sessionId = await cohorts.ScheduleSessionAsync(cohortId, "M1", new DateTimeOffset(2025, 4, 14, 10, 0, 0, TimeSpan.Zero), null, [new(trainer, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);
        await cohorts.OpenRecruitmentAsync(cohortId, None);
        var member = await RegisterAsync("Patient partner E", ParticipantRole.PatientPartner);
        var colleague = await RegisterAsync("Patient partner F", ParticipantRole.PatientPartner);
        var nurse = await RegisterAsync("Nurse N", ParticipantRole.Staff);
        await cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [member, colleague, nurse], None);
        return (cohortId, sessionId, trainer, coach, (member, colleague));
    }
}
