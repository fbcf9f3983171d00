using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Storage.Specification;

/// <summary>
/// Builds peer review aggregates through the domain's own methods, with every part filled in, for the peer review
/// store specifications. The people are ids only (made-up members: a patient chair, four patient reviewers, a staff
/// facilitator; a project lead and two team members).
/// </summary>
internal sealed class PeerReviewScenario
{
    internal static readonly DateOnly TermStart = new(2026, 1, 1);
    internal static readonly DateOnly TermEnd = new(2027, 12, 31);

    private readonly FakeTimeProvider _clock;

    internal PeerReviewScenario(OrganisationId organisationId, FakeTimeProvider clock, string panelName = "Patient Improvement Peer Review Panel")
    {
        OrganisationId = organisationId;
        _clock = clock;
        Panel = NewPanel(panelName);
    }

    internal OrganisationId OrganisationId { get; }

    internal ParticipantId Chair { get; } = ParticipantId.New();

    internal ParticipantId R1 { get; } = ParticipantId.New();

    internal ParticipantId R2 { get; } = ParticipantId.New();

    internal ParticipantId R3 { get; } = ParticipantId.New();

    internal ParticipantId R4 { get; } = ParticipantId.New();

    internal ParticipantId Facilitator { get; } = ParticipantId.New();

    internal ParticipantId Lead { get; } = ParticipantId.New();

    internal ParticipantId TeamMember { get; } = ParticipantId.New();

    internal ParticipantId SecondTeamMember { get; } = ParticipantId.New();

    /// <summary>Gets the panel: six members (one of whose terms ended early), two form versions, lived experience and two personal links.</summary>
    internal Panel Panel { get; }

    internal ReviewForm FirstRoundForm => Panel.RequireFormForRound(1);

    internal DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Establishes a panel with a quorum of three patient members, a patient chair and a facilitator; appoints the
    /// chair, four reviewers (R4's term ended on 30 June 2026) and the facilitator; records lived experience for R1
    /// and R2; registers R3 as a relative of the team member and R1 as the carer of the second team member; defines a
    /// first-round form (three criteria, one on a 0 to 10 scale; two questions, one required) and a later-round form.
    /// </summary>
    internal Panel NewPanel(string name)
    {
        var panel = Panel.Establish(OrganisationId, name, "Patient partners review improvement projects and give the patient perspective.", new QuorumRule(3, requirePatientChair: true, requireStaffFacilitator: true), _clock);
        panel.AppointMember(Chair, PanelRole.PatientChair, TermStart, TermEnd, _clock);
        foreach (var reviewer in new[] { R1, R2, R3, R4 })
        {
            panel.AppointMember(reviewer, PanelRole.PatientReviewer, TermStart, TermEnd, _clock);
        }

        panel.AppointMember(Facilitator, PanelRole.StaffFacilitator, TermStart, TermEnd, _clock);
        panel.EndTerm(panel.Members.Single(m => m.ParticipantId == R4).Id, new DateOnly(2026, 6, 30), _clock);
        panel.RecordLivedExperience(R1, ["Maternity", "Community mental health"], _clock);
        panel.RecordLivedExperience(R2, ["Maternity"], _clock);
        panel.RegisterPersonalLink(R3, TeamMember, PersonalLinkKind.Relative, _clock);
        panel.RegisterPersonalLink(R1, SecondTeamMember, PersonalLinkKind.Carer, _clock);
        panel.DefineReviewForm(
            "First review",
            1,
            [new ReviewCriterion("patient-voice", "How well does the project hear patients?"), new ReviewCriterion("aim", "How clear is the aim to patients?", 0, 10), new ReviewCriterion("plan", "How far are patients part of the plan?")],
            [new ReviewQuestion("strengths", "What is strong?", isRequired: true), new ReviewQuestion("questions", "What would you ask the team?")],
            _clock);
        panel.DefineReviewForm(
            "Return visit",
            2,
            [new ReviewCriterion("progress", "How far have earlier recommendations been acted on?"), new ReviewCriterion("patient-voice", "How well does the project hear patients now?")],
            [],
            _clock);
        return panel;
    }

    /// <summary>Drafts a submission to the panel, led by <see cref="Lead"/> with <see cref="TeamMember"/> on the team.</summary>
    internal ReviewSubmission NewDraft(string title = "Shorter waits in triage", ParticipantId? lead = null) =>
        ReviewSubmission.Draft(OrganisationId, Panel.Id, ImprovementProjectId.New(), title, "Maternity", lead ?? Lead, [TeamMember], "We want the panel's view of our patient survey plan.", _clock);

