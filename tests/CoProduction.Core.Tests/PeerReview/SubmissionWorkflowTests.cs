using CoProduction.Core.Tests.TestSupport;
using CoProduction.PeerReview;
using CoProduction.Primitives;

namespace CoProduction.Core.Tests.PeerReview;

public sealed class SubmissionWorkflowTests
{
    public static TheoryData<SubmissionState, SubmissionTrigger> EveryStateAndTrigger()
    {
        var data = new TheoryData<SubmissionState, SubmissionTrigger>();
        foreach (var state in Enum.GetValues<SubmissionState>())
        {
            foreach (var trigger in Enum.GetValues<SubmissionTrigger>())
            {
                data.Add(state, trigger);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTrigger))]
    public void Fire_EveryStateAndTrigger_FollowsTheTransitionTable(SubmissionState state, SubmissionTrigger trigger)
    {
        var world = new PeerReviewWorld();
        var (submission, meeting) = world.InState(state);
        var expected = SubmissionWorkflow.Target(state, trigger);
        var historyBefore = submission.History.Count;
        var eventsBefore = submission.PendingEvents.Count;
        var roundsBefore = submission.Rounds.Count;

        var act = () => world.Fire(submission, meeting, trigger);

        if (expected is { } target)
        {
            act.Should().NotThrow();
            submission.State.Should().Be(target);
            submission.History[^1].Should().Match<SubmissionStateChange>(h => h.From == state && h.Trigger == trigger && h.To == target);
            submission.PendingEvents.Count.Should().Be(eventsBefore + 1);
        }
        else
        {
            var refusal = act.Should().Throw<DomainRuleViolationException>().Which;
            refusal.Code.Should().Be(PeerReviewErrorCodes.TransitionNotAllowed);
            refusal.Message.Should().Contain($"it is {state}").And.Contain($"{trigger} needs it to be");
            submission.State.Should().Be(state);
            submission.History.Count.Should().Be(historyBefore);
            submission.PendingEvents.Count.Should().Be(eventsBefore);
            submission.Rounds.Count.Should().Be(roundsBefore);
        }
    }

    [Fact]
    public void Transitions_Table_HasTheDocumentedShape()
    {
        // 23 moves: Draft 2, Submitted 4, ReturnedForChanges 2, Accepted 3, Scheduled 3, Deferred 2, Presented 1,
        // FeedbackIssued 1, ResponseReceived 2, FollowUpDue 2, Closed 1 = 23; Declined and Withdrawn are final.
        SubmissionWorkflow.Transitions.Should().HaveCount(23);
        SubmissionWorkflow.Transitions.Select(t => (t.From, t.Trigger)).Should().OnlyHaveUniqueItems();
        SubmissionWorkflow.IsFinal(SubmissionState.Declined).Should().BeTrue();
        SubmissionWorkflow.IsFinal(SubmissionState.Withdrawn).Should().BeTrue();
        SubmissionWorkflow.IsFinal(SubmissionState.Closed).Should().BeFalse("a closed project may come back for another round");
        SubmissionWorkflow.PermittedTriggers(SubmissionState.Scheduled).Should().Equal(SubmissionTrigger.Present, SubmissionTrigger.Defer, SubmissionTrigger.Withdraw);
    }

    [Fact]
    public void Present_FromAccepted_NamesTheStateAndWhatIsNeeded()
    {
        var world = new PeerReviewWorld();
        var (submission, meeting) = world.InState(SubmissionState.Accepted);

        var act = () => submission.Present(meeting.Id, world.Clock);

        act.Should().Throw<DomainRuleViolationException>()
            .WithMessage($"Cannot Present submission {submission.Id}: it is Accepted, and Present needs it to be Scheduled. Schedule it to a meeting first. From Accepted the next steps are: Schedule, Defer, Withdraw.");
    }

