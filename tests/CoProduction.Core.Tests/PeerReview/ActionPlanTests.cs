using CoProduction.Core.Tests.TestSupport;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Core.Tests.PeerReview;

public sealed class ActionPlanTests
{
    private readonly PeerReviewWorld _world = new();
    private readonly ReviewSubmission _submission;
    private readonly Recommendation _first;
    private readonly Recommendation _second;
    private readonly Recommendation _third;

    public ActionPlanTests()
    {
        _submission = _world.NewDraft();
        var meeting = _world.NewQuorateMeeting();
        _world.Review(meeting, _submission);
        _submission.Submit(_world.Clock);
        _submission.Accept(_world.Clock);
        _submission.Schedule(meeting.Id, _world.Clock);
        _submission.Present(meeting.Id, _world.Clock);
        _submission.IssueFeedback(_world.Compile(meeting, _submission, "Invite patients to plan the survey.", "Use plain English in the leaflet.", "Hold a patient focus group every month."), _world.Clock);
        (_first, _second, _third) = (_submission.CurrentRound.Feedback!.Recommendations[0], _submission.CurrentRound.Feedback.Recommendations[1], _submission.CurrentRound.Feedback.Recommendations[2]);
    }

    private DateOnly InAMonth => _world.Today.AddDays(30);

    private ActionCommitment Action(string what) => new(what, _world.Lead, InAMonth);

