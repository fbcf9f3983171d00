using CoProduction.PeerReview;

namespace CoProduction.Core.Tests.PeerReview;

public sealed class SecondRoundTests
{
    [Fact]
    public void StartNextRound_AfterResponse_KeepsTheFirstRoundAndUsesTheLaterRoundForm()
    {
        var world = new PeerReviewWorld();
        var (submission, firstMeeting) = world.InState(SubmissionState.ResponseReceived);
        var firstRound = submission.CurrentRound;
        var firstFeedback = firstRound.Feedback!;
        var firstActions = firstRound.Actions.Select(a => a.Id).ToList();

        world.Clock.Advance(TimeSpan.FromDays(60));
        submission.StartNextRound("We come back with the survey results.", world.Clock);

        submission.State.Should().Be(SubmissionState.Draft);
        submission.Rounds.Should().HaveCount(2);
        submission.CurrentRound.Number.Should().Be(2);
        submission.CurrentRound.Feedback.Should().BeNull();
        submission.Rounds[0].Should().BeSameAs(firstRound);
        submission.Rounds[0].Feedback.Should().BeSameAs(firstFeedback);
        submission.Rounds[0].Actions.Select(a => a.Id).Should().Equal(firstActions);

        // Round 2 goes round the workflow again, at another meeting, on the form for later rounds.
        var secondMeeting = world.NewQuorateMeeting(new DateOnly(2026, 6, 9));
        world.Review(secondMeeting, submission);
        secondMeeting.Reviews.Should().OnlyContain(r => r.RoundNumber == 2 && r.FormId == world.LaterRoundForm.Id);
        submission.Submit(world.Clock);
        submission.Accept(world.Clock);
        submission.Schedule(secondMeeting.Id, world.Clock);
        submission.Present(secondMeeting.Id, world.Clock);
        submission.IssueFeedback(world.Compile(secondMeeting, submission, "Tell patients what changed because of them."), world.Clock);

        submission.State.Should().Be(SubmissionState.FeedbackIssued);
        submission.CurrentRound.Feedback!.FormId.Should().Be(world.LaterRoundForm.Id);
        submission.CurrentRound.Feedback.Criteria.Select(c => c.CriterionKey).Should().Equal("progress", "patient-voice");
        submission.Rounds[0].Feedback!.MeetingId.Should().Be(firstMeeting.Id);
        submission.Rounds[0].SubmittedAt.Should().BeBefore(submission.Rounds[1].SubmittedAt!.Value);
        submission.History.Where(h => h.RoundNumber == 2).Select(h => h.Trigger).Should().Equal(
            SubmissionTrigger.StartNextRound, SubmissionTrigger.Submit, SubmissionTrigger.Accept, SubmissionTrigger.Schedule, SubmissionTrigger.Present, SubmissionTrigger.IssueFeedback);
    }

    [Fact]
    public void RecordFollowUp_OnAFirstRoundAction_DuringTheSecondRound_IsKeptOnTheFirstRound()
    {
        var world = new PeerReviewWorld();
        var (submission, _) = world.InState(SubmissionState.ResponseReceived);
        var action = submission.Rounds[0].Actions[0];
        submission.StartNextRound("Back again.", world.Clock);

        submission.RecordFollowUp(action.Id, FollowUpStatus.Implemented, "Patients now co-chair the project board.", world.Clock);

        submission.Rounds[0].LatestStatus(action.Id).Should().Be(FollowUpStatus.Implemented);
        submission.Rounds[1].FollowUps.Should().BeEmpty();
    }

    [Fact]
    public void StartNextRound_FromClosed_IsAllowed_AndFromFeedbackIssued_IsRefused()
    {
        var world = new PeerReviewWorld();
        var (closed, _) = world.InState(SubmissionState.Closed);
        closed.StartNextRound("A year on.", world.Clock);
        closed.Rounds.Should().HaveCount(2);
        closed.Rounds[0].ClosedAt.Should().NotBeNull();

        var (waiting, _) = world.InState(SubmissionState.FeedbackIssued);
        var act = () => waiting.StartNextRound("Too soon.", world.Clock);
        act.Should().Throw<CoProduction.Primitives.DomainRuleViolationException>().WithMessage("*it is FeedbackIssued*answered the feedback*");
        waiting.Rounds.Should().HaveCount(1);
    }
}
