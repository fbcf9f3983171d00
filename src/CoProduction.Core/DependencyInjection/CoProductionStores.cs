
namespace CoProduction;

/// <summary>
/// The store contracts of the library: every storage provider must register an implementation of each (the
/// conformance suite checks it). Each area of the library adds its contracts here.
/// </summary>
public static class CoProductionStores
{
    /// <summary>Gets every store interface a provider must implement, the outbox and the unit of work included.</summary>
    public static IReadOnlyList<Type> Contracts { get; } = [typeof(Storage.IEventOutbox), typeof(Storage.IUnitOfWork), .. InMemoryImplementations.Select(p => p.Contract)];

    /// <summary>The in-memory implementation of each store contract but the outbox.</summary>
    internal static IEnumerable<(Type Contract, Type Implementation)> InMemoryImplementations =>
    [
        (typeof(People.IParticipantStore), typeof(Storage.InMemory.InMemoryParticipantStore)),
        (typeof(Payments.IInvolvementActivityStore), typeof(Storage.InMemory.InMemoryInvolvementActivityStore)),
        (typeof(Payments.IPaymentClaimStore), typeof(Storage.InMemory.InMemoryPaymentClaimStore)),
        (typeof(Payments.IPaymentProfileStore), typeof(Storage.InMemory.InMemoryPaymentProfileStore)),
        (typeof(PeerReview.IPanelStore), typeof(Storage.InMemory.InMemoryPanelStore)),
        (typeof(PeerReview.IReviewSubmissionStore), typeof(Storage.InMemory.InMemoryReviewSubmissionStore)),
        (typeof(PeerReview.IPanelMeetingStore), typeof(Storage.InMemory.InMemoryPanelMeetingStore)),
        (typeof(Involvement.Frameworks.IInvolvementFrameworkStore), typeof(Storage.InMemory.InMemoryInvolvementFrameworkStore)),
        (typeof(Involvement.Projects.IImprovementProjectStore), typeof(Storage.InMemory.InMemoryImprovementProjectStore)),
        (typeof(Involvement.Assessments.IAssessmentStore), typeof(Storage.InMemory.InMemoryAssessmentStore)),
        (typeof(Programmes.IProgrammeStore), typeof(Storage.InMemory.InMemoryProgrammeStore)),
        (typeof(Programmes.Cohorts.ICohortStore), typeof(Storage.InMemory.InMemoryCohortStore)),
        (typeof(Programmes.Pathways.IPatientTrainerPathwayStore), typeof(Storage.InMemory.InMemoryPatientTrainerPathwayStore)),
        (typeof(Programmes.Readiness.IReadinessAssessmentStore), typeof(Storage.InMemory.InMemoryReadinessAssessmentStore)),
        (typeof(Programmes.Evaluation.IQuestionnaireStore), typeof(Storage.InMemory.InMemoryQuestionnaireStore)),
        (typeof(Programmes.Evaluation.ICohortEvaluationStore), typeof(Storage.InMemory.InMemoryCohortEvaluationStore)),
        (typeof(Partners.IOpportunityStore), typeof(Storage.InMemory.InMemoryOpportunityStore)),
        (typeof(Partners.IPartnerRecordStore), typeof(Storage.InMemory.InMemoryPartnerRecordStore)),
        (typeof(Partners.ISupportRecordStore), typeof(Storage.InMemory.InMemorySupportRecordStore)),
    ];
}
