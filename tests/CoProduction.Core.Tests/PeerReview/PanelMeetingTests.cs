using CoProduction.Core.Tests.TestSupport;
using CoProduction.PeerReview;
using CoProduction.Primitives;

namespace CoProduction.Core.Tests.PeerReview;

public sealed class PanelMeetingTests
{
    private readonly PeerReviewWorld _world = new();

    private PanelMeeting Bare() => PanelMeeting.Arrange(_world.Organisation, _world.Panel.Id, new DateOnly(2026, 3, 10), _world.Panel.QuorumRule, _world.Clock);

    [Fact]
    public void CheckQuorum_ThreePatientsAndAPatientChair_IsQuorate()
    {
        var meeting = _world.NewQuorateMeeting();

        var quorum = meeting.CheckQuorum();

        quorum.IsQuorate.Should().BeTrue();
        quorum.PatientMembersPresent.Should().Be(4, "the chair and three reviewers are present; the facilitator does not count");
        quorum.Shortfalls.Should().BeEmpty();
    }

    [Fact]
    public void CheckQuorum_TooFewPatients_StaffDoNotCount_AndApologiesDoNotCount()
    {
        var meeting = Bare();
        meeting.RecordAttendance(_world.Chair, PanelRole.PatientChair, AttendanceStatus.Present, true, _world.Clock);
        meeting.RecordAttendance(_world.R1, PanelRole.PatientReviewer, AttendanceStatus.Present, true, _world.Clock);
        meeting.RecordAttendance(_world.R2, PanelRole.PatientReviewer, AttendanceStatus.Apologies, true, _world.Clock);
        meeting.RecordAttendance(_world.Facilitator, PanelRole.StaffFacilitator, AttendanceStatus.Present, true, _world.Clock);
        meeting.ChooseChair(_world.Chair, _world.Clock);

        var quorum = meeting.CheckQuorum();

        quorum.IsQuorate.Should().BeFalse();
        quorum.PatientMembersPresent.Should().Be(2);
        quorum.Shortfalls.Should().ContainSingle().Which.Should().Be("2 patient member(s) present, 3 needed");
    }

    [Fact]
    public void CheckQuorum_StaffInTheChair_IsInquorateWhenAPatientChairIsRequired_ButNotOtherwise()
    {
        var strict = _world.NewQuorateMeeting();
        strict.ChooseChair(_world.Facilitator, _world.Clock);
        strict.CheckQuorum().IsQuorate.Should().BeFalse();
        strict.CheckQuorum().Shortfalls.Should().ContainSingle().Which.Should().Contain("is not a patient member");

        var relaxed = PanelMeeting.Arrange(_world.Organisation, _world.Panel.Id, new DateOnly(2026, 3, 10), new QuorumRule(2, requirePatientChair: false), _world.Clock);
        relaxed.RecordAttendance(_world.R1, PanelRole.PatientReviewer, AttendanceStatus.Present, true, _world.Clock);
        relaxed.RecordAttendance(_world.R2, PanelRole.PatientReviewer, AttendanceStatus.Present, true, _world.Clock);
        relaxed.CheckQuorum().IsQuorate.Should().BeTrue("two patients are present and no patient chair is required");
    }

    [Fact]
    public void CheckQuorum_FacilitatorRequiredButAbsent_IsInquorate()
    {
        var meeting = PanelMeeting.Arrange(_world.Organisation, _world.Panel.Id, new DateOnly(2026, 3, 10), new QuorumRule(1, requirePatientChair: false, requireStaffFacilitator: true), _world.Clock);
        meeting.RecordAttendance(_world.R1, PanelRole.PatientReviewer, AttendanceStatus.Present, true, _world.Clock);
        meeting.RecordAttendance(_world.Facilitator, PanelRole.StaffFacilitator, AttendanceStatus.Absent, true, _world.Clock);

        meeting.CheckQuorum().Shortfalls.Should().Equal("no staff facilitator present");
    }

