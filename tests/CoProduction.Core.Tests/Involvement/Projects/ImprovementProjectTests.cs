using CoProduction.Core.Tests.TestSupport;
using CoProduction.Programmes.Cohorts;
using CoProduction.PeerReview;
using CoProduction.Involvement;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Involvement.Projects.Events;
using CoProduction.People;
using CoProduction.Primitives;
using CoProduction.Scoring;
using static CoProduction.Core.Tests.Involvement.InvolvementTestData;

namespace CoProduction.Core.Tests.Involvement.Projects;

public sealed class ImprovementProjectTests
{
    private static readonly OrganisationId Trust = OrganisationId.New();
    private readonly TimeProvider _clock = Clock();
    private readonly InvolvementFramework _framework;

    public ImprovementProjectTests() => _framework = PublishedFramework(Trust, _clock);

    [Fact]
    public void Start_OnPublishedFramework_PutsTheLeadOnTheCoreTeamInTheFirstPhase()
    {
        var lead = ParticipantId.New();

        var project = StartProject(Trust, _framework, _clock, lead);

        project.Status.Should().Be(ProjectStatus.Active);
        project.CurrentPhaseId.Should().Be("aim");
        project.Team.Should().ContainSingle().Which.Should().Be(new ProjectTeamMember(lead, ProjectTeamRole.ProjectLead, true, Day(2025, 6, 1), null));
        project.PendingEvents.Should().HaveCount(2).And.Contain(e => e is ImprovementProjectStarted);
    }

    [Fact]
    public void Start_OnDraftFramework_IsRefused()
    {
        var draft = InvolvementFramework.Adopt(Trust, "d", "Draft", "1", [FrameworkPresets.Iap2Spectrum, FrameworkPresets.ExperienceBasedCoDesign], _clock);

        FluentActions.Invoking(() => StartProject(Trust, draft, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.FrameworkNotPublished);
    }

    [Fact]
    public void Start_InTheFuture_IsRefused()
    {
        FluentActions.Invoking(() => StartProject(Trust, _framework, _clock, startedOn: Day(2026, 3, 3)))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.DateOutOfRange);
    }

