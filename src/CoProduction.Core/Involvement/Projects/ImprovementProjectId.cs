using CoProduction.Primitives;

namespace CoProduction.Involvement.Projects;

/// <summary>Identifies an improvement project.</summary>
/// <param name="Value">The underlying identifier.</param>
public readonly record struct ImprovementProjectId(Guid Value) : ITypedId<ImprovementProjectId>
{
    /// <inheritdoc />
    public static ImprovementProjectId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static ImprovementProjectId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