    [Fact]
    public void CompileFeedback_AtAnInquorateMeeting_IsRefused()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        _world.Review(meeting, submission);
        meeting.RecordAttendance(_world.R2, PanelRole.PatientReviewer, AttendanceStatus.Apologies, true, _world.Clock);
        meeting.RecordAttendance(_world.R3, PanelRole.PatientReviewer, AttendanceStatus.Absent, true, _world.Clock);

        var act = () => _world.Compile(meeting, submission);

        act.Should().Throw<DomainRuleViolationException>()
            .Where(e => e.Code == PeerReviewErrorCodes.QuorumNotMet && e.Message.Contains("2 patient member(s) present without a conflict about this item, 3 needed", StringComparison.Ordinal));
    }

    [Fact]
    public void ChooseChair_SomeoneNotPresent_IsRefused()
    {
        var meeting = Bare();
        var act = () => meeting.ChooseChair(_world.Chair, _world.Clock);
        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.ChairNotPresent);
        meeting.ChairId.Should().BeNull();
    }

    [Fact]
    public void AddAgendaSlot_Overlapping_OrTwiceForOneSubmission_IsRefused()
    {
        var meeting = Bare();
        var first = ReviewSubmissionId.New();
        meeting.AddAgendaSlot("Welcome", new TimeOnly(9, 45), 15, null, _world.Clock);
        meeting.AddAgendaSlot("Project A", new TimeOnly(10, 0), 40, first, _world.Clock);

        var overlap = () => meeting.AddAgendaSlot("Project B", new TimeOnly(10, 30), 40, ReviewSubmissionId.New(), _world.Clock);
        var twice = () => meeting.AddAgendaSlot("Project A again", new TimeOnly(11, 0), 40, first, _world.Clock);
        var tooLong = () => meeting.AddAgendaSlot("All day", new TimeOnly(11, 0), 300, null, _world.Clock);

        overlap.Should().Throw<DomainRuleViolationException>().Where(e => e.Code == PeerReviewErrorCodes.AgendaSlotOverlap && e.Message.Contains("10:30-11:10", StringComparison.Ordinal));
        twice.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.AlreadyOnAgenda);
        tooLong.Should().ThrowInvalidInput("durationMinutes");
        meeting.Agenda.Select(s => s.Title).Should().Equal("Welcome", "Project A");
        meeting.Agenda[1].EndsAt.Should().Be(new TimeOnly(10, 40));
    }

    [Fact]
    public void StartRecording_SomeonePresentWithoutConsent_IsRefusedAndNamesThem()
    {
        var meeting = _world.NewQuorateMeeting();
        meeting.RecordAttendance(_world.Lead, null, AttendanceStatus.Present, false, _world.Clock);
        meeting.RecordAttendance(_world.R4, PanelRole.PatientReviewer, AttendanceStatus.Apologies, false, _world.Clock);

        var act = () => meeting.StartRecording(_world.Clock);

        act.Should().Throw<DomainRuleViolationException>()
            .Where(e => e.Code == PeerReviewErrorCodes.RecordingConsentMissing && e.Message.Contains("one person present has not consented", StringComparison.Ordinal) && !e.Message.Contains(_world.Lead.ToString(), StringComparison.Ordinal))
            .Which.Data["participantIds"].Should().BeEquivalentTo(new[] { _world.Lead.ToString() }, "the message says it in words; the ids, for programs, are in the exception's data");
        meeting.RecordingStartedAt.Should().BeNull();

        meeting.RecordAttendance(_world.Lead, null, AttendanceStatus.Present, true, _world.Clock);
        meeting.StartRecording(_world.Clock);
        meeting.RecordingStartedAt.Should().Be(_world.Clock.GetUtcNow());
    }

    [Fact]
    public void DeclareConflict_RefusesTheReviewersReview_AndKeepsOneAlreadyGivenExcluded()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        _world.Review(meeting, submission);
        meeting.Reviews.Should().Contain(r => r.ReviewerId == _world.R1);

        var conflict = meeting.DeclareConflict(_world.R1, submission.Id, ConflictKind.WorkingRelationship, "Volunteers on the same ward.", _world.Clock);
        var review = () => meeting.SubmitReview(_world.R1, submission.Id, 1, _world.FirstRoundForm, PeerReviewWorld.Ratings(_world.FirstRoundForm, 4, 4, 4), PeerReviewWorld.Answers(_world.FirstRoundForm), null, _world.Clock);

        conflict.Origin.Should().Be(ConflictOrigin.Declared);
        meeting.IsConflicted(_world.R1, submission.Id).Should().BeTrue();
        review.Should().Throw<DomainRuleViolationException>()
            .Where(e => e.Code == PeerReviewErrorCodes.ReviewerConflicted && e.Message.Contains("WorkingRelationship", StringComparison.Ordinal));
        var kept = meeting.Reviews.Should().ContainSingle(r => r.ReviewerId == _world.R1, "the earlier review is kept for the record").Subject;
        meeting.IsExcluded(kept).Should().BeTrue();
        meeting.Reviews.Where(r => r.ReviewerId != _world.R1).Should().OnlyContain(r => !meeting.IsExcluded(r));
    }

    [Fact]
    public void DeclareConflict_SameKindTwice_IsRefused_AndOnASubmissionNotOnTheAgenda_IsRefused()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        _world.Review(meeting, submission);
        meeting.DeclareConflict(_world.R3, submission.Id, ConflictKind.Other, "Knows the lead socially.", _world.Clock);

        var twice = () => meeting.DeclareConflict(_world.R3, submission.Id, ConflictKind.Other, "Again.", _world.Clock);
        var elsewhere = () => meeting.DeclareConflict(_world.R3, ReviewSubmissionId.New(), ConflictKind.Other, "Elsewhere.", _world.Clock);

        twice.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.ConflictAlreadyRecorded);
        elsewhere.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.NotOnAgenda);
        meeting.Conflicts.Should().ContainSingle();
    }

    [Fact]
    public void SuggestedConflict_BlocksReviewUntilDismissedWithAReason_AndIsNotSuggestedAgain()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _world.Clock);
        var suggestion = meeting.SuggestConflict(_world.R3, submission.Id, ConflictKind.SameServiceArea, "Lived experience of maternity.", _world.Clock)!;
        var ratings = PeerReviewWorld.Ratings(_world.FirstRoundForm, 5, 4, 4);
        var answers = PeerReviewWorld.Answers(_world.FirstRoundForm);

        var blocked = () => meeting.SubmitReview(_world.R3, submission.Id, 1, _world.FirstRoundForm, ratings, answers, null, _world.Clock);
        blocked.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.ReviewerConflicted);

        var noReason = () => meeting.DismissConflict(suggestion.Id, " ", _world.Clock);
        noReason.Should().ThrowInvalidInput("reason");
        meeting.Conflicts.Single().IsStanding.Should().BeTrue();

        meeting.DismissConflict(suggestion.Id, "Her maternity care was 20 years ago at another trust.", _world.Clock);
        meeting.SubmitReview(_world.R3, submission.Id, 1, _world.FirstRoundForm, ratings, answers, null, _world.Clock);

        meeting.Conflicts.Single().Should().Match<ConflictOfInterest>(c => !c.IsStanding && c.DismissalReason == "Her maternity care was 20 years ago at another trust.");
        meeting.SuggestConflict(_world.R3, submission.Id, ConflictKind.SameServiceArea, "Again.", _world.Clock).Should().BeNull("a dismissed suggestion is not raised again");
        var again = () => meeting.DismissConflict(suggestion.Id, "Again.", _world.Clock);
        again.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.ConflictAlreadyDismissed);
    }

    [Fact]
    public void DismissConflict_Declared_IsRefused()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _world.Clock);
        var declared = meeting.DeclareConflict(_world.R2, submission.Id, ConflictKind.RelativeOrCarer, "My daughter is on the team.", _world.Clock);

        var act = () => meeting.DismissConflict(declared.Id, "Not relevant.", _world.Clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.DeclaredConflictNotDismissible);
        meeting.IsConflicted(_world.R2, submission.Id).Should().BeTrue();
    }

    public static TheoryData<string, string> BadReviews() => new()
    {
        { "missing-criterion", PeerReviewErrorCodes.ReviewIncomplete },
        { "missing-required-answer", PeerReviewErrorCodes.ReviewIncomplete },
        { "off-scale", PeerReviewErrorCodes.RatingOutOfScale },
        { "unknown-key", PeerReviewErrorCodes.UnknownCriterion },
    };

    [Theory]
    [MemberData(nameof(BadReviews))]
    public void SubmitReview_Malformed_IsRefusedAndNothingIsRecorded(string malformation, string code)
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _world.Clock);
        var form = _world.FirstRoundForm;
        var ratings = PeerReviewWorld.Ratings(form, 4, 3, 5);
        var answers = PeerReviewWorld.Answers(form);
        switch (malformation)
        {
            case "missing-criterion": ratings.Remove("plan"); break;
            case "missing-required-answer": answers["strengths"] = " "; break;
            case "off-scale": ratings["aim"] = 6; break;
            case "unknown-key": ratings["colour"] = 3; break;
            default: throw new ArgumentOutOfRangeException(nameof(malformation), malformation, "Unknown case.");
        }

        var act = () => meeting.SubmitReview(_world.R1, submission.Id, 1, form, ratings, answers, null, _world.Clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(code);
        meeting.Reviews.Should().BeEmpty();
    }

    [Fact]
    public void CompileFeedback_ThreeReviewers_SummarisesEachCriterion()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _world.Clock);
        var form = _world.FirstRoundForm;
        var answers = PeerReviewWorld.Answers(form);
        // Ratings (patient-voice, aim, plan): Chair 2,3,4; R1 4,3,4; R2 5,3,1.
        meeting.SubmitReview(_world.Chair, submission.Id, 1, form, PeerReviewWorld.Ratings(form, 2, 3, 4), answers, null, _world.Clock);
        meeting.SubmitReview(_world.R1, submission.Id, 1, form, PeerReviewWorld.Ratings(form, 4, 3, 4), answers, null, _world.Clock);
        meeting.SubmitReview(_world.R2, submission.Id, 1, form, PeerReviewWorld.Ratings(form, 5, 3, 1), answers, null, _world.Clock);

        var feedback = _world.Compile(meeting, submission, "Ask patients which outcome matters to them.");

        feedback.ReviewerIds.Should().Equal(_world.Chair, _world.R1, _world.R2);
        feedback.Criteria.Select(c => c.CriterionKey).Should().Equal("patient-voice", "aim", "plan");
        // patient-voice 2,4,5: mean 11/3 = 3.667; median 4; range 2..5; deviations -5/3, 1/3, 4/3, squares sum 42/9,
        // sample variance (42/9)/2 = 7/3, SD sqrt(7/3) = 1.5275.
        var voice = feedback.Criteria[0];
        voice.Mean.Should().BeApproximately(11.0 / 3, 1e-12);
        voice.Median.Should().Be(4);
        (voice.Minimum, voice.Maximum, voice.Range).Should().Be((2, 5, 3));
        voice.StandardDeviation!.Value.Should().BeApproximately(Math.Sqrt(7.0 / 3), 1e-12);
        // aim 3,3,3: everyone agrees: SD 0.
        feedback.Criteria[1].Should().Be(new CriterionSummary("aim", 3, 3, 3, 3, 3, 0));
        // plan 4,4,1: mean 3, median 4, deviations 1,1,-2, squares 6, variance 3, SD sqrt 3.
        feedback.Criteria[2].Mean.Should().Be(3);
        feedback.Criteria[2].Median.Should().Be(4);
        feedback.Criteria[2].StandardDeviation!.Value.Should().BeApproximately(Math.Sqrt(3), 1e-12);
        feedback.Recommendations.Should().ContainSingle().Which.Text.Should().Be("Ask patients which outcome matters to them.");
        feedback.Recommendations[0].Id.Value.Should().NotBeEmpty();
    }

    [Fact]
    public void CompileFeedback_EvenNumberOfRatings_MedianIsTheMeanOfTheMiddleTwo()
    {
        // 1, 2, 4, 5: middle two are 2 and 4, median 3; mean 12/4 = 3.
        var summary = PanelMeeting.Summarise("k", [5, 1, 4, 2]);
        summary.Median.Should().Be(3);
        summary.Mean.Should().Be(3);
        PanelMeeting.Summarise("k", [4]).StandardDeviation.Should().BeNull("one rating has no spread");
    }

    [Fact]
    public void CompileFeedback_TwoReviewers_ReportsOrdinalKrippendorffAlpha()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _world.Clock);
        var form = _world.FirstRoundForm;
        var answers = PeerReviewWorld.Answers(form);
        meeting.SubmitReview(_world.R1, submission.Id, 1, form, PeerReviewWorld.Ratings(form, 1, 2, 3), answers, null, _world.Clock);
        meeting.SubmitReview(_world.R2, submission.Id, 1, form, PeerReviewWorld.Ratings(form, 1, 3, 3), answers, null, _world.Clock);

        var feedback = _world.Compile(meeting, submission);

        // Units = criteria, observers = reviewers: (1,1), (2,3), (3,3). Pairable values n = 6 with n1 = 2, n2 = 1,
        // n3 = 3. Coincidences off the diagonal: o23 = o32 = 1. Ordinal deltas (Krippendorff 2011):
        // d12 = (n1 + n2 - (n1 + n2)/2)^2 = 1.5^2 = 2.25; d23 = (n2 + n3 - (n2 + n3)/2)^2 = 2^2 = 4;
        // d13 = (n1 + n2 + n3 - (n1 + n3)/2)^2 = 3.5^2 = 12.25.
        // alpha = 1 - (n - 1) * sum(o d) / sum_(c != k)(n_c n_k d) = 1 - 5 * 8 / (2 * (2*1*2.25 + 2*3*12.25 + 1*3*4))
        //       = 1 - 40 / 180 = 7/9.
        feedback.AgreementAlpha!.Value.Should().BeApproximately(7.0 / 9, 1e-12);
    }

    [Fact]
    public void CompileFeedback_OneReviewer_HasNoAlpha_AndConflictedReviewsDoNotCount()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        _world.Review(meeting, submission);
        var suggestion = meeting.SuggestConflict(_world.R2, submission.Id, ConflictKind.ProjectTeamMember, "On the team.", _world.Clock)!;

        var feedback = _world.Compile(meeting, submission);

        suggestion.Should().NotBeNull();
        feedback.ReviewerIds.Should().Equal(_world.R1);
        feedback.AgreementAlpha.Should().BeNull();
    }

    [Fact]
    public void AssignLeadReviewers_AConflictedReviewer_IsRefused()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _world.Clock);
        meeting.DeclareConflict(_world.R4, submission.Id, ConflictKind.ProjectTeamMember, "I am on this team.", _world.Clock);

        var act = () => meeting.AssignLeadReviewers([new(submission.Id, _world.R1), new(submission.Id, _world.R4)], _world.Clock);

        act.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.ReviewerConflicted);
        meeting.LeadReviewers.Should().BeEmpty();
    }

    [Fact]
    public void RemoveFromAgenda_DropsTheSlotAndItsLeadReviewers()
    {
        var meeting = _world.NewQuorateMeeting();
        var submission = _world.NewDraft();
        meeting.AddAgendaSlot(submission.Title, new TimeOnly(10, 0), 40, submission.Id, _world.Clock);
        meeting.AssignLeadReviewers([new(submission.Id, _world.R1)], _world.Clock);

        meeting.RemoveFromAgenda(submission.Id, _world.Clock);

        meeting.IsOnAgenda(submission.Id).Should().BeFalse();
        meeting.LeadReviewers.Should().BeEmpty();
        var again = () => meeting.RemoveFromAgenda(submission.Id, _world.Clock);
        again.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(PeerReviewErrorCodes.NotOnAgenda);
    }
}
