using System.Globalization;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Samples.QuickStart;

/// <summary>
/// The first year of a Patient Improvement Peer Review Panel: four projects submitted (one declined at triage, one
/// returned for changes), four quarterly meetings (one inquorate), conflicts of interest recorded from project teams and suggested from the register of interests,
/// lead reviewers chosen by relevance of lived experience, feedback with reviewer agreement, action plans, follow-up,
/// a second round, and the panel's evaluation.
/// </summary>
internal sealed class PeerReviewYear(IServiceProvider services, SampleClock clock, ReportWriter report)
{
    private readonly ParticipantService _people = services.GetRequiredService<ParticipantService>();
    private readonly PanelService _panels = services.GetRequiredService<PanelService>();
    private readonly ReviewSubmissionService _submissions = services.GetRequiredService<ReviewSubmissionService>();
    private readonly PanelMeetingService _meetings = services.GetRequiredService<PanelMeetingService>();
    private readonly InvolvementFrameworkService _frameworks = services.GetRequiredService<InvolvementFrameworkService>();
    private readonly ImprovementProjectService _projects = services.GetRequiredService<ImprovementProjectService>();
    private readonly IReviewSubmissionStore _submissionStore = services.GetRequiredService<IReviewSubmissionStore>();
    private readonly Dictionary<string, ParticipantId> _cast = new(StringComparer.Ordinal);
    private DateOnly _start;
    private InvolvementFrameworkId _framework;