    [Fact]
    public void AddTeamMember_PatientPartnerOnCoreTeam_IsAFirstClassMember()
    {
        var project = StartProject(Trust, _framework, _clock);
        var partner = ParticipantId.New();

        project.AddTeamMember(partner, ProjectTeamRole.PatientPartner, isCoreTeam: true, Day(2025, 6, 10), _clock);

        project.CurrentTeam.Should().Contain(new ProjectTeamMember(partner, ProjectTeamRole.PatientPartner, true, Day(2025, 6, 10), null));
        FluentActions.Invoking(() => project.AddTeamMember(partner, ProjectTeamRole.Carer, true, Day(2025, 6, 11), _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.AlreadyOnTeam);
    }

    [Fact]
    public void RemoveTeamMember_OnlyLead_IsRefusedAndChangesNothing()
    {
        var lead = ParticipantId.New();
        var project = StartProject(Trust, _framework, _clock, lead);

        FluentActions.Invoking(() => project.RemoveTeamMember(lead, Day(2025, 7, 1), _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.LeadRequired);
        project.CurrentTeam.Should().ContainSingle(m => m.ParticipantId == lead);
    }

    [Fact]
    public void PlanInvolvement_UnknownLevel_IsRefusedAndChangesNothing()
    {
        var project = StartProject(Trust, _framework, _clock);

        FluentActions.Invoking(() => project.PlanInvolvement(_framework, "aim", "delegated-power", "Patient partners", "Workshops", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.UnknownLevel);
        project.Plan.Should().BeEmpty();
    }

    [Fact]
    public void PlanInvolvement_SamePhaseTwice_ReplacesThePlanAndKeepsPhaseOrder()
    {
        var project = StartProject(Trust, _framework, _clock);

        project.PlanInvolvement(_framework, "do", "co-design", "Two patient partners", "Test the new leaflet on the ward", _clock);
        project.PlanInvolvement(_framework, "aim", "consultation", "Patients on the ward", "Short survey", _clock);
        project.PlanInvolvement(_framework, "aim", "co-production", "Patient partner A and carer B", "Core team meetings", _clock);

        project.Plan.Select(p => (p.PhaseId, p.LevelId)).Should().Equal(("aim", "co-production"), ("do", "co-design"));
    }

    [Fact]
    public void MoveToPhase_BaselinesThePhasesPlan_AndLaterChangesAreRevisionsWithAReason()
    {
        var project = StartProject(Trust, _framework, _clock);
        project.PlanInvolvement(_framework, "do", "co-production", "Patient partners A and B", "Run the test with us", _clock);

        project.MoveToPhase(_framework, "do", _clock);

        project.BaselineOf("do").Should().Match<PlannedInvolvement>(p => p.LevelId == "co-production" && p.Kind == PlanEntryKind.Baseline);
        project.BaselinedPhaseIds.Should().Contain("do");
        project.PendingEvents.OfType<InvolvementPlanBaselined>().Should().ContainSingle(e => e.PhaseId == "do" && e.LevelId == "co-production");
        FluentActions.Invoking(() => project.PlanInvolvement(_framework, "do", "informing", "Patients", "A leaflet", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.PlanBaselined);
        FluentActions.Invoking(() => project.RevisePlan(_framework, "study", "informing", "Patients", "A leaflet", "Short of time", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.PlanNotBaselined);

        project.RevisePlan(_framework, "do", "consultation", "Patients on the ward", "A survey", "The partners were unwell during the test", _clock);

        project.Plan.Should().ContainSingle(p => p.PhaseId == "do").Which.Should().Match<PlannedInvolvement>(p => p.LevelId == "consultation" && p.Kind == PlanEntryKind.Revision && p.RevisionReason == "The partners were unwell during the test");
        project.PlanHistory.Where(p => p.PhaseId == "do").Select(p => (p.Kind, p.LevelId)).Should().Equal((PlanEntryKind.Baseline, "co-production"), (PlanEntryKind.Revision, "consultation"));
        project.BaselineOf("do")!.LevelId.Should().Be("co-production", "the baseline is kept whatever is revised later");
    }

    [Fact]
    public void RecordInvolvement_InThePhaseTheProjectStartedIn_BaselinesItsPlan()
    {
        var project = StartProject(Trust, _framework, _clock);
        project.PlanInvolvement(_framework, "aim", "co-design", "Patient partner A", "Workshops", _clock);

        project.RecordInvolvement(_framework, Day(2026, 2, 20), "aim", "consultation", "A survey of the ward's patients", [Patient()], _clock);

        project.BaselineOf("aim")!.LevelId.Should().Be("co-design");
        FluentActions.Invoking(() => project.PlanInvolvement(_framework, "aim", "consultation", "Patients", "A survey", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.PlanBaselined);
    }

    [Fact]
    public void RecordInvolvement_AfterClosure_IsAllowed_ButPhaseChangesAreNot()
    {
        var project = StartProject(Trust, _framework, _clock);
        project.Close(Day(2026, 1, 31), _clock);

        var recordId = project.RecordInvolvement(_framework, Day(2026, 2, 20), "act", "co-production", "Patient partners reviewed the six-month data", [Patient()], _clock);

        project.Records.Should().ContainSingle(r => r.Id == recordId);
        FluentActions.Invoking(() => project.MoveToPhase(_framework, "study", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.ProjectClosed);
    }

    [Fact]
    public void RecordInvolvement_BeforeTheProjectStarted_IsRefused()
    {
        var project = StartProject(Trust, _framework, _clock);

        FluentActions.Invoking(() => project.RecordInvolvement(_framework, Day(2025, 5, 31), "aim", "informing", "Newsletter", [Patient()], _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.DateOutOfRange);
        project.Records.Should().BeEmpty();
    }

    [Fact]
    public void RecordInvolvement_NoParticipants_ThrowsNamingTheParameter()
    {
        var project = StartProject(Trust, _framework, _clock);

        FluentActions.Invoking(() => project.RecordInvolvement(_framework, Day(2025, 7, 1), "aim", "informing", "Newsletter", [], _clock))
            .Should().ThrowInvalidInput("participants");
    }

    [Fact]
    public void RecordFeedback_YouSaidWeDid_IsRecordedOnceAndNotBeforeTheActivity()
    {
        var project = StartProject(Trust, _framework, _clock);
        var recordId = project.RecordInvolvement(_framework, Day(2025, 7, 1), "aim", "co-design", "Workshop on the aim", [Patient(), StaffMember()], _clock);

        FluentActions.Invoking(() => project.RecordFeedback(recordId, Day(2025, 6, 30), "Too early", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.DateOutOfRange);
        project.RecordFeedback(recordId, Day(2025, 7, 15), "You said the aim ignored carers; we added a carer measure.", _clock);
        FluentActions.Invoking(() => project.RecordFeedback(recordId, Day(2025, 7, 16), "Again", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.FeedbackAlreadyRecorded);

        project.Records.Single().FeedbackGivenOn.Should().Be(Day(2025, 7, 15));
        project.PendingEvents.OfType<InvolvementFeedbackRecorded>().Should().ContainSingle();
    }

    [Fact]
    public void RecordMeasureValue_SameDateTwice_IsRefused()
    {
        var project = StartProject(Trust, _framework, _clock);
        var measure = project.DefineMeasure("Patients who felt involved in discharge decisions", MeasureType.Outcome, true, ImprovementDirection.Increase, "%", _clock);
        project.RecordMeasureValue(measure, Day(2025, 7, 1), 52, _clock);

        FluentActions.Invoking(() => project.RecordMeasureValue(measure, Day(2025, 7, 1), 55, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.DuplicateMeasureValue);
        FluentActions.Invoking(() => project.RecordMeasureValue(measure, Day(2026, 4, 1), 55, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.DateOutOfRange);
        FluentActions.Invoking(() => project.RecordMeasureValue(measure, Day(2025, 8, 1), double.NaN, _clock))
            .Should().ThrowInvalidInput("value");
        project.ValuesOf(measure).Should().ContainSingle().Which.Value.Should().Be(52);
    }

    [Fact]
    public void Links_PeerReviewAndCohortTeam_AreRecordedOnce()
    {
        var project = StartProject(Trust, _framework, _clock);
        var submission = ReviewSubmissionId.New();
        var cohort = CohortId.New();
        var team = CohortTeamId.New();

        project.LinkPeerReviewSubmission(submission, _clock);
        project.LinkCohortTeam(cohort, team, _clock);

        project.PeerReviewSubmissionIds.Should().Equal(submission);
        (project.OriginCohortId, project.OriginCohortTeamId).Should().Be((cohort, team));
        FluentActions.Invoking(() => project.LinkPeerReviewSubmission(submission, _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.DuplicateLink);
    }

    [Fact]
    public void MoveToPhase_OtherFramework_IsRefused()
    {
        var project = StartProject(Trust, _framework, _clock);
        var other = PublishedFramework(Trust, _clock);

        FluentActions.Invoking(() => project.MoveToPhase(other, "measures", _clock))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(InvolvementErrorCodes.FrameworkMismatch);
        project.CurrentPhaseId.Should().Be("aim");
    }
}