    [Fact]
    public void Withdraw_FromDeclined_SaysTheStateIsFinal()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.Declined);

        var act = () => submission.Withdraw("No longer needed.", world.Clock);

        act.Should().Throw<DomainRuleViolationException>().WithMessage("*it is Declined*Declined is final*");
    }

    [Fact]
    public void Triage_RecordsOutcomeAndReason()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.ReturnedForChanges);

        submission.CurrentRound.TriageOutcome.Should().Be(SubmissionState.ReturnedForChanges);
        submission.CurrentRound.TriageReason.Should().Be("Say which patients you have spoken to.");
        submission.History[^1].Reason.Should().Be("Say which patients you have spoken to.");

        submission.Submit(world.Clock);
        submission.Accept(world.Clock);
        submission.CurrentRound.TriageOutcome.Should().Be(SubmissionState.Accepted);
        submission.CurrentRound.TriageReason.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Decline_BlankReason_IsRefusedAndChangesNothing(string reason)
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.Submitted);

        var act = () => submission.Decline(reason, world.Clock);

        act.Should().ThrowInvalidInput("reason");
        submission.State.Should().Be(SubmissionState.Submitted);
    }

    [Fact]
    public void Present_AtAnotherMeeting_IsRefused()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.Scheduled);
        var other = world.NewQuorateMeeting(new DateOnly(2026, 4, 14));

        var act = () => submission.Present(other.Id, world.Clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.WrongMeeting);
        submission.State.Should().Be(SubmissionState.Scheduled);
    }

    [Fact]
    public void Defer_FromScheduled_ClearsTheMeetingAndCanBeScheduledAgain()
    {
        var world = new PeerReviewWorld();
        var (submission, meeting) = world.InState(SubmissionState.Scheduled);

        submission.Defer("The team asked for more time.", world.Clock);
        submission.CurrentRound.MeetingId.Should().BeNull();
        submission.Schedule(meeting.Id, world.Clock);

        submission.State.Should().Be(SubmissionState.Scheduled);
        submission.CurrentRound.MeetingId.Should().Be(meeting.Id);
    }

    [Fact]
    public void IssueFeedback_CompiledForAnotherSubmission_IsRefused()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.Presented);
        var (other, otherMeeting) = world.InState(SubmissionState.Presented);
        var feedback = world.Compile(otherMeeting, other);

        var act = () => submission.IssueFeedback(feedback, world.Clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.FeedbackMismatch);
        submission.State.Should().Be(SubmissionState.Presented);
        submission.CurrentRound.Feedback.Should().BeNull();
    }

    [Fact]
    public void MarkFollowUpDue_BeforeTheEarliestDueDate_IsRefusedThenAllowedOnTheDay()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.FeedbackIssued);
        submission.ReceiveResponse(world.AcceptAll(submission, world.Today.AddDays(30)), world.Clock);

        var early = () => submission.MarkFollowUpDue(world.Clock);
        early.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.FollowUpNotYetDue);
        submission.State.Should().Be(SubmissionState.ResponseReceived);

        world.Clock.Advance(TimeSpan.FromDays(30));
        submission.MarkFollowUpDue(world.Clock);
        submission.State.Should().Be(SubmissionState.FollowUpDue);
    }

    [Fact]
    public void Close_WithAnActionNotFollowedUp_IsRefusedAndNamesTheAction()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.FeedbackIssued);
        submission.ReceiveResponse(world.AcceptAll(submission, world.Today), world.Clock);
        submission.MarkFollowUpDue(world.Clock);
        var first = submission.CurrentRound.Actions[0];
        var second = submission.CurrentRound.Actions[1];
        submission.RecordFollowUp(first.Id, FollowUpStatus.InProgress, "Survey drafted with two patient partners.", world.Clock);

        var act = () => submission.Close(world.Clock);

        act.Should().Throw<DomainRuleViolationException>()
            .Where(e => e.Code == PeerReviewErrorCodes.FollowUpIncomplete && e.Message.Contains(second.Id.ToString(), StringComparison.Ordinal) && !e.Message.Contains(first.Id.ToString(), StringComparison.Ordinal));
        submission.State.Should().Be(SubmissionState.FollowUpDue);
        submission.CurrentRound.ClosedAt.Should().BeNull();
    }

    [Fact]
    public void RecordLeadExperience_BeforeFeedback_IsRefused_AndOutOfRange_NamesTheParameter()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.Presented);

        var early = () => submission.RecordLeadExperience(4, null, world.Clock);
        early.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.FeedbackNotIssued);

        var (withFeedback, _) = world.InState(SubmissionState.FeedbackIssued);
        var outOfRange = () => withFeedback.RecordLeadExperience(6, null, world.Clock);
        outOfRange.Should().ThrowInvalidInput("rating");
        withFeedback.RecordLeadExperience(5, "The panel made us think again about who we ask.", world.Clock);
        withFeedback.CurrentRound.LeadExperience!.Rating.Should().Be(5);
    }
}
