using CoProduction.Core.Tests.TestSupport;
using CoProduction.People;
using CoProduction.People.Events;
using CoProduction.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.People;

public sealed class ParticipantTests
{
    private readonly FakeTimeProvider _clock = new(TestHost.Start);
    private readonly OrganisationId _trust = OrganisationId.New();

    private Participant NewPartner() => Participant.Register(_trust, "Patient partner A", [ParticipantRole.PatientPartner, ParticipantRole.Carer], _clock);

    [Fact]
    public void Register_ValidInput_HoldsNameRolesAndRaisesEvent()
    {
        var participant = NewPartner();

        participant.FullName.Should().Be("Patient partner A");
        participant.Roles.Should().Equal(ParticipantRole.PatientPartner, ParticipantRole.Carer);
        participant.HasLivedExperience.Should().BeTrue();
        participant.RegisteredAt.Should().Be(TestHost.Start);
        participant.PaymentPreference.Method.Should().Be(PaymentMethod.BankTransfer);
        participant.PendingEvents.Should().ContainSingle().Which.Should().Be(new ParticipantRegistered(participant.Id, TestHost.Start));
    }

    [Fact]
    public void Register_NoRoles_ThrowsNamingRoles()
    {
        var act = () => Participant.Register(_trust, "Patient partner A", [], _clock);

        act.Should().ThrowInvalidInput("roles");
    }

    [Fact]
    public void Register_StaffOnly_HasNoLivedExperience()
        => Participant.Register(_trust, "Facilitator C", [ParticipantRole.Staff], _clock).HasLivedExperience.Should().BeFalse();

    [Fact]
    public void GiveConsent_ThenWithdraw_KeepsDatedHistory()
    {
        var participant = NewPartner();
        participant.GiveConsent(ConsentPurpose.Recording, _clock);
        var given = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromDays(30));

        participant.WithdrawConsent(ConsentPurpose.Recording, _clock);

        participant.Consents.Should().ContainSingle().Which.Should().Be(new ConsentRecord(ConsentPurpose.Recording, given, given.AddDays(30)));
        participant.HasConsent(ConsentPurpose.Recording, given.AddDays(1)).Should().BeTrue();
        participant.HasConsent(ConsentPurpose.Recording, given.AddDays(30)).Should().BeFalse();
        participant.PendingEvents.OfType<ConsentWithdrawn>().Should().ContainSingle();
    }

    [Fact]
    public void GiveConsent_AlreadyInForce_RefusedAndUnchanged()
    {
        var participant = NewPartner();
        participant.GiveConsent(ConsentPurpose.Contact, _clock);

        var act = () => participant.GiveConsent(ConsentPurpose.Contact, _clock);

        act.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PeopleErrorCodes.ConsentAlreadyGiven && e.Message.Contains("withdraw it first", StringComparison.Ordinal));
        participant.Consents.Should().HaveCount(1);
    }

    [Fact]
    public void WithdrawConsent_NoneInForce_Refused()
    {
        var act = () => NewPartner().WithdrawConsent(ConsentPurpose.Quotation, _clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeopleErrorCodes.ConsentNotInForce);
    }

    [Fact]
    public void RecordDiversityAnswers_WithoutConsent_RefusedAndNothingHeld()
    {
        var participant = NewPartner();
        var events = participant.PendingEvents.Count;

        var act = () => participant.RecordDiversityAnswers(new Dictionary<string, string> { ["Age band"] = "45-54" }, _clock);

        act.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PeopleErrorCodes.DiversityConsentMissing && e.Message.Contains("GiveConsent", StringComparison.Ordinal));
        participant.DiversityAnswers.Should().BeEmpty();
        participant.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void WithdrawDiversityConsent_DeletesAnswers()
    {
        var participant = NewPartner();
        participant.GiveConsent(ConsentPurpose.DiversityMonitoring, _clock);
        participant.RecordDiversityAnswers(new Dictionary<string, string> { ["Ethnic group"] = "Prefer not to say", ["Age band"] = "45-54" }, _clock);
        participant.DiversityAnswers.Should().HaveCount(2);

        participant.WithdrawConsent(ConsentPurpose.DiversityMonitoring, _clock);

        participant.DiversityAnswers.Should().BeEmpty();
    }

    [Fact]
    public void ChangeRoles_Empty_RefusedWithCodeAndUnchanged()
    {
        var participant = NewPartner();

        var act = () => participant.ChangeRoles([], _clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeopleErrorCodes.RoleRequired);
        participant.Roles.Should().HaveCount(2);
    }

    [Fact]
    public void ContactDetails_Invalid_RejectedWithReason()
    {
        var none = () => new ContactDetails(" ", null, "");
        var badEmail = () => new ContactDetails("not-an-address", null, null);

        none.Should().Throw<InvalidInputException>().WithMessage("*at least an email address*");
        badEmail.Should().Throw<InvalidInputException>().WithMessage("*'not-an-address' is not an email address*");
    }

    [Fact]
    public void Erase_RemovesPersonalDataKeepsIdRolesAndConsentDates()
    {
        var participant = NewPartner();
        participant.Rename("Patient partner A", "Partner A", _clock);
        participant.ChangeContactDetails(new ContactDetails("partner.a@example.org", "01632 960000", "1 Example Street"), _clock);
        participant.ChangeAccessibilityNeeds([new AccessibilityNeed("Hearing loop", "Book rooms with a loop")], _clock);
        participant.GiveConsent(ConsentPurpose.DiversityMonitoring, _clock);
        participant.RecordDiversityAnswers(new Dictionary<string, string> { ["Age band"] = "45-54" }, _clock);
        participant.ChangePaymentPreference(new PaymentPreference(PaymentMethod.Voucher, "Prefers supermarket vouchers"), _clock);
        var id = participant.Id;

        participant.Erase(_clock);

        participant.Id.Should().Be(id);
        participant.FullName.Should().Be(Participant.ErasedName);
        participant.PreferredName.Should().BeNull();
        participant.Contact.Should().BeNull();
        participant.AccessibilityNeeds.Should().BeEmpty();
        participant.DiversityAnswers.Should().BeEmpty();
        participant.PaymentPreference.Should().Be(new PaymentPreference(PaymentMethod.Voucher));
        participant.Roles.Should().HaveCount(2);
        participant.Consents.Should().OnlyContain(c => c.WithdrawnAt == TestHost.Start);
        participant.IsErased.Should().BeTrue();

        var again = () => participant.Erase(_clock);
        again.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeopleErrorCodes.ParticipantErased);
        var change = () => participant.Rename("New name", null, _clock);
        change.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeopleErrorCodes.ParticipantErased);
    }
}
