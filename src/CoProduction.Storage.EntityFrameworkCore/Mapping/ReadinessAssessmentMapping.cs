using CoProduction.Programmes.Readiness;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="ReadinessAssessment"/> to <c>readiness_assessments</c>, with its checklist items and their
/// ratings in <c>readiness_assessment_items</c>.
/// </summary>
internal sealed class ReadinessAssessmentMapping : AggregateMapping<ReadinessAssessment, ReadinessAssessmentId>
{
    /// <inheritdoc />
    protected override string TableName => "readiness_assessments";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<ReadinessAssessment> builder)
    {
        builder.Property(a => a.Title).IsRequired();
        builder.Property(a => a.ProgrammeId);
        builder.Property(a => a.StartedAt);

        OwnChildTable(builder, a => a.Items, "readiness_assessment_items", "readiness_assessment_id", item =>
        {
            item.Property(i => i.Key).IsRequired();
            item.Property(i => i.Title).IsRequired();
            item.Property(i => i.Description).IsRequired();
            item.Property(i => i.Rating).HasMaxLength(10);
            item.Property(i => i.Notes);
            item.Property(i => i.AssessedBy);
            item.Property(i => i.AssessedOn);
        });
    }
}
