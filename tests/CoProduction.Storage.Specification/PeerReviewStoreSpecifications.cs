using CoProduction.Involvement.Projects;
using CoProduction.PeerReview;
using CoProduction.People;
using CoProduction.Primitives;

namespace CoProduction.Storage.Specification;

/// <summary>What every <see cref="IPanelStore"/> must do: round trips of a panel with members, forms, lived experience and links; updates; stale updates; isolation; its query.</summary>
public abstract class PanelStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Panel?> Find(OrganisationId organisationId, PanelId id) =>
        WithStore<IPanelStore, Panel?>(organisationId, async s => await s.FindAsync(id, Ct));

    [Fact]
    public async Task AddAsync_PanelWithEveryPart_IsFoundEqualWithListsInOrder()
    {
        var panel = new PeerReviewScenario(OrganisationA, Clock).Panel;

        await WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(panel, Ct));
        var found = await Find(OrganisationA, panel.Id);

        found!.Version.Should().Be(1);
        PeerReviewEquivalence.ShouldHoldSameState(found, panel);
        found.Members.Should().HaveCount(6);
        found.ReviewForms.Select(f => f.Criteria.Count).Should().Equal(3, 2);
        found.ReviewForms[0].Questions.Select(q => q.IsRequired).Should().Equal(true, false);
        found.ReviewForms[0].FindCriterion("aim")!.ScaleMaximum.Should().Be(10);
        found.QuorumRule.Should().Be(new QuorumRule(3, requirePatientChair: true, requireStaffFacilitator: true));
    }

    [Fact]
    public async Task FindByNameAsync_ThisOrganisationsPanel_IsFound_AndAnotherOrganisationsSameName_IsNotSeen()
    {
        var ours = new PeerReviewScenario(OrganisationA, Clock, "Surgery panel").Panel;
        var theirs = new PeerReviewScenario(OrganisationB, Clock, "Surgery panel").Panel;
        await WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(ours, Ct));
        await WithStore<IPanelStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var found = await WithStore<IPanelStore, Panel?>(OrganisationA, s => s.FindByNameAsync("Surgery panel", Ct));
        var missing = await WithStore<IPanelStore, Panel?>(OrganisationA, s => s.FindByNameAsync("Maternity panel", Ct));

        found!.Id.Should().Be(ours.Id);
        missing.Should().BeNull();
    }

    [Fact]
    public async Task AddAsync_SecondPanelOfTheSameName_IsRefusedWithTheRuleCodeAndNothingStored()
    {
        var first = new PeerReviewScenario(OrganisationA, Clock, "Surgery panel").Panel;
        var second = new PeerReviewScenario(OrganisationA, Clock, "Surgery panel").Panel;
        await WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(first, Ct));

        var act = () => WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(second, Ct));

        (await act.Should().ThrowAsync<DomainRuleViolationException>()).Which.Code.Should().Be(PeerReviewErrorCodes.PanelNameTaken);
        (await WithStore<IPanelStore, IReadOnlyList<Panel>>(OrganisationA, s => s.ListAsync(Ct))).Select(p => p.Id).Should().Equal(first.Id);
    }

    [Fact]
    public async Task UpdateAsync_TermEndedFormAddedAndExperienceReplaced_IsFoundEqualAtVersion2()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var panel = scenario.Panel;
        await WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(panel, Ct));

        Clock.Advance(TimeSpan.FromDays(10));
        panel.ChangeTermsOfReference("Revised terms: meetings are held monthly.", Clock);
        panel.ChangeQuorumRule(new QuorumRule(2, requirePatientChair: false), Clock);
        panel.EndTerm(panel.Members.Single(m => m.ParticipantId == scenario.R1).Id, new DateOnly(2026, 12, 31), Clock);
        panel.RecordLivedExperience(scenario.R1, ["Stroke"], Clock);
        panel.DefineReviewForm("Third visit", 3, [new ReviewCriterion("sustained", "Has the change lasted?", 1, 3)], [new ReviewQuestion("next", "What next?")], Clock);
        await WithStore<IPanelStore>(OrganisationA, s => s.UpdateAsync(panel, Ct));
        var found = await Find(OrganisationA, panel.Id);

        found!.Version.Should().Be(2);
        PeerReviewEquivalence.ShouldHoldSameState(found, panel);
        found.LivedExperience.Where(e => e.MemberId == scenario.R1).Select(e => e.ServiceArea).Should().Equal("Stroke");
        found.ReviewForms.Should().HaveCount(3);
        found.FormForRound(3)!.Name.Should().Be("Third visit");
    }

    [Fact]
    public async Task UpdateAsync_StalePanel_ThrowsConcurrencyConflictAndKeepsTheFirstChange()
    {
        var panel = new PeerReviewScenario(OrganisationA, Clock).Panel;
        await WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(panel, Ct));
        var first = (await Find(OrganisationA, panel.Id))!;
        var second = (await Find(OrganisationA, panel.Id))!;
        first.ChangeTermsOfReference("First editor's terms.", Clock);
        second.ChangeTermsOfReference("Second editor's terms.", Clock);
        second.AppointMember(ParticipantId.New(), PanelRole.PatientReviewer, new DateOnly(2026, 2, 1), new DateOnly(2026, 12, 31), Clock);
        await WithStore<IPanelStore>(OrganisationA, s => s.UpdateAsync(first, Ct));

        var stale = () => WithStore<IPanelStore>(OrganisationA, s => s.UpdateAsync(second, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await Find(OrganisationA, panel.Id))!;
        found.TermsOfReference.Should().Be("First editor's terms.");
        found.Members.Should().HaveCount(6);
        PeerReviewEquivalence.ShouldHoldSameState(found, first);
    }

    [Fact]
    public async Task FindAndListAsync_AnotherOrganisationsPanel_AreNotSeen()
    {
        var panel = new PeerReviewScenario(OrganisationA, Clock).Panel;
        await WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(panel, Ct));

        var found = await Find(OrganisationB, panel.Id);
        var listed = await WithStore<IPanelStore, IReadOnlyList<Panel>>(OrganisationB, s => s.ListAsync(Ct));

        found.Should().BeNull();
        listed.Should().BeEmpty();
    }

    [Fact]
    public async Task ListAsync_SeveralPanels_ReturnsTheOrganisationsByNameInOrdinalOrder()
    {
        // Ordinal order puts capitals before lower case: "Maternity panel" < "Surgery panel" < "community panel".
        var community = new PeerReviewScenario(OrganisationA, Clock, "community panel").Panel;
        var surgery = new PeerReviewScenario(OrganisationA, Clock, "Surgery panel").Panel;
        var maternity = new PeerReviewScenario(OrganisationA, Clock, "Maternity panel").Panel;
        var theirs = new PeerReviewScenario(OrganisationB, Clock, "A panel of another trust").Panel;
        foreach (var panel in new[] { community, surgery, maternity })
        {
            await WithStore<IPanelStore>(OrganisationA, s => s.AddAsync(panel, Ct));
        }

        await WithStore<IPanelStore>(OrganisationB, s => s.AddAsync(theirs, Ct));

        var listed = await WithStore<IPanelStore, IReadOnlyList<Panel>>(OrganisationA, s => s.ListAsync(Ct));

        listed.Select(p => p.Id).Should().Equal(maternity.Id, surgery.Id, community.Id);
        PeerReviewEquivalence.ShouldHoldSameState(listed[0], maternity);
    }
}