    public async Task RunAsync(DateOnly start, CancellationToken ct)
    {
        _start = start;
        At(0);
        await RegisterCastAsync(ct);
        var panel = await EstablishAsync(ct);
        var framework = await _frameworks.AdoptAsync("panel-projects", "Improvement projects presented to the panel", "1", [FrameworkPresets.TlapLadderOfCoProduction, FrameworkPresets.ModelForImprovement], ct);
        _framework = (await _frameworks.PublishAsync(framework.Id, ct)).Id;

        // Week 1-2: four projects submit.
        At(7);
        var maternity = await DraftAsync(panel, "Calmer maternity triage", "Maternity", "QI lead W", ["Patient partner Z"], ct);
        At(10);
        var stroke = await DraftAsync(panel, "Early supported discharge after stroke", "Stroke", "Ward manager X", [], ct);
        At(14);
        var therapies = await DraftAsync(panel, "Talking therapies waiting list", "Mental health", "Psychologist Y", ["Patient reviewer Q"], ct);
        var parking = await DraftAsync(panel, "New car park barriers", "Estates", "QI lead W", [], ct);

        // Week 3-5: triage.
        At(21);
        await _submissions.AcceptAsync(maternity, ct);
        await _submissions.AcceptAsync(stroke, ct);
        await _submissions.ReturnForChangesAsync(therapies, "Say how people on the waiting list were asked what matters to them.", ct);
        await _submissions.DeclineAsync(parking, "Not a patient-facing improvement: the estates user forum is the right place.", ct);
        At(28);
        await _submissions.SubmitAsync(therapies, ct);
        At(30);
        await _submissions.AcceptAsync(therapies, ct);

        var meetingDates = new[] { 56, 140, 224, 308 }.Select(d => _start.AddDays(d)).ToList();
        var meetings = new List<PanelMeetingId>();
        foreach (var date in meetingDates)
        {
            meetings.Add((await _meetings.ArrangeAsync(panel, date, ct)).Id);
        }

        // Week 5: the first agenda, conflicts suggested from the data, lead reviewers chosen.
        At(31);
        var slot = new TimeOnly(10, 0);
        foreach (var submission in new[] { maternity, stroke, therapies })
        {
            await _meetings.ScheduleAsync(submission, meetings[0], slot, 40, ct);
            slot = slot.AddMinutes(45);
        }

        await _meetings.SuggestConflictsAsync(meetings[0], ct);
        var conflicts = (await _meetings.FindAsync(meetings[0], ct))!.Conflicts;
        var leads = await _meetings.AssignLeadReviewersAsync(meetings[0], ct);

        // Meeting 1: quorate; one presenter has not consented to recording, so the meeting is not recorded.
        At(56);
        await AttendAsync(meetings[0], ["Patient partner P (chair)", "Patient reviewer Q", "Carer R", "Service user S", "Participation lead V", "QI lead W", "Ward manager X", "Psychologist Y"], ["Community member U"], ct);
        string recording;
        try
        {
            await _meetings.StartRecordingAsync(meetings[0], ct);
            recording = "recorded with everyone's consent";
        }
        catch (DomainRuleViolationException ex) when (ex.Code == PeerReviewErrorCodes.RecordingConsentMissing)
        {
            recording = "not recorded: a presenter had not consented to recording";
        }

        foreach (var submission in new[] { maternity, stroke, therapies })
        {
            await _submissions.RecordPresentationAsync(submission, meetings[0], ct);
        }

        await ReviewAsync(meetings[0], maternity, ct, ("Patient partner P (chair)", [3, 2, 3]), ("Patient reviewer Q", [4, 2, 3]), ("Service user S", [3, 3, 2]));
        await ReviewAsync(meetings[0], stroke, ct, ("Patient partner P (chair)", [5, 4, 4]), ("Patient reviewer Q", [4, 4, 3]), ("Carer R", [5, 4, 4]), ("Service user S", [4, 3, 4]));
        await ReviewAsync(meetings[0], therapies, ct, ("Patient partner P (chair)", [2, 3, 2]), ("Carer R", [3, 3, 2]), ("Service user S", [2, 2, 1]));
        await _submissions.IssueFeedbackAsync(meetings[0], maternity, "A clear aim; the panel would like to hear more from women who used triage.",
            ["Ask women who used triage in the last year what a calmer triage would feel like.", "Publish the triage leaflet in the two most requested community languages.", "Add a patient partner to the project board."], ct);
        await _submissions.IssueFeedbackAsync(meetings[0], stroke, "Patients are already shaping this project.",
            ["Include carers in the goal-setting sessions.", "Share the results at the stroke club, in plain English."], ct);
        await _submissions.IssueFeedbackAsync(meetings[0], therapies, "The waiting list is hard for people; keep them informed while they wait.",
            ["Send a monthly message to everyone waiting, written with people who have waited.", "Measure how people feel while waiting, not only how long they wait."], ct);

        // Week 10: action plans answer every recommendation.
        At(70);
        await RespondAsync(maternity, ct, (ResponseDecision.Accept, null, [("Interview ten women who used triage", "QI lead W", 120)]),
            (ResponseDecision.Adapt, "We start with one language, the most requested, and review after three months.", [("Translate the leaflet into Polish", "QI lead W", 120)]),
            (ResponseDecision.Decline, "The board meets quarterly; patient partners join the monthly working group instead.", []));
        await RespondAsync(stroke, ct, (ResponseDecision.Accept, null, [("Invite carers to goal setting", "Ward manager X", 120)]),
            (ResponseDecision.Accept, null, [("Talk at the stroke club", "Ward manager X", 150)]));
        await RespondAsync(therapies, ct, (ResponseDecision.Accept, null, [("Co-write the monthly message", "Psychologist Y", 120)]),
            (ResponseDecision.Adapt, "We add two questions on wellbeing to the existing check-in call.", [("Add wellbeing questions to the check-in call", "Psychologist Y", 150)]));
        At(100);
        await _submissions.RecordLeadExperienceAsync(maternity, 4, "Challenging, and it changed our plan.", ct);
        await _submissions.RecordLeadExperienceAsync(stroke, 5, null, ct);
        await _submissions.RecordLeadExperienceAsync(therapies, 4, null, ct);

        // Week 17-18: follow-up falls due; the maternity project comes back for a second round.
        At(121);
        var due = await _submissions.MarkDueFollowUpsAsync(ct);
        await FollowUpAsync(maternity, 0, FollowUpStatus.Implemented, "Triage questions rewritten with the women interviewed.", ct);
        await FollowUpAsync(maternity, 1, FollowUpStatus.Implemented, "Polish leaflet in use since week 16.", ct);
        await FollowUpAsync(stroke, 0, FollowUpStatus.Implemented, "Carers now join goal setting.", ct);
        await FollowUpAsync(therapies, 0, FollowUpStatus.InProgress, "First two messages sent; people asked for a named contact.", ct);
        At(125);
        await _submissions.StartNextRoundAsync(maternity, "We come back with the redesigned triage and what women told us.", ct);
        await _submissions.SubmitAsync(maternity, ct);
        await _submissions.AcceptAsync(maternity, ct);
        await _meetings.ScheduleAsync(maternity, meetings[1], new TimeOnly(10, 0), 40, ct);

        // Meeting 2: the second round, on the return-visit form.
        At(140);
        await AttendAsync(meetings[1], ["Patient partner P (chair)", "Patient reviewer Q", "Service user S", "Community member U", "Participation lead V", "QI lead W"], ["Carer R"], ct);
        await _submissions.RecordPresentationAsync(maternity, meetings[1], ct);
        await ReviewAsync(meetings[1], maternity, ct, ("Patient partner P (chair)", [4, 4]), ("Patient reviewer Q", [4, 5]), ("Community member U", [5, 4]));
        await _submissions.IssueFeedbackAsync(meetings[1], maternity, "Real progress: women's voices are in the new triage.", ["Tell the women interviewed what changed because of them."], ct);
        await _submissions.RecordLeadExperienceAsync(maternity, 5, "Good to come back and show what changed.", ct);
        At(150);
        await RespondAsync(maternity, ct, (ResponseDecision.Accept, null, [("Send a 'you said, we did' letter", "QI lead W", 200)]));
        await FollowUpAsync(stroke, 1, FollowUpStatus.NotDone, "The stroke club paused over the summer.", ct);

        // Meeting 3: only two patient members can come: inquorate, so no feedback can be issued.
        At(224);
        await AttendAsync(meetings[2], ["Patient partner P (chair)", "Patient reviewer Q", "Participation lead V"], ["Carer R", "Service user S", "Community member U"], ct);
        await _submissions.CloseAsync(stroke, ct);

        // Meeting 4: quorate, a development session with no projects.
        At(308);
        await AttendAsync(meetings[3], ["Patient partner P (chair)", "Carer R", "Service user S", "Community member U", "Participation lead V"], ["Patient reviewer Q"], ct);

        At(330);
        await ReportAsync(panel, meetings, conflicts, leads, recording, due, ct);
    }

