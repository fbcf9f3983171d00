using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary><see cref="PanelMeetingService"/>: the agenda, attendance, the chair, recording, conflicts, lead reviewers, reviews and the options that shape them.</summary>
public sealed class PanelMeetingServiceTests
{
    private static CancellationToken Ct => ServiceWorld.Ct;

    [Fact]
    public async Task Schedule_AddsATimeBoxedSlot_AndDefer_TakesItOff()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        await world.ChangeSubmissionAsync(submission.Id, s => { s.Submit(world.Clock); s.Accept(world.Clock); });
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);

        var slot = await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);

        slot.EndsAt.Should().Be(new TimeOnly(10, 45));
        (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.IsOnAgenda(submission.Id).Should().BeTrue();
        (await world.SubmissionStore.FindAsync(submission.Id, Ct))!.State.Should().Be(SubmissionState.Scheduled);

        await world.Submissions.DeferAsync(submission.Id, "The lead is on leave.", Ct);

        (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.Agenda.Should().BeEmpty();
        (await world.SubmissionStore.FindAsync(submission.Id, Ct))!.State.Should().Be(SubmissionState.Deferred);
    }

    [Fact]
    public async Task Schedule_NotYetAccepted_IsRefusedAndTheMeetingIsUnchanged()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);

        var act = () => world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Message.Should().Contain("it is Draft");
        (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.Agenda.Should().BeEmpty();
    }

    [Fact]
    public async Task RecordAttendance_TakesRoleAndRecordingConsentFromTheRecords()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var guest = await world.RegisterAsync("Presenter J", ParticipantRole.Staff, consentsToRecording: false);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);

        var chair = await world.Meetings.RecordAttendanceAsync(meeting.Id, p.Chair, AttendanceStatus.Present, Ct);
        var presenter = await world.Meetings.RecordAttendanceAsync(meeting.Id, guest, AttendanceStatus.Present, Ct);

        chair.Role.Should().Be(PanelRole.PatientChair);
        chair.ConsentsToRecording.Should().BeTrue();
        presenter.Role.Should().BeNull("presenters are not panel members");
        presenter.ConsentsToRecording.Should().BeFalse();
    }

    [Fact]
    public async Task StartRecording_ConsentWithdrawnAfterAttendance_IsRefused()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await p.AttendAsync(meeting.Id, p.Chair, AttendanceStatus.Present);
        await p.AttendAsync(meeting.Id, p.R1, AttendanceStatus.Present);
        var r1 = (await world.Participants.FindAsync(p.R1, Ct))!;
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        r1.WithdrawConsent(ConsentPurpose.Recording, world.Clock);
        await world.Participants.UpdateAsync(r1, Ct);

        var act = () => world.Meetings.StartRecordingAsync(meeting.Id, Ct);

        (await act.Should().ThrowAsync<DomainRuleViolationException>())
            .Where(e => e.Code == PeerReviewErrorCodes.RecordingConsentMissing && e.Message.StartsWith("This meeting cannot be recorded: one person present has no consent to recording in force now.", StringComparison.Ordinal) && !e.Message.Contains(p.R1.ToString(), StringComparison.Ordinal))
            .Which.Data["participantIds"].Should().BeEquivalentTo(new[] { p.R1.ToString() });
        (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.RecordingStartedAt.Should().BeNull();
    }

    [Fact]
    public async Task SuggestConflicts_FindsTeamMembersAndRegisteredRelatives_AndSameServiceAreaOnlyWhenConfigured()
    {
        foreach (var sameAreaIsConflict in new[] { false, true })
        {
            await using var world = new ServiceWorld(o => o.SuggestSameServiceAreaConflicts = sameAreaIsConflict);
            var p = await ServicePanel.CreateAsync(world);
            var submission = await p.DraftAsync("Maternity triage", "Maternity", p.TeamMember, p.R1);
            await world.Panels.RegisterPersonalLinkAsync(p.PanelId, p.R2, p.TeamMember, PersonalLinkKind.Relative, Ct);
            await world.Panels.RecordLivedExperienceAsync(p.PanelId, p.R3, ["Maternity"], Ct);
            await world.ChangeSubmissionAsync(submission.Id, s => { s.Submit(world.Clock); s.Accept(world.Clock); });
            var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
            await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);

            var suggestions = await world.Meetings.SuggestConflictsAsync(meeting.Id, Ct);
            var again = await world.Meetings.SuggestConflictsAsync(meeting.Id, Ct);

            var expected = new List<(ParticipantId, ConflictKind)> { (p.R2, ConflictKind.RelativeOrCarer) };
            if (sameAreaIsConflict)
            {
                expected.Add((p.R3, ConflictKind.SameServiceArea));
            }

            suggestions.Select(c => (c.ReviewerId, c.Kind)).Should().BeEquivalentTo(expected);
            suggestions.Should().OnlyContain(c => c.Origin == ConflictOrigin.Suggested && c.SubmissionId == submission.Id);
            again.Should().BeEmpty("suggestions already recorded are not repeated");
            var conflicts = (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.Conflicts;
            conflicts.Should().HaveCount(expected.Count + 1);
            conflicts.Should().ContainSingle(c => c.Origin == ConflictOrigin.ProjectTeam)
                .Which.Should().Match<ConflictOfInterest>(c => c.ReviewerId == p.R1 && c.Kind == ConflictKind.ProjectTeamMember && c.IsStanding, "a member on the team has a conflict recorded when the item is scheduled");
        }
    }

    [Fact]
    public async Task SubmitReview_ByTheFacilitator_OrAConflictedReviewer_IsRefused_AndADismissedSuggestionLetsThemReview()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Maternity triage", "Maternity", p.TeamMember, p.R1);
        await world.Panels.RegisterPersonalLinkAsync(p.PanelId, p.R2, p.TeamMember, PersonalLinkKind.Relative, Ct);
        await world.Submissions.SubmitAsync(submission.Id, Ct);
        await world.Submissions.AcceptAsync(submission.Id, Ct);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        var suggestion = (await world.Meetings.SuggestConflictsAsync(meeting.Id, Ct)).Single();

        var byFacilitator = () => p.ReviewAsync(meeting.Id, p.Facilitator, submission.Id, "patient-voice", 4, "plan", 4);
        var byTeamMember = () => p.ReviewAsync(meeting.Id, p.R1, submission.Id, "patient-voice", 4, "plan", 4);
        var byRelative = () => p.ReviewAsync(meeting.Id, p.R2, submission.Id, "patient-voice", 4, "plan", 4);

        suggestion.ReviewerId.Should().Be(p.R2);
        (await byFacilitator.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.NotAMember);
        (await byTeamMember.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.ReviewerConflicted);
        (await byRelative.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.ReviewerConflicted);
        (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.Reviews.Should().BeEmpty();

        await world.Meetings.DismissConflictAsync(meeting.Id, suggestion.Id, "Distant relatives who have not met in years.", Ct);
        await p.ReviewAsync(meeting.Id, p.R2, submission.Id, "patient-voice", 4, "plan", 4);
        (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.Reviews.Should().ContainSingle();
    }

    [Fact]
    public async Task AssignLeadReviewers_MaximisesLivedExperienceRelevance_AndExcludesConflicts()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        await world.Panels.RecordLivedExperienceAsync(p.PanelId, p.R1, ["Maternity"], Ct);
        await world.Panels.RecordLivedExperienceAsync(p.PanelId, p.R2, ["Stroke"], Ct);
        await world.Panels.RecordLivedExperienceAsync(p.PanelId, p.R3, ["Maternity"], Ct);
        await world.Panels.RecordLivedExperienceAsync(p.PanelId, p.R4, ["Stroke"], Ct);
        var s1 = await p.DraftAsync("Maternity triage", "Maternity", p.TeamMember, p.R1);
        var s2 = await p.DraftAsync("Stroke rehabilitation", "Stroke");
        var s3 = await p.DraftAsync("Antenatal classes", "Maternity");
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        var start = new TimeOnly(10, 0);
        foreach (var s in new[] { s1, s2, s3 })
        {
            await world.ChangeSubmissionAsync(s.Id, x => { x.Submit(world.Clock); x.Accept(world.Clock); });
            await world.Meetings.ScheduleAsync(s.Id, meeting.Id, start, 40, Ct);
            start = start.AddMinutes(40);
        }

        var leads = await world.Meetings.AssignLeadReviewersAsync(meeting.Id, Ct);

        // Two leads per submission, at most two per reviewer. R1 is on s1's team, so s1 gets R3 (relevance 1) and one
        // reviewer without maternity experience (0.2); s3 gets R1 and R3 (1 + 1); s2 gets R2 and R4 (1 + 1): the
        // only way to reach 5.2, the most the bounds allow.
        leads.Should().HaveCount(6);
        leads.Where(l => l.SubmissionId == s2.Id).Select(l => l.ReviewerId).Should().BeEquivalentTo([p.R2, p.R4]);
        leads.Where(l => l.SubmissionId == s3.Id).Select(l => l.ReviewerId).Should().BeEquivalentTo([p.R1, p.R3]);
        leads.Where(l => l.SubmissionId == s1.Id).Select(l => l.ReviewerId).Should().Contain(p.R3).And.NotContain(p.R1);
        leads.GroupBy(l => l.ReviewerId).Should().OnlyContain(g => g.Count() <= 2);
        var stored = (await world.MeetingStore.FindAsync(meeting.Id, Ct))!;
        stored.LeadReviewers.Should().BeEquivalentTo(leads);
        stored.Conflicts.Should().ContainSingle(c => c.ReviewerId == p.R1 && c.SubmissionId == s1.Id && c.Kind == ConflictKind.ProjectTeamMember);
    }

    [Fact]
    public async Task AssignLeadReviewers_LoadsTooLow_IsRefusedWithAdviceAndNothingIsSaved()
    {
        await using var world = new ServiceWorld(o => o.MaximumLeadReviewsPerReviewer = 1);
        var p = await ServicePanel.CreateAsync(world);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        var start = new TimeOnly(10, 0);
        foreach (var title in new[] { "A", "B", "C" })
        {
            var s = await p.DraftAsync(title, "Stroke");
            await world.ChangeSubmissionAsync(s.Id, x => { x.Submit(world.Clock); x.Accept(world.Clock); });
            await world.Meetings.ScheduleAsync(s.Id, meeting.Id, start, 40, Ct);
            start = start.AddMinutes(40);
        }

        var act = () => world.Meetings.AssignLeadReviewersAsync(meeting.Id, Ct);

        // 3 submissions x 2 leads = 6 needed; 5 patient members x 1 each = 5 available.
        (await act.Should().ThrowAsync<DomainRuleViolationException>())
            .Where(e => e.Code == PeerReviewErrorCodes.AssignmentInfeasible && e.Message.Contains("5 patient member(s) are available", StringComparison.Ordinal));
        (await world.MeetingStore.FindAsync(meeting.Id, Ct))!.LeadReviewers.Should().BeEmpty();
    }

    [Fact]
    public async Task EraseAsync_OfAReviewer_RemovesTheirConflictNoteAndLivedExperience_AndKeepsTheirRatingsAndOthersWords()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        await world.Panels.RecordLivedExperienceAsync(p.PanelId, p.R2, ["Community mental health crisis team"], Ct);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        await world.Submissions.SubmitAsync(submission.Id, Ct);
        await world.Submissions.AcceptAsync(submission.Id, Ct);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        foreach (var who in new[] { p.Chair, p.R1, p.R2, p.Facilitator })
        {
            await p.AttendAsync(meeting.Id, who, AttendanceStatus.Present);
        }

        await world.Meetings.ChooseChairAsync(meeting.Id, p.Chair, Ct);
        await p.ReviewAsync(meeting.Id, p.R2, submission.Id, "patient-voice", 5, "plan", 4);
        await world.Meetings.DeclareConflictAsync(meeting.Id, p.R2, submission.Id, ConflictKind.WorkingRelationship, "My husband runs the falls clinic", Ct);
        await world.Meetings.DeclareConflictAsync(meeting.Id, p.R1, submission.Id, ConflictKind.WorkingRelationship, "Worked on the ward in 2024", Ct);

        await world.Scope.GetRequiredService<ParticipantService>().EraseAsync(p.R2, Ct);

        var stored = (await world.Meetings.FindAsync(meeting.Id, Ct))!;
        stored.Conflicts.Single(c => c.ReviewerId == p.R2).Note.Should().Be(PersonalData.RemovedOnErasure);
        stored.Conflicts.Single(c => c.ReviewerId == p.R1).Note.Should().Be("Worked on the ward in 2024", "another member's words stay");
        stored.Reviews.Single(r => r.ReviewerId == p.R2).Ratings.Should().HaveCount(2, "ratings stay for the panel's agreement figures");
        (await world.PanelStore.FindAsync(p.PanelId, Ct))!.LivedExperience.Should().NotContain(e => e.MemberId == p.R2);
    }

    [Fact]
    public async Task DeclareConflictAsync_AfterAReview_KeepsTheReviewExcluded_AndQuorumForTheItemDiscountsTheMember()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        await world.Submissions.SubmitAsync(submission.Id, Ct);
        await world.Submissions.AcceptAsync(submission.Id, Ct);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        foreach (var who in new[] { p.Chair, p.R1, p.R2, p.Facilitator })
        {
            await p.AttendAsync(meeting.Id, who, AttendanceStatus.Present);
        }

        await world.Meetings.ChooseChairAsync(meeting.Id, p.Chair, Ct);
        await p.ReviewAsync(meeting.Id, p.R1, submission.Id, "patient-voice", 4, "plan", 3);
        await p.ReviewAsync(meeting.Id, p.R2, submission.Id, "patient-voice", 5, "plan", 4);

        await world.Meetings.DeclareConflictAsync(meeting.Id, p.R2, submission.Id, ConflictKind.WorkingRelationship, "Works with the project lead.", Ct);

        var stored = (await world.Meetings.FindAsync(meeting.Id, Ct))!;
        stored.Reviews.Should().HaveCount(2, "a declared conflict keeps the earlier review");
        stored.IsExcluded(stored.Reviews.Single(r => r.ReviewerId == p.R2)).Should().BeTrue();
        stored.CheckQuorum().IsQuorate.Should().BeTrue("the meeting as a whole has three patient members present");
        stored.CheckQuorum(submission.Id).IsQuorate.Should().BeFalse("the conflicted member does not count towards this item's quorum");
        var feedback = () => world.Submissions.IssueFeedbackAsync(meeting.Id, submission.Id, "Good start.", ["Invite patients to the next PDSA planning meeting."], Ct);
        await world.Submissions.RecordPresentationAsync(submission.Id, meeting.Id, Ct);
        (await feedback.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.QuorumNotMet);
        await p.AttendAsync(meeting.Id, p.R3, AttendanceStatus.Present);
        var issued = await feedback();
        issued.ReviewerIds.Should().Equal(p.R1);
    }

    [Fact]
    public async Task RecordAttendanceAsync_PatientReviewerWhoseRecordNoLongerHasLivedExperience_DoesNotCountTowardsQuorum()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var people = world.Scope.GetRequiredService<ParticipantService>();
        await people.ChangeRolesAsync(p.R1, [ParticipantRole.Staff], Ct);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);

        await p.AttendAsync(meeting.Id, p.R1, AttendanceStatus.Present);

        var stored = (await world.Meetings.FindAsync(meeting.Id, Ct))!;
        stored.Attendance.Single().Role.Should().BeNull("quorum reads roles from the participant record, which no longer shows lived experience");
        stored.CheckQuorum().PatientMembersPresent.Should().Be(0);
    }

    [Fact]
    public async Task ChooseChair_ANonMember_IsRefused_AndAPatientChairMakesTheMeetingQuorate()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        foreach (var who in new[] { p.R1, p.R2, p.R3, p.Lead })
        {
            await p.AttendAsync(meeting.Id, who, AttendanceStatus.Present);
        }

        var presenter = () => world.Meetings.ChooseChairAsync(meeting.Id, p.Lead, Ct);
        (await presenter.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.NotAMember);

        // The chair sent apologies: R1, a patient reviewer, stands in.
        var quorum = await world.Meetings.ChooseChairAsync(meeting.Id, p.R1, Ct);
        quorum.IsQuorate.Should().BeTrue();
        quorum.PatientMembersPresent.Should().Be(3);
    }

    [Fact]
    public void Options_Invalid_ReportEveryFailureOnStart()
    {
        var services = new ServiceCollection();
        services.AddCoProduction(o =>
        {
            o.OrganisationId = Guid.NewGuid();
            o.PeerReview.LeadReviewersPerSubmission = 0;
            o.PeerReview.MaximumLeadReviewsPerReviewer = 0;
            o.PeerReview.RelevanceWithoutLivedExperience = 1.5;
        }).UseInMemoryStores();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoProductionOptions>>().Value;

        act.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>()
            .Which.Failures.Should().HaveCount(3).And.Contain(f => f.Contains("LeadReviewersPerSubmission", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("MaximumLeadReviewsPerReviewer", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("RelevanceWithoutLivedExperience", StringComparison.Ordinal));
    }
}