/// <summary>What every <see cref="IReviewSubmissionStore"/> must do: round trips of a two-round submission (feedback, action plan, follow-up, history); updates; stale updates; isolation; its queries.</summary>
public abstract class ReviewSubmissionStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<ReviewSubmission?> Find(OrganisationId organisationId, ReviewSubmissionId id) =>
        WithStore<IReviewSubmissionStore, ReviewSubmission?>(organisationId, async s => await s.FindAsync(id, Ct));

    private Task Add(OrganisationId organisationId, ReviewSubmission submission) =>
        WithStore<IReviewSubmissionStore>(organisationId, s => s.AddAsync(submission, Ct));

    private Task<IReadOnlyList<ReviewSubmission>> List(OrganisationId organisationId, Func<IReviewSubmissionStore, Task<IReadOnlyList<ReviewSubmission>>> query) =>
        WithStore(organisationId, query);

    [Fact]
    public async Task AddAsync_TwoRoundSubmissionWithEveryPart_IsFoundEqualWithListsInOrder()
    {
        var owner = ParticipantId.New();
        var (submission, _) = new PeerReviewScenario(OrganisationA, Clock).NewFullSubmission(owner);

        await Add(OrganisationA, submission);
        var found = await Find(OrganisationA, submission.Id);

        found!.Version.Should().Be(1);
        PeerReviewEquivalence.ShouldHoldSameState(found, submission);
        found.State.Should().Be(SubmissionState.ReturnedForChanges);
        found.TeamMemberIds.Should().ContainSingle();
        var first = found.Rounds[0];
        first.Feedback!.ReviewerIds.Should().HaveCount(3);
        first.Feedback.Recommendations.Should().HaveCount(3);

        // patient-voice ratings 4, 3 and 5: mean 4, median 4, sample standard deviation sqrt(((0)^2 + 1^2 + 1^2) / 2) = 1.
        first.Feedback.Criteria[0].Should().Be(new CriterionSummary("patient-voice", 3, 4.0, 4.0, 3, 5, 1.0));
        first.Responses.Select(r => r.Decision).Should().Equal(ResponseDecision.Accept, ResponseDecision.Adapt, ResponseDecision.Decline);
        first.Actions.Should().HaveCount(3);
        first.FollowUps.Select(f => f.Status).Should().Equal(FollowUpStatus.InProgress, FollowUpStatus.Implemented, FollowUpStatus.NotDone, FollowUpStatus.Implemented);
        first.LeadExperience!.Rating.Should().Be(4);
        found.Rounds[1].Feedback.Should().BeNull();
        found.Rounds[1].LeadExperience.Should().BeNull();
        found.History.Should().HaveCount(submission.History.Count);
    }

    [Fact]
    public async Task UpdateAsync_RoundCarriedFromDraftToFeedbackAndResponse_IsFoundEqualAtVersion3()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var submission = scenario.NewDraft();
        await Add(OrganisationA, submission);

        // Version 2: feedback issued; version 3: the response with its actions and a follow-up report.
        var meeting = scenario.NewQuorateMeeting(new DateOnly(2026, 3, 10));
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, Clock);
        meeting.SubmitReview(scenario.R1, submission.Id, 1, scenario.FirstRoundForm, new Dictionary<string, int> { ["patient-voice"] = 2, ["aim"] = 5, ["plan"] = 1 }, new Dictionary<string, string> { ["strengths"] = "Brave topic." }, null, Clock);
        submission.Submit(Clock);
        submission.Accept(Clock);
        submission.Schedule(meeting.Id, Clock);
        submission.Present(meeting.Id, Clock);
        submission.IssueFeedback(meeting.CompileFeedback(submission.Id, 1, scenario.FirstRoundForm, "Thank you.", ["Ask patients first."], Clock), Clock);
        await WithStore<IReviewSubmissionStore>(OrganisationA, s => s.UpdateAsync(submission, Ct));
        var afterFeedback = (await Find(OrganisationA, submission.Id))!;
        var recommendation = submission.CurrentRound.Feedback!.Recommendations[0];
        submission.ReceiveResponse([new PlannedResponse(recommendation.Id, ResponseDecision.Accept, null, [new ActionCommitment("Hold a listening event", scenario.Lead, new DateOnly(2026, 4, 1))])], Clock);
        submission.RecordFollowUp(submission.CurrentRound.Actions[0].Id, FollowUpStatus.InProgress, "Venue booked.", Clock);
        await WithStore<IReviewSubmissionStore>(OrganisationA, s => s.UpdateAsync(submission, Ct));
        var found = await Find(OrganisationA, submission.Id);

        afterFeedback.Version.Should().Be(2);
        afterFeedback.State.Should().Be(SubmissionState.FeedbackIssued);
        afterFeedback.CurrentRound.Feedback!.ReviewerIds.Should().Equal(scenario.R1);

        // One rating per criterion: no spread, so no standard deviation.
        afterFeedback.CurrentRound.Feedback.Criteria.Should().HaveCount(3).And.OnlyContain(c => c.RatingCount == 1 && c.StandardDeviation == null);
        found!.Version.Should().Be(3);
        PeerReviewEquivalence.ShouldHoldSameState(found, submission);
    }

    [Fact]
    public async Task UpdateAsync_StaleSubmission_ThrowsConcurrencyConflictAndKeepsTheFirstDecision()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var submission = scenario.NewDraft();
        submission.Submit(Clock);
        await Add(OrganisationA, submission);
        var accepting = (await Find(OrganisationA, submission.Id))!;
        var declining = (await Find(OrganisationA, submission.Id))!;
        accepting.Accept(Clock);
        declining.Decline("Out of scope.", Clock);
        await WithStore<IReviewSubmissionStore>(OrganisationA, s => s.UpdateAsync(accepting, Ct));

        var stale = () => WithStore<IReviewSubmissionStore>(OrganisationA, s => s.UpdateAsync(declining, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await Find(OrganisationA, submission.Id))!;
        found.State.Should().Be(SubmissionState.Accepted);
        found.CurrentRound.TriageReason.Should().BeNull();
        PeerReviewEquivalence.ShouldHoldSameState(found, accepting);
    }

    [Fact]
    public async Task FindAndQueries_AnotherOrganisationsSubmission_AreNotSeen()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var owner = ParticipantId.New();
        var (submission, _) = scenario.AtResponseReceived(scenario.NewDraft(), new DateOnly(2026, 3, 20), owner);
        await Add(OrganisationA, submission);

        var found = await Find(OrganisationB, submission.Id);
        var byPanel = await List(OrganisationB, s => s.ListByPanelAsync(scenario.Panel.Id, Ct));
        var byState = await List(OrganisationB, s => s.ListByStateAsync(SubmissionState.ResponseReceived, Ct));
        var forLead = await List(OrganisationB, s => s.ListForParticipantAsync(scenario.Lead, Ct));
        var forOwner = await List(OrganisationB, s => s.ListForParticipantAsync(owner, Ct));
        var overdue = await List(OrganisationB, s => s.ListWithOpenActionsDueBeforeAsync(new DateOnly(2026, 12, 31), Ct));

        found.Should().BeNull();
        byPanel.Should().BeEmpty();
        byState.Should().BeEmpty();
        forLead.Should().BeEmpty();
        forOwner.Should().BeEmpty();
        overdue.Should().BeEmpty();
    }

    [Fact]
    public async Task ListByPanelAndByState_SeveralPanelsAndStates_ReturnMatchingSubmissionsOldestFirst()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var otherPanel = scenario.NewPanel("Surgery panel");
        var older = scenario.NewDraft("Older draft");
        Clock.Advance(TimeSpan.FromDays(1));
        var submitted = scenario.NewDraft("Submitted one");
        submitted.Submit(Clock);
        Clock.Advance(TimeSpan.FromDays(1));
        var newer = scenario.NewDraft("Newer draft");
        Clock.Advance(TimeSpan.FromDays(1));
        var elsewhere = ReviewSubmission.Draft(OrganisationA, otherPanel.Id, ImprovementProjectId.New(), "Fewer cancelled operations", "Surgery", scenario.Lead, [], "Our plan.", Clock);
        var theirs = ReviewSubmission.Draft(OrganisationB, scenario.Panel.Id, ImprovementProjectId.New(), "Another trust's draft", "Maternity", scenario.Lead, [], "Their plan.", Clock);
        foreach (var submission in new[] { newer, elsewhere, submitted, older })
        {
            await Add(OrganisationA, submission);
        }

        await Add(OrganisationB, theirs);

        var byPanel = await List(OrganisationA, s => s.ListByPanelAsync(scenario.Panel.Id, Ct));
        var drafts = await List(OrganisationA, s => s.ListByStateAsync(SubmissionState.Draft, Ct));
        var submittedOnes = await List(OrganisationA, s => s.ListByStateAsync(SubmissionState.Submitted, Ct));
        var closed = await List(OrganisationA, s => s.ListByStateAsync(SubmissionState.Closed, Ct));

        byPanel.Select(s => s.Id).Should().Equal(older.Id, submitted.Id, newer.Id);
        drafts.Select(s => s.Id).Should().Equal(older.Id, newer.Id, elsewhere.Id);
        submittedOnes.Select(s => s.Id).Should().Equal(submitted.Id);
        closed.Should().BeEmpty();
    }

    [Fact]
    public async Task ListForParticipantAsync_LeadTeamMemberAndActionOwner_ReturnsTheirSubmissionsOldestFirst()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var person = ParticipantId.New();
        var led = scenario.NewDraft("Led by the person", lead: person);
        Clock.Advance(TimeSpan.FromDays(1));
        var onTeam = ReviewSubmission.Draft(OrganisationA, scenario.Panel.Id, ImprovementProjectId.New(), "With the person on the team", "Maternity", scenario.Lead, [scenario.TeamMember, person], "Our plan.", Clock);
        Clock.Advance(TimeSpan.FromDays(1));
        var (owning, _) = scenario.AtResponseReceived(scenario.NewDraft("Action owned by the person"), new DateOnly(2026, 6, 1), person);
        var unrelated = scenario.NewDraft("Nothing to do with the person");
        foreach (var submission in new[] { unrelated, owning, onTeam, led })
        {
            await Add(OrganisationA, submission);
        }

        var forPerson = await List(OrganisationA, s => s.ListForParticipantAsync(person, Ct));
        var forStranger = await List(OrganisationA, s => s.ListForParticipantAsync(ParticipantId.New(), Ct));

        forPerson.Select(s => s.Id).Should().Equal(led.Id, onTeam.Id, owning.Id);
        forStranger.Should().BeEmpty();
    }

    [Fact]
    public async Task ListWithOpenActionsDueBeforeAsync_ActionsInSeveralStates_ReturnsOpenSubmissionsWithUnimplementedActionsDueStrictlyBefore()
    {
        // The date asked about is 2 April 2026; the clock reads 1 March 2026, so every due date below is allowed.
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var owner = ParticipantId.New();
        var open = scenario.AtResponseReceived(scenario.NewDraft("Due 1 April, no report"), new DateOnly(2026, 4, 1), owner).Submission;
        var inProgress = scenario.AtResponseReceived(scenario.NewDraft("Due 1 March, in progress"), new DateOnly(2026, 3, 1), owner).Submission;
        inProgress.RecordFollowUp(inProgress.CurrentRound.Actions[0].Id, FollowUpStatus.InProgress, "Started.", Clock);
        var implemented = scenario.AtResponseReceived(scenario.NewDraft("Due 1 April, implemented"), new DateOnly(2026, 4, 1), owner).Submission;
        implemented.RecordFollowUp(implemented.CurrentRound.Actions[0].Id, FollowUpStatus.Implemented, "Done.", Clock);
        var reopened = scenario.AtResponseReceived(scenario.NewDraft("Implemented, then not done"), new DateOnly(2026, 4, 1), owner).Submission;
        reopened.RecordFollowUp(reopened.CurrentRound.Actions[0].Id, FollowUpStatus.Implemented, "Done.", Clock);
        reopened.RecordFollowUp(reopened.CurrentRound.Actions[0].Id, FollowUpStatus.NotDone, "The change was reversed.", Clock);
        var dueOnTheDay = scenario.AtResponseReceived(scenario.NewDraft("Due 2 April"), new DateOnly(2026, 4, 2), owner).Submission;
        var closed = scenario.AtResponseReceived(scenario.NewDraft("Closed with the action not done"), new DateOnly(2026, 3, 1), owner).Submission;
        closed.MarkFollowUpDue(Clock);
        closed.RecordFollowUp(closed.CurrentRound.Actions[0].Id, FollowUpStatus.NotDone, "Not done.", Clock);
        closed.Close(Clock);
        foreach (var submission in new[] { closed, dueOnTheDay, reopened, implemented, inProgress, open })
        {
            await Add(OrganisationA, submission);
        }

        var listed = await List(OrganisationA, s => s.ListWithOpenActionsDueBeforeAsync(new DateOnly(2026, 4, 2), Ct));

        // All were drafted at the same instant, so the order is by id: compare as a set.
        listed.Select(s => s.Id).Should().BeEquivalentTo([open.Id, inProgress.Id, reopened.Id]);
        listed.Select(s => s.Id).Should().BeInAscendingOrder(id => id.Value);
    }
}