    private void At(int day) => clock.MoveTo(_start.AddDays(day), 12);

    private string Name(ParticipantId id) => _cast.Single(c => c.Value == id).Key;

    private async Task RegisterCastAsync(CancellationToken ct)
    {
        (string Name, ParticipantRole Role, bool Records)[] cast =
        [
            ("Patient partner P (chair)", ParticipantRole.PatientPartner, true),
            ("Patient reviewer Q", ParticipantRole.PatientPartner, true),
            ("Carer R", ParticipantRole.Carer, true),
            ("Service user S", ParticipantRole.ServiceUser, true),
            ("Community member U", ParticipantRole.CommunityMember, true),
            ("Participation lead V", ParticipantRole.Staff, true),
            ("QI lead W", ParticipantRole.Staff, true),
            ("Ward manager X", ParticipantRole.Staff, true),
            ("Psychologist Y", ParticipantRole.Staff, false),
            ("Patient partner Z", ParticipantRole.PatientPartner, true),
        ];
        foreach (var (name, role, records) in cast)
        {
            var participant = await _people.RegisterAsync(name, [role], ct);
            if (records)
            {
                participant = await _people.GiveConsentAsync(participant.Id, ConsentPurpose.Recording, ct);
            }

            _cast[name] = participant.Id;
        }
    }

