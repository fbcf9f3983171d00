using CoProduction.Involvement.Projects;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="ImprovementProject"/> to <c>improvement_projects</c> (the linked peer-review submissions as a small
/// JSON or array column), with the child tables <c>improvement_project_team_members</c>,
/// <c>improvement_project_plan_entries</c> (one per phase planned), <c>improvement_project_involvement_records</c> with
/// the people who took part in <c>improvement_project_involved_participants</c>, <c>improvement_project_measures</c>
/// and <c>improvement_project_measure_values</c>.
/// </summary>
internal sealed class ImprovementProjectMapping : AggregateMapping<ImprovementProject, ImprovementProjectId>
{
    /// <summary>The shadow column that holds the ids of the linked peer-review submissions.</summary>
    internal const string PeerReviewSubmissionIdsColumn = "peer_review_submission_ids";
    internal const string BaselinedPhaseIdsColumn = "baselined_phase_ids";

    private const string Owner = "improvement_project_id";

    private static readonly PrivateField<ImprovementProject, List<Guid>> PeerReviewSubmissionIdsField = new("_peerReviewSubmissionIds");
    private static readonly PrivateField<ImprovementProject, List<string>> BaselinedPhaseIdsField = new("_baselinedPhaseIds");

    /// <inheritdoc />
    protected override string TableName => "improvement_projects";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<ImprovementProject> builder)
    {
        builder.Property(p => p.FrameworkId).IsRequired();
        builder.Property(p => p.Title).IsRequired();
        builder.Property(p => p.Aim).IsRequired();
        builder.Property(p => p.InvolvementAim);
        builder.Property(p => p.ServiceArea).IsRequired();
        builder.Property(p => p.CurrentPhaseId).IsRequired();
        builder.Property(p => p.Status).HasMaxLength(20);
        builder.Property(p => p.StartedOn);
        builder.Property(p => p.ClosedOn);
        builder.Property(p => p.OriginCohortId);
        builder.Property(p => p.OriginCohortTeamId);
        builder.Ignore(p => p.CurrentTeam);
        builder.HasIndex(p => new { p.OrganisationId, p.Status });
        builder.HasIndex(p => new { p.OrganisationId, p.FrameworkId });

        // The submission ids live in a private read-only list, which EF Core cannot set: they are kept in a shadow
        // column that WriteShadowState and ReadShadowState copy to and from the list.
        builder.Ignore(p => p.PeerReviewSubmissionIds);
        builder.PrimitiveCollection<List<Guid>>(PeerReviewSubmissionIdsColumn).IsRequired();
        builder.Ignore(p => p.BaselinedPhaseIds);
        builder.PrimitiveCollection<List<string>>(BaselinedPhaseIdsColumn).IsRequired();

        OwnChildTable(builder, p => p.Team, "improvement_project_team_members", Owner, member =>
        {
            member.Property(m => m.ParticipantId).IsRequired();
            member.Property(m => m.Role).HasMaxLength(30);
            member.Property(m => m.IsCoreTeam);
            member.Property(m => m.JoinedOn);
            member.Property(m => m.LeftOn);
            member.Ignore(m => m.IsCurrent);
            member.HasIndex(m => m.ParticipantId);
        });
        builder.Ignore(p => p.Plan);
        OwnChildTable(builder, p => p.PlanHistory, "improvement_project_plan_entries", Owner, entry =>
        {
            entry.Property(e => e.PhaseId).IsRequired();
            entry.Property(e => e.LevelId).IsRequired();
            entry.Property(e => e.Who).IsRequired();
            entry.Property(e => e.How).IsRequired();
            entry.Property(e => e.Kind).HasMaxLength(20);
            entry.Property(e => e.PlannedAt);
            entry.Property(e => e.RevisionReason);
        });
        builder.Navigation(p => p.PlanHistory).HasField("_plan");
        OwnChildTable(builder, p => p.Records, "improvement_project_involvement_records", Owner, record =>
        {
            record.Property(r => r.Id).HasColumnName("record_id");
            record.Property(r => r.OccurredOn);
            record.Property(r => r.PhaseId).IsRequired();
            record.Property(r => r.LevelId).IsRequired();
            record.Property(r => r.Activity).IsRequired();
            record.Property(r => r.FeedbackGivenOn);
            record.Property(r => r.FeedbackSummary);
            record.Ignore(r => r.InvolvedLivedExperience);
            OwnNestedChildTable(record, r => r.Participants, "improvement_project_involved_participants", Owner, "record_position", person =>
            {
                person.Property(x => x.ParticipantId).IsRequired();
                person.Property(x => x.HasLivedExperience);
                person.HasIndex(x => x.ParticipantId);
            });
        });
        OwnChildTable(builder, p => p.Measures, "improvement_project_measures", Owner, measure =>
        {
            measure.Property(m => m.Id).HasColumnName("measure_id");
            measure.Property(m => m.Name).IsRequired();
            measure.Property(m => m.Type).HasMaxLength(20);
            measure.Property(m => m.IsPatientExperience);
            measure.Property(m => m.Direction).HasMaxLength(20);
            measure.Property(m => m.Unit);
            measure.Property(m => m.ChangeIntroducedOn);
        });
        OwnChildTable(builder, p => p.MeasureValues, "improvement_project_measure_values", Owner, value =>
        {
            value.Property(v => v.MeasureId);
            value.Property(v => v.On).HasColumnName("value_on");
            value.Property(v => v.Value);
        });
    }

    /// <inheritdoc />
    protected internal override void WriteShadowState(ImprovementProject aggregate, EntityEntry<ImprovementProject> entry)
    {
        entry.Property<List<Guid>>(PeerReviewSubmissionIdsColumn).CurrentValue = [.. PeerReviewSubmissionIdsField.Get(aggregate)];
        entry.Property<List<string>>(BaselinedPhaseIdsColumn).CurrentValue = [.. BaselinedPhaseIdsField.Get(aggregate)];
    }

    /// <inheritdoc />
    protected internal override void ReadShadowState(EntityEntry<ImprovementProject> entry, ImprovementProject aggregate)
    {
        var ids = PeerReviewSubmissionIdsField.Get(aggregate);
        ids.Clear();
        ids.AddRange(entry.Property<List<Guid>>(PeerReviewSubmissionIdsColumn).CurrentValue ?? []);
        var phases = BaselinedPhaseIdsField.Get(aggregate);
        phases.Clear();
        phases.AddRange(entry.Property<List<string>>(BaselinedPhaseIdsColumn).CurrentValue ?? []);
    }
}
