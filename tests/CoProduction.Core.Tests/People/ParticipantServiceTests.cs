using CoProduction.Core.Tests.TestSupport;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.People;

public sealed class ParticipantServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ExportAsync_AfterErasure_ContainsNoneOfTheOriginalPersonalStrings()
    {
        await using var host = TestHost.CreatePaying();
        await using var scope = host.Scope();
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
        string[] personal = ["Alexandra Testperson", "Alex", "alex.testperson@example.org", "01632 960123", "7 Imaginary Lane, Exampletown", "Wheelchair user", "Accessible toilet nearby", "Mixed heritage", "Paid into a carer's account"];
        var participant = await people.RegisterAsync(personal[0], [ParticipantRole.PatientPartner], None);
        await people.RenameAsync(participant.Id, personal[0], personal[1], None);
        await people.ChangeContactDetailsAsync(participant.Id, new ContactDetails(personal[2], personal[3], personal[4], ContactMethod.Phone), None);
        await people.ChangeAccessibilityNeedsAsync(participant.Id, [new AccessibilityNeed(personal[5], personal[6])], None);
        await people.GiveConsentAsync(participant.Id, ConsentPurpose.DiversityMonitoring, None);
        await people.RecordDiversityAnswersAsync(participant.Id, new Dictionary<string, string> { ["Ethnic group"] = personal[7] }, None);
        await people.ChangePaymentPreferenceAsync(participant.Id, new PaymentPreference(PaymentMethod.BankTransfer, personal[8]), None);
        var activity = await payments.RecordActivityAsync(participant.Id, InvolvementActivityKind.PanelMeeting, new DateOnly(2025, 3, 10), TimeSpan.FromHours(2), "Partner", "Peer review panel, March", null, None);
        await payments.SubmitClaimAsync(participant.Id, [activity.Id], [new Expense(ExpenseKind.Travel, 6.40m, true, "Bus fare")], None);

        var before = (await people.ExportAsync(participant.Id, None)).ToJson();
        foreach (var value in personal)
        {
            before.Should().Contain(value.Replace("'", "\\u0027", StringComparison.Ordinal), "the export holds everything about the participant before erasure");
        }

        before.Should().Contain("Peer review panel, March").And.Contain("Bus fare");

        await people.EraseAsync(participant.Id, None);
        var stored = await people.GetAsync(participant.Id, None);
        var after = (await people.ExportAsync(participant.Id, None)).ToJson();

        foreach (var value in personal)
        {
            after.Should().NotContain(value, "erasure removes every personal string from the export");
            after.Should().NotContain(value.Replace("'", "\\u0027", StringComparison.Ordinal));
            stored.FullName.Should().NotContain(value);
            (stored.PreferredName ?? string.Empty).Should().NotContain(value);
        }

        stored.Contact.Should().BeNull();
        stored.AccessibilityNeeds.Should().BeEmpty();
        stored.DiversityAnswers.Should().BeEmpty();
        stored.PaymentPreference.Notes.Should().BeNull();
        after.Should().NotContain("Peer review panel, March", "the participant's own words about their activities go too");
        after.Should().NotContain("Bus fare");
        after.Should().Contain("Erased participant").And.Contain(PersonalData.RemovedOnErasure).And.Contain("2025-03-10", "the history (dates, kinds, amounts) stays under the pseudonymous id");
    }

    [Fact]
    public async Task GetAsync_UnknownOrOtherOrganisation_ClearError()
    {
        await using var host = TestHost.CreatePaying();
        ParticipantId ofTrustB;
        await using (var scopeB = host.Scope(host.TrustB))
        {
            ofTrustB = (await scopeB.ServiceProvider.GetRequiredService<ParticipantService>().RegisterAsync("Carer B", [ParticipantRole.Carer], None)).Id;
        }

        await using var scope = host.Scope(host.TrustA);
        var people = scope.ServiceProvider.GetRequiredService<ParticipantService>();

        var act = () => people.GetAsync(ofTrustB, None);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PeopleErrorCodes.ParticipantNotFound);
        var export = () => people.ExportAsync(ofTrustB, None);
        (await export.Should().ThrowAsync<RecordNotFoundException>()).Which.Message.Should().Contain("register the participant first");
    }
}
