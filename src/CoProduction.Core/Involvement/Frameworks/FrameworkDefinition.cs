using CoProduction.Primitives;
using Ardalis.GuardClauses;

namespace CoProduction.Involvement.Frameworks;

/// <summary>
/// The content of an involvement framework as reference data: an ordered ladder of levels, standards with indicators,
/// weights and rating scales, and the life-cycle phases involvement is planned against. This is the shape of the
/// framework JSON format (<see cref="FrameworkJson"/>) and of the shipped presets (<see cref="FrameworkPresets"/>).
/// Each record checks its own fields on construction (required text, lists, weights); <see cref="FrameworkValidator"/>
/// checks the definition as a whole (unique ids, references that resolve, weights not all zero, required parts) and
/// names every fault with its path.
/// </summary>
/// <param name="Id">A short stable key for the framework, such as <c>arnstein-ladder</c>.</param>
/// <param name="Name">The framework's name.</param>
/// <param name="Version">The version or edition of the content, such as <c>1969</c> or <c>2026.1</c>.</param>
/// <param name="Source">Where the content comes from (attribution), such as a citation or "our trust's own framework".</param>
/// <param name="Verified">Whether the content was checked against its public source; <see langword="false"/> when recalled from memory.</param>
/// <param name="LevelGroups">Groups of ladder levels, such as "tokenism"; may be empty.</param>
/// <param name="Levels">The ladder of levels, lowest first.</param>
/// <param name="InformingLevelId">The level at which people are only told about things (one-way information), used to detect involvement that stays at informing; <see langword="null"/> when the ladder has none.</param>
/// <param name="RatingScales">The rating scales the indicators use.</param>
/// <param name="Standards">The standards, each with weighted indicators.</param>
/// <param name="Phases">The life-cycle phases, in order.</param>
public sealed record FrameworkDefinition(
    string Id,
    string Name,
    string Version,
    string Source,
    bool Verified,
    IReadOnlyList<LevelGroup> LevelGroups,
    IReadOnlyList<LadderLevel> Levels,
    string? InformingLevelId,
    IReadOnlyList<RatingScale> RatingScales,
    IReadOnlyList<InvolvementStandard> Standards,
    IReadOnlyList<LifeCyclePhase> Phases)
{
    /// <summary>Gets the framework's key.</summary>
    public string Id { get; init; } = Input.Required(Id);

    /// <summary>Gets the framework's name.</summary>
    public string Name { get; init; } = Input.Required(Name);

    /// <summary>Gets the version of the content.</summary>
    public string Version { get; init; } = Input.Required(Version);

    /// <summary>Gets the attribution.</summary>
    public string Source { get; init; } = Input.Required(Source);

    /// <summary>Gets the groups of ladder levels.</summary>
    public IReadOnlyList<LevelGroup> LevelGroups { get; init; } = Guard.Against.Null(LevelGroups);

    /// <summary>Gets the ladder, lowest level first.</summary>
    public IReadOnlyList<LadderLevel> Levels { get; init; } = Guard.Against.Null(Levels);

    /// <summary>Gets the rating scales.</summary>
    public IReadOnlyList<RatingScale> RatingScales { get; init; } = Guard.Against.Null(RatingScales);

    /// <summary>Gets the standards.</summary>
    public IReadOnlyList<InvolvementStandard> Standards { get; init; } = Guard.Against.Null(Standards);

    /// <summary>Gets the life-cycle phases.</summary>
    public IReadOnlyList<LifeCyclePhase> Phases { get; init; } = Guard.Against.Null(Phases);

    /// <summary>Gets the parts this definition provides (the non-empty sections).</summary>
    public FrameworkParts Parts =>
        ((Levels?.Count ?? 0) > 0 ? FrameworkParts.Ladder : FrameworkParts.None)
        | ((Standards?.Count ?? 0) > 0 ? FrameworkParts.Standards : FrameworkParts.None)
        | ((Phases?.Count ?? 0) > 0 ? FrameworkParts.LifeCycle : FrameworkParts.None);
}

/// <summary>The parts an involvement framework can provide.</summary>
[Flags]
public enum FrameworkParts
{
    /// <summary>No part.</summary>
    None = 0,

    /// <summary>An ordered ladder of involvement levels.</summary>
    Ladder = 1,

    /// <summary>Standards with weighted indicators and rating scales.</summary>
    Standards = 2,

    /// <summary>The phases of a quality-improvement life cycle.</summary>
    LifeCycle = 4,

    /// <summary>What a trust's own framework needs before projects can use it: a ladder and a life cycle (standards are optional, needed only for assessments).</summary>
    Usable = Ladder | LifeCycle,
}

/// <summary>A group of ladder levels, such as "tokenism" or "doing with".</summary>
/// <param name="Id">The group's key, unique among groups.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Description">A short description in our own words, if any.</param>
public sealed record LevelGroup(string Id, string Name, string? Description)
{
    /// <summary>Gets the group's key.</summary>
    public string Id { get; init; } = Input.Required(Id);

    /// <summary>Gets the group's name.</summary>
    public string Name { get; init; } = Input.Required(Name);
}

/// <summary>One level (rung or step) of an involvement ladder.</summary>
/// <param name="Id">The level's key, unique among levels.</param>
/// <param name="Name">The level's name.</param>
/// <param name="Description">A short description in our own words.</param>
/// <param name="GroupId">The key of the <see cref="LevelGroup"/> it belongs to, if any.</param>
public sealed record LadderLevel(string Id, string Name, string Description, string? GroupId)
{
    /// <summary>Gets the level's key.</summary>
    public string Id { get; init; } = Input.Required(Id);