    private async Task<PanelId> EstablishAsync(CancellationToken ct)
    {
        var panel = await _panels.EstablishAsync(
            "Patient Improvement Peer Review Panel",
            "Patient partners meet project leads to give the patient perspective on improvement projects, and follow their recommendations through to impact. Patient-led: a patient chairs, and decisions need three patient members present.",
            new QuorumRule(3, requirePatientChair: true),
            ct);
        var (from, to) = (_start, _start.AddYears(2).AddDays(-1));
        await _panels.AppointMemberAsync(panel.Id, _cast["Patient partner P (chair)"], PanelRole.PatientChair, from, to, ct);
        foreach (var reviewer in new[] { "Patient reviewer Q", "Carer R", "Service user S", "Community member U" })
        {
            await _panels.AppointMemberAsync(panel.Id, _cast[reviewer], PanelRole.PatientReviewer, from, to, ct);
        }

        await _panels.AppointMemberAsync(panel.Id, _cast["Participation lead V"], PanelRole.StaffFacilitator, from, to, ct);
        await _panels.RecordLivedExperienceAsync(panel.Id, _cast["Patient partner P (chair)"], ["Stroke"], ct);
        await _panels.RecordLivedExperienceAsync(panel.Id, _cast["Patient reviewer Q"], ["Stroke", "Mental health"], ct);
        await _panels.RecordLivedExperienceAsync(panel.Id, _cast["Carer R"], ["Maternity"], ct);
        await _panels.RecordLivedExperienceAsync(panel.Id, _cast["Service user S"], ["Mental health"], ct);
        await _panels.RecordLivedExperienceAsync(panel.Id, _cast["Community member U"], ["Maternity"], ct);
        await _panels.RegisterPersonalLinkAsync(panel.Id, _cast["Carer R"], _cast["Patient partner Z"], PersonalLinkKind.Carer, ct);
        await _panels.DefineReviewFormAsync(
            panel.Id,
            "First review",
            1,
            [
                new ReviewCriterion("patient-voice", "How well does the project hear patients and carers?"),
                new ReviewCriterion("plan", "How far are patients part of the plan?"),
                new ReviewCriterion("measures", "Do the measures show what matters to patients?"),
            ],
            [new ReviewQuestion("what-matters", "What would matter most to patients here?", isRequired: true)],
            ct);
        await _panels.DefineReviewFormAsync(
            panel.Id,
            "Return visit",
            2,
            [new ReviewCriterion("progress", "How far were the panel's recommendations acted on?"), new ReviewCriterion("patient-voice", "How well does the project hear patients now?")],
            [],
            ct);
        return panel.Id;
    }

    private async Task<ReviewSubmissionId> DraftAsync(PanelId panel, string title, string area, string lead, string[] team, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var project = await _projects.StartAsync(_framework, title, $"Improve {area.ToLowerInvariant()} with the people who use it", area, _cast[lead], today, ct);
        foreach (var member in team)
        {
            await _projects.AddTeamMemberAsync(project.Id, _cast[member], ProjectTeamRole.PatientPartner, isCoreTeam: true, today, ct);
        }

        var submission = await _submissions.DraftAsync(panel, project.Id, "We would value the patient perspective on our plan.", ct);
        await _submissions.SubmitAsync(submission.Id, ct);
        return submission.Id;
    }

    private async Task AttendAsync(PanelMeetingId meetingId, string[] present, string[] apologies, CancellationToken ct)
    {
        foreach (var name in present)
        {
            await _meetings.RecordAttendanceAsync(meetingId, _cast[name], AttendanceStatus.Present, ct);
        }

        foreach (var name in apologies)
        {
            await _meetings.RecordAttendanceAsync(meetingId, _cast[name], AttendanceStatus.Apologies, ct);
        }

        await _meetings.ChooseChairAsync(meetingId, _cast["Patient partner P (chair)"], ct);
    }

    private async Task ReviewAsync(PanelMeetingId meetingId, ReviewSubmissionId submissionId, CancellationToken ct, params (string Reviewer, int[] Ratings)[] reviews)
    {
        var submission = (await _submissions.FindAsync(submissionId, ct))!;
        var panel = (await _panels.FindAsync(submission.PanelId, ct))!;
        var form = panel.RequireFormForRound(submission.CurrentRound.Number);
        foreach (var (reviewer, ratings) in reviews)
        {
            await _meetings.SubmitReviewAsync(
                meetingId,
                _cast[reviewer],
                submissionId,
                form.Criteria.Select((c, i) => (c.Key, ratings[i])).ToDictionary(x => x.Key, x => x.Item2),
                form.Questions.ToDictionary(q => q.Key, _ => "Feeling listened to, and knowing what happens next."),
                null,
                ct);
        }
    }

