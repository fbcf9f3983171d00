using CoProduction.PeerReview;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Maps <see cref="Panel"/> to <c>panels</c> (name, terms of reference, quorum rule as three columns), with its terms
/// of office in <c>panel_members</c>, the versions of its review form in <c>panel_review_forms</c> (their criteria in
/// <c>panel_review_form_criteria</c> and questions in <c>panel_review_form_questions</c>), members' lived experience
/// in <c>panel_lived_experience</c> and the register of personal links in <c>panel_personal_links</c>.
/// </summary>
internal sealed class PanelMapping : AggregateMapping<Panel, PanelId>
{
    private const string PanelColumn = "panel_id";

    /// <inheritdoc />
    protected override string TableName => "panels";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<Panel> builder)
    {
        builder.Property(p => p.Name).IsRequired();
        builder.Property(p => p.TermsOfReference).IsRequired();
        builder.Property(p => p.EstablishedAt);
        builder.ComplexProperty(p => p.QuorumRule, QuorumRuleMapping.Configure);

        OwnChildTable(builder, p => p.Members, "panel_members", PanelColumn, member =>
        {
            member.Property(m => m.Id);
            member.Property(m => m.ParticipantId);
            member.Property(m => m.Role).HasMaxLength(30);
            member.Property(m => m.TermStartsOn);
            member.Property(m => m.TermEndsOn);
            member.HasIndex(m => m.ParticipantId);
        });
        OwnChildTable(builder, p => p.ReviewForms, "panel_review_forms", PanelColumn, form =>
        {
            form.Property(f => f.Id);
            form.Property(f => f.Name).IsRequired();
            form.Property(f => f.AppliesFromRound);
            form.Property(f => f.DefinedAt);
            string[] formKey = [PanelColumn, "form_position"];
            OwnNestedChildTable(form, f => f.Criteria, "panel_review_form_criteria", formKey, criterion =>
            {
                criterion.Property(c => c.Key).IsRequired();
                criterion.Property(c => c.Prompt).IsRequired();
                criterion.Property(c => c.ScaleMinimum);
                criterion.Property(c => c.ScaleMaximum);
            });
            OwnNestedChildTable(form, f => f.Questions, "panel_review_form_questions", formKey, question =>
            {
                question.Property(q => q.Key).IsRequired();
                question.Property(q => q.Prompt).IsRequired();
                question.Property(q => q.IsRequired);
            });
        });
        builder.Navigation(p => p.ReviewForms).HasField("_forms");
        OwnChildTable(builder, p => p.LivedExperience, "panel_lived_experience", PanelColumn, experience =>
        {
            experience.Property(e => e.MemberId);
            experience.Property(e => e.ServiceArea).IsRequired();
        });
        OwnChildTable(builder, p => p.PersonalLinks, "panel_personal_links", PanelColumn, link =>
        {
            link.Property(l => l.MemberId);
            link.Property(l => l.RelatedParticipantId);
            link.Property(l => l.Kind).HasMaxLength(20);
            link.Property(l => l.RecordedAt);
            link.HasIndex(l => l.MemberId);
            link.HasIndex(l => l.RelatedParticipantId);
        });
    }
}

/// <summary>Maps a <see cref="QuorumRule"/> to three columns of the table that holds it (<c>quorum_rule_minimum_patient_members</c>, ...).</summary>
internal static class QuorumRuleMapping
{
    internal static void Configure(ComplexPropertyBuilder<QuorumRule> rule)
    {
        rule.Property(r => r.MinimumPatientMembers);
        rule.Property(r => r.RequirePatientChair);
        rule.Property(r => r.RequireStaffFacilitator);
    }
}
