using CoProduction.Primitives;
using CoProduction.Storage.EntityFrameworkCore.Mapping;
using CoProduction.Storage.EntityFrameworkCore.Stores;

namespace CoProduction.Storage.EntityFrameworkCore;

/// <summary>
/// The aggregates that relational storage maps: each has one mapping (<see cref="AggregateMapping{TAggregate, TId}"/>)
/// and one store (<see cref="EntityFrameworkAggregateStore{TAggregate, TId}"/>), listed once here.
/// </summary>
internal static class EntityFrameworkCoreStores
{
    /// <summary>Gets the mapping of every aggregate.</summary>
    internal static IReadOnlyList<IAggregateMapping> Mappings { get; } =
    [
        new ParticipantMapping(),
        new InvolvementActivityMapping(),
        new PaymentClaimMapping(),
        new PaymentProfileMapping(),
        new ProgrammeMapping(),
        new CohortMapping(),
        new PatientTrainerPathwayMapping(),
        new ReadinessAssessmentMapping(),
        new QuestionnaireMapping(),
        new CohortEvaluationMapping(),
        new PanelMapping(),
        new ReviewSubmissionMapping(),
        new PanelMeetingMapping(),
        new InvolvementFrameworkMapping(),
        new ImprovementProjectMapping(),
        new AssessmentMapping(),
        new OpportunityMapping(),
        new PartnerRecordMapping(),
        new SupportRecordMapping(),
    ];

    /// <summary>Gets the Entity Framework Core implementation of each store contract but the outbox.</summary>
    internal static IEnumerable<(Type Contract, Type Implementation)> Implementations =>
    [
        (typeof(People.IParticipantStore), typeof(EntityFrameworkParticipantStore)),
        (typeof(Payments.IInvolvementActivityStore), typeof(EntityFrameworkInvolvementActivityStore)),
        (typeof(Payments.IPaymentClaimStore), typeof(EntityFrameworkPaymentClaimStore)),
        (typeof(Payments.IPaymentProfileStore), typeof(EntityFrameworkPaymentProfileStore)),
        (typeof(Programmes.IProgrammeStore), typeof(EntityFrameworkProgrammeStore)),
        (typeof(Programmes.Cohorts.ICohortStore), typeof(EntityFrameworkCohortStore)),
        (typeof(Programmes.Pathways.IPatientTrainerPathwayStore), typeof(EntityFrameworkPatientTrainerPathwayStore)),
        (typeof(Programmes.Readiness.IReadinessAssessmentStore), typeof(EntityFrameworkReadinessAssessmentStore)),
        (typeof(Programmes.Evaluation.IQuestionnaireStore), typeof(EntityFrameworkQuestionnaireStore)),
        (typeof(Programmes.Evaluation.ICohortEvaluationStore), typeof(EntityFrameworkCohortEvaluationStore)),
        (typeof(PeerReview.IPanelStore), typeof(EntityFrameworkPanelStore)),
        (typeof(PeerReview.IReviewSubmissionStore), typeof(EntityFrameworkReviewSubmissionStore)),
        (typeof(PeerReview.IPanelMeetingStore), typeof(EntityFrameworkPanelMeetingStore)),
        (typeof(Involvement.Frameworks.IInvolvementFrameworkStore), typeof(EntityFrameworkInvolvementFrameworkStore)),
        (typeof(Involvement.Projects.IImprovementProjectStore), typeof(EntityFrameworkImprovementProjectStore)),
        (typeof(Involvement.Assessments.IAssessmentStore), typeof(EntityFrameworkAssessmentStore)),
        (typeof(Partners.IOpportunityStore), typeof(EntityFrameworkOpportunityStore)),
        (typeof(Partners.IPartnerRecordStore), typeof(EntityFrameworkPartnerRecordStore)),
        (typeof(Partners.ISupportRecordStore), typeof(EntityFrameworkSupportRecordStore)),
    ];

    /// <summary>Gets the mapping of one aggregate.</summary>
    internal static AggregateMapping<TAggregate, TId> MappingFor<TAggregate, TId>()
        where TAggregate : AggregateRoot<TId>
        where TId : struct, ITypedId<TId>
        => Mappings.OfType<AggregateMapping<TAggregate, TId>>().SingleOrDefault()
            ?? throw new InvalidOperationException($"{typeof(TAggregate).Name} has no relational mapping: add one to EntityFrameworkCoreStores.Mappings.");
}