/// <summary>What every <see cref="IPanelMeetingStore"/> must do: round trips of a meeting with agenda, attendance, conflicts, reviews and lead reviewers; updates; stale updates; isolation; its queries.</summary>
public abstract class PanelMeetingStoreSpecification : StoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<PanelMeeting?> Find(OrganisationId organisationId, PanelMeetingId id) =>
        WithStore<IPanelMeetingStore, PanelMeeting?>(organisationId, async s => await s.FindAsync(id, Ct));

    private Task Add(OrganisationId organisationId, PanelMeeting meeting) =>
        WithStore<IPanelMeetingStore>(organisationId, s => s.AddAsync(meeting, Ct));

    [Fact]
    public async Task AddAsync_MeetingWithEveryPart_IsFoundEqualWithListsInOrder()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var meeting = scenario.NewFullMeeting(ReviewSubmissionId.New(), ReviewSubmissionId.New(), new DateOnly(2026, 3, 10));

        await Add(OrganisationA, meeting);
        var found = await Find(OrganisationA, meeting.Id);

        found!.Version.Should().Be(1);
        PeerReviewEquivalence.ShouldHoldSameState(found, meeting);
        found.Agenda.Select(s => s.StartsAt).Should().Equal(new TimeOnly(9, 30), new TimeOnly(10, 0), new TimeOnly(10, 40));
        found.Agenda[0].SubmissionId.Should().BeNull();
        found.Attendance.Should().HaveCount(7);
        found.Conflicts.Select(c => (c.Origin, c.IsStanding)).Should().Equal((ConflictOrigin.Suggested, false), (ConflictOrigin.Declared, true));
        found.Reviews.Select(r => r.Answers.Count).Should().Equal(2, 1, 1);
        found.LeadReviewers.Should().HaveCount(3);
        found.RecordingStartedAt.Should().NotBeNull();
        found.CheckQuorum().IsQuorate.Should().BeTrue();
    }

    [Fact]
    public async Task UpdateAsync_ConflictSuggestedAndDismissedItemRemovedReviewReplaced_IsFoundEqualAtVersion2()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var first = ReviewSubmissionId.New();
        var second = ReviewSubmissionId.New();
        var meeting = scenario.NewFullMeeting(first, second, new DateOnly(2026, 3, 10));
        await Add(OrganisationA, meeting);

        Clock.Advance(TimeSpan.FromHours(1));
        var suggested = meeting.SuggestConflict(scenario.R1, second, ConflictKind.SameServiceArea, "R1 has lived experience of the service.", Clock)!;
        meeting.DismissConflict(suggested.Id, "The experience was of another hospital.", Clock);
        meeting.RemoveFromAgenda(second, Clock);
        meeting.SubmitReview(scenario.R1, first, 1, scenario.FirstRoundForm, new Dictionary<string, int> { ["patient-voice"] = 5, ["aim"] = 10, ["plan"] = 5 }, new Dictionary<string, string> { ["strengths"] = "Much better." }, null, Clock);
        meeting.RecordAttendance(scenario.R3, PanelRole.PatientReviewer, AttendanceStatus.Absent, false, Clock);
        await WithStore<IPanelMeetingStore>(OrganisationA, s => s.UpdateAsync(meeting, Ct));
        var found = await Find(OrganisationA, meeting.Id);

        found!.Version.Should().Be(2);
        PeerReviewEquivalence.ShouldHoldSameState(found, meeting);
        found.Agenda.Should().HaveCount(2);
        found.Conflicts.Select(c => c.IsStanding).Should().Equal(false, true, false);
        found.LeadReviewers.Should().OnlyContain(l => l.SubmissionId == first);
        found.Reviews.Select(r => r.ReviewerId).Should().Equal(scenario.R2, scenario.R3, scenario.R1);
        found.Reviews[2].Comments.Should().BeNull();
    }

    [Fact]
    public async Task UpdateAsync_StaleMeeting_ThrowsConcurrencyConflictAndKeepsTheFirstChange()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var meeting = scenario.NewQuorateMeeting(new DateOnly(2026, 3, 10));
        await Add(OrganisationA, meeting);
        var recording = (await Find(OrganisationA, meeting.Id))!;
        var addingItem = (await Find(OrganisationA, meeting.Id))!;
        recording.StartRecording(Clock);
        addingItem.AddAgendaSlot("Any other business", new TimeOnly(12, 0), 15, null, Clock);
        await WithStore<IPanelMeetingStore>(OrganisationA, s => s.UpdateAsync(recording, Ct));

        var stale = () => WithStore<IPanelMeetingStore>(OrganisationA, s => s.UpdateAsync(addingItem, Ct));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = (await Find(OrganisationA, meeting.Id))!;
        found.Agenda.Should().BeEmpty();
        PeerReviewEquivalence.ShouldHoldSameState(found, recording);
    }

    [Fact]
    public async Task FindAndQueries_AnotherOrganisationsMeeting_AreNotSeen()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var meeting = scenario.NewFullMeeting(ReviewSubmissionId.New(), ReviewSubmissionId.New(), new DateOnly(2026, 3, 10));
        await Add(OrganisationA, meeting);

        var found = await Find(OrganisationB, meeting.Id);
        var byPanel = await WithStore<IPanelMeetingStore, IReadOnlyList<PanelMeeting>>(OrganisationB, s => s.ListByPanelAsync(scenario.Panel.Id, Ct));
        var forChair = await WithStore<IPanelMeetingStore, IReadOnlyList<PanelMeeting>>(OrganisationB, s => s.ListForParticipantAsync(scenario.Chair, Ct));

        found.Should().BeNull();
        byPanel.Should().BeEmpty();
        forChair.Should().BeEmpty();
    }

    [Fact]
    public async Task ListByPanelAsync_SeveralPanelsAndOrganisations_ReturnsThePanelsMeetingsByDate()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var otherPanel = scenario.NewPanel("Surgery panel");
        var june = PanelMeeting.Arrange(OrganisationA, scenario.Panel.Id, new DateOnly(2026, 6, 9), scenario.Panel.QuorumRule, Clock);
        var march = PanelMeeting.Arrange(OrganisationA, scenario.Panel.Id, new DateOnly(2026, 3, 10), scenario.Panel.QuorumRule, Clock);
        var september = PanelMeeting.Arrange(OrganisationA, scenario.Panel.Id, new DateOnly(2026, 9, 8), scenario.Panel.QuorumRule, Clock);
        var otherPanels = PanelMeeting.Arrange(OrganisationA, otherPanel.Id, new DateOnly(2026, 4, 14), otherPanel.QuorumRule, Clock);
        var theirs = PanelMeeting.Arrange(OrganisationB, scenario.Panel.Id, new DateOnly(2026, 5, 12), QuorumRule.Default, Clock);
        foreach (var meeting in new[] { june, otherPanels, september, march })
        {
            await Add(OrganisationA, meeting);
        }

        await Add(OrganisationB, theirs);

        var listed = await WithStore<IPanelMeetingStore, IReadOnlyList<PanelMeeting>>(OrganisationA, s => s.ListByPanelAsync(scenario.Panel.Id, Ct));

        listed.Select(m => m.Id).Should().Equal(march.Id, june.Id, september.Id);
    }

    [Fact]
    public async Task ListForParticipantAsync_ChairAttendanceConflictReviewAndLeadRole_ReturnsThoseMeetingsByDate()
    {
        var scenario = new PeerReviewScenario(OrganisationA, Clock);
        var person = scenario.R1;
        var submission = ReviewSubmissionId.New();

        PanelMeeting Meeting(int month)
        {
            var meeting = PanelMeeting.Arrange(OrganisationA, scenario.Panel.Id, new DateOnly(2026, month, 10), scenario.Panel.QuorumRule, Clock);
            meeting.AddAgendaSlot("Shorter waits in triage", new TimeOnly(10, 0), 40, submission, Clock);
            return meeting;
        }

        var chaired = Meeting(7);
        chaired.RecordAttendance(person, PanelRole.PatientReviewer, AttendanceStatus.Present, true, Clock);
        chaired.ChooseChair(person, Clock);
        var apologies = Meeting(2);
        apologies.RecordAttendance(person, PanelRole.PatientReviewer, AttendanceStatus.Apologies, false, Clock);
        var conflicted = Meeting(5);
        conflicted.DeclareConflict(person, submission, ConflictKind.Other, "Knows the lead socially.", Clock);
        var reviewed = Meeting(3);
        reviewed.SubmitReview(person, submission, 1, scenario.FirstRoundForm, new Dictionary<string, int> { ["patient-voice"] = 4, ["aim"] = 7, ["plan"] = 3 }, new Dictionary<string, string> { ["strengths"] = "A clear aim." }, null, Clock);
        var leading = Meeting(4);
        leading.AssignLeadReviewers([new LeadReviewerAssignment(submission, person)], Clock);
        var unrelated = Meeting(6);
        unrelated.RecordAttendance(scenario.R2, PanelRole.PatientReviewer, AttendanceStatus.Present, true, Clock);
        foreach (var meeting in new[] { chaired, apologies, conflicted, reviewed, leading, unrelated })
        {
            await Add(OrganisationA, meeting);
        }

        var listed = await WithStore<IPanelMeetingStore, IReadOnlyList<PanelMeeting>>(OrganisationA, s => s.ListForParticipantAsync(person, Ct));
        var forStranger = await WithStore<IPanelMeetingStore, IReadOnlyList<PanelMeeting>>(OrganisationA, s => s.ListForParticipantAsync(ParticipantId.New(), Ct));

        listed.Select(m => m.Id).Should().Equal(apologies.Id, reviewed.Id, leading.Id, conflicted.Id, chaired.Id);
        forStranger.Should().BeEmpty();
    }
}

/// <summary>Compares peer review aggregates read back with those saved.</summary>
internal static class PeerReviewEquivalence
{
    /// <summary>Asserts that two aggregates hold the same public state (pending events apart), lists in the same order.</summary>
    internal static void ShouldHoldSameState<T>(T actual, T expected)
        where T : class, IAggregateRoot
    {
        actual.Should().BeEquivalentTo(expected, options => options
            .Excluding(a => a.PendingEvents)
            .WithStrictOrdering());
    }
}
