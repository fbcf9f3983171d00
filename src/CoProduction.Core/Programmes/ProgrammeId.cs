using CoProduction.Primitives;

namespace CoProduction.Programmes;

/// <summary>Identifies a co-production training programme.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct ProgrammeId(Guid Value) : ITypedId<ProgrammeId>
{
    /// <inheritdoc />
    public static ProgrammeId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static ProgrammeId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
