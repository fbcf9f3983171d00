using CoProduction.Involvement.Challenges;
using CoProduction.Involvement.Frameworks;
using CoProduction.Involvement.Projects;
using CoProduction.Payments;
using CoProduction.People;
using CoProduction.Primitives;
using Microsoft.Extensions.Time.Testing;
using static CoProduction.Core.Tests.Involvement.InvolvementTestData;

namespace CoProduction.Core.Tests.Involvement.Challenges;

public sealed class ChallengeDetectorTests
{
    // Thresholds: more than 3 active projects per partner, claims paid within 30 days, feedback within 28 days,
    // continuing involvement checked from 90 days after closure. "Today" is 2026-03-02.
    private static readonly ChallengeThresholds Thresholds = new(3, 30, 28, 90);
    private static readonly OrganisationId Trust = OrganisationId.New();
    private readonly FakeTimeProvider _clock = Clock();
    private readonly InvolvementFramework _framework;

    public ChallengeDetectorTests() => _framework = PublishedFramework(Trust, _clock);

    [Fact]
    public void Scan_HealthyProject_FindsNothing()
    {
        var project = HealthyProject();

        var scan = Scan([project]);

        scan.Projects.Should().ContainSingle().Which.Findings.Should().BeEmpty();
        scan.UnattributedFindings.Should().BeEmpty();
        scan.ScannedOn.Should().Be(Day(2026, 3, 2));
    }

    [Fact]
    public void PartnerRule_PartnerOnFourActiveProjects_FlagsEachOfThem()
    {
        var partner = ParticipantId.New();
        var projects = Enumerable.Range(1, 4).Select(i => HealthyProject($"Project {i}", partner)).ToList();

        var scan = Scan(projects);

        scan.Projects.Should().HaveCount(4).And.OnlyContain(p => p.Findings.Count == 1);
        var finding = scan.Projects[0].Findings[0];
        finding.Rule.Should().Be(ChallengeRule.PartnerOnTooManyActiveProjects);
        finding.ParticipantId.Should().Be(partner);
        finding.Challenges.Should().Equal(ChallengeKind.OverRelianceOnFewPeople, ChallengeKind.Burnout);
        finding.Evidence.Should().BeEquivalentTo(projects.Select(p => p.Id.Value));
        finding.Message.Should().Contain("4 active projects").And.Contain("3 allowed");
    }

