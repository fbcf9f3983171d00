using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary>
/// A panel with a patient chair, four patient reviewers and a staff facilitator (made-up people, ids only), a
/// round-1 form and a round-2 form, and helpers to drive submissions and meetings. Domain only: no stores.
/// </summary>
internal sealed class PeerReviewWorld
{
    public static readonly DateOnly TermStart = new(2026, 1, 1);
    public static readonly DateOnly TermEnd = new(2027, 12, 31);

    public PeerReviewWorld()
    {
        Panel = Panel.Establish(Organisation, "Patient Improvement Peer Review Panel", "Patient partners review improvement projects and give the patient perspective.", new QuorumRule(3), Clock);
        Panel.AppointMember(Chair, PanelRole.PatientChair, TermStart, TermEnd, Clock);
        foreach (var reviewer in Reviewers)
        {
            Panel.AppointMember(reviewer, PanelRole.PatientReviewer, TermStart, TermEnd, Clock);
        }

        Panel.AppointMember(Facilitator, PanelRole.StaffFacilitator, TermStart, TermEnd, Clock);
        FirstRoundForm = Panel.DefineReviewForm(
            "First review",
            1,
            [new ReviewCriterion("patient-voice", "How well does the project hear patients?"), new ReviewCriterion("aim", "How clear is the aim to patients?"), new ReviewCriterion("plan", "How far are patients part of the plan?")],
            [new ReviewQuestion("strengths", "What is strong?", isRequired: true), new ReviewQuestion("questions", "What would you ask the team?")],
            Clock);
        LaterRoundForm = Panel.DefineReviewForm(
            "Return visit",
            2,
            [new ReviewCriterion("progress", "How far have earlier recommendations been acted on?"), new ReviewCriterion("patient-voice", "How well does the project hear patients now?")],
            [],
            Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

    public OrganisationId Organisation { get; } = OrganisationId.New();

    public ParticipantId Chair { get; } = ParticipantId.New();

    public ParticipantId R1 { get; } = ParticipantId.New();

    public ParticipantId R2 { get; } = ParticipantId.New();

    public ParticipantId R3 { get; } = ParticipantId.New();

    public ParticipantId R4 { get; } = ParticipantId.New();

    public IReadOnlyList<ParticipantId> Reviewers => [R1, R2, R3, R4];

    public ParticipantId Facilitator { get; } = ParticipantId.New();

    public ParticipantId Lead { get; } = ParticipantId.New();

    public ParticipantId TeamMember { get; } = ParticipantId.New();

    public Panel Panel { get; }

    public ReviewForm FirstRoundForm { get; }

    public ReviewForm LaterRoundForm { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public ReviewSubmission NewDraft(string serviceArea = "Maternity") =>
        ReviewSubmission.Draft(Organisation, Panel.Id, ImprovementProjectId.New(), "Shorter waits in triage", serviceArea, Lead, [TeamMember], "We want the panel's view of our patient survey plan.", Clock);

    /// <summary>A meeting with the chair and three reviewers present (quorate), the chair chosen, and the facilitator present.</summary>
    public PanelMeeting NewQuorateMeeting(DateOnly? date = null)
    {
        var meeting = PanelMeeting.Arrange(Organisation, Panel.Id, date ?? new DateOnly(2026, 3, 10), Panel.QuorumRule, Clock);
        meeting.RecordAttendance(Chair, PanelRole.PatientChair, AttendanceStatus.Present, true, Clock);
        meeting.RecordAttendance(R1, PanelRole.PatientReviewer, AttendanceStatus.Present, true, Clock);
        meeting.RecordAttendance(R2, PanelRole.PatientReviewer, AttendanceStatus.Present, true, Clock);
        meeting.RecordAttendance(R3, PanelRole.PatientReviewer, AttendanceStatus.Present, true, Clock);
        meeting.RecordAttendance(Facilitator, PanelRole.StaffFacilitator, AttendanceStatus.Present, true, Clock);
        meeting.ChooseChair(Chair, Clock);
        return meeting;
    }

    public static Dictionary<string, int> Ratings(ReviewForm form, params int[] values) =>
        form.Criteria.Select((c, i) => (c.Key, Value: values[i])).ToDictionary(x => x.Key, x => x.Value);

    public static Dictionary<string, string> Answers(ReviewForm form) =>
        form.Questions.Where(q => q.IsRequired).ToDictionary(q => q.Key, _ => "Clear aim, told in plain words.");

    /// <summary>Puts the submission on the meeting's agenda (if not already) and records two reviews for its current round.</summary>
    public void Review(PanelMeeting meeting, ReviewSubmission submission)
    {
        if (!meeting.IsOnAgenda(submission.Id))
        {
            var start = new TimeOnly(10, 0).AddMinutes(40 * meeting.Agenda.Count);
            meeting.AddAgendaSlot(submission.Title, start, 40, submission.Id, Clock);
        }

        var form = Panel.RequireFormForRound(submission.CurrentRound.Number);
        var count = form.Criteria.Count;
        meeting.SubmitReview(R1, submission.Id, submission.CurrentRound.Number, form, Ratings(form, [.. Enumerable.Repeat(4, count)]), Answers(form), "Good start.", Clock);
        meeting.SubmitReview(R2, submission.Id, submission.CurrentRound.Number, form, Ratings(form, [.. Enumerable.Range(0, count).Select(i => 3 + (i % 2))]), Answers(form), null, Clock);
    }

    public PanelFeedback Compile(PanelMeeting meeting, ReviewSubmission submission, params string[] recommendations) =>
        meeting.CompileFeedback(
            submission.Id,
            submission.CurrentRound.Number,
            Panel.RequireFormForRound(submission.CurrentRound.Number),
            "Thank you: the panel valued hearing about the project.",
            recommendations.Length == 0 ? ["Invite two patient partners to plan the survey.", "Share results with patients in plain English."] : recommendations,
            Clock);

    /// <summary>An action plan accepting every recommendation, with one action each due on <paramref name="dueOn"/>.</summary>
    public List<PlannedResponse> AcceptAll(ReviewSubmission submission, DateOnly dueOn) =>
        [.. submission.CurrentRound.Feedback!.Recommendations.Select(r => new PlannedResponse(r.Id, ResponseDecision.Accept, null, [new ActionCommitment("Do it: " + r.Text, Lead, dueOn)]))];

    /// <summary>Drives a new submission (with its own quorate meeting) into a state along the workflow's main paths.</summary>
    public (ReviewSubmission Submission, PanelMeeting Meeting) InState(SubmissionState state)
    {
        var submission = NewDraft();
        var meeting = NewQuorateMeeting();
        Review(meeting, submission);
        void Go(params SubmissionState[] path)
        {
            foreach (var step in path)
            {
                switch (step)
                {
                    case SubmissionState.Submitted: submission.Submit(Clock); break;
                    case SubmissionState.Accepted: submission.Accept(Clock); break;
                    case SubmissionState.ReturnedForChanges: submission.ReturnForChanges("Say which patients you have spoken to.", Clock); break;
                    case SubmissionState.Declined: submission.Decline("Not an improvement project: a research study.", Clock); break;
                    case SubmissionState.Scheduled: submission.Schedule(meeting.Id, Clock); break;
                    case SubmissionState.Deferred: submission.Defer("The lead is on leave.", Clock); break;
                    case SubmissionState.Withdrawn: submission.Withdraw("The project stopped.", Clock); break;
                    case SubmissionState.Presented: submission.Present(meeting.Id, Clock); break;
                    case SubmissionState.FeedbackIssued: submission.IssueFeedback(Compile(meeting, submission), Clock); break;
                    case SubmissionState.ResponseReceived: submission.ReceiveResponse(AcceptAll(submission, Today), Clock); break;
                    case SubmissionState.FollowUpDue:
                        submission.MarkFollowUpDue(Clock);
                        foreach (var action in submission.CurrentRound.Actions)
                        {
                            submission.RecordFollowUp(action.Id, FollowUpStatus.Implemented, "Two patient partners now co-plan the survey.", Clock);
                        }

                        break;
                    case SubmissionState.Closed: submission.Close(Clock); break;
                    default: throw new ArgumentOutOfRangeException(nameof(state), step, "No step for this state.");
                }
            }
        }

        var main = new[]
        {
            SubmissionState.Submitted, SubmissionState.Accepted, SubmissionState.Scheduled, SubmissionState.Presented,
            SubmissionState.FeedbackIssued, SubmissionState.ResponseReceived, SubmissionState.FollowUpDue, SubmissionState.Closed,
        };
        switch (state)
        {
            case SubmissionState.Draft: break;
            case SubmissionState.ReturnedForChanges: Go(SubmissionState.Submitted, SubmissionState.ReturnedForChanges); break;
            case SubmissionState.Declined: Go(SubmissionState.Submitted, SubmissionState.Declined); break;
            case SubmissionState.Deferred: Go(SubmissionState.Submitted, SubmissionState.Accepted, SubmissionState.Deferred); break;
            case SubmissionState.Withdrawn: Go(SubmissionState.Withdrawn); break;
            default: Go([.. main.TakeWhile(s => s != state), state]); break;
        }

        submission.State.Should().Be(state, "the helper must reach the state it was asked for");
        return (submission, meeting);
    }

    /// <summary>Fires a trigger with valid arguments for the happy path.</summary>
    public void Fire(ReviewSubmission submission, PanelMeeting meeting, SubmissionTrigger trigger)
    {
        switch (trigger)
        {
            case SubmissionTrigger.Submit: submission.Submit(Clock); break;
            case SubmissionTrigger.Accept: submission.Accept(Clock); break;
            case SubmissionTrigger.ReturnForChanges: submission.ReturnForChanges("Say which patients you have spoken to.", Clock); break;
            case SubmissionTrigger.Decline: submission.Decline("Out of scope.", Clock); break;
            case SubmissionTrigger.Schedule: submission.Schedule(meeting.Id, Clock); break;
            case SubmissionTrigger.Present: submission.Present(meeting.Id, Clock); break;
            case SubmissionTrigger.IssueFeedback: submission.IssueFeedback(Compile(meeting, submission), Clock); break;
            case SubmissionTrigger.ReceiveResponse:
                submission.ReceiveResponse(submission.CurrentRound.Feedback is null ? [] : AcceptAll(submission, Today), Clock);
                break;
            case SubmissionTrigger.MarkFollowUpDue: submission.MarkFollowUpDue(Clock); break;
            case SubmissionTrigger.Close: submission.Close(Clock); break;
            case SubmissionTrigger.Withdraw: submission.Withdraw("The project stopped.", Clock); break;
            case SubmissionTrigger.Defer: submission.Defer("The lead is on leave.", Clock); break;
            case SubmissionTrigger.StartNextRound: submission.StartNextRound("We are back with our results.", Clock); break;
            default: throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "No such trigger.");
        }
    }
}
