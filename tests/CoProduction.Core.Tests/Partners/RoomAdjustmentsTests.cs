using CoProduction.Core.Tests.Programmes;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Partners;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Programmes.Cohorts;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.Partners;

public sealed class RoomAdjustmentsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ForCohortSessionAsync_ListsTheNeedsOfThoseExpectedWhoConsent_CountsTheOthers()
    {
        await using var world = ServiceWorld.Create();
        var trainer = await world.TrainerAsync("Patient trainer A");
        var coach = await world.RegisterAsync("QI coach C", ParticipantRole.Staff);
        var programmeId = await world.ProgrammeAsync(trainer, coach);
        var cohortId = (await world.Cohorts.PlanAsync(programmeId, 1, "Cohort 1", ServiceWorld.CohortStart, ServiceWorld.CohortEnd, None)).Id;
        var sessionId = await world.Cohorts.ScheduleSessionAsync(cohortId, "M1", ServiceWorld.At(4, 14), null, [new(trainer, FacilitatorRole.Lead), new(coach, FacilitatorRole.CoFacilitator)], None);
        await world.Cohorts.OpenRecruitmentAsync(cohortId, None);
        var consenting = await world.RegisterAsync("Patient partner E", ParticipantRole.PatientPartner);
        var private_ = await world.RegisterAsync("Carer G", ParticipantRole.Carer);
        var nurse = await world.RegisterAsync("Nurse F", ParticipantRole.Staff);
        var absentTeamMember = await world.RegisterAsync("Patient partner W", ParticipantRole.PatientPartner);
        await world.Cohorts.EnrolTeamAsync(cohortId, "Ward 7", "Better discharge letters", [consenting, nurse], None);
        var withdrawn = await world.Cohorts.EnrolTeamAsync(cohortId, "Falls team", "Fewer falls at night", [private_, absentTeamMember], None);
        world.SetNow(ServiceWorld.At(4, 8));
        await world.Cohorts.WithdrawTeamAsync(cohortId, withdrawn, new DateOnly(2025, 4, 8), "Ward closed", None);

        await world.People.ChangeAccessibilityNeedsAsync(trainer, [new AccessibilityNeed("Step-free access", "Ground-floor room")], None);
        await world.People.GiveConsentAsync(trainer, ConsentPurpose.AccessibilityNeeds, None);
        await world.People.ChangeAccessibilityNeedsAsync(consenting, [new AccessibilityNeed("Hearing loss", "Hearing loop and a seat at the front")], None);
        await world.People.GiveConsentAsync(consenting, ConsentPurpose.AccessibilityNeeds, None);
        await world.People.ChangeAccessibilityNeedsAsync(nurse, [new AccessibilityNeed("Dyslexia", "Papers a week ahead")], None);
        await world.People.ChangeAccessibilityNeedsAsync(absentTeamMember, [new AccessibilityNeed("Wheelchair user", null)], None);
        await world.People.GiveConsentAsync(absentTeamMember, ConsentPurpose.AccessibilityNeeds, None);

        var adjustments = await world.Services.GetRequiredService<RoomAdjustmentsService>().ForCohortSessionAsync(cohortId, sessionId, None);

        adjustments.PeopleExpected.Should().Be(4, "the two facilitators and the two members of the team still enrolled");
        adjustments.People.Select(p => p.ParticipantId).Should().BeEquivalentTo([trainer, consenting]);
        adjustments.People.Single(p => p.ParticipantId == consenting).Needs.Should().ContainSingle().Which.ReasonableAdjustment.Should().Be("Hearing loop and a seat at the front");
        adjustments.NotShared.Should().Be(1, "the nurse's needs are recorded without consent to share them");

        await world.People.WithdrawConsentAsync(consenting, ConsentPurpose.AccessibilityNeeds, None);
        var after = await world.Services.GetRequiredService<RoomAdjustmentsService>().ForCohortSessionAsync(cohortId, sessionId, None);
        after.People.Select(p => p.ParticipantId).Should().Equal(trainer);
        after.NotShared.Should().Be(2);
    }

    [Fact]
    public async Task ForPanelMeetingAsync_ListsMembersServingOnTheDate_WithConsent()
    {
        await using var world = PartnerWorld.Create();
        var panels = world.Services.GetRequiredService<PanelService>();
        var serving = await world.RegisterAsync("Patient reviewer R", ParticipantRole.PatientPartner);
        var formerMember = await world.RegisterAsync("Patient reviewer S", ParticipantRole.PatientPartner);
        var panel = await panels.EstablishAsync("Improvement review panel", "Reviews improvement projects", new QuorumRule(1, false), None);
        await panels.AppointMemberAsync(panel.Id, serving, PanelRole.PatientReviewer, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), None);
        await panels.AppointMemberAsync(panel.Id, formerMember, PanelRole.PatientReviewer, new DateOnly(2024, 1, 1), new DateOnly(2025, 4, 30), None);
        foreach (var person in new[] { serving, formerMember })
        {
            await world.People.ChangeAccessibilityNeedsAsync(person, [new AccessibilityNeed("Visual impairment", "Papers in 18-point type")], None);
            await world.People.GiveConsentAsync(person, ConsentPurpose.AccessibilityNeeds, None);
        }

        var meeting = await world.Services.GetRequiredService<PanelMeetingService>().ArrangeAsync(panel.Id, new DateOnly(2025, 5, 20), None);
        var adjustments = await world.Adjustments.ForPanelMeetingAsync(meeting.Id, None);

        adjustments.PeopleExpected.Should().Be(1, "the other member's term ended before the meeting");
        adjustments.People.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ParticipantId = serving, DisplayName = "Patient reviewer R" });
    }

    [Fact]
    public async Task ForProjectMeetingAsync_ListsTheTeamOnTheDate_WithConsent()
    {
        await using var world = PartnerWorld.Create();
        var frameworks = world.Services.GetRequiredService<InvolvementFrameworkService>();
        var framework = await frameworks.AdoptAsync("trust", "Trust framework", "2025.1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.UkStandardsForPublicInvolvement, FrameworkPresets.ModelForImprovement], None);
        await frameworks.PublishAsync(framework.Id, None);
        var lead = await world.RegisterAsync("Staff member X", ParticipantRole.Staff);
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var projects = world.Services.GetRequiredService<ImprovementProjectService>();
        var project = await projects.StartAsync(framework.Id, "Discharge letters", "Letters patients understand", "Acute medicine", lead, new DateOnly(2025, 3, 1), None);
        await projects.AddTeamMemberAsync(project.Id, partner, ProjectTeamRole.PatientPartner, true, new DateOnly(2025, 3, 20), None);
        await world.People.ChangeAccessibilityNeedsAsync(partner, [new AccessibilityNeed("Fatigue", "Breaks every 45 minutes")], None);
        await world.People.GiveConsentAsync(partner, ConsentPurpose.AccessibilityNeeds, None);
        await world.People.ChangeAccessibilityNeedsAsync(lead, [new AccessibilityNeed("Dyslexia", null)], None);

        var beforeJoining = await world.Adjustments.ForProjectMeetingAsync(project.Id, new DateOnly(2025, 3, 10), None);
        var after = await world.Adjustments.ForProjectMeetingAsync(project.Id, new DateOnly(2025, 3, 25), None);

        beforeJoining.Should().BeEquivalentTo(new { PeopleExpected = 1, People = Array.Empty<PersonAdjustments>(), NotShared = 1 });
        after.PeopleExpected.Should().Be(2);
        after.People.Should().ContainSingle().Which.Needs.Single().ReasonableAdjustment.Should().Be("Breaks every 45 minutes");
        after.NotShared.Should().Be(1);
    }
}