    /// <summary>Gets the level's name.</summary>
    public string Name { get; init; } = Input.Required(Name);

    /// <summary>Gets the short description.</summary>
    public string Description { get; init; } = Input.Required(Description);
}

/// <summary>A rating scale for indicators: ordered points with numeric values.</summary>
/// <param name="Id">The scale's key, unique among scales.</param>
/// <param name="Name">The scale's name.</param>
/// <param name="Points">The points, lowest value first (at least two, distinct values).</param>
public sealed record RatingScale(string Id, string Name, IReadOnlyList<RatingPoint> Points)
{
    /// <summary>For relational storage, which adds the points to the list after construction.</summary>
    private RatingScale(string id, string name)
        : this(id, name, new List<RatingPoint>())
    {
    }

    /// <summary>Gets the scale's key.</summary>
    public string Id { get; init; } = Input.Required(Id);

    /// <summary>Gets the scale's name.</summary>
    public string Name { get; init; } = Input.Required(Name);

    /// <summary>Gets the points, lowest value first.</summary>
    public IReadOnlyList<RatingPoint> Points { get; init; } = Guard.Against.Null(Points);

    /// <summary>Gets the lowest value on the scale.</summary>
    public int Minimum => Points.Min(p => p.Value);

    /// <summary>Gets the highest value on the scale.</summary>
    public int Maximum => Points.Max(p => p.Value);

    /// <summary>Tells whether a value is one of the scale's points.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when it is a point of the scale.</returns>
    public bool Contains(int value) => Points.Any(p => p.Value == value);
}

/// <summary>One point of a rating scale.</summary>
/// <param name="Value">The numeric value.</param>
/// <param name="Label">What the point means, such as "Established".</param>
public sealed record RatingPoint(int Value, string Label)
{
    /// <summary>Gets what the point means.</summary>
    public string Label { get; init; } = Input.Required(Label);
}

/// <summary>A standard (or principle) of involvement, assessed through weighted indicators.</summary>
/// <param name="Id">The standard's key, unique among standards.</param>
/// <param name="Name">The standard's name.</param>
/// <param name="Description">A short description in our own words.</param>
/// <param name="Weight">The standard's weight in the overall score (not negative).</param>
/// <param name="Indicators">The indicators (at least one).</param>
public sealed record InvolvementStandard(string Id, string Name, string Description, double Weight, IReadOnlyList<StandardIndicator> Indicators)
{
    /// <summary>For relational storage, which adds the indicators to the list after construction.</summary>
    private InvolvementStandard(string id, string name, string description, double weight)
        : this(id, name, description, weight, new List<StandardIndicator>())
    {
    }

    /// <summary>Gets the standard's key.</summary>
    public string Id { get; init; } = Input.Required(Id);

    /// <summary>Gets the standard's name.</summary>
    public string Name { get; init; } = Input.Required(Name);

    /// <summary>Gets the short description.</summary>
    public string Description { get; init; } = Input.Required(Description);

    /// <summary>Gets the weight in the overall score.</summary>
    public double Weight { get; init; } = Weights.Check(Weight, nameof(Weight));

    /// <summary>Gets the indicators.</summary>
    public IReadOnlyList<StandardIndicator> Indicators { get; init; } = Guard.Against.Null(Indicators);
}

/// <summary>An indicator of a standard, rated by assessors on a rating scale.</summary>
/// <param name="Id">The indicator's key, unique among all indicators of the framework.</param>
/// <param name="Text">What the assessor rates, in our own words.</param>
/// <param name="Weight">The indicator's weight within its standard (not negative).</param>
/// <param name="ScaleId">The key of the <see cref="RatingScale"/> it is rated on.</param>
public sealed record StandardIndicator(string Id, string Text, double Weight, string ScaleId)
{
    /// <summary>Gets the indicator's key.</summary>
    public string Id { get; init; } = Input.Required(Id);

    /// <summary>Gets what the assessor rates.</summary>
    public string Text { get; init; } = Input.Required(Text);

    /// <summary>Gets the weight within the standard.</summary>
    public double Weight { get; init; } = Weights.Check(Weight, nameof(Weight));

    /// <summary>Gets the key of the rating scale.</summary>
    public string ScaleId { get; init; } = Input.Required(ScaleId);
}

/// <summary>Checks weights on construction.</summary>
internal static class Weights
{
    /// <summary>Returns the weight when it is finite and not negative; throws otherwise.</summary>
    internal static double Check(double weight, string parameterName) => double.IsFinite(weight) && weight >= 0
        ? weight
        : throw new InvalidInputException(parameterName, "A weight must be a finite number, zero or more.");
}

/// <summary>A phase of a quality-improvement life cycle that involvement is planned against.</summary>
/// <param name="Id">The phase's key, unique among phases.</param>
/// <param name="Name">The phase's name.</param>
/// <param name="Description">A short description in our own words.</param>
/// <param name="DefinesProblem">Whether the problem (or aim) is defined in this phase; patients should be involved here.</param>
public sealed record LifeCyclePhase(string Id, string Name, string Description, bool DefinesProblem)
{
    /// <summary>Gets the phase's key.</summary>
    public string Id { get; init; } = Input.Required(Id);

    /// <summary>Gets the phase's name.</summary>
    public string Name { get; init; } = Input.Required(Name);

    /// <summary>Gets the short description.</summary>
    public string Description { get; init; } = Input.Required(Description);
}
