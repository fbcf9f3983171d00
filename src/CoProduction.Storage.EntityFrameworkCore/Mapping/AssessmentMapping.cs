using CoProduction.Involvement.Assessments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="Assessment"/> to <c>involvement_assessments</c>, with the declared assessors in
/// <c>involvement_assessment_assessors</c> and their ratings in <c>involvement_assessment_ratings</c>.
/// </summary>
internal sealed class AssessmentMapping : AggregateMapping<Assessment, AssessmentId>
{
    private const string Owner = "assessment_id";

    /// <inheritdoc />
    protected override string TableName => "involvement_assessments";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.FrameworkId).IsRequired();
        builder.Property(a => a.ProjectId);
        builder.Property(a => a.Title).IsRequired();
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.Property(a => a.OpenedAt);
        builder.Property(a => a.CompletedAt);
        builder.HasIndex(a => new { a.OrganisationId, a.ProjectId });

        OwnChildTable(builder, a => a.Assessors, "involvement_assessment_assessors", Owner, assessor =>
        {
            assessor.Property(x => x.ParticipantId).IsRequired();
            assessor.Property(x => x.Perspective).HasMaxLength(20);
            assessor.HasIndex(x => x.ParticipantId);
        });
        OwnChildTable(builder, a => a.Ratings, "involvement_assessment_ratings", Owner, rating =>
        {
            rating.Property(r => r.AssessorId).IsRequired();
            rating.Property(r => r.IndicatorId).IsRequired();
            rating.Property(r => r.Value);
            rating.Property(r => r.Comment);
        });
    }
}