    private async Task RespondAsync(ReviewSubmissionId id, CancellationToken ct, params (ResponseDecision Decision, string? Reason, (string What, string Owner, int DueDay)[] Actions)[] answers)
    {
        var recommendations = (await _submissions.FindAsync(id, ct))!.CurrentRound.Feedback!.Recommendations;
        await _submissions.ReceiveResponseAsync(
            id,
            recommendations.Select((r, i) => new PlannedResponse(
                r.Id,
                answers[i].Decision,
                answers[i].Reason,
                [.. answers[i].Actions.Select(a => new ActionCommitment(a.What, _cast[a.Owner], _start.AddDays(a.DueDay)))])),
            ct);
    }

    private async Task FollowUpAsync(ReviewSubmissionId id, int actionIndex, FollowUpStatus status, string impact, CancellationToken ct)
    {
        var action = (await _submissions.FindAsync(id, ct))!.Rounds[0].Actions[actionIndex];
        await _submissions.RecordFollowUpAsync(id, action.Id, status, impact, ct);
    }

    private async Task ReportAsync(PanelId panelId, List<PanelMeetingId> meetingIds, IReadOnlyList<ConflictOfInterest> conflicts, IReadOnlyList<LeadReviewerAssignment> leads, string recording, IReadOnlyList<ReviewSubmissionId> due, CancellationToken ct)
    {
        var culture = ReportWriter.Culture;
        var submissions = await _submissionStore.ListByPanelAsync(panelId, ct);
        string Title(ReviewSubmissionId id) => submissions.Single(s => s.Id == id).Title;

        report.Section($"Patient Improvement Peer Review Panel: its first year ({_start.ToString("d MMMM yyyy", culture)} on)");
        report.Line($"Conflicts of interest before meeting 1 (recorded from project teams, or suggested from the register of interests): {conflicts.Count}");
        foreach (var conflict in conflicts)
        {
            report.Line($"  - {Name(conflict.ReviewerId)} on \"{Title(conflict.SubmissionId)}\": {ReportWriter.Words(conflict.Kind)}, {(conflict.Origin == ConflictOrigin.ProjectTeam ? "recorded" : ReportWriter.Words(conflict.Origin))} ({conflict.Note})");
        }

        report.Line("Lead reviewers chosen by relevance of lived experience (conflicts excluded, at most two each):");
        foreach (var group in leads.GroupBy(l => l.SubmissionId))
        {
            report.Line($"  - \"{Title(group.Key)}\": {string.Join(" and ", group.Select(l => Name(l.ReviewerId)))}");
        }

        report.Key($"{conflicts.Count} conflicts of interest were found before meeting 1 and those reviewers stepped aside; lead reviewers were chosen for the relevance of their lived experience. Meeting 1 was {recording}.");
        report.Line();
        var meetingRows = new List<IReadOnlyList<string>>();
        foreach (var (id, index) in meetingIds.Select((m, i) => (m, i)))
        {
            var meeting = (await _meetings.FindAsync(id, ct))!;
            var quorum = meeting.CheckQuorum();
            meetingRows.Add([
                $"{index + 1}: {meeting.Date.ToString("d MMM yyyy", culture)}",
                quorum.PatientMembersPresent.ToString(culture),
                quorum.IsQuorate ? "yes" : "no",
                meeting.Agenda.Count(s => s.SubmissionId is not null).ToString(culture),
                meeting.Reviews.Count.ToString(culture),
            ]);
        }

        report.Table(["Meeting", "Patients present", "Quorate", "Projects", "Reviews"], meetingRows);
        report.Line();
        report.Table(
            ["Project", "State", "Rounds", "Mean ratings (last round)", "Alpha"],
            submissions.Select(s =>
            {
                var feedback = s.Rounds.LastOrDefault(r => r.Feedback is not null)?.Feedback;
                return (IReadOnlyList<string>)[
                    s.Title,
                    ReportWriter.Capitalised(s.State),
                    s.Rounds.Count.ToString(culture),
                    feedback is null ? "-" : string.Join(" / ", feedback.Criteria.Select(c => $"{c.CriterionKey} {c.Mean.ToString("0.0", culture)}")),
                    feedback?.AgreementAlpha is { } alpha ? alpha.ToString("0.00", culture) : "-",
                ];
            }).ToList());
        var alphas = submissions.Select(s => s.Rounds.LastOrDefault(r => r.Feedback is not null)?.Feedback?.AgreementAlpha).OfType<double>().ToList();
        report.Key($"{meetingIds.Count} meetings, {meetingRows.Count(r => r[2] == "yes")} quorate; {submissions.Count} projects reviewed, {submissions.Count(s => s.State == SubmissionState.Closed)} closed after follow-up.");
        if (alphas.Count > 0)
        {
            report.Key($"Reviewers' agreement (Krippendorff's alpha, 1 = full agreement, 0 = no better than chance) ranged from {alphas.Min().ToString("0.00", culture)} to {alphas.Max().ToString("0.00", culture)}: "
                + (alphas.Max() < 0.667 ? "reviewers often rated the same project differently, so the panel discusses ratings before it agrees feedback." : "reviewers mostly agreed."));
        }

        report.Line($"Follow-up fell due in week 18 for {due.Count} project(s).");

        var evaluation = await _panels.EvaluateAsync(panelId, _start, _start.AddDays(364), ct);
        report.Line();
        report.Key($"Feedback reached project teams a median {evaluation.MedianDaysToFeedback?.ToString("0", culture)} days after they submitted; {evaluation.ShareAccepted?.ToString("P0", culture)} of the panel's recommendations were accepted or adapted and {evaluation.ShareImplemented?.ToString("P0", culture)} implemented. Project leads rated their experience {evaluation.MeanLeadExperience?.ToString("0.0", culture)} out of 5.");
        report.Line("Panel evaluation");
        report.Line($"  Rounds with feedback: {evaluation.RoundsWithFeedback}; days from submission to feedback: median {evaluation.MedianDaysToFeedback?.ToString("0", culture)}, mean {evaluation.MeanDaysToFeedback?.ToString("0.0", culture)}");
        report.Line($"  Recommendations: {evaluation.Recommendations} ({evaluation.Accepted} accepted, {evaluation.Adapted} adapted, {evaluation.Declined} declined); accepted or adapted {evaluation.ShareAccepted?.ToString("P0", culture)}, implemented {evaluation.ShareImplemented?.ToString("P0", culture)}");
        report.Line($"  Project leads' experience: mean {evaluation.MeanLeadExperience?.ToString("0.0", culture)} out of 5 from {evaluation.LeadExperienceRatings} ratings");
        report.Line($"  Reviews per patient member: {evaluation.MinimumReviewsPerMember} to {evaluation.MaximumReviewsPerMember}, mean {evaluation.MeanReviewsPerMember?.ToString("0.0", culture)}, standard deviation {evaluation.ReviewsStandardDeviation?.ToString("0.00", culture)}");
        report.Line($"  Meetings: {evaluation.MeetingsHeld}, of which quorate {evaluation.QuorateMeetings}; attendance of patient members {evaluation.AttendanceRate?.ToString("P0", culture)}");
        report.Table(
            ["Member", "Reviews", "Leads", "Attended"],
            evaluation.Workload.Select(w => (IReadOnlyList<string>)[Name(w.MemberId), w.ReviewsWritten.ToString(culture), w.LeadReviews.ToString(culture), $"{w.MeetingsAttended}/{w.MeetingsServed}"]).ToList());

        var overdue = await _submissions.ListOverdueFollowUpsAsync(ct);
        report.Line();
        report.Key($"Overdue follow-ups on {DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("d MMMM yyyy", culture)}: {overdue.Count} (the oldest {overdue.Select(o => o.DaysOverdue).DefaultIfEmpty().Max().ToString(CultureInfo.InvariantCulture)} days).");
        foreach (var item in overdue)
        {
            report.Line($"  - \"{Title(item.SubmissionId)}\" round {item.RoundNumber}: {item.Action.Description} ({Name(item.Action.OwnerId)}), {(item.LatestStatus is { } latest ? ReportWriter.Words(latest) : "no report")}, {item.DaysOverdue.ToString(CultureInfo.InvariantCulture)} days overdue");
        }
    }
}
