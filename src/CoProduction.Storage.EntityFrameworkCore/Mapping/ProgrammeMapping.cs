using CoProduction.Programmes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="Programme"/> to <c>programmes</c> (name, purpose, delivery rules as columns), with its curriculum
/// versions in <c>programme_curriculum_versions</c>, each version's modules in <c>programme_curriculum_modules</c>
/// (learning outcomes as a small JSON or array column) and co-design record in
/// <c>programme_curriculum_co_designers</c>, and its attendance statuses and completion criteria in
/// <c>programme_attendance_statuses</c> and <c>programme_completion_criteria</c>.
/// </summary>
internal sealed class ProgrammeMapping : AggregateMapping<Programme, ProgrammeId>
{
    private const string OwnerColumn = "programme_id";
    private const string VersionPositionColumn = "version_position";

    /// <inheritdoc />
    protected override string TableName => "programmes";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Name).IsRequired();
        builder.Property(p => p.Purpose).IsRequired();
        builder.Property(p => p.CreatedAt);
        builder.Property(p => p.CompletionCombination).HasMaxLength(10);
        builder.Ignore(p => p.CurrentVersion);
        builder.Ignore(p => p.CompletionPolicy);
        builder.ComplexProperty(p => p.DeliveryRules, ProgrammeMappings.DeliveryRules);

        OwnChildTable(builder, p => p.Versions, "programme_curriculum_versions", OwnerColumn, version =>
        {
            version.Property(v => v.Id);
            version.HasIndex(v => v.Id).IsUnique();
            version.Property(v => v.Number);
            version.Property(v => v.SummaryOfChanges).IsRequired();
            version.Property(v => v.PublishedAt);
            version.Ignore(v => v.TotalDuration);
            OwnNestedChildTable(version, v => v.Modules, "programme_curriculum_modules", OwnerColumn, VersionPositionColumn, module =>
            {
                module.Property(m => m.Code).IsRequired();
                module.Property(m => m.Title).IsRequired();
                module.PrimitiveCollection(m => m.LearningOutcomes).IsRequired();
                module.Property(m => m.Duration);
                module.Property(m => m.DeliveryMode).HasMaxLength(20);
            });
            OwnNestedChildTable(version, v => v.CoDesigners, "programme_curriculum_co_designers", OwnerColumn, VersionPositionColumn, designer =>
            {
                designer.Property(d => d.ParticipantId).IsRequired();
                designer.Property(d => d.Perspective).HasMaxLength(20);
                designer.Property(d => d.Contribution).IsRequired();
            });
        });
        OwnChildTable(builder, p => p.AttendanceStatuses, "programme_attendance_statuses", OwnerColumn, ProgrammeMappings.AttendanceStatus);
        OwnChildTable(builder, p => p.CompletionCriteria, "programme_completion_criteria", OwnerColumn, ProgrammeMappings.CompletionCriterion);
    }
}

/// <summary>The column mappings the programme and cohort tables share.</summary>
internal static class ProgrammeMappings
{
    /// <summary>Maps an attendance status: its code and its weight (0 to 1, four places).</summary>
    /// <typeparam name="TOwner">The aggregate that holds the statuses.</typeparam>
    /// <param name="status">The builder of the status row.</param>
    internal static void AttendanceStatus<TOwner>(OwnedNavigationBuilder<TOwner, AttendanceStatusDefinition> status)
        where TOwner : class
    {
        status.Property(s => s.Code).IsRequired();
        status.Property(s => s.Weight).HasPrecision(5, 4);
    }

    /// <summary>Maps a completion criterion: its kind and, for attendance, the minimum share (0 to 1, four places).</summary>
    /// <typeparam name="TOwner">The aggregate that holds the criteria.</typeparam>
    /// <param name="criterion">The builder of the criterion row.</param>
    internal static void CompletionCriterion<TOwner>(OwnedNavigationBuilder<TOwner, CompletionCriterion> criterion)
        where TOwner : class
    {
        criterion.Property(c => c.Kind).HasMaxLength(30);
        criterion.Property(c => c.MinimumAttendanceShare).HasPrecision(5, 4);
    }

    /// <summary>Maps the delivery rules as columns of the aggregate's table.</summary>
    /// <param name="rules">The builder of the complex property.</param>
    internal static void DeliveryRules(ComplexPropertyBuilder<DeliveryRules> rules)
    {
        rules.Property(r => r.MinimumPatientTrainersPerSession);
        rules.Property(r => r.LeadMustBePatientTrainer);
        rules.Property(r => r.MinimumLivedExperienceMembersPerTeam);
        rules.Property(r => r.MinimumTeams);
        rules.Property(r => r.MaximumTeams);
    }
}
