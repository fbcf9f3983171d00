using System.Text.Json;
using CoProduction.Partners;
using CoProduction.People;
using static CoProduction.Core.Tests.Partners.PartnerWorld;

namespace CoProduction.Core.Tests.Partners;

public sealed class PartnersPersonalDataTests
{
    [Fact]
    public async Task ExportAndErasure_CoverEveryNewRecordOfThePerson_AndLeaveOthersAlone()
    {
        await using var world = Create();
        var lead = await world.ActAsStaffAsync();
        var opportunity = await world.PublishedRoleAsync();
        var person = await world.RegisterAsync("Patient partner A", ParticipantRole.PatientPartner);
        var other = await world.RegisterAsync("Patient partner B", ParticipantRole.PatientPartner);
        await world.AppointedAsync(opportunity, person, lead, Today);
        var otherInterest = await world.Recruitment.ExpressInterestAsync(opportunity.Id, other, "My mother had a stroke; I am her carer", Availability.Weekends, "A quiet room for breaks", None);
        await world.Recruitment.DecideAsync(opportunity.Id, otherInterest.Id, SelectionOutcome.NotSelected, "Weekend availability only", None);
        var story = await world.Partners.PlanStorySharingAsync(person, "Board story about my rehabilitation", Today.AddDays(3), None);
        await world.Partners.ConfirmReadyToShareAsync(person, story.Id, Today, None);
        await world.Partners.RecordSupportAsync(person, SupportRecordKind.WellbeingCheckIn, Today, "Call after the board meeting", "Anxious about speaking", null, null, None);
        await world.CompleteChecksAsync(other, Today);
        await world.Partners.RecordSupportAsync(other, SupportRecordKind.WellbeingCheckIn, Today, "Other partner next step", "Other partner notes", null, null, None);

        var export = await world.People.ExportAsync(person, None);
        var json = JsonSerializer.Serialize(export.Sections["partners"], CoProductionJson.Options);
        json.Should().Contain("I had a stroke in 2019").And.Contain("Brings recent experience of stroke rehabilitation")
            .And.Contain("Board story about my rehabilitation").And.Contain("Call after the board meeting").And.Contain("Anxious about speaking")
            .And.Contain("Safeguarding adults level 1");
        json.Should().NotContain("Other partner").And.NotContain("My mother had a stroke").And.NotContain(lead.Value.ToString(), "who decided and who held a conversation are other people");

        await world.People.EraseAsync(person, None);

        var opportunityAfter = (await world.Recruitment.FindAsync(opportunity.Id, None))!;
        var mine = opportunityAfter.Expressions.Single(e => e.ParticipantId == person);
        mine.LivedExperience.Should().Be(PersonalData.RemovedOnErasure);
        mine.DecisionReason.Should().Be(PersonalData.RemovedOnErasure);
        mine.Outcome.Should().Be(SelectionOutcome.Selected, "the decision stays, under the pseudonymous id");
        var theirs = opportunityAfter.Expressions.Single(e => e.ParticipantId == other);
        theirs.LivedExperience.Should().Be("My mother had a stroke; I am her carer");
        theirs.AdjustmentsNeeded.Should().Be("A quiet room for breaks");
        (await world.Partners.FindRecordAsync(person, None))!.StorySharing.Single().Occasion.Should().Be(PersonalData.RemovedOnErasure);
        var support = await world.Partners.ListSupportRecordsAsync(person, None);
        support.Should().ContainSingle().Which.Should().BeEquivalentTo(new { AgreedNextStep = PersonalData.RemovedOnErasure, Notes = PersonalData.RemovedOnErasure });
        (await world.Partners.ListSupportRecordsAsync(other, None)).Single().Notes.Should().Be("Other partner notes");
    }
}
