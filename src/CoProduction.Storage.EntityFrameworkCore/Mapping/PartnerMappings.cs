using CoProduction.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="Opportunity"/> to <c>opportunities</c> (the role description as columns, the areas of lived
/// experience sought as a small JSON or array column), with its checklist in <c>opportunity_required_checks</c> and
/// its expressions of interest in <c>opportunity_expressions_of_interest</c>.
/// </summary>
internal sealed class OpportunityMapping : AggregateMapping<Opportunity, OpportunityId>
{
    private const string Owner = "opportunity_id";

    /// <inheritdoc />
    protected override string TableName => "opportunities";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ComplexProperty(o => o.Role, role =>
        {
            role.Property(r => r.Title).HasColumnName("role_title").IsRequired();
            role.Property(r => r.WhatTheRoleDoes).HasColumnName("role_what_the_role_does").IsRequired();
            role.Property(r => r.TimeCommitment).HasColumnName("role_time_commitment").IsRequired();
            role.Property(r => r.PaymentPolicy).HasColumnName("role_payment_policy").IsRequired();
            role.Property(r => r.Location).HasColumnName("role_location").IsRequired();
            role.Property(r => r.IsOnline).HasColumnName("role_is_online");
            role.Property(r => r.Accessibility).HasColumnName("role_accessibility").IsRequired();
        });
        builder.Property(o => o.ClosingDate);
        builder.Property(o => o.Status).HasMaxLength(20);
        builder.Property(o => o.PublishedAt);
        builder.Property(o => o.ClosedAt);
        builder.Property(o => o.FixedTermMonths);
        builder.PrimitiveCollection(o => o.LivedExperienceSought).IsRequired();
        // Availability is a set of flags: stored as its number, not as a name (the convention for other enums).
        builder.Property(o => o.AvailabilityNeeded).HasConversion(v => (int)v, v => (Availability)v);
        builder.HasIndex(o => new { o.OrganisationId, o.Status });

        OwnChildTable(builder, o => o.RequiredChecks, "opportunity_required_checks", Owner, check =>
        {
            check.Property(c => c.Kind).HasMaxLength(30);
            check.Property(c => c.TrainingName);
            check.Property(c => c.ValidForMonths);
        });
        builder.Navigation(o => o.RequiredChecks).HasField("_requiredChecks");
        OwnChildTable(builder, o => o.Expressions, "opportunity_expressions_of_interest", Owner, expression =>
        {
            expression.Property(e => e.Id).HasColumnName("expression_id");
            expression.Property(e => e.ParticipantId).IsRequired();
            expression.Property(e => e.LivedExperience).IsRequired();
            expression.Property(e => e.Availability).HasConversion(v => (int)v, v => (Availability)v);
            expression.Property(e => e.AdjustmentsNeeded);
            expression.Property(e => e.SubmittedAt);
            expression.Property(e => e.Outcome).HasMaxLength(20);
            expression.Property(e => e.DecisionReason);
            expression.Property(e => e.DecidedBy);
            expression.Property(e => e.DecidedOn);
            expression.Property(e => e.ToldOn);
            expression.Property(e => e.ToldVia).HasMaxLength(20);
            expression.Property(e => e.WithdrawnAt);
            expression.Ignore(e => e.IsSelectedAndTold);
            expression.HasIndex(e => e.ParticipantId);
        });
        builder.Navigation(o => o.Expressions).HasField("_expressions");
    }
}

/// <summary>
/// Maps <see cref="PartnerRecord"/> to <c>partner_records</c>, with its onboarding checks in
/// <c>partner_record_checks</c>, its roles in <c>partner_record_appointments</c>, its story-sharing sessions in
/// <c>partner_record_story_sharing</c> and the due work announced in <c>partner_record_announced_work</c>.
/// </summary>
internal sealed class PartnerRecordMapping : AggregateMapping<PartnerRecord, PartnerRecordId>
{
    private const string Owner = "partner_record_id";

    /// <inheritdoc />
    protected override string TableName => "partner_records";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<PartnerRecord> builder)
    {
        // (organisation_id, participant_id) is unique: AggregateMapping adds the index for the one-record rule.
        builder.Property(r => r.ParticipantId).IsRequired();
        builder.Property(r => r.OpenedAt);
        builder.Property(r => r.SupportPlanReviewOn);

        OwnChildTable(builder, r => r.Checks, "partner_record_checks", Owner, check =>
        {
            check.Property(c => c.Id).HasColumnName("check_id");
            check.Property(c => c.Kind).HasMaxLength(30);
            check.Property(c => c.TrainingName);
            check.Property(c => c.CompletedOn);
            check.Property(c => c.ExpiresOn);
            check.Property(c => c.RecordedAt);
        });
        builder.Navigation(r => r.Checks).HasField("_checks");
        OwnChildTable(builder, r => r.Appointments, "partner_record_appointments", Owner, appointment =>
        {
            appointment.Property(a => a.Id).HasColumnName("appointment_id");
            appointment.Property(a => a.OpportunityId).IsRequired();
            appointment.Property(a => a.AppointedOn);
            appointment.Property(a => a.ReviewOn);
            appointment.Property(a => a.FirstActivityOn);
            appointment.Property(a => a.EndedOn);
            appointment.Ignore(a => a.IsActive);
        });
        builder.Navigation(r => r.Appointments).HasField("_appointments");
        OwnChildTable(builder, r => r.StorySharing, "partner_record_story_sharing", Owner, story =>
        {
            story.Property(s => s.Id).HasColumnName("story_id");
            story.Property(s => s.Occasion).IsRequired();
            story.Property(s => s.SessionOn);
            story.Property(s => s.Readiness).HasMaxLength(20);
            story.Property(s => s.ReadinessConfirmedOn);
            story.Property(s => s.WithdrawnAt);
            story.Property(s => s.DebriefId);
        });
        builder.Navigation(r => r.StorySharing).HasField("_storySharing");
        OwnChildTable(builder, r => r.Announced, "partner_record_announced_work", Owner, work =>
        {
            work.Property(w => w.Kind).HasMaxLength(30);
            work.Property(w => w.ItemId);
            work.Property(w => w.DueOn);
        });
        builder.Navigation(r => r.Announced).HasField("_announced");
    }
}

/// <summary>Maps the confidential <see cref="SupportRecord"/> to <c>support_records</c>, one row each.</summary>
internal sealed class SupportRecordMapping : AggregateMapping<SupportRecord, SupportRecordId>
{
    /// <inheritdoc />
    protected override string TableName => "support_records";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<SupportRecord> builder)
    {
        builder.Property(s => s.ParticipantId).IsRequired();
        builder.Property(s => s.Kind).HasMaxLength(30);
        builder.Property(s => s.HeldOn);
        builder.Property(s => s.HeldBy).IsRequired();
        builder.Property(s => s.AgreedNextStep).IsRequired();
        builder.Property(s => s.Notes);
        builder.Property(s => s.StorySharingId);
        builder.Property(s => s.NextReviewOn);
        builder.Property(s => s.RecordedAt);
        builder.HasIndex(s => new { s.OrganisationId, s.ParticipantId });
    }
}