    [Fact]
    public void PartnerRule_ThreeActiveProjectsAndOneClosed_StaysQuiet()
    {
        var partner = ParticipantId.New();
        var projects = Enumerable.Range(1, 4).Select(i => HealthyProject($"Project {i}", partner)).ToList();
        projects[3].Close(Day(2026, 2, 20), _clock);
        projects[3].RecordInvolvement(_framework, Day(2026, 2, 25), "act", "co-production", "Review after closure", [Patient()], _clock);

        Scan(projects).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void PartnerRule_StaffMemberOnFiveProjects_IsNotAPartnerAndStaysQuiet()
    {
        var staff = ParticipantId.New();
        var projects = Enumerable.Range(1, 5).Select(i => HealthyProject($"Project {i}", staffMember: staff)).ToList();

        Scan(projects).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void PaymentRule_ClaimUnpaidFor60Days_FlagsTheProjectsOfTheClaimant()
    {
        var partner = Partner();
        var project = HealthyProject(partner: partner.Id);
        var other = HealthyProject("Other project");
        var claim = Claim(partner, submittedAt: new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

        var scan = Scan([project, other], [claim]);

        // 2026-01-01 09:00 to 2026-03-02 09:00 is 60 days, beyond the 30-day target.
        var finding = scan.Projects.Single(p => p.ProjectId == project.Id).Findings.Should().ContainSingle().Which;
        finding.Rule.Should().Be(ChallengeRule.PaymentClaimOverdue);
        finding.Challenges.Should().Equal(ChallengeKind.PaymentDelays);
        finding.Evidence.Should().Equal(claim.Id.Value);
        finding.Message.Should().Contain("60 days");
        scan.Projects.Single(p => p.ProjectId == other.Id).Findings.Should().BeEmpty();
        scan.UnattributedFindings.Should().BeEmpty();
    }

    [Fact]
    public void PaymentRule_ClaimantOnNoProject_IsReportedUnattributed()
    {
        var claim = Claim(Partner(), submittedAt: new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

        var scan = Scan([HealthyProject()], [claim]);

        scan.UnattributedFindings.Should().ContainSingle().Which.ProjectId.Should().BeNull();
    }

    [Fact]
    public void PaymentRule_ClaimWithinTargetOrPaid_StaysQuiet()
    {
        var partner = Partner();
        var recent = Claim(partner, submittedAt: new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var paid = Claim(partner, submittedAt: new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero));
        paid.Approve(ParticipantId.New(), _clock);
        paid.MarkPaid("BACS-0001", _clock);

        // 2026-02-01 to 2026-03-02 is 29 days: within the 30-day target.
        Scan([HealthyProject(partner: partner.Id)], [recent, paid]).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void ProblemDefinitionRule_PastAimWithoutPatients_Fires()
    {
        var project = ProjectWith(aimRecordHasPatient: false);

        var finding = Scan([project]).Projects.Single().Findings.Should().ContainSingle().Which;

        finding.Rule.Should().Be(ChallengeRule.NoPatientInvolvementInProblemDefinition);
        finding.Challenges.Should().Equal(ChallengeKind.Tokenism, ChallengeKind.PowerImbalance);
        finding.Message.Should().Contain("'Aim'");
    }

    [Fact]
    public void ProblemDefinitionRule_StillInAimPhase_StaysQuiet()
    {
        var project = ProjectWith(aimRecordHasPatient: false, currentPhase: "aim");

        Scan([project]).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void InformingRule_OnlyCoercionAndInforming_Fires()
    {
        var project = StartProject(Trust, _framework, _clock);
        var a = project.RecordInvolvement(_framework, Day(2025, 7, 1), "aim", "informing", "Newsletter about the aim", [Patient()], _clock);
        var b = project.RecordInvolvement(_framework, Day(2025, 8, 1), "do", "coercion", "Patients asked to sign off a finished leaflet", [Patient()], _clock);
        project.RecordFeedback(a, Day(2025, 7, 5), "Thank you", _clock);
        project.RecordFeedback(b, Day(2025, 8, 5), "Thank you", _clock);
        project.MoveToPhase(_framework, "do", _clock);

        var finding = Scan([project]).Projects.Single().Findings.Should().ContainSingle().Which;

        finding.Rule.Should().Be(ChallengeRule.InvolvementOnlyAtInforming);
        finding.Evidence.Should().Equal(a, b);
        finding.Message.Should().Contain("'Informing' or below");
    }

    [Fact]
    public void InformingRule_OneRecordAtConsultation_StaysQuiet()
    {
        var project = StartProject(Trust, _framework, _clock);
        var a = project.RecordInvolvement(_framework, Day(2025, 7, 1), "aim", "consultation", "Survey about the aim", [Patient()], _clock);
        project.RecordFeedback(a, Day(2025, 7, 5), "We changed the aim", _clock);

        Scan([project]).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void FeedbackRule_NoFeedbackAfter60Days_Fires()
    {
        var project = HealthyProject();
        var late = project.RecordInvolvement(_framework, Day(2026, 1, 1), "do", "co-design", "Testing the new leaflet", [Patient()], _clock);

        var finding = Scan([project]).Projects.Single().Findings.Should().ContainSingle().Which;

        // 2026-01-01 to 2026-03-02 is 60 days, more than 28, with no feedback recorded.
        finding.Rule.Should().Be(ChallengeRule.NoFeedbackWithinDays);
        finding.Challenges.Should().Equal(ChallengeKind.NoFeedbackToParticipants);
        finding.Evidence.Should().Equal(late);
        finding.Message.Should().Contain("1 still without any feedback");
    }

    [Fact]
    public void FeedbackRule_FeedbackGivenAfter29Days_Fires()
    {
        var project = HealthyProject();
        var late = project.RecordInvolvement(_framework, Day(2026, 1, 1), "do", "co-design", "Testing the new leaflet", [Patient()], _clock);
        project.RecordFeedback(late, Day(2026, 1, 30), "We reworded the leaflet", _clock);

        // 2026-01-01 to 2026-01-30 is 29 days, one more than 28.
        Scan([project]).AllFindings.Should().ContainSingle().Which.Rule.Should().Be(ChallengeRule.NoFeedbackWithinDays);
    }

    [Fact]
    public void FeedbackRule_FeedbackOnDay28OrStillWithinTime_StaysQuiet()
    {
        var project = HealthyProject();
        var onTime = project.RecordInvolvement(_framework, Day(2026, 1, 1), "do", "co-design", "Testing the new leaflet", [Patient()], _clock);
        project.RecordFeedback(onTime, Day(2026, 1, 29), "We reworded the leaflet", _clock);
        project.RecordInvolvement(_framework, Day(2026, 2, 20), "do", "co-design", "Second test", [Patient()], _clock);
        project.RecordInvolvement(_framework, Day(2025, 9, 1), "do", "co-production", "Staff-only huddle", [StaffMember()], _clock);

        // Day 28 is within the limit; the 2026-02-20 record is 10 days old; the staff-only record is not patient involvement.
        Scan([project]).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void ClosureRule_ClosedFiveMonthsAgoWithNothingSince_Fires()
    {
        var project = HealthyProject();
        project.Close(Day(2025, 10, 1), _clock);

        var finding = Scan([project]).Projects.Single().Findings.Should().ContainSingle().Which;

        // 2025-10-01 to 2026-03-02 is 152 days, at least 90.
        finding.Rule.Should().Be(ChallengeRule.NoInvolvementAfterClosure);
        finding.Challenges.Should().Equal(ChallengeKind.InvolvementStopsAtProjectEnd);
        finding.Message.Should().Contain("152 days");
    }

    [Fact]
    public void ClosureRule_InvolvementAfterClosure_StaysQuiet()
    {
        var project = HealthyProject();
        project.Close(Day(2025, 10, 1), _clock);
        var review = project.RecordInvolvement(_framework, Day(2026, 1, 10), "act", "co-production", "Patients reviewed the data at three months", [Patient()], _clock);
        project.RecordFeedback(review, Day(2026, 1, 20), "The change has held", _clock);

        Scan([project]).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void ClosureRule_ClosedRecently_StaysQuiet()
    {
        var project = HealthyProject();
        project.Close(Day(2026, 2, 1), _clock);

        // 29 days since closure: too early to judge.
        Scan([project]).AllFindings.Should().BeEmpty();
    }

    [Fact]
    public void Catalogue_HasTenChallengesEachWithMitigations_AndEveryRuleDetectsOne()
    {
        ChallengeCatalogue.All.Should().HaveCount(10);
        ChallengeCatalogue.All.Select(c => c.Kind).Should().Equal(Enum.GetValues<ChallengeKind>());
        ChallengeCatalogue.All.Should().OnlyContain(c => c.Mitigations.Count >= 2);
        Enum.GetValues<ChallengeRule>().Should().OnlyContain(r => ChallengeCatalogue.DetectedBy(r).Count > 0);
    }

    [Fact]
    public void ThresholdsFrom_Options_TakesTheInvolvementAndPaymentValues()
    {
        var options = new CoProductionOptions();
        options.Involvement.MaxActiveProjectsPerPartner = 2;
        options.Payments.PaymentTargetDays = 14;

        ChallengeThresholds.From(options).Should().Be(new ChallengeThresholds(2, 14, 28, 90));
    }

    private ChallengeScan Scan(IReadOnlyList<ImprovementProject> projects, IReadOnlyList<PaymentClaim>? claims = null) =>
        ChallengeDetector.Scan(projects, [_framework], claims ?? [], Thresholds, _clock.GetUtcNow());

    /// <summary>A project doing everything right: a patient partner in defining the aim at co-production, feedback within a week, now in the Do phase.</summary>
    private ImprovementProject HealthyProject(string title = "Discharge lounge", ParticipantId? partner = null, ParticipantId? staffMember = null)
    {
        var project = StartProject(Trust, _framework, _clock, title: title);
        var partnerId = partner ?? ParticipantId.New();
        project.AddTeamMember(partnerId, ProjectTeamRole.PatientPartner, true, Day(2025, 6, 2), _clock);
        if (staffMember is { } staff)
        {
            project.AddTeamMember(staff, ProjectTeamRole.StaffMember, true, Day(2025, 6, 2), _clock);
        }

        var record = project.RecordInvolvement(_framework, Day(2025, 6, 15), "aim", "co-production", "Core team agreed the aim", [Patient(partnerId)], _clock);
        project.RecordFeedback(record, Day(2025, 6, 20), "You said waits for medicines matter most; we made that the aim.", _clock);
        project.MoveToPhase(_framework, "do", _clock);
        return project;
    }

    private ImprovementProject ProjectWith(bool aimRecordHasPatient, string currentPhase = "measures")
    {
        var project = StartProject(Trust, _framework, _clock);
        var aim = project.RecordInvolvement(_framework, Day(2025, 6, 15), "aim", "co-production", "Aim workshop", [aimRecordHasPatient ? Patient() : StaffMember()], _clock);
        var later = project.RecordInvolvement(_framework, Day(2025, 7, 15), "measures", "co-design", "Measures chosen with patients", [Patient()], _clock);
        project.RecordFeedback(aim, Day(2025, 6, 20), "Thanks", _clock);
        project.RecordFeedback(later, Day(2025, 7, 20), "Thanks", _clock);
        project.MoveToPhase(_framework, currentPhase, _clock);
        return project;
    }

    private static Participant Partner() => Participant.Register(Trust, "Patient partner A", [ParticipantRole.PatientPartner], new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero)));

    private static PaymentClaim Claim(Participant claimant, DateTimeOffset submittedAt) =>
        PaymentClaim.Submit(Trust, claimant, [], [new Expense(ExpenseKind.Travel, 12.50m, true, "Bus fares")], new PaymentOptions(), new FakeTimeProvider(submittedAt));
}
