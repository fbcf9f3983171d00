using CoProduction.People;
using Microsoft.Extensions.DependencyInjection;
using CoProduction.Core.Tests.TestSupport;
using CoProduction.PeerReview;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary>
/// A worked panel year, run through the services, whose evaluation figures are worked out by hand below.
/// People: a patient chair, reviewers R1-R4 (all patient members), a staff facilitator, a staff project lead.
/// </summary>
public sealed class PanelEvaluationTests
{
    private static CancellationToken Ct => ServiceWorld.Ct;

    private sealed record Year(ServiceWorld World, ServicePanel Panel, ReviewSubmissionId S1, ReviewSubmissionId S2, ReviewSubmissionId S3);

    private static async Task<Year> RunYearAsync()
    {
        var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);

        // 20 Jan: S1 submitted. 1 Feb: S2 submitted, and S3 (declined at triage, so it never reaches feedback).
        world.At(1, 20);
        var s1 = (await p.DraftAsync("Maternity triage", "Maternity")).Id;
        await world.ChangeSubmissionAsync(s1, s => s.Submit(world.Clock));
        world.At(2, 1);
        var s2 = (await p.DraftAsync("Stroke rehabilitation", "Stroke")).Id;
        var s3 = (await p.DraftAsync("Car park signage", "Estates")).Id;
        await world.ChangeSubmissionAsync(s2, s => s.Submit(world.Clock));
        await world.ChangeSubmissionAsync(s3, s => s.Submit(world.Clock));

