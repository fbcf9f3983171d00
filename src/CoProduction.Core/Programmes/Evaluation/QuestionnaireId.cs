using CoProduction.Primitives;

namespace CoProduction.Programmes.Evaluation;

/// <summary>Identifies an evaluation questionnaire.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct QuestionnaireId(Guid Value) : ITypedId<QuestionnaireId>
{
    /// <inheritdoc />
    public static QuestionnaireId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static QuestionnaireId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
