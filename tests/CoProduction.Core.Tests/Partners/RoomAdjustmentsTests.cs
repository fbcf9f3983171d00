using CoProduction.Core.Tests.Programmes;
using CoProduction.Partners;
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
}
