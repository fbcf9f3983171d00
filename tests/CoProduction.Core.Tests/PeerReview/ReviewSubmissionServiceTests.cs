using CoProduction.Involvement.Projects;
using CoProduction.Involvement;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.DependencyInjection;

namespace CoProduction.Core.Tests.PeerReview;

/// <summary><see cref="ReviewSubmissionService"/>: drafting from a project, feedback, action plans, the project team and the subject access export.</summary>
public sealed class ReviewSubmissionServiceTests
{
    private static CancellationToken Ct => ServiceWorld.Ct;

    [Fact]
    public async Task DraftSubmissionAsync_UnknownPanel_IsRefusedAndNothingIsStored()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var projectId = await p.StartProjectAsync("Falls prevention", "Older people");

        var act = () => world.Submissions.DraftAsync(PanelId.New(), projectId, "Our plan.", Ct);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PeerReviewErrorCodes.PanelNotFound);
        (await world.SubmissionStore.ListByPanelAsync(p.PanelId, Ct)).Should().BeEmpty();
        (await world.Scope.GetRequiredService<IImprovementProjectStore>().FindAsync(projectId, Ct))!.PeerReviewSubmissionIds.Should().BeEmpty();
    }

    [Fact]
    public async Task Stores_OnlyShowTheCurrentOrganisationsData()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        world.Scope.GetRequiredService<OrganisationContext>().SetCurrent(OrganisationId.New());

        var act = () => world.Submissions.RecordPresentationAsync(submission.Id, PanelMeetingId.New(), Ct);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PeerReviewErrorCodes.SubmissionNotFound);
    }

    [Fact]
    public async Task IssueFeedback_AtAnInquorateMeeting_IsRefusedAndTheSubmissionIsUnchanged()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        await world.ChangeSubmissionAsync(submission.Id, s => { s.Submit(world.Clock); s.Accept(world.Clock); });
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        await p.AttendAsync(meeting.Id, p.Chair, AttendanceStatus.Present);
        await p.AttendAsync(meeting.Id, p.R1, AttendanceStatus.Present);
        await world.ChangeMeetingAsync(meeting.Id, m => m.ChooseChair(p.Chair, world.Clock));
        await world.Submissions.RecordPresentationAsync(submission.Id, meeting.Id, Ct);
        await p.ReviewAsync(meeting.Id, p.R1, submission.Id, "patient-voice", 4, "plan", 3);

        var act = () => world.Submissions.IssueFeedbackAsync(meeting.Id, submission.Id, "Thank you.", ["Involve patients in the falls audit."], Ct);

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.QuorumNotMet);
        var stored = (await world.SubmissionStore.FindAsync(submission.Id, Ct))!;
        stored.State.Should().Be(SubmissionState.Presented);
        stored.CurrentRound.Feedback.Should().BeNull();

        await p.AttendAsync(meeting.Id, p.R2, AttendanceStatus.Present);
        var feedback = await world.Submissions.IssueFeedbackAsync(meeting.Id, submission.Id, "Thank you.", ["Involve patients in the falls audit."], Ct);
        feedback.Criteria.Should().HaveCount(2);
        (await world.SubmissionStore.FindAsync(submission.Id, Ct))!.State.Should().Be(SubmissionState.FeedbackIssued);
    }

    [Fact]
    public async Task ReceiveResponse_UnknownActionOwner_IsRefused()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        await world.ChangeSubmissionAsync(submission.Id, s => { s.Submit(world.Clock); s.Accept(world.Clock); });
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        foreach (var who in new[] { p.Chair, p.R1, p.R2 })
        {
            await p.AttendAsync(meeting.Id, who, AttendanceStatus.Present);
        }

        await world.ChangeMeetingAsync(meeting.Id, m => m.ChooseChair(p.Chair, world.Clock));
        await world.Submissions.RecordPresentationAsync(submission.Id, meeting.Id, Ct);
        await p.ReviewAsync(meeting.Id, p.R1, submission.Id, "patient-voice", 4, "plan", 3);
        var feedback = await world.Submissions.IssueFeedbackAsync(meeting.Id, submission.Id, "Thank you.", ["Involve patients in the falls audit."], Ct);

        var act = () => world.Submissions.ReceiveResponseAsync(
            submission.Id,
            [new PlannedResponse(feedback.Recommendations[0].Id, ResponseDecision.Accept, null, [new ActionCommitment("Invite patients", ParticipantId.New(), new DateOnly(2026, 4, 30))])],
            Ct);

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(PeopleErrorCodes.ParticipantNotFound);
        (await world.SubmissionStore.FindAsync(submission.Id, Ct))!.State.Should().Be(SubmissionState.FeedbackIssued);
    }

    [Fact]
    public async Task SubjectAccessExport_IncludesThePeerReviewSection()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Maternity triage", "Maternity");
        await world.Panels.RegisterPersonalLinkAsync(p.PanelId, p.R2, p.TeamMember, PersonalLinkKind.Carer, Ct);
        await world.Panels.RecordLivedExperienceAsync(p.PanelId, p.R2, ["Maternity"], Ct);
        await world.ChangeSubmissionAsync(submission.Id, s => { s.Submit(world.Clock); s.Accept(world.Clock); });
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        await p.AttendAsync(meeting.Id, p.R3, AttendanceStatus.Present);
        await p.ReviewAsync(meeting.Id, p.R3, submission.Id, "patient-voice", 4, "plan", 2);
        var export = world.Scope.GetRequiredService<ParticipantService>();

        var reviewer = (await export.ExportAsync(p.R3, Ct)).ToJson();
        var carer = (await export.ExportAsync(p.R2, Ct)).ToJson();
        var teamMember = (await export.ExportAsync(p.TeamMember, Ct)).ToJson();
        var nobody = await export.ExportAsync(await world.RegisterAsync("Community member Z", ParticipantRole.CommunityMember), Ct);

        reviewer.Should().Contain("\"peerReview\"").And.Contain("\"criterionKey\": \"plan\"").And.Contain("\"status\": \"Present\"");
        carer.Should().Contain("\"kind\": \"Carer\"").And.Contain("Maternity").And.Contain("PatientReviewer");
        teamMember.Should().Contain("\"role\": \"Team member\"").And.Contain("Maternity triage");
        nobody.Sections["peerReview"].Should().BeNull("the peer review area holds nothing about them");
    }

    [Fact]
    public async Task ProjectTeamChange_NewMemberOnThePanel_HasAStandingConflictThatCannotBeDismissed_AndLeavingLiftsIt()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var projects = world.Scope.GetRequiredService<ImprovementProjectService>();
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        await world.Submissions.SubmitAsync(submission.Id, Ct);
        await world.Submissions.AcceptAsync(submission.Id, Ct);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        (await world.Meetings.FindAsync(meeting.Id, Ct))!.Conflicts.Should().BeEmpty("nobody on the panel is on the team yet");

        await projects.AddTeamMemberAsync(submission.ProjectId, p.R4, ProjectTeamRole.CommunityMember, isCoreTeam: true, new DateOnly(2026, 1, 5), Ct);

        (await world.Submissions.FindAsync(submission.Id, Ct))!.TeamMemberIds.Should().Contain(p.R4, "the submission's team is read from the project record");
        var conflict = (await world.Meetings.FindAsync(meeting.Id, Ct))!.Conflicts.Should()
            .ContainSingle(c => c.ReviewerId == p.R4 && c.Origin == ConflictOrigin.ProjectTeam && c.Kind == ConflictKind.ProjectTeamMember && c.IsStanding).Subject;
        var dismiss = () => world.Meetings.DismissConflictAsync(meeting.Id, conflict.Id, "They only joined for one meeting.", Ct);
        (await dismiss.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.ProjectTeamConflictNotDismissible);
        var review = () => p.ReviewAsync(meeting.Id, p.R4, submission.Id, "patient-voice", 4, "plan", 3);
        (await review.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.ReviewerConflicted);

        await projects.RemoveTeamMemberAsync(submission.ProjectId, p.R4, new DateOnly(2026, 1, 5), Ct);

        (await world.Meetings.FindAsync(meeting.Id, Ct))!.Conflicts.Should().ContainSingle(c => c.ReviewerId == p.R4).Which.IsStanding.Should().BeFalse();
        await p.ReviewAsync(meeting.Id, p.R4, submission.Id, "patient-voice", 4, "plan", 3);
    }

    [Fact]
    public async Task DraftSubmissionAsync_ProjectWithALiveSubmission_IsRefused_AndTheProjectRecordsItsSubmissions()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var projectId = await p.StartProjectAsync("Falls prevention", "Older people");
        var first = await world.Submissions.DraftAsync(p.PanelId, projectId, "Our plan.", Ct);

        var again = () => world.Submissions.DraftAsync(p.PanelId, projectId, "Our plan again.", Ct);

        (await again.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.ProjectAlreadySubmitted);
        first.Title.Should().Be("Falls prevention");
        first.ProjectLeadId.Should().Be(p.Lead);
        first.TeamMemberIds.Should().Equal(p.TeamMember);
        var project = await world.Scope.GetRequiredService<IImprovementProjectStore>().FindAsync(projectId, Ct);
        project!.PeerReviewSubmissionIds.Should().Equal(first.Id);
        await world.Submissions.WithdrawAsync(first.Id, "Not ready.", Ct);
        var second = await world.Submissions.DraftAsync(p.PanelId, projectId, "Ready now.", Ct);
        (await world.Scope.GetRequiredService<IImprovementProjectStore>().FindAsync(projectId, Ct))!.PeerReviewSubmissionIds.Should().Equal(first.Id, second.Id);
        var unknown = () => world.Submissions.DraftAsync(p.PanelId, ImprovementProjectId.New(), "Ghost.", Ct);
        (await unknown.Should().ThrowAsync<RecordNotFoundException>()).Which.Code.Should().Be(InvolvementErrorCodes.ProjectNotFound);
    }

    [Fact]
    public async Task DraftSubmissionAsync_TwoDraftsForOneProjectAtOnce_OnlyOneCommits()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var projectId = await p.StartProjectAsync("Falls prevention", "Older people");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = world.Scope.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ReviewSubmissionService>().DraftAsync(p.PanelId, projectId, $"Draft {i}.", Ct);
                return "drafted";
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
            catch (DomainRuleViolationException ex) when (ex.Code == PeerReviewErrorCodes.ProjectAlreadySubmitted)
            {
                return "refused";
            }
        }));

        outcomes.Count(o => o == "drafted").Should().Be(1);
        (await world.SubmissionStore.ListByPanelAsync(p.PanelId, Ct)).Should().ContainSingle();
    }

    [Fact]
    public async Task IssueFeedbackAsync_NewFormVersionAfterReviews_CompilesOnTheFormTheReviewsUsed()
    {
        await using var world = new ServiceWorld();
        var p = await ServicePanel.CreateAsync(world);
        var submission = await p.DraftAsync("Falls prevention", "Older people");
        await world.Submissions.SubmitAsync(submission.Id, Ct);
        await world.Submissions.AcceptAsync(submission.Id, Ct);
        var meeting = await world.Meetings.ArrangeAsync(p.PanelId, new DateOnly(2026, 3, 10), Ct);
        await world.Meetings.ScheduleAsync(submission.Id, meeting.Id, new TimeOnly(10, 0), 45, Ct);
        foreach (var who in new[] { p.Chair, p.R1, p.R2, p.R3, p.Facilitator })
        {
            await p.AttendAsync(meeting.Id, who, AttendanceStatus.Present);
        }

        await world.Meetings.ChooseChairAsync(meeting.Id, p.Chair, Ct);
        await p.ReviewAsync(meeting.Id, p.R1, submission.Id, "patient-voice", 4, "plan", 3);
        await world.Panels.DefineReviewFormAsync(p.PanelId, "First review, revised", 1, [new ReviewCriterion("co-design", "How far do patients co-design?")], [], Ct);
        await p.ReviewAsync(meeting.Id, p.R2, submission.Id, "patient-voice", 5, "plan", 4);
        await world.Submissions.RecordPresentationAsync(submission.Id, meeting.Id, Ct);

        var feedback = await world.Submissions.IssueFeedbackAsync(meeting.Id, submission.Id, "Good start.", ["Invite patients to the next PDSA planning meeting."], Ct);

        feedback.ReviewerIds.Should().BeEquivalentTo([p.R1, p.R2], "reviews in hand are never orphaned by a new form version");
        feedback.Criteria.Select(c => c.CriterionKey).Should().Equal("patient-voice", "plan");
    }
}
