using CoProduction.Core.Tests.TestSupport;
using CoProduction.PeerReview;
using CoProduction.PeerReview.Events;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Core.Tests.PeerReview;

public sealed class PanelTests
{
    private readonly PeerReviewWorld _world = new();

    private Panel Panel => _world.Panel;

    [Fact]
    public void Establish_RecordsTermsAndQuorumAndRaisesAnEvent()
    {
        Panel.TermsOfReference.Should().StartWith("Patient partners review");
        Panel.QuorumRule.Should().Be(new QuorumRule(3, requirePatientChair: true));
        Panel.PendingEvents.OfType<PanelEstablished>().Should().ContainSingle();
        Panel.MembersServingOn(new DateOnly(2026, 6, 1)).Should().HaveCount(6);
    }

    [Fact]
    public void QuorumRule_BelowOne_NamesTheParameter()
    {
        var act = () => new QuorumRule(0);
        act.Should().ThrowInvalidInput("minimumPatientMembers");
    }

    [Fact]
    public void AppointMember_OverlappingTermOfTheSamePerson_IsRefused()
    {
        var act = () => Panel.AppointMember(_world.R1, PanelRole.PatientChair, new DateOnly(2027, 6, 1), new DateOnly(2028, 5, 31), _world.Clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.MemberTermOverlap);
        Panel.Members.Should().HaveCount(6);
    }

    [Fact]
    public void AppointMember_SecondChairAtTheSameTime_IsRefused_ButAfterTheTermEnds_IsAllowed()
    {
        var newcomer = ParticipantId.New();
        var clash = () => Panel.AppointMember(newcomer, PanelRole.PatientChair, new DateOnly(2026, 6, 1), new DateOnly(2027, 5, 31), _world.Clock);
        clash.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.ChairTermOverlap);

        var chairTerm = Panel.Members.Single(m => m.Role == PanelRole.PatientChair);
        Panel.EndTerm(chairTerm.Id, new DateOnly(2026, 5, 31), _world.Clock);
        Panel.AppointMember(newcomer, PanelRole.PatientChair, new DateOnly(2026, 6, 1), new DateOnly(2027, 5, 31), _world.Clock);

        Panel.ServingMember(_world.Chair, new DateOnly(2026, 5, 31)).Should().NotBeNull();
        Panel.ServingMember(_world.Chair, new DateOnly(2026, 6, 1)).Should().BeNull();
        Panel.ServingMember(newcomer, new DateOnly(2026, 6, 1))!.Role.Should().Be(PanelRole.PatientChair);
    }

    [Fact]
    public void AppointMember_EndBeforeStart_NamesTheParameter()
    {
        var act = () => Panel.AppointMember(ParticipantId.New(), PanelRole.PatientReviewer, new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 1), _world.Clock);
        act.Should().ThrowInvalidInput("termEndsOn");
    }

    [Fact]
    public void EndTerm_DateOutsideTheTerm_IsRefused()
    {
        var term = Panel.Members[1];
        var act = () => Panel.EndTerm(term.Id, new DateOnly(2029, 1, 1), _world.Clock);
        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.TermDateOutsideTerm);
        Panel.Members[1].TermEndsOn.Should().Be(PeerReviewWorld.TermEnd);
    }

    [Fact]
    public void FormForRound_PicksTheHighestApplicableRound_AndTheNewestVersion()
    {
        Panel.FormForRound(1).Should().BeSameAs(_world.FirstRoundForm);
        Panel.FormForRound(2).Should().BeSameAs(_world.LaterRoundForm);
        Panel.FormForRound(5).Should().BeSameAs(_world.LaterRoundForm);

        var revised = Panel.DefineReviewForm("First review, revised", 1, [new ReviewCriterion("patient-voice", "How well are patients heard?", 1, 4)], [], _world.Clock);

        Panel.FormForRound(1).Should().BeSameAs(revised);
        Panel.FindForm(_world.FirstRoundForm.Id).Should().BeSameAs(_world.FirstRoundForm, "earlier versions are kept for the reviews that used them");
        Panel.ReviewForms.Should().HaveCount(3);
    }

    [Fact]
    public void RequireFormForRound_WithoutForms_IsRefused()
    {
        var bare = Panel.Establish(_world.Organisation, "New panel", "To be agreed.", QuorumRule.Default, _world.Clock);
        var act = () => bare.RequireFormForRound(1);
        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.NoReviewForm);
    }

    [Fact]
    public void DefineReviewForm_RepeatedKeyOrNoCriterion_IsRefusedAndNothingIsAdded()
    {
        var repeated = () => Panel.DefineReviewForm("Bad", 1, [new ReviewCriterion("aim", "A?")], [new ReviewQuestion("aim", "B?")], _world.Clock);
        var empty = () => Panel.DefineReviewForm("Bad", 1, [], [], _world.Clock);
        var badScale = () => new ReviewCriterion("aim", "A?", 3, 3);

        repeated.Should().Throw<InvalidInputException>().WithMessage("*'aim'*more than once*");
        empty.Should().ThrowInvalidInput("criteria");
        badScale.Should().ThrowInvalidInput("scaleMaximum");
        Panel.ReviewForms.Should().HaveCount(2);
    }

    [Fact]
    public void RecordLivedExperience_ReplacesAreasAndMatchesIgnoringCase()
    {
        Panel.RecordLivedExperience(_world.R1, ["Maternity", "Community mental health"], _world.Clock);
        Panel.RecordLivedExperience(_world.R1, ["maternity", "Stroke"], _world.Clock);

        Panel.HasLivedExperienceOf(_world.R1, "MATERNITY").Should().BeTrue();
        Panel.HasLivedExperienceOf(_world.R1, "Community mental health").Should().BeFalse();
        Panel.LivedExperience.Count(e => e.MemberId == _world.R1).Should().Be(2);
    }

    [Fact]
    public void RecordLivedExperience_ForANonMember_IsRefused()
    {
        var act = () => Panel.RecordLivedExperience(ParticipantId.New(), ["Maternity"], _world.Clock);
        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.NotAMember);
        Panel.LivedExperience.Should().BeEmpty();
    }

    [Fact]
    public void RegisterPersonalLink_TwiceOrToSelf_IsRefused()
    {
        Panel.RegisterPersonalLink(_world.R2, _world.TeamMember, PersonalLinkKind.Relative, _world.Clock);

        var twice = () => Panel.RegisterPersonalLink(_world.R2, _world.TeamMember, PersonalLinkKind.Relative, _world.Clock);
        var self = () => Panel.RegisterPersonalLink(_world.R2, _world.R2, PersonalLinkKind.Carer, _world.Clock);

        twice.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.PersonalLinkAlreadyRegistered);
        self.Should().ThrowInvalidInput("relatedParticipantId");
        Panel.PersonalLinks.Should().ContainSingle();
    }
}
