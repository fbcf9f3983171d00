using CoProduction.Involvement.Frameworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="InvolvementFramework"/> to <c>involvement_frameworks</c>, with its content in child tables:
/// <c>involvement_framework_level_groups</c>, <c>involvement_framework_levels</c> (the ladder, lowest first),
/// <c>involvement_framework_rating_scales</c> with their points in <c>involvement_framework_rating_points</c>,
/// <c>involvement_framework_standards</c> with their indicators in <c>involvement_framework_indicators</c>, and
/// <c>involvement_framework_phases</c>. Every row keeps its place in its list (<c>position</c>).
/// </summary>
internal sealed class InvolvementFrameworkMapping : AggregateMapping<InvolvementFramework, InvolvementFrameworkId>
{
    private const string Owner = "involvement_framework_id";

    /// <inheritdoc />
    protected override string TableName => "involvement_frameworks";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<InvolvementFramework> builder)
    {
        builder.Property(f => f.Key).IsRequired();
        builder.Property(f => f.Name).IsRequired();
        builder.Property(f => f.FrameworkVersion).IsRequired();
        builder.Property(f => f.Source).IsRequired();
        builder.Property(f => f.IsVerified);
        builder.Property(f => f.InformingLevelId);
        builder.Property(f => f.Status).HasMaxLength(20);
        builder.Property(f => f.CreatedAt);
        builder.Property(f => f.PublishedAt);
        builder.Property(f => f.RevisionOfId);
        builder.Ignore(f => f.InformingRank);
        builder.HasIndex(f => new { f.OrganisationId, f.Key });

        OwnChildTable(builder, f => f.LevelGroups, "involvement_framework_level_groups", Owner, group =>
        {
            group.Property(g => g.Id).HasColumnName("group_id").IsRequired();
            group.Property(g => g.Name).IsRequired();
            group.Property(g => g.Description);
        });
        OwnChildTable(builder, f => f.Levels, "involvement_framework_levels", Owner, level =>
        {
            level.Property(l => l.Id).HasColumnName("level_id").IsRequired();
            level.Property(l => l.Name).IsRequired();
            level.Property(l => l.Description).IsRequired();
            level.Property(l => l.GroupId);
        });
        OwnChildTable(builder, f => f.RatingScales, "involvement_framework_rating_scales", Owner, scale =>
        {
            scale.Property(s => s.Id).HasColumnName("scale_id").IsRequired();
            scale.Property(s => s.Name).IsRequired();
            scale.Ignore(s => s.Minimum);
            scale.Ignore(s => s.Maximum);
            OwnNestedChildTable(scale, s => s.Points, "involvement_framework_rating_points", Owner, "scale_position", point =>
            {
                point.Property(p => p.Value);
                point.Property(p => p.Label).IsRequired();
            });
        });
        OwnChildTable(builder, f => f.Standards, "involvement_framework_standards", Owner, standard =>
        {
            standard.Property(s => s.Id).HasColumnName("standard_id").IsRequired();
            standard.Property(s => s.Name).IsRequired();
            standard.Property(s => s.Description).IsRequired();
            standard.Property(s => s.Weight);
            OwnNestedChildTable(standard, s => s.Indicators, "involvement_framework_indicators", Owner, "standard_position", indicator =>
            {
                indicator.Property(i => i.Id).HasColumnName("indicator_id").IsRequired();
                indicator.Property(i => i.Text).IsRequired();
                indicator.Property(i => i.Weight);
                indicator.Property(i => i.ScaleId).IsRequired();
            });
        });
        OwnChildTable(builder, f => f.Phases, "involvement_framework_phases", Owner, phase =>
        {
            phase.Property(p => p.Id).HasColumnName("phase_id").IsRequired();
            phase.Property(p => p.Name).IsRequired();
            phase.Property(p => p.Description).IsRequired();
            phase.Property(p => p.DefinesProblem);
        });
    }
}
