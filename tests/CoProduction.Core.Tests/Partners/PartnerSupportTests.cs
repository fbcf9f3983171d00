using CoProduction.Partners;
using CoProduction.People;
using CoProduction.Primitives;
using static CoProduction.Core.Tests.Partners.PartnerWorld;

namespace CoProduction.Core.Tests.Partners;

public sealed class PartnerSupportTests
{
    [Fact]
    public async Task SupportRecords_OnlyTheParticipationTeamWritesAndReadsThem()
    {
        await using var world = Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var otherPartner = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        await world.Partners.RecordCheckAsync(partner, OnboardingCheckKind.Induction, null, Today, null, None);

        // The application's own process (no actor set) is not on the team.
        var bySystem = () => world.Partners.ListSupportRecordsAsync(partner, None);
        var refusal = (await bySystem.Should().ThrowAsync<DomainRuleViolationException>()).Which;
        refusal.Code.Should().Be(PartnerErrorCodes.NotParticipationTeam);
        refusal.Kind.Should().Be(ErrorKind.Forbidden);

        // Another partner is not on the team either, for writing or reading.
        world.ActAs(otherPartner);
        var write = () => world.Partners.RecordSupportAsync(partner, SupportRecordKind.WellbeingCheckIn, Today, "Meet again in a month", null, null, null, None);
        (await write.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.NotParticipationTeam);
        (await bySystem.Should().ThrowAsync<DomainRuleViolationException>()).Which.Kind.Should().Be(ErrorKind.Forbidden);

        var staff = await world.ActAsStaffAsync();
        var saved = await world.Partners.RecordSupportAsync(partner, SupportRecordKind.WellbeingCheckIn, Today, "Meet again in a month", "Finding the panel papers heavy going", null, null, None);
        saved.HeldBy.Should().Be(staff, "the person who held it is the actor");
        (await world.Partners.ListSupportRecordsAsync(partner, None)).Should().ContainSingle().Which.Notes.Should().Be("Finding the panel papers heavy going");

        // A member of staff who has been erased is no longer on the team.
        await world.People.EraseAsync(staff, None);
        (await bySystem.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.NotParticipationTeam);
    }

    [Fact]
    public async Task ParticipationTeamRoles_AreConfigurable()
    {
        await using var world = Create(o => o.Partners.ParticipationTeamRoles = [ParticipantRole.CommunityMember]);
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        await world.Partners.RecordCheckAsync(partner, OnboardingCheckKind.Induction, null, Today, null, None);
        await world.ActAsStaffAsync();
        var staff = () => world.Partners.ListSupportRecordsAsync(partner, None);
        (await staff.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.NotParticipationTeam);

        world.ActAs(await world.RegisterAsync("Community participation worker C", ParticipantRole.CommunityMember));
        (await world.Partners.ListSupportRecordsAsync(partner, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task StorySharing_ReadyCheckWithdrawalAndDebrief()
    {
        await using var world = Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        await world.Partners.RecordCheckAsync(partner, OnboardingCheckKind.Induction, null, Today, null, None);
        var board = await world.Partners.PlanStorySharingAsync(partner, "Board meeting patient story", new DateOnly(2025, 4, 24), None);
        var conference = await world.Partners.PlanStorySharingAsync(partner, "Quality conference", new DateOnly(2025, 5, 15), None);

        (await world.Partners.CheckReadyToShareAsync(partner, board.Id, None)).Should().Be(StoryReadiness.NotConfirmed);
        await world.Partners.ConfirmReadyToShareAsync(partner, board.Id, new DateOnly(2025, 4, 1), None);
        (await world.Partners.CheckReadyToShareAsync(partner, board.Id, None)).Should().Be(StoryReadiness.Ready);

        // The right to withdraw, even after confirming, and then the story is not shared.
        await world.Partners.ConfirmReadyToShareAsync(partner, conference.Id, new DateOnly(2025, 4, 1), None);
        await world.Partners.WithdrawFromStorySharingAsync(partner, conference.Id, None);
        (await world.Partners.CheckReadyToShareAsync(partner, conference.Id, None)).Should().Be(StoryReadiness.Withdrawn);
        var again = () => world.Partners.ConfirmReadyToShareAsync(partner, conference.Id, new DateOnly(2025, 4, 2), None);
        (await again.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.StoryWithdrawn);

        // After the board meeting, the debrief is due within 7 days until it is held.
        world.SetToday(new DateOnly(2025, 4, 25));
        var due = await world.DueWork.ListAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 31), None);
        due.Should().ContainSingle(i => i.Kind == DueWorkKind.DebriefNotHeld).Which.Should().BeEquivalentTo(new { ItemId = board.Id.Value, DueOn = new DateOnly(2025, 5, 1) });

        await world.ActAsStaffAsync();
        var notShared = () => world.Partners.RecordSupportAsync(partner, SupportRecordKind.Debrief, new DateOnly(2025, 4, 25), "Rest, then talk on Friday", null, conference.Id, null, None);
        (await notShared.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PartnerErrorCodes.StoryNotShared);
        var debrief = await world.Partners.RecordSupportAsync(partner, SupportRecordKind.Debrief, new DateOnly(2025, 4, 25), "Rest, then talk on Friday", null, board.Id, null, None);
        (await world.Partners.FindRecordAsync(partner, None))!.StorySharing.Single(s => s.Id == board.Id).DebriefId.Should().Be(debrief.Id);
        (await world.DueWork.ListAsync(new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 31), None)).Should().NotContain(i => i.Kind == DueWorkKind.DebriefNotHeld);
    }

    [Fact]
    public async Task SupportPlanReview_SetsTheNextReviewOnThePartnerRecord()
    {
        await using var world = Create();
        var partner = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        await world.Partners.RecordCheckAsync(partner, OnboardingCheckKind.Induction, null, Today, null, None);
        await world.Partners.ScheduleSupportPlanReviewAsync(partner, new DateOnly(2025, 4, 10), None);
        await world.ActAsStaffAsync();
        world.SetToday(new DateOnly(2025, 4, 10));

        var missingDate = () => world.Partners.RecordSupportAsync(partner, SupportRecordKind.SupportPlanReview, new DateOnly(2025, 4, 10), "Keep monthly check-ins", null, null, null, None);
        (await missingDate.Should().ThrowAsync<InvalidInputException>()).Which.Errors.Keys.Should().Contain("nextReviewOn");

        await world.Partners.RecordSupportAsync(partner, SupportRecordKind.SupportPlanReview, new DateOnly(2025, 4, 10), "Keep monthly check-ins", null, null, new DateOnly(2025, 10, 10), None);
        (await world.Partners.FindRecordAsync(partner, None))!.SupportPlanReviewOn.Should().Be(new DateOnly(2025, 10, 10));
    }
}