        // 5 Feb: triage; three meetings arranged (10 Mar, 9 Jun, 8 Sep); S1 and S2 scheduled to the first.
        world.At(2, 5);
        await world.ChangeSubmissionAsync(s1, s => s.Accept(world.Clock));
        await world.ChangeSubmissionAsync(s2, s => s.Accept(world.Clock));
        await world.ChangeSubmissionAsync(s3, s => s.Decline("Not a patient-facing improvement: the estates forum is the place for it.", world.Clock));
        var m1 = (await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct)).Id;
        var m2 = (await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 6, 9), Ct)).Id;
        var m3 = (await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 9, 8), Ct)).Id;
        await world.Meetings.ScheduleAsync(s1, m1, new TimeOnly(10, 0), 45, Ct);
        await world.Meetings.ScheduleAsync(s2, m1, new TimeOnly(10, 45), 45, Ct);

        // 10 Mar, meeting 1: chair, R1, R2, R3 present; R4 apologies; facilitator present. Quorate.
        world.At(3, 10);
        foreach (var who in new[] { p.Chair, p.R1, p.R2, p.R3, p.Facilitator })
        {
            await p.AttendAsync(m1, who, AttendanceStatus.Present);
        }

        await p.AttendAsync(m1, p.R4, AttendanceStatus.Apologies);
        await world.ChangeMeetingAsync(m1, m => m.ChooseChair(p.Chair, world.Clock));
        await world.ChangeMeetingAsync(m1, m => m.AssignLeadReviewers([new(s1, p.R1), new(s2, p.R3)], world.Clock));
        await world.Submissions.RecordPresentationAsync(s1, m1, Ct);
        await world.Submissions.RecordPresentationAsync(s2, m1, Ct);
        await p.ReviewAsync(m1, p.Chair, s1, "patient-voice", 3, "plan", 2);
        await p.ReviewAsync(m1, p.R1, s1, "patient-voice", 4, "plan", 2);
        await p.ReviewAsync(m1, p.R2, s1, "patient-voice", 3, "plan", 3);
        await p.ReviewAsync(m1, p.R2, s2, "patient-voice", 5, "plan", 4);
        await p.ReviewAsync(m1, p.R3, s2, "patient-voice", 4, "plan", 4);
        await world.Submissions.IssueFeedbackAsync(m1, s1, "The panel liked the aim.", ["A: Ask women who used triage what matters.", "B: Publish the leaflet in community languages.", "C: Add a patient to the project board every month."], Ct);
        await world.Submissions.IssueFeedbackAsync(m1, s2, "A strong start.", ["D: Include carers in the goal-setting sessions.", "E: Share results at the stroke club."], Ct);
        await world.ChangeSubmissionAsync(s1, s => s.RecordLeadExperience(4, "Challenging but useful.", world.Clock));
        await world.ChangeSubmissionAsync(s2, s => s.RecordLeadExperience(5, null, world.Clock));

        // 20 Mar: action plans. S1: A accepted (1 action), B adapted (2 actions), C declined. S2: D and E accepted.
        world.At(3, 20);
        var f1 = (await world.SubmissionStore.FindAsync(s1, Ct))!.CurrentRound.Feedback!.Recommendations;
        var f2 = (await world.SubmissionStore.FindAsync(s2, Ct))!.CurrentRound.Feedback!.Recommendations;
        var april = new DateOnly(2026, 4, 30);
        await world.Submissions.ReceiveResponseAsync(
            s1,
            [
                new PlannedResponse(f1[0].Id, ResponseDecision.Accept, null, [new ActionCommitment("a1: interview 10 women", p.Lead, april)]),
                new PlannedResponse(f1[1].Id, ResponseDecision.Adapt, "Two languages first, the most requested.", [new ActionCommitment("b1: Polish leaflet", p.Lead, april), new ActionCommitment("b2: Urdu leaflet", p.TeamMember, new DateOnly(2026, 5, 31))]),
                new PlannedResponse(f1[2].Id, ResponseDecision.Decline, "The board meets quarterly; patients join the monthly working group instead.", []),
            ],
            Ct);
        await world.Submissions.ReceiveResponseAsync(
            s2,
            [
                new PlannedResponse(f2[0].Id, ResponseDecision.Accept, null, [new ActionCommitment("d1: carers invited", p.Lead, april)]),
                new PlannedResponse(f2[1].Id, ResponseDecision.Accept, null, [new ActionCommitment("e1: talk at stroke club", p.Lead, april)]),
            ],
            Ct);

        // 1 May: follow-up falls due for both; reports; S1 comes back for a second round and is submitted.
        world.At(5, 1);
        (await world.Submissions.MarkDueFollowUpsAsync(Ct)).Should().BeEquivalentTo([s1, s2]);
        var plan1 = (await world.SubmissionStore.FindAsync(s1, Ct))!.Rounds[0].Actions;
        var plan2 = (await world.SubmissionStore.FindAsync(s2, Ct))!.Rounds[0].Actions;
        await world.Submissions.RecordFollowUpAsync(s1, plan1[0].Id, FollowUpStatus.Implemented, "Triage questions rewritten with the women interviewed.", Ct);
        await world.Submissions.RecordFollowUpAsync(s1, plan1[1].Id, FollowUpStatus.Implemented, "Polish leaflet in use.", Ct);
        await world.Submissions.RecordFollowUpAsync(s2, plan2[0].Id, FollowUpStatus.Implemented, "Carers now join goal setting.", Ct);
        await world.Submissions.RecordFollowUpAsync(s2, plan2[1].Id, FollowUpStatus.NotDone, "The stroke club paused over summer.", Ct);
        await world.ChangeSubmissionAsync(s1, s => { s.StartNextRound("Back with the redesigned triage.", world.Clock); s.Submit(world.Clock); s.Accept(world.Clock); });
        await world.Meetings.ScheduleAsync(s1, m2, new TimeOnly(10, 0), 45, Ct);

        // 9 Jun, meeting 2: chair, R1, R3, R4 present; R2 absent; quorate. Round 2 on the return-visit form.
        world.At(6, 9);
        foreach (var who in new[] { p.Chair, p.R1, p.R3, p.R4, p.Facilitator })
        {
            await p.AttendAsync(m2, who, AttendanceStatus.Present);
        }

        await p.AttendAsync(m2, p.R2, AttendanceStatus.Absent);
        await world.ChangeMeetingAsync(m2, m => m.ChooseChair(p.Chair, world.Clock));
        await world.Submissions.RecordPresentationAsync(s1, m2, Ct);
        await p.ReviewAsync(m2, p.R1, s1, "progress", 4, "patient-voice", 4);
        await p.ReviewAsync(m2, p.R4, s1, "progress", 3, "patient-voice", 4);
        await p.ReviewAsync(m2, p.Chair, s1, "progress", 4, "patient-voice", 5);
        await world.Submissions.IssueFeedbackAsync(m2, s1, "Real progress.", ["F: Tell the women interviewed what changed."], Ct);
        await world.ChangeSubmissionAsync(s1, s => s.RecordLeadExperience(3, null, world.Clock));

        // 20 Jun: S1 answers F; b2 reported in progress.
        world.At(6, 20);
        var fF = (await world.SubmissionStore.FindAsync(s1, Ct))!.CurrentRound.Feedback!.Recommendations[0];
        await world.Submissions.ReceiveResponseAsync(s1, [new PlannedResponse(fF.Id, ResponseDecision.Accept, null, [new ActionCommitment("f1: 'you said, we did' letter", p.Lead, new DateOnly(2026, 7, 31))])], Ct);
        await world.Submissions.RecordFollowUpAsync(s1, plan1[2].Id, FollowUpStatus.InProgress, "Urdu translation with the community group.", Ct);

        // 8 Sep, meeting 3: only the chair and R1 present (R2, R3, R4 apologies): inquorate.
        world.At(9, 8);
        foreach (var who in new[] { p.Chair, p.R1, p.Facilitator })
        {
            await p.AttendAsync(m3, who, AttendanceStatus.Present);
        }

        foreach (var who in new[] { p.R2, p.R3, p.R4 })
        {
            await p.AttendAsync(m3, who, AttendanceStatus.Apologies);
        }

        await world.ChangeMeetingAsync(m3, m => m.ChooseChair(p.Chair, world.Clock));
        world.At(9, 30);
        return new Year(world, p, s1, s2, s3);
    }

    [Fact]
    public async Task EvaluatePanel_WorkedYear_GivesTheFiguresWorkedByHand()
    {
        var year = await RunYearAsync();
        await using var world = year.World;
        var p = year.Panel;

        var evaluation = await world.Panels.EvaluateAsync(p.PanelId, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Ct);

        // Time to feedback (calendar days from a round's first submission to its feedback):
        //   S1 round 1: 20 Jan -> 10 Mar = 11 (rest of Jan) + 28 (Feb 2026) + 10 = 49
        //   S2 round 1:  1 Feb -> 10 Mar = 27 + 10 = 37
        //   S1 round 2:  1 May ->  9 Jun = 30 + 9 = 39
        // Sorted 37, 39, 49: median 39; mean 125 / 3 = 41.67. S3 was declined and has no feedback.
        evaluation.RoundsWithFeedback.Should().Be(3);
        evaluation.MedianDaysToFeedback.Should().Be(39);
        evaluation.MeanDaysToFeedback!.Value.Should().BeApproximately(125.0 / 3, 1e-9);

        // Recommendations: A, B, C (S1 r1), D, E (S2), F (S1 r2) = 6, all answered.
        // Accept: A, D, E, F = 4; Adapt: B = 1; Decline: C = 1. Share accepted (accept + adapt) = 5 / 6.
        // Implemented (every action's latest report Implemented): A (a1), D (d1) = 2. Not: B (b2 in progress),
        // C (declined), E (not done), F (no report). Share implemented = 2 / 6.
        (evaluation.Recommendations, evaluation.RecommendationsAnswered).Should().Be((6, 6));
        (evaluation.Accepted, evaluation.Adapted, evaluation.Declined, evaluation.Implemented).Should().Be((4, 1, 1, 2));
        evaluation.ShareAccepted!.Value.Should().BeApproximately(5.0 / 6, 1e-12);
        evaluation.ShareImplemented!.Value.Should().BeApproximately(2.0 / 6, 1e-12);

        // Project leads' experience: 4, 5, 3: mean 4.
        evaluation.LeadExperienceRatings.Should().Be(3);
        evaluation.MeanLeadExperience.Should().Be(4);

        // Reviews written: chair 2 (S1 m1, S1 m2), R1 2 (S1 m1, S1 m2), R2 2 (S1, S2 at m1), R3 1 (S2), R4 1 (S1 m2).
        // Min 1, max 2, mean 8 / 5 = 1.6; deviations 0.4 x3, -0.6 x2; squares 0.48 + 0.72 = 1.2; / 5 = 0.24; SD sqrt(0.24).
        var byMember = evaluation.Workload.ToDictionary(w => w.MemberId);
        byMember.Should().HaveCount(5, "the five patient members; the facilitator does not review");
        byMember[p.Chair].ReviewsWritten.Should().Be(2);
        byMember[p.R1].ReviewsWritten.Should().Be(2);
        byMember[p.R2].ReviewsWritten.Should().Be(2);
        byMember[p.R3].ReviewsWritten.Should().Be(1);
        byMember[p.R4].ReviewsWritten.Should().Be(1);
        (evaluation.MinimumReviewsPerMember, evaluation.MaximumReviewsPerMember).Should().Be((1, 2));
        evaluation.MeanReviewsPerMember!.Value.Should().BeApproximately(1.6, 1e-12);
        evaluation.ReviewsStandardDeviation!.Value.Should().BeApproximately(Math.Sqrt(0.24), 1e-12);
        byMember[p.R1].LeadReviews.Should().Be(1);
        byMember[p.R3].LeadReviews.Should().Be(1);
        byMember[p.Chair].LeadReviews.Should().Be(0);

        // Attendance: 5 members x 3 meetings = 15 served. Present: m1 4 (chair, R1, R2, R3), m2 4 (chair, R1, R3, R4),
        // m3 2 (chair, R1) = 10; rate 10 / 15 = 2/3. Per member: chair 3, R1 3, R2 1, R3 2, R4 1.
        // Meetings 3, of which quorate 2 (m3 had 2 patient members, 3 needed).
        evaluation.MeetingsHeld.Should().Be(3);
        evaluation.QuorateMeetings.Should().Be(2);
        evaluation.AttendanceRate!.Value.Should().BeApproximately(2.0 / 3, 1e-12);
        new[] { p.Chair, p.R1, p.R2, p.R3, p.R4 }.Select(id => byMember[id].MeetingsAttended).Should().Equal(3, 3, 1, 2, 1);
        byMember.Values.Should().OnlyContain(w => w.MeetingsServed == 3);
    }

    [Fact]
    public async Task EvaluatePanel_FirstFourMonthsOnly_CountsTheFirstMeetingOnly()
    {
        var year = await RunYearAsync();
        await using var world = year.World;

        var evaluation = await world.Panels.EvaluateAsync(year.Panel.PanelId, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30), Ct);

        // Only the two first-round feedbacks of 10 Mar: 49 and 37 days, median = mean = 43.
        // Recommendations A-E: accepted A, D, E + adapted B = 4 of 5; implemented A, D = 2 of 5.
        // Attendance at m1 alone: 4 of 5 patient members.
        evaluation.RoundsWithFeedback.Should().Be(2);
        evaluation.MedianDaysToFeedback.Should().Be(43);
        evaluation.MeanDaysToFeedback.Should().Be(43);
        evaluation.ShareAccepted!.Value.Should().BeApproximately(4.0 / 5, 1e-12);
        evaluation.ShareImplemented!.Value.Should().BeApproximately(2.0 / 5, 1e-12);
        evaluation.MeetingsHeld.Should().Be(1);
        evaluation.AttendanceRate!.Value.Should().BeApproximately(4.0 / 5, 1e-12);
    }

    [Fact]
    public async Task ListOverdueFollowUps_OnTheLastDayOfSeptember_ListsOpenActionsMostOverdueFirst()
    {
        var year = await RunYearAsync();
        await using var world = year.World;

        var overdue = await world.Submissions.ListOverdueFollowUpsAsync(Ct);

        // Open actions due before 30 Sep whose latest report is not Implemented:
        //   e1 (S2, not done, due 30 Apr): May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 153 days overdue
        //   b2 (S1 round 1, in progress, due 31 May): 30 + 31 + 31 + 30 = 122 days
        //   f1 (S1 round 2, no report, due 31 Jul): 31 + 30 = 61 days
        overdue.Select(o => (o.Action.Description[..2], o.DaysOverdue, o.LatestStatus, o.RoundNumber)).Should().Equal(
            ("e1", 153, FollowUpStatus.NotDone, 1),
            ("b2", 122, FollowUpStatus.InProgress, 1),
            ("f1", 61, (FollowUpStatus?)null, 2));
        overdue[0].SubmissionId.Should().Be(year.S2);
        overdue[1].SubmissionId.Should().Be(year.S1);
    }

    [Fact]
    public async Task ListOverdueFollowUps_OwnerWithdrewConsentToBeContacted_IsNotOfferedForAReminderFromThenOn()
    {
        var year = await RunYearAsync();
        await using var world = year.World;
        var people = world.Scope.GetRequiredService<ParticipantService>();
        var owners = (await world.Submissions.ListOverdueFollowUpsAsync(Ct)).Select(o => o.Action.OwnerId).Distinct().ToList();
        foreach (var owner in owners)
        {
            await people.GiveConsentAsync(owner, ConsentPurpose.Contact, Ct);
        }

        var before = await world.Submissions.ListOverdueFollowUpsAsync(Ct);
        world.Clock.Advance(TimeSpan.FromHours(1));
        await people.WithdrawConsentAsync(before[0].Action.OwnerId, ConsentPurpose.Contact, Ct);
        var after = await world.Submissions.ListOverdueFollowUpsAsync(Ct);

        before.Should().OnlyContain(o => o.OwnerMayBeContacted);
        after.Should().HaveCount(before.Count, "the actions are still overdue: only the reminder to the owner is held back");
        after.Where(o => o.Action.OwnerId == before[0].Action.OwnerId).Should().NotBeEmpty().And.OnlyContain(o => !o.OwnerMayBeContacted);
        after.Where(o => o.Action.OwnerId != before[0].Action.OwnerId).Should().OnlyContain(o => o.OwnerMayBeContacted);
    }

    [Fact]
    public async Task ListOverdueFollowUps_ClosedSubmission_IsNotListed()
    {
        var year = await RunYearAsync();
        await using var world = year.World;
        var s2 = (await world.SubmissionStore.FindAsync(year.S2, Ct))!;
        s2.State.Should().Be(SubmissionState.FollowUpDue);
        s2.Close(world.Clock);
        await world.SubmissionStore.UpdateAsync(s2, Ct);

        var overdue = await world.Submissions.ListOverdueFollowUpsAsync(Ct);

        overdue.Should().NotContain(o => o.SubmissionId == year.S2);
        overdue.Should().HaveCount(2);
    }

    [Fact]
    public void Evaluate_PeriodEndingBeforeItStarts_NamesTheParameter()
    {
        var world = new PeerReviewWorld();

        var act = () => PanelEvaluator.Evaluate(world.Panel, [], [], new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1));

        act.Should().ThrowInvalidInput("to");
    }
}
