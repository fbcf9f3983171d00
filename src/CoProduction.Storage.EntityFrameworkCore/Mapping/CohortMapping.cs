using CoProduction.Programmes.Cohorts;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="Cohort"/> to <c>cohorts</c> (programme, curriculum version, dates, status, the delivery rules it
/// runs under as columns), with its sessions in <c>cohort_sessions</c> and their facilitators in
/// <c>cohort_session_facilitators</c>, its teams in <c>cohort_teams</c> and their members in
/// <c>cohort_team_members</c>, the register in <c>cohort_attendance</c> (one row per participant per session), and
/// the attendance statuses and completion criteria it took from its programme in <c>cohort_attendance_statuses</c>
/// and <c>cohort_completion_criteria</c>.
/// </summary>
internal sealed class CohortMapping : AggregateMapping<Cohort, CohortId>
{
    private const string OwnerColumn = "cohort_id";

    /// <inheritdoc />
    protected override string TableName => "cohorts";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<Cohort> builder)
    {
        builder.Property(c => c.ProgrammeId).IsRequired();
        builder.Property(c => c.CurriculumVersionNumber);
        builder.Property(c => c.Name).IsRequired();
        builder.Property(c => c.StartDate);
        builder.Property(c => c.EndDate);
        builder.Property(c => c.PlannedAt);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.Property(c => c.CancellationReason);
        builder.Property(c => c.CompletionCombination).HasMaxLength(10);
        builder.Ignore(c => c.ActiveTeams);
        builder.Ignore(c => c.EnrolledParticipants);
        builder.ComplexProperty(c => c.DeliveryRules, ProgrammeMappings.DeliveryRules);
        builder.HasIndex(c => new { c.OrganisationId, c.ProgrammeId });

        OwnChildTable(builder, c => c.Sessions, "cohort_sessions", OwnerColumn, session =>
        {
            session.Property(s => s.Id);
            session.HasIndex(s => s.Id).IsUnique();
            session.Property(s => s.ModuleCode).IsRequired();
            session.Property(s => s.StartsAt);
            session.Property(s => s.Duration);
            session.Property(s => s.Status).HasMaxLength(20);
            session.Property(s => s.DeliveredAt);
            session.Property(s => s.CancellationReason);
            session.Ignore(s => s.EndsAt);
            session.Ignore(s => s.Lead);
            OwnNestedChildTable(session, s => s.Facilitators, "cohort_session_facilitators", OwnerColumn, "session_position", facilitator =>
            {
                facilitator.Property(f => f.ParticipantId).IsRequired();
                facilitator.Property(f => f.Role).HasMaxLength(20);
                facilitator.Property(f => f.IsPatientTrainer);
                facilitator.Ignore(f => f.Delivers);
                facilitator.HasIndex(f => f.ParticipantId);
            });
        });
        OwnChildTable(builder, c => c.Teams, "cohort_teams", OwnerColumn, team =>
        {
            team.Property(t => t.Id);
            team.HasIndex(t => t.Id).IsUnique();
            team.Property(t => t.Name).IsRequired();
            team.Property(t => t.ImprovementAim).IsRequired();
            team.Property(t => t.EnrolledAt);
            team.Property(t => t.PlanSubmittedOn);
            team.Property(t => t.ShowcasePresentedOn);
            team.Property(t => t.SignedOffBy);
            team.Property(t => t.SignedOffOn);
            team.Property(t => t.WithdrawnOn);
            team.Property(t => t.WithdrawalReason);
            team.Ignore(t => t.IsWithdrawn);
            OwnNestedChildTable(team, t => t.Members, "cohort_team_members", OwnerColumn, "team_position", member =>
            {
                member.Property(m => m.ParticipantId).IsRequired();
                member.Property(m => m.HasLivedExperience);
                member.HasIndex(m => m.ParticipantId);
            });
        });
        OwnChildTable(builder, c => c.Attendance, "cohort_attendance", OwnerColumn, record =>
        {
            record.Property(r => r.SessionId).IsRequired();
            record.Property(r => r.ParticipantId).IsRequired();
            record.Property(r => r.StatusCode).IsRequired();
            record.Property(r => r.RecordedAt);
        });
        OwnChildTable(builder, c => c.AttendanceStatuses, "cohort_attendance_statuses", OwnerColumn, ProgrammeMappings.AttendanceStatus);
        OwnChildTable(builder, c => c.CompletionCriteria, "cohort_completion_criteria", OwnerColumn, ProgrammeMappings.CompletionCriterion);
    }
}
