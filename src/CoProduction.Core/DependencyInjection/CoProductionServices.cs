using CoProduction.Payments;
using CoProduction.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoProduction;

/// <summary>Registers the application services of each area of the library.</summary>
internal static class CoProductionServices
{
    internal static void AddManagers(IServiceCollection services)
    {
        services.TryAddScoped<ParticipantService>();
        services.TryAddScoped<Audit.AuditTrailService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataContributor, Audit.AuditTrailDataContributor>());
        services.TryAddScoped<PaymentService>();
        services.TryAddScoped<Involvement.Frameworks.InvolvementFrameworkService>();
        services.TryAddScoped<Involvement.Projects.ImprovementProjectService>();
        services.TryAddScoped<Involvement.Assessments.AssessmentService>();
        services.TryAddScoped<Involvement.InvolvementPortfolioService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataContributor, Involvement.InvolvementDataContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataEraser, Involvement.InvolvementDataEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantInvolvementHistory, Involvement.InvolvementHistory>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataContributor, PaymentsDataContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataEraser, PaymentsDataEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantInvolvementHistory, PaymentsInvolvementHistory>());
        services.TryAddScoped<PeerReview.PanelService>();
        services.TryAddScoped<PeerReview.ReviewSubmissionService>();
        services.TryAddScoped<PeerReview.PanelMeetingService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataContributor, PeerReview.PeerReviewDataContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataEraser, PeerReview.PeerReviewDataEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantInvolvementHistory, PeerReview.PeerReviewInvolvementHistory>());
        services.TryAddScoped<Programmes.ProgrammeService>();
        services.TryAddScoped<Programmes.Cohorts.CohortService>();
        services.TryAddScoped<Programmes.Pathways.PatientTrainerPathwayService>();
        services.TryAddScoped<Programmes.Evaluation.ProgrammeEvaluationService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataContributor, Programmes.ProgrammesDataContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataEraser, Programmes.ProgrammesDataEraser>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantInvolvementHistory, Programmes.ProgrammesInvolvementHistory>());
        services.TryAddScoped<Partners.RecruitmentService>();
        services.TryAddScoped<Partners.PartnerService>();
        services.TryAddScoped<Partners.RoomAdjustmentsService>();
        services.TryAddScoped<Partners.PartnerDueWorkService>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataContributor, Partners.PartnersDataContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IParticipantDataEraser, Partners.PartnersDataEraser>());
    }
}