    [Fact]
    public void ReceiveResponse_AnswersEveryRecommendation_RecordsResponsesAndActions()
    {
        _submission.ReceiveResponse(
            [
                new PlannedResponse(_first.Id, ResponseDecision.Accept, null, [Action("Two patient partners join survey planning."), Action("Pay them under the involvement policy.")]),
                new PlannedResponse(_second.Id, ResponseDecision.Adapt, "Our leaflet is being replaced by a text message, which we will write in plain English.", [Action("Patient partners check the text message wording.")]),
                new PlannedResponse(_third.Id, ResponseDecision.Decline, "Monthly is more than patients told us they can give; we will ask every quarter instead through the existing group.", []),
            ],
            _world.Clock);

        _submission.State.Should().Be(SubmissionState.ResponseReceived);
        var round = _submission.CurrentRound;
        round.Responses.Select(r => r.RecommendationId).Should().BeEquivalentTo(round.Feedback!.Recommendations.Select(r => r.Id), "every recommendation is answered");
        round.Responses.Select(r => r.Decision).Should().Equal(ResponseDecision.Accept, ResponseDecision.Adapt, ResponseDecision.Decline);
        round.Actions.Should().HaveCount(3);
        round.Actions.Count(a => a.RecommendationId == _first.Id).Should().Be(2);
        round.Actions.Should().OnlyContain(a => a.OwnerId == _world.Lead && a.DueOn == InAMonth);
        round.Actions.Select(a => a.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void ReceiveResponse_LeavingARecommendationUnanswered_IsRefusedAndNamesIt()
    {
        var act = () => _submission.ReceiveResponse(
            [
                new PlannedResponse(_first.Id, ResponseDecision.Accept, null, [Action("Two patient partners join survey planning.")]),
                new PlannedResponse(_third.Id, ResponseDecision.Decline, "Too often.", []),
            ],
            _world.Clock);

        act.Should().Throw<DomainRuleViolationException>()
            .Where(e => e.Code == PeerReviewErrorCodes.ActionPlanIncomplete && e.Message.Contains(_second.Id.ToString(), StringComparison.Ordinal) && e.Message.Contains("1 of the 3", StringComparison.Ordinal));
        AssertUnchanged();
    }

    public static TheoryData<string> MalformedPlans() => ["accept-without-action", "adapt-without-reason", "decline-without-reason", "decline-with-action", "past-due-date", "answered-twice"];

    [Theory]
    [MemberData(nameof(MalformedPlans))]
    public void ReceiveResponse_MalformedAnswer_IsRefusedAndChangesNothing(string malformation)
    {
        var good = new List<PlannedResponse>
        {
            new(_first.Id, ResponseDecision.Accept, null, [Action("Two patient partners join survey planning.")]),
            new(_second.Id, ResponseDecision.Adapt, "A text message instead of a leaflet.", [Action("Check the text wording with patients.")]),
            new(_third.Id, ResponseDecision.Decline, "Too often for patients.", []),
        };
        switch (malformation)
        {
            case "accept-without-action": good[0] = good[0] with { Actions = [] }; break;
            case "adapt-without-reason": good[1] = good[1] with { Reason = " " }; break;
            case "decline-without-reason": good[2] = good[2] with { Reason = null }; break;
            case "decline-with-action": good[2] = good[2] with { Actions = [Action("Something")] }; break;
            case "past-due-date": good[0] = good[0] with { Actions = [new ActionCommitment("Late", _world.Lead, _world.Today.AddDays(-1))] }; break;
            case "answered-twice": good.Add(good[0]); break;
            default: throw new ArgumentOutOfRangeException(nameof(malformation), malformation, "Unknown case.");
        }

        var act = () => _submission.ReceiveResponse(good, _world.Clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.ActionPlanInvalid);
        AssertUnchanged();
    }

    [Fact]
    public void ReceiveResponse_AnsweringAnUnknownRecommendation_IsRefused()
    {
        var stranger = RecommendationId.New();
        var act = () => _submission.ReceiveResponse(
            [
                new PlannedResponse(_first.Id, ResponseDecision.Accept, null, [Action("a")]),
                new PlannedResponse(_second.Id, ResponseDecision.Accept, null, [Action("b")]),
                new PlannedResponse(_third.Id, ResponseDecision.Accept, null, [Action("c")]),
                new PlannedResponse(stranger, ResponseDecision.Accept, null, [Action("d")]),
            ],
            _world.Clock);

        act.Should().Throw<RecordNotFoundException>()
            .Where(e => e.Code == PeerReviewErrorCodes.RecommendationNotFound && e.Message.Contains(stranger.ToString(), StringComparison.Ordinal));
        AssertUnchanged();
    }

    [Fact]
    public void ActionCommitment_BlankDescriptionOrEmptyOwner_NamesTheParameter()
    {
        var blank = () => new ActionCommitment(" ", _world.Lead, InAMonth);
        var noOwner = () => new ActionCommitment("Do it", default(ParticipantId), InAMonth);

        blank.Should().ThrowInvalidInput("description");
        noOwner.Should().ThrowInvalidInput("ownerId");
    }

    [Fact]
    public void RecordFollowUp_ReportsAccumulate_AndTheLatestCounts()
    {
        _submission.ReceiveResponse(
            [
                new PlannedResponse(_first.Id, ResponseDecision.Accept, null, [Action("Two patient partners join survey planning.")]),
                new PlannedResponse(_second.Id, ResponseDecision.Accept, null, [Action("Rewrite the leaflet with patients.")]),
                new PlannedResponse(_third.Id, ResponseDecision.Decline, "Too often for patients.", []),
            ],
            _world.Clock);
        var round = _submission.CurrentRound;
        var survey = round.Actions.Single(a => a.RecommendationId == _first.Id);
        var leaflet = round.Actions.Single(a => a.RecommendationId == _second.Id);

        _submission.RecordFollowUp(survey.Id, FollowUpStatus.InProgress, "First planning meeting held.", _world.Clock);
        _submission.RecordFollowUp(survey.Id, FollowUpStatus.Implemented, "Survey co-designed; response rate rose from 12% to 31%.", _world.Clock);
        _submission.RecordFollowUp(leaflet.Id, FollowUpStatus.NotDone, "The print budget was cut.", _world.Clock);

        round.FollowUps.Should().HaveCount(3);
        round.LatestStatus(survey.Id).Should().Be(FollowUpStatus.Implemented);
        round.LatestStatus(leaflet.Id).Should().Be(FollowUpStatus.NotDone);
        round.IsImplemented(_first.Id).Should().BeTrue();
        round.IsImplemented(_second.Id).Should().BeFalse();
        round.IsImplemented(_third.Id).Should().BeFalse("a declined recommendation is never implemented");
        round.FollowUps[1].Impact.Should().Be("Survey co-designed; response rate rose from 12% to 31%.");
    }

    [Fact]
    public void RecordFollowUp_UnknownActionOrBlankImpact_IsRefused()
    {
        _submission.ReceiveResponse(_world.AcceptAll(_submission, InAMonth), _world.Clock);
        var unknown = () => _submission.RecordFollowUp(PlannedActionId.New(), FollowUpStatus.Implemented, "Done", _world.Clock);
        var blank = () => _submission.RecordFollowUp(_submission.CurrentRound.Actions[0].Id, FollowUpStatus.Implemented, "", _world.Clock);

        unknown.Should().Throw<RecordNotFoundException>().Which.Code.Should().Be(PeerReviewErrorCodes.ActionNotFound);
        blank.Should().ThrowInvalidInput("impact");
        _submission.CurrentRound.FollowUps.Should().BeEmpty();
    }

    private void AssertUnchanged()
    {
        _submission.State.Should().Be(SubmissionState.FeedbackIssued);
        _submission.CurrentRound.Responses.Should().BeEmpty();
        _submission.CurrentRound.Actions.Should().BeEmpty();
        _submission.CurrentRound.ResponseReceivedAt.Should().BeNull();
    }
}
