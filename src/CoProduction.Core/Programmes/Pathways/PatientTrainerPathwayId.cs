using CoProduction.Primitives;

namespace CoProduction.Programmes.Pathways;

/// <summary>Identifies a patient partner's pathway to becoming a patient trainer.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct PatientTrainerPathwayId(Guid Value) : ITypedId<PatientTrainerPathwayId>
{
    /// <inheritdoc />
    public static PatientTrainerPathwayId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static PatientTrainerPathwayId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
