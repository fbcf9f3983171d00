using CoProduction.Primitives;

namespace CoProduction.People;

/// <summary>Identifies a participant: a patient partner, carer, service user, community member or member of staff.</summary>
/// <param name="Value">The underlying identifier.</param>
/// <remarks>Every other record refers to a person by this id only; personal data lives in the <see cref="Participant"/> record.</remarks>
public readonly record struct ParticipantId(Guid Value) : ITypedId<ParticipantId>
{
    /// <inheritdoc />
    public static ParticipantId New() => new(Guid.CreateVersion7());

    /// <summary>Parses an id from its string form.</summary>
    /// <param name="value">A GUID.</param>
    /// <returns>The id.</returns>
    public static ParticipantId Parse(string value) => new(TypedIds.ParseGuid(value, nameof(value)));

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
