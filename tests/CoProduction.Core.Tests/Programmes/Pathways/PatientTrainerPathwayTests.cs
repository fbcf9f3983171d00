using CoProduction.People;
using CoProduction.Programmes;
using CoProduction.Programmes.Cohorts;
using CoProduction.Programmes.Pathways;
using CoProduction.Programmes.Pathways.Events;
using Microsoft.Extensions.Time.Testing;

namespace CoProduction.Core.Tests.Programmes.Pathways;

public sealed class PatientTrainerPathwayTests
{
    private static readonly DateOnly Started = new(2025, 1, 6);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Participant _partner;
    private readonly PathwaySignatory _staff = new(ParticipantId.New(), SignatoryCapacity.Staff);
    private readonly PathwayRequirements _requirements = new();

    public PatientTrainerPathwayTests()
    {
        _partner = Participant.Register(CoProduction.Primitives.OrganisationId.New(), "Patient partner A", [ParticipantRole.PatientPartner], _clock);
    }

    [Fact]
    public void Start_PatientPartner_StartsAsObserverAndRaisesEvent()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);

        pathway.Stage.Should().Be(PathwayStage.Observer);
        pathway.ParticipantId.Should().Be(_partner.Id);
        pathway.OrganisationId.Should().Be(_partner.OrganisationId);
        pathway.CurrentStageSince.Should().Be(Started);
        pathway.PendingEvents.Should().ContainSingle().Which.Should().BeOfType<PathwayStarted>();
    }

    [Fact]
    public void Start_StaffOnly_IsRefusedSayingStaffNeedNoPathway()
    {
        var staff = Participant.Register(CoProduction.Primitives.OrganisationId.New(), "QI coach C", [ParticipantRole.Staff], _clock);

        var act = () => PatientTrainerPathway.Start(staff, Started, _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.PathwayNeedsLivedExperience, "takes part only as staff", "Staff facilitators need no pathway");
    }

    [Fact]
    public void Progress_WithoutEvidence_IsRefusedListingEverythingMissingAndNothingChanges()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);
        pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2025, 2, 3), null, null, _clock);
        var events = pathway.PendingEvents.Count;

        var act = () => pathway.Progress(_requirements, _staff, new DateOnly(2025, 3, 1), _clock);

        // Defaults to co-facilitator: 2 observed (has 1), 1 debrief (has 0), a support plan (none).
        act.ShouldBeRefusedLeavingUnchanged(
            pathway,
            ProgrammeErrorCodes.PathwayEvidenceMissing,
            "cannot move from Observer to CoFacilitator yet",
            "1 more session(s) observed (has 1 of 2 since 2025-01-06)",
            "1 more debrief(s) (has 0 of 1",
            "an agreed support plan",
            "Record the evidence");
        pathway.Stage.Should().Be(PathwayStage.Observer);
        pathway.SignOffs.Should().BeEmpty();
        pathway.PendingEvents.Should().HaveCount(events);
    }

    [Fact]
    public void Progress_WithEvidenceAndPlan_MovesToCoFacilitatorSignedOffByNamedPerson()
    {
        var pathway = ReadyObserver();

        var stage = pathway.Progress(_requirements, _staff, new DateOnly(2025, 3, 1), _clock);

        stage.Should().Be(PathwayStage.CoFacilitator);
        pathway.Stage.Should().Be(PathwayStage.CoFacilitator);
        pathway.CurrentStageSince.Should().Be(new DateOnly(2025, 3, 1));
        pathway.SignOffs.Should().ContainSingle().Which.Should().Be(new StageSignOff(PathwayStage.Observer, PathwayStage.CoFacilitator, _staff.ParticipantId, SignatoryCapacity.Staff, new DateOnly(2025, 3, 1)));
        pathway.PendingEvents.OfType<PathwayStageReached>().Should().ContainSingle().Which.SignedOffBy.Should().Be(_staff.ParticipantId);
        pathway.MissingEvidence(_requirements).Should().Equal(
            "3 more session(s) co-delivered (has 0 of 3 since 2025-03-01)",
            "1 more supervision(s) (has 0 of 1 since 2025-03-01)");
    }

    [Fact]
    public void Progress_ToLeadTrainer_CountsOnlyEvidenceSinceTheStageBegan()
    {
        var pathway = ReadyObserver();
        pathway.RecordEvidence(EvidenceKind.Supervision, new DateOnly(2025, 2, 20), null, "Before becoming a co-facilitator", _clock);
        pathway.Progress(_requirements, _staff, new DateOnly(2025, 3, 1), _clock);
        for (var day = 3; day <= 5; day++)
        {
            pathway.RecordEvidence(EvidenceKind.SessionCoDelivered, new DateOnly(2025, 4, day), CohortSessionId.New(), null, _clock);
        }

        var early = () => pathway.Progress(_requirements, _staff, new DateOnly(2025, 5, 1), _clock);

        // The February supervision predates the co-facilitator stage (1 March), so it does not count.
        early.ShouldBeRefused(ProgrammeErrorCodes.PathwayEvidenceMissing, "from CoFacilitator to LeadTrainer", "1 more supervision(s) (has 0 of 1");

        pathway.RecordEvidence(EvidenceKind.Supervision, new DateOnly(2025, 4, 20), null, null, _clock);
        pathway.Progress(_requirements, _staff, new DateOnly(2025, 5, 1), _clock).Should().Be(PathwayStage.LeadTrainer);
        pathway.SignOffs.Should().HaveCount(2);
    }

    [Fact]
    public void Progress_ConfiguredThresholds_AreTheOnesApplied()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);
        var relaxed = new PathwayRequirements { RequireSupportPlan = false };
        relaxed.ToCoFacilitator.SessionsObserved = 1;
        relaxed.ToCoFacilitator.Debriefs = 0;
        pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2025, 2, 3), null, null, _clock);

        pathway.Progress(relaxed, _staff, new DateOnly(2025, 3, 1), _clock).Should().Be(PathwayStage.CoFacilitator);
    }

    [Fact]
    public void Progress_AtLeadTrainer_IsRefused()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);
        var none = new PathwayRequirements { RequireSupportPlan = false };
        none.ToCoFacilitator.SessionsObserved = 0;
        none.ToCoFacilitator.Debriefs = 0;
        none.ToLeadTrainer.SessionsCoDelivered = 0;
        none.ToLeadTrainer.Supervisions = 0;
        pathway.Progress(none, _staff, new DateOnly(2025, 2, 1), _clock);
        pathway.Progress(none, _staff, new DateOnly(2025, 3, 1), _clock);

        var act = () => pathway.Progress(none, _staff, new DateOnly(2025, 4, 1), _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.PathwayAlreadyAtLastStage, "already a lead trainer");
        pathway.SignOffs.Should().HaveCount(2);
    }

    [Fact]
    public void Progress_SignedOffByThemselves_IsRefused()
    {
        var pathway = ReadyObserver();

        var act = () => pathway.Progress(_requirements, new PathwaySignatory(_partner.Id, SignatoryCapacity.LeadTrainer), new DateOnly(2025, 3, 1), _clock);

        act.ShouldBeRefusedLeavingUnchanged(pathway, ProgrammeErrorCodes.SelfSignOff, "cannot sign off their own progression", "ask a member of staff or a lead trainer");
        pathway.Stage.Should().Be(PathwayStage.Observer);
    }

    [Fact]
    public void Progress_SignOffInTheFuture_IsRefused()
    {
        var pathway = ReadyObserver();

        var act = () => pathway.Progress(_requirements, _staff, new DateOnly(2025, 6, 3), _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.DateInFuture, "2025-06-03 is in the future");
        pathway.Stage.Should().Be(PathwayStage.Observer);
    }

    [Fact]
    public void RecordEvidence_InTheFuture_IsRefused()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);

        var act = () => pathway.RecordEvidence(EvidenceKind.Debrief, new DateOnly(2025, 7, 1), null, null, _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.DateInFuture, "record it once it has happened");
        pathway.Evidence.Should().BeEmpty();
    }

    [Fact]
    public void RecordEvidence_BeforeThePathwayStarted_IsRefused()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);

        var act = () => pathway.RecordEvidence(EvidenceKind.Debrief, new DateOnly(2024, 12, 1), null, null, _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.EvidenceBeforePathway, "before the pathway started on 2025-01-06");
        pathway.Evidence.Should().BeEmpty();
    }

    [Fact]
    public void RecordEvidence_SameSessionTwice_IsRefused()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);
        var session = CohortSessionId.New();
        pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2025, 2, 3), session, null, _clock);

        var act = () => pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2025, 2, 3), session, null, _clock);

        act.ShouldBeRefusedLeavingUnchanged(pathway, ProgrammeErrorCodes.DuplicateEvidence, "each session counts once");
        pathway.Evidence.Should().ContainSingle();
    }

    [Fact]
    public void AgreeSupportPlan_SelfAsMentor_IsRefused()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);

        var act = () => pathway.AgreeSupportPlan(new SupportPlan("After each session", _partner.Id, "Lead rate", null), _clock);

        act.ShouldBeRefused(ProgrammeErrorCodes.SelfSignOff, "cannot mentor themselves");
        pathway.SupportPlan.Should().BeNull();
    }

    private PatientTrainerPathway ReadyObserver()
    {
        var pathway = PatientTrainerPathway.Start(_partner, Started, _clock);
        pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2025, 2, 3), CohortSessionId.New(), null, _clock);
        pathway.RecordEvidence(EvidenceKind.SessionObserved, new DateOnly(2025, 2, 10), CohortSessionId.New(), null, _clock);
        pathway.RecordEvidence(EvidenceKind.Debrief, new DateOnly(2025, 2, 10), null, "Debrief with the lead", _clock);
        pathway.AgreeSupportPlan(new SupportPlan("15 minutes after every session", ParticipantId.New(), "Paid at the Partner rate; travel reimbursed", new DateOnly(2025, 9, 1)), _clock);
        return pathway;
    }
}
