using CoProduction.Programmes.Evaluation;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>Maps <see cref="Questionnaire"/> to <c>questionnaires</c>, with its Likert items in <c>questionnaire_items</c>.</summary>
internal sealed class QuestionnaireMapping : AggregateMapping<Questionnaire, QuestionnaireId>
{
    /// <inheritdoc />
    protected override string TableName => "questionnaires";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.Property(q => q.Title).IsRequired();
        builder.Property(q => q.ScaleMinimum);
        builder.Property(q => q.ScaleMaximum);
        builder.Property(q => q.CreatedAt);

        OwnChildTable(builder, q => q.Items, "questionnaire_items", "questionnaire_id", EvaluationMappings.LikertItem);
    }
}

/// <summary>
/// Maps <see cref="CohortEvaluation"/> to <c>cohort_evaluations</c>, with the Likert items it took from its
/// questionnaire in <c>cohort_evaluation_items</c> and the answers, one row per participant, timing and item, in
/// <c>cohort_evaluation_answers</c>.
/// </summary>
internal sealed class CohortEvaluationMapping : AggregateMapping<CohortEvaluation, CohortEvaluationId>
{
    private const string OwnerColumn = "cohort_evaluation_id";

    /// <inheritdoc />
    protected override string TableName => "cohort_evaluations";

    /// <inheritdoc />
    protected override void Configure(EntityTypeBuilder<CohortEvaluation> builder)
    {
        builder.Property(e => e.CohortId).IsRequired();
        builder.Property(e => e.ProgrammeId).IsRequired();
        builder.Property(e => e.QuestionnaireId).IsRequired();
        builder.Property(e => e.ScaleMinimum);
        builder.Property(e => e.ScaleMaximum);
        builder.Property(e => e.StartedAt);
        builder.HasIndex(e => new { e.OrganisationId, e.CohortId });
        builder.HasIndex(e => new { e.OrganisationId, e.ProgrammeId });

        OwnChildTable(builder, e => e.Items, "cohort_evaluation_items", OwnerColumn, EvaluationMappings.LikertItem);
        OwnChildTable(builder, e => e.Answers, "cohort_evaluation_answers", OwnerColumn, answer =>
        {
            answer.Property(a => a.ParticipantId).IsRequired();
            answer.Property(a => a.Timing).HasMaxLength(10);
            answer.Property(a => a.ItemCode).IsRequired();
            answer.Property(a => a.Value);
            answer.Property(a => a.AnsweredOn);
        });
    }
}

/// <summary>The column mappings the questionnaire and evaluation tables share.</summary>
internal static class EvaluationMappings
{
    /// <summary>Maps a Likert item: its code and statement.</summary>
    /// <typeparam name="TOwner">The aggregate that holds the items.</typeparam>
    /// <param name="item">The builder of the item row.</param>
    internal static void LikertItem<TOwner>(OwnedNavigationBuilder<TOwner, LikertItem> item)
        where TOwner : class
    {
        item.Property(i => i.Code).IsRequired();
        item.Property(i => i.Statement).IsRequired();
    }
}
