using CoProduction.Programmes.Pathways;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="PatientTrainerPathway"/> to <c>patient_trainer_pathways</c> (participant, stage, dates, the support
/// plan as columns), with its evidence in <c>patient_trainer_pathway_evidence</c> and its stage sign-offs in
/// <c>patient_trainer_pathway_sign_offs</c>.
/// </summary>
internal sealed class PatientTrainerPathwayMapping : AggregateMapping<PatientTrainerPathway, PatientTrainerPathwayId>
{
    private const string OwnerColumn = "patient_trainer_pathway_id";

    /// <inheritdoc />
    protected override string TableName => "patient_trainer_pathways";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<PatientTrainerPathway> builder)
    {
        builder.Property(p => p.ParticipantId).IsRequired();
        builder.Property(p => p.StartedOn);
        builder.Property(p => p.Stage).HasMaxLength(20);
        builder.Property(p => p.CurrentStageSince);
        // (organisation_id, participant_id) is unique: AggregateMapping adds the index for the one-pathway rule.
        builder.HasIndex(p => new { p.OrganisationId, p.Stage });
        builder.ComplexProperty(p => p.SupportPlan, plan =>
        {
            plan.Property(s => s.DebriefArrangements).IsRequired();
            plan.Property(s => s.MentorId);
            plan.Property(s => s.PaymentArrangements).IsRequired();
            plan.Property(s => s.ReviewOn);
        });

        OwnChildTable(builder, p => p.Evidence, "patient_trainer_pathway_evidence", OwnerColumn, evidence =>
        {
            evidence.Property(e => e.Id);
            evidence.Property(e => e.Kind).HasMaxLength(30);
            evidence.Property(e => e.On).HasColumnName("on_date");
            evidence.Property(e => e.SessionId);
            evidence.Property(e => e.Note);
            evidence.Property(e => e.RecordedAt);
        });
        OwnChildTable(builder, p => p.SignOffs, "patient_trainer_pathway_sign_offs", OwnerColumn, signOff =>
        {
            signOff.Property(s => s.From).HasColumnName("from_stage").HasMaxLength(20);
            signOff.Property(s => s.To).HasColumnName("to_stage").HasMaxLength(20);
            signOff.Property(s => s.SignedOffBy).IsRequired();
            signOff.Property(s => s.Capacity).HasMaxLength(20);
            signOff.Property(s => s.On).HasColumnName("on_date");
        });
    }
}