    /// <summary>
    /// Arranges a quorate meeting: the chair, R1, R2, R3 and the facilitator present (all consenting to recording),
    /// R4 sending apologies, and the chair chosen.
    /// </summary>
    internal PanelMeeting NewQuorateMeeting(DateOnly date)
    {
        var meeting = PanelMeeting.Arrange(OrganisationId, Panel.Id, date, Panel.QuorumRule, _clock);
        meeting.RecordAttendance(Chair, PanelRole.PatientChair, AttendanceStatus.Present, true, _clock);
        meeting.RecordAttendance(R1, PanelRole.PatientReviewer, AttendanceStatus.Present, true, _clock);
        meeting.RecordAttendance(R2, PanelRole.PatientReviewer, AttendanceStatus.Present, true, _clock);
        meeting.RecordAttendance(R3, PanelRole.PatientReviewer, AttendanceStatus.Present, true, _clock);
        meeting.RecordAttendance(Facilitator, PanelRole.StaffFacilitator, AttendanceStatus.Present, true, _clock);
        meeting.RecordAttendance(R4, PanelRole.PatientReviewer, AttendanceStatus.Apologies, false, _clock);
        meeting.ChooseChair(Chair, _clock);
        return meeting;
    }

    /// <summary>
    /// A meeting with every part filled in: attendance as in <see cref="NewQuorateMeeting"/>, an observer recorded
    /// absent without a role; a welcome slot and two submissions' slots (added out of time order); a suggested
    /// conflict (R3 on the first submission) dismissed, and a declared one (R2 on the second); three reviews of the
    /// first submission (ratings, answers, comments); lead reviewers for both submissions; recording started.
    /// </summary>
    internal PanelMeeting NewFullMeeting(ReviewSubmissionId first, ReviewSubmissionId second, DateOnly date)
    {
        var meeting = NewQuorateMeeting(date);
        meeting.RecordAttendance(ParticipantId.New(), null, AttendanceStatus.Absent, false, _clock);
        meeting.AddAgendaSlot("Shorter waits in triage", new TimeOnly(10, 0), 40, first, _clock);
        meeting.AddAgendaSlot("Welcome and declarations of interest", new TimeOnly(9, 30), 30, null, _clock);
        meeting.AddAgendaSlot("Discharge letters in plain English", new TimeOnly(10, 40), 45, second, _clock);
        var suggested = meeting.SuggestConflict(R3, first, ConflictKind.RelativeOrCarer, "R3 is a relative of a team member.", _clock)!;
        _clock.Advance(TimeSpan.FromMinutes(5));
        meeting.DismissConflict(suggested.Id, "The relative left the team before the project began.", _clock);
        meeting.DeclareConflict(R2, second, ConflictKind.WorkingRelationship, "R2 volunteers on the ward.", _clock);
        var form = FirstRoundForm;
        meeting.SubmitReview(R1, first, 1, form, new Dictionary<string, int> { ["patient-voice"] = 4, ["aim"] = 7, ["plan"] = 3 }, new Dictionary<string, string> { ["strengths"] = "A clear aim.", ["questions"] = "Who chose the survey questions?" }, "Good start.", _clock);
        meeting.SubmitReview(R2, first, 1, form, new Dictionary<string, int> { ["patient-voice"] = 3, ["aim"] = 8, ["plan"] = 2 }, new Dictionary<string, string> { ["strengths"] = "Honest about gaps." }, null, _clock);
        meeting.SubmitReview(R3, first, 1, form, new Dictionary<string, int> { ["patient-voice"] = 5, ["aim"] = 9, ["plan"] = 4 }, new Dictionary<string, string> { ["strengths"] = "Patients on the board." }, "Ask about evenings.", _clock);
        meeting.AssignLeadReviewers([new LeadReviewerAssignment(first, R1), new LeadReviewerAssignment(first, R3), new LeadReviewerAssignment(second, R1)], _clock);
        meeting.StartRecording(_clock);
        return meeting;
    }

