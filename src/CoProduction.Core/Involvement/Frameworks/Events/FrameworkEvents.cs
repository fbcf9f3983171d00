using CoProduction.Primitives;

namespace CoProduction.Involvement.Frameworks.Events;

/// <summary>An organisation created an involvement framework (from presets, JSON or a revision).</summary>
/// <param name="FrameworkId">The framework.</param>
/// <param name="Key">The framework's key.</param>
/// <param name="FrameworkVersion">The version of its content.</param>
/// <param name="RevisionOf">The framework it revises, if any.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementFrameworkCreated(InvolvementFrameworkId FrameworkId, string Key, string FrameworkVersion, InvolvementFrameworkId? RevisionOf, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A draft framework's content was edited.</summary>
/// <param name="FrameworkId">The framework.</param>
/// <param name="Change">What changed, such as <c>level:informing</c> or <c>content</c>.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementFrameworkRevised(InvolvementFrameworkId FrameworkId, string Change, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A framework was published: its content is now fixed and projects may use it.</summary>
/// <param name="FrameworkId">The framework.</param>
/// <param name="FrameworkVersion">The version published.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvolvementFrameworkPublished(InvolvementFrameworkId FrameworkId, string FrameworkVersion, DateTimeOffset OccurredAt) : IDomainEvent;
