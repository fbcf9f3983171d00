using CoProduction.Primitives;

namespace CoProduction.People.Events;

/// <summary>A participant was registered.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ParticipantRegistered(ParticipantId ParticipantId, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A participant's personal details (name, contact, accessibility needs, roles or payment preference) changed.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Part">Which part changed, such as <c>contact</c>; never the personal data itself.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ParticipantDetailsChanged(ParticipantId ParticipantId, string Part, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A participant gave consent for a purpose.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ConsentGiven(ParticipantId ParticipantId, ConsentPurpose Purpose, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A participant withdrew consent for a purpose.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Purpose">The purpose.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ConsentWithdrawn(ParticipantId ParticipantId, ConsentPurpose Purpose, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A participant's personal data was erased; the id and non-personal history remain.</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="OccurredAt">When.</param>
public sealed record ParticipantErased(ParticipantId ParticipantId, DateTimeOffset OccurredAt) : IDomainEvent;