    /// <summary>
    /// Drives a draft through its first round to the team's response: submitted, accepted, scheduled to and presented
    /// at a quorate meeting (two reviews), feedback issued with one recommendation per text, and a response accepting
    /// each with one action owned by <paramref name="owner"/> due on <paramref name="dueOn"/>.
    /// </summary>
    internal (ReviewSubmission Submission, PanelMeeting Meeting) AtResponseReceived(ReviewSubmission submission, DateOnly dueOn, ParticipantId owner, params string[] recommendations)
    {
        var meeting = NewQuorateMeeting(new DateOnly(2026, 3, 10));
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _clock);
        var form = FirstRoundForm;
        meeting.SubmitReview(R1, submission.Id, 1, form, new Dictionary<string, int> { ["patient-voice"] = 4, ["aim"] = 7, ["plan"] = 3 }, new Dictionary<string, string> { ["strengths"] = "A clear aim." }, null, _clock);
        meeting.SubmitReview(R2, submission.Id, 1, form, new Dictionary<string, int> { ["patient-voice"] = 3, ["aim"] = 8, ["plan"] = 2 }, new Dictionary<string, string> { ["strengths"] = "Honest about gaps." }, null, _clock);
        submission.Submit(_clock);
        submission.Accept(_clock);
        submission.Schedule(meeting.Id, _clock);
        submission.Present(meeting.Id, _clock);
        var texts = recommendations.Length == 0 ? ["Invite two patient partners to plan the survey."] : recommendations;
        submission.IssueFeedback(meeting.CompileFeedback(submission.Id, 1, form, "Thank you: the panel valued hearing about the project.", texts, _clock), _clock);
        submission.ReceiveResponse(
            [.. submission.CurrentRound.Feedback!.Recommendations.Select(r => new PlannedResponse(r.Id, ResponseDecision.Accept, null, [new ActionCommitment("Do it: " + r.Text, owner, dueOn)]))],
            _clock);
        return (submission, meeting);
    }

    /// <summary>
    /// A submission with every part filled in, over two rounds. Round 1: submitted, accepted, scheduled, presented,
    /// feedback with three recommendations (from three reviews, one reviewer's conflict dismissed), a response that
    /// accepts the first (two actions, one owned by <paramref name="actionOwner"/>), adapts the second (one action)
    /// and declines the third; the lead's experience rating; follow-up (one action reported twice) and closure.
    /// Round 2: started, the team changed, submitted and returned for changes. The clock ends on 2 May 2026 or later.
    /// </summary>
    internal (ReviewSubmission Submission, PanelMeeting Meeting) NewFullSubmission(ParticipantId actionOwner)
    {
        var submission = ReviewSubmission.Draft(OrganisationId, Panel.Id, ImprovementProjectId.New(), "Shorter waits in triage", "Maternity", Lead, [TeamMember, SecondTeamMember, Lead], "We want the panel's view of our patient survey plan.", _clock);
        var other = ReviewSubmissionId.New();
        var meeting = NewFullMeeting(submission.Id, other, new DateOnly(2026, 3, 10));
        _clock.Advance(TimeSpan.FromDays(1));
        submission.Submit(_clock);
        submission.Accept(_clock);
        submission.Schedule(meeting.Id, _clock);
        submission.Present(meeting.Id, _clock);
        var feedback = meeting.CompileFeedback(
            submission.Id,
            1,
            FirstRoundForm,
            "Thank you: the panel valued hearing about the project.",
            ["Invite two patient partners to plan the survey.", "Share results with patients in plain English.", "Hold evening sessions."],
            _clock);
        submission.IssueFeedback(feedback, _clock);
        var recommendations = submission.CurrentRound.Feedback!.Recommendations;
        _clock.Advance(TimeSpan.FromDays(7));
        submission.ReceiveResponse(
            [
                new PlannedResponse(recommendations[0].Id, ResponseDecision.Accept, null, [new ActionCommitment("Recruit two patient partners", actionOwner, new DateOnly(2026, 4, 1)), new ActionCommitment("Co-design the survey", Lead, new DateOnly(2026, 5, 1))]),
                new PlannedResponse(recommendations[1].Id, ResponseDecision.Adapt, "A short video rather than a leaflet.", [new ActionCommitment("Record a short video of the results", TeamMember, new DateOnly(2026, 4, 15))]),
                new PlannedResponse(recommendations[2].Id, ResponseDecision.Decline, "The unit closes at six.", []),
            ],
            _clock);
        submission.RecordLeadExperience(4, "We felt heard.", _clock);
        _clock.Advance(TimeSpan.FromDays(30));
        submission.MarkFollowUpDue(_clock);
        var actions = submission.CurrentRound.Actions;
        submission.RecordFollowUp(actions[0].Id, FollowUpStatus.InProgress, "One partner recruited.", _clock);
        _clock.Advance(TimeSpan.FromDays(31));
        submission.RecordFollowUp(actions[0].Id, FollowUpStatus.Implemented, "Two partners recruited.", _clock);
        submission.RecordFollowUp(actions[1].Id, FollowUpStatus.NotDone, "The survey was postponed.", _clock);
        submission.RecordFollowUp(actions[2].Id, FollowUpStatus.Implemented, "The video is on the trust's site.", _clock);
        submission.Close(_clock);
        _clock.Advance(TimeSpan.FromDays(1));
        submission.StartNextRound("We come back with the survey results.", _clock);
        submission.ChangeTeam(Lead, [SecondTeamMember], _clock);
        submission.Submit(_clock);
        submission.ReturnForChanges("Say which patients you have spoken to.", _clock);
        return (submission, meeting);
    }
}
