using Ardalis.GuardClauses;
using CoProduction.Involvement.Frameworks.Events;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Frameworks;

/// <summary>Whether a framework can still be edited.</summary>
public enum FrameworkStatus
{
    /// <summary>Being edited; projects and assessments cannot use it yet.</summary>
    Draft,

    /// <summary>Fixed: projects and assessments may use it; changes go into a new revision.</summary>
    Published,
}

/// <summary>
/// An organisation's own involvement framework: versioned reference data with an ordered ladder of levels, optional
/// standards with weighted indicators and rating scales, and the life-cycle phases involvement is planned against.
/// A trust adopts presets (<see cref="Adopt"/>) or loads its own JSON (<see cref="Import"/>), edits the draft, then
/// publishes it. A published framework never changes, so the records made against it keep their meaning; to change it,
/// create a revision with a new version (<see cref="CreateRevision"/>).
/// </summary>
public sealed class InvolvementFramework : AggregateRoot<InvolvementFrameworkId>
{
    private readonly List<LevelGroup> _levelGroups = [];
    private readonly List<LadderLevel> _levels = [];
    private readonly List<RatingScale> _ratingScales = [];
    private readonly List<InvolvementStandard> _standards = [];
    private readonly List<LifeCyclePhase> _phases = [];

    private InvolvementFramework(InvolvementFrameworkId id, OrganisationId organisationId, DateTimeOffset createdAt, InvolvementFrameworkId? revisionOf)
        : base(id, organisationId)
    {
        Key = string.Empty;
        Name = string.Empty;
        FrameworkVersion = string.Empty;
        Source = string.Empty;
        CreatedAt = createdAt;
        RevisionOfId = revisionOf;
    }

    private InvolvementFramework()
    {
        Key = string.Empty;
        Name = string.Empty;
        FrameworkVersion = string.Empty;
        Source = string.Empty;
    }

    /// <summary>Gets the framework's short key, such as <c>our-trust-framework</c>.</summary>
    public string Key { get; private set; }

    /// <summary>Gets the framework's name.</summary>
    public string Name { get; private set; }

    /// <summary>Gets the version of the content (distinct from <see cref="AggregateRoot{TId}.Version"/>, the storage version).</summary>
    public string FrameworkVersion { get; private set; }

    /// <summary>Gets where the content comes from (attribution).</summary>
    public string Source { get; private set; }

    /// <summary>Gets whether the content was checked against its public sources.</summary>
    public bool IsVerified { get; private set; }

    /// <summary>Gets the level at which people are only informed, if the ladder has one.</summary>
    public string? InformingLevelId { get; private set; }

    /// <summary>Gets whether the framework is a draft or published.</summary>
    public FrameworkStatus Status { get; private set; }

    /// <summary>Gets when the framework was created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Gets when the framework was published, if it was.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Gets the framework this one revises, if any.</summary>
    public InvolvementFrameworkId? RevisionOfId { get; private set; }

    /// <summary>Gets the groups of ladder levels.</summary>
    public IReadOnlyList<LevelGroup> LevelGroups => _levelGroups;

    /// <summary>Gets the ladder, lowest level first.</summary>
    public IReadOnlyList<LadderLevel> Levels => _levels;

    /// <summary>Gets the rating scales.</summary>
    public IReadOnlyList<RatingScale> RatingScales => _ratingScales;

    /// <summary>Gets the standards with their indicators (may be empty).</summary>
    public IReadOnlyList<InvolvementStandard> Standards => _standards;

    /// <summary>Gets the life-cycle phases, in order.</summary>
    public IReadOnlyList<LifeCyclePhase> Phases => _phases;

    /// <summary>Creates a draft framework from a complete definition.</summary>
    /// <param name="organisationId">The organisation that owns it.</param>
    /// <param name="definition">The content; it must provide a ladder and a life cycle (<see cref="FrameworkParts.Usable"/>).</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new framework, to be added to the store.</returns>
    /// <exception cref="FrameworkValidationException">The definition has faults; each is listed with its path.</exception>
    internal static InvolvementFramework Create(OrganisationId organisationId, FrameworkDefinition definition, TimeProvider clock)
    {
        Input.Id(organisationId);
        Guard.Against.Null(definition);
        Guard.Against.Null(clock);
        FrameworkValidator.EnsureValid(definition, FrameworkParts.Usable);
        var now = clock.GetUtcNow();
        var framework = new InvolvementFramework(InvolvementFrameworkId.New(), organisationId, now, null);
        framework.Apply(definition);
        framework.Raise(new InvolvementFrameworkCreated(framework.Id, framework.Key, framework.FrameworkVersion, null, now));
        return framework;
    }

    /// <summary>Creates a draft framework from a trust's own JSON (see <see cref="FrameworkJson"/>).</summary>
    /// <param name="organisationId">The organisation that owns it.</param>
    /// <param name="json">The framework JSON.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new framework, to be added to the store.</returns>
    /// <exception cref="FrameworkValidationException">The JSON is malformed or the framework has faults; each is listed with its JSON path.</exception>
    internal static InvolvementFramework Import(OrganisationId organisationId, string json, TimeProvider clock)
    {
        Input.Required(json);
        Guard.Against.Null(clock);
        return Create(organisationId, FrameworkJson.Parse(json, FrameworkParts.Usable), clock);
    }

    /// <summary>
    /// Copies presets (or any partial definitions) into one draft framework of the organisation's own: at most one
    /// ladder and one life cycle, and any number of standards sets whose ids do not clash.
    /// </summary>
    /// <param name="organisationId">The organisation that owns it.</param>
    /// <param name="key">The new framework's key.</param>
    /// <param name="name">The new framework's name.</param>
    /// <param name="frameworkVersion">The version of the new content, such as <c>2026.1</c>.</param>
    /// <param name="parts">The definitions to copy, for example <see cref="FrameworkPresets.TlapLadderOfCoProduction"/>, <see cref="FrameworkPresets.UkStandardsForPublicInvolvement"/> and <see cref="FrameworkPresets.ModelForImprovement"/>.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new framework, to be added to the store.</returns>
    /// <exception cref="DomainRuleViolationException">Two parts provide a ladder, or two provide a life cycle.</exception>
    /// <exception cref="FrameworkValidationException">The combined framework has faults (such as a standard id used by two sets, or no ladder).</exception>
    internal static InvolvementFramework Adopt(OrganisationId organisationId, string key, string name, string frameworkVersion, IEnumerable<FrameworkDefinition> parts, TimeProvider clock)
    {
        Input.Required(key);
        Input.Required(name);
        Input.Required(frameworkVersion);
        Guard.Against.Null(parts);
        Guard.Against.Null(clock);
        var list = parts.ToList();
        if (list.Count == 0 || list.Any(p => p is null))
        {
            throw new InvalidInputException(nameof(parts), "Give at least one framework part to adopt, and no null entries.");
        }

        var ladders = list.Where(p => p.Parts.HasFlag(FrameworkParts.Ladder)).ToList();
        var lifeCycles = list.Where(p => p.Parts.HasFlag(FrameworkParts.LifeCycle)).ToList();
        Rule.Require(ladders.Count <= 1, InvolvementErrorCodes.FrameworkPartsConflict, $"{ladders.Count} of the parts adopted have a ladder ({string.Join(", ", ladders.Select(l => l.Id))}): a framework uses one ladder, so adopt only one of them.");
        Rule.Require(lifeCycles.Count <= 1, InvolvementErrorCodes.FrameworkPartsConflict, $"{lifeCycles.Count} of the parts adopted have a life cycle ({string.Join(", ", lifeCycles.Select(l => l.Id))}): a framework plans against one life cycle, so adopt only one of them.");
        var ladder = ladders.SingleOrDefault();
        var combined = new FrameworkDefinition(
            key.Trim(),
            name.Trim(),
            frameworkVersion.Trim(),
            "Adapted from: " + string.Join(" | ", list.Select(p => p.Source)),
            list.All(p => p.Verified),
            ladder?.LevelGroups ?? [],
            ladder?.Levels ?? [],
            ladder?.InformingLevelId,
            [.. list.SelectMany(p => p.RatingScales).DistinctBy(s => s.Id, StringComparer.Ordinal)],
            [.. list.SelectMany(p => p.Standards)],
            lifeCycles.SingleOrDefault()?.Phases ?? []);
        return Create(organisationId, combined, clock);
    }

    /// <summary>Returns the framework's content as a definition, for JSON export or copying.</summary>
    /// <returns>The definition.</returns>
    public FrameworkDefinition ToDefinition() => new(
        Key, Name, FrameworkVersion, Source, IsVerified, [.. _levelGroups], [.. _levels], InformingLevelId, [.. _ratingScales], [.. _standards], [.. _phases]);

    /// <summary>Replaces the whole content of a draft framework.</summary>
    /// <param name="definition">The new content.</param>
    /// <param name="clock">The clock.</param>
    /// <exception cref="DomainRuleViolationException">The framework is published.</exception>
    /// <exception cref="FrameworkValidationException">The definition has faults.</exception>
    internal void Revise(FrameworkDefinition definition, TimeProvider clock)
    {
        Guard.Against.Null(definition);
        Guard.Against.Null(clock);
        ApplyEdit(definition, "content", clock);
    }

    /// <summary>Renames and re-describes a level of a draft framework.</summary>
    /// <param name="levelId">The level.</param>
    /// <param name="name">The new name.</param>
    /// <param name="description">The new short description.</param>
    /// <param name="clock">The clock.</param>
    internal void ReviseLevel(string levelId, string name, string description, TimeProvider clock)
    {
        Input.Required(levelId);
        Input.Required(name);
        Input.Required(description);
        Guard.Against.Null(clock);
        var level = RequireLevel(levelId);
        var current = ToDefinition();
        ApplyEdit(current with { Levels = [.. _levels.Select(l => l == level ? l with { Name = name.Trim(), Description = description.Trim() } : l)] }, "level:" + levelId, clock);
    }

    /// <summary>Changes the weight of a standard of a draft framework.</summary>
    /// <param name="standardId">The standard.</param>
    /// <param name="weight">The new weight (zero or more; not every standard may be zero).</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeStandardWeight(string standardId, double weight, TimeProvider clock)
    {
        Input.Required(standardId);
        Guard.Against.Null(clock);
        var standard = _standards.Find(s => s.Id == standardId);
        Rule.Require(standard is not null, InvolvementErrorCodes.UnknownStandard, $"Framework '{Key}' has no standard '{standardId}': use one of {string.Join(", ", _standards.Select(s => s.Id))}.");
        var current = ToDefinition();
        ApplyEdit(current with { Standards = [.. _standards.Select(s => s == standard ? s with { Weight = weight } : s)] }, "standard-weight:" + standardId, clock);
    }

    /// <summary>Changes the weight of an indicator of a draft framework.</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="weight">The new weight (zero or more; not every indicator of its standard may be zero).</param>
    /// <param name="clock">The clock.</param>
    internal void ChangeIndicatorWeight(string indicatorId, double weight, TimeProvider clock)
    {
        Input.Required(indicatorId);
        Guard.Against.Null(clock);
        var (standard, indicator) = RequireIndicator(indicatorId);
        var changed = standard with { Indicators = [.. standard.Indicators.Select(i => i == indicator ? i with { Weight = weight } : i)] };
        var current = ToDefinition();
        ApplyEdit(current with { Standards = [.. _standards.Select(s => s == standard ? changed : s)] }, "indicator-weight:" + indicatorId, clock);
    }

    /// <summary>Publishes a draft: its content is fixed from now on and projects and assessments may use it.</summary>
    /// <param name="clock">The clock.</param>
    internal void Publish(TimeProvider clock)
    {
        Guard.Against.Null(clock);
        EnsureDraft();
        var now = clock.GetUtcNow();
        Status = FrameworkStatus.Published;
        PublishedAt = now;
        Raise(new InvolvementFrameworkPublished(Id, FrameworkVersion, now));
    }

    /// <summary>Creates a new draft that copies this framework's content under a new version, to be edited and published.</summary>
    /// <param name="newVersion">The new version; must differ from this one's.</param>
    /// <param name="clock">The clock.</param>
    /// <returns>The new draft, to be added to the store.</returns>
    internal InvolvementFramework CreateRevision(string newVersion, TimeProvider clock)
    {
        Input.Required(newVersion);
        Guard.Against.Null(clock);
        Rule.Require(
            !string.Equals(newVersion.Trim(), FrameworkVersion, StringComparison.Ordinal),
            InvolvementErrorCodes.FrameworkVersionUnchanged,
            $"A revision of framework '{Key}' needs a new version, not '{FrameworkVersion}' again: choose a later one, such as '{FrameworkVersion}.1'.");
        var now = clock.GetUtcNow();
        var revision = new InvolvementFramework(InvolvementFrameworkId.New(), OrganisationId, now, Id);
        revision.Apply(ToDefinition() with { Version = newVersion.Trim() });
        revision.Raise(new InvolvementFrameworkCreated(revision.Id, revision.Key, revision.FrameworkVersion, Id, now));
        return revision;
    }

    /// <summary>Finds a level by id.</summary>
    /// <param name="levelId">The level's id.</param>
    /// <returns>The level, or <see langword="null"/>.</returns>
    public LadderLevel? FindLevel(string levelId)
    {
        Input.Required(levelId);
        return _levels.Find(l => l.Id == levelId);
    }

    /// <summary>Gets a level's position on the ladder, 0 for the lowest.</summary>
    /// <param name="levelId">The level's id.</param>
    /// <returns>The rank, or -1 when the ladder has no such level.</returns>
    public int LevelRank(string levelId)
    {
        Input.Required(levelId);
        return _levels.FindIndex(l => l.Id == levelId);
    }

    /// <summary>Finds a phase by id.</summary>
    /// <param name="phaseId">The phase's id.</param>
    /// <returns>The phase, or <see langword="null"/>.</returns>
    public LifeCyclePhase? FindPhase(string phaseId)
    {
        Input.Required(phaseId);
        return _phases.Find(p => p.Id == phaseId);
    }

    /// <summary>Gets a phase's position in the life cycle, 0 for the first.</summary>
    /// <param name="phaseId">The phase's id.</param>
    /// <returns>The position, or -1 when there is no such phase.</returns>
    public int PhaseIndex(string phaseId)
    {
        Input.Required(phaseId);
        return _phases.FindIndex(p => p.Id == phaseId);
    }

    /// <summary>Finds an indicator and its standard by the indicator's id.</summary>
    /// <param name="indicatorId">The indicator's id.</param>
    /// <returns>The standard and indicator, or <see langword="null"/>.</returns>
    public (InvolvementStandard Standard, StandardIndicator Indicator)? FindIndicator(string indicatorId)
    {
        Input.Required(indicatorId);
        foreach (var standard in _standards)
        {
            foreach (var indicator in standard.Indicators)
            {
                if (indicator.Id == indicatorId)
                {
                    return (standard, indicator);
                }
            }
        }

        return null;
    }

    /// <summary>Finds a rating scale by id.</summary>
    /// <param name="scaleId">The scale's id.</param>
    /// <returns>The scale, or <see langword="null"/>.</returns>
    public RatingScale? FindScale(string scaleId)
    {
        Input.Required(scaleId);
        return _ratingScales.Find(s => s.Id == scaleId);
    }

    /// <summary>
    /// Gets the rank of the highest level that still counts as only informing people: the <see cref="InformingLevelId"/>
    /// when the ladder names one, otherwise the lowest level.
    /// </summary>
    public int InformingRank => InformingLevelId is { } id ? LevelRank(id) : 0;

    /// <summary>Throws unless the framework is published.</summary>
    internal void EnsurePublished() => Rule.Require(
        Status == FrameworkStatus.Published,
        InvolvementErrorCodes.FrameworkNotPublished,
        $"Framework '{Key}' version {FrameworkVersion} is still a draft: publish it before projects or assessments use it.");

    /// <summary>Throws unless the level is on the ladder.</summary>
    internal LadderLevel RequireLevel(string levelId)
    {
        var level = FindLevel(levelId);
        Rule.Require(level is not null, InvolvementErrorCodes.UnknownLevel, $"Framework '{Key}' has no level '{levelId}': use one of {string.Join(", ", _levels.Select(l => l.Id))}.");
        return level!;
    }

    /// <summary>Throws unless the phase is in the life cycle.</summary>
    internal LifeCyclePhase RequirePhase(string phaseId)
    {
        var phase = FindPhase(phaseId);
        Rule.Require(phase is not null, InvolvementErrorCodes.UnknownPhase, $"Framework '{Key}' has no phase '{phaseId}': use one of {string.Join(", ", _phases.Select(p => p.Id))}.");
        return phase!;
    }

    /// <summary>Throws unless the indicator is in the framework.</summary>
    internal (InvolvementStandard Standard, StandardIndicator Indicator) RequireIndicator(string indicatorId)
    {
        var found = FindIndicator(indicatorId);
        Rule.Require(found is not null, InvolvementErrorCodes.UnknownIndicator, $"Framework '{Key}' has no indicator '{indicatorId}': use one of {string.Join(", ", _standards.SelectMany(s => s.Indicators).Select(i => i.Id))}.");
        return found!.Value;
    }

    private void ApplyEdit(FrameworkDefinition candidate, string change, TimeProvider clock)
    {
        EnsureDraft();
        FrameworkValidator.EnsureValid(candidate, FrameworkParts.Usable);
        Apply(candidate);
        Raise(new InvolvementFrameworkRevised(Id, change, clock.GetUtcNow()));
    }

    private void EnsureDraft() => Rule.Require(
        Status == FrameworkStatus.Draft,
        InvolvementErrorCodes.FrameworkPublished,
        $"Framework '{Key}' version {FrameworkVersion} is published and cannot change: create a revision with CreateRevision(newVersion, clock), edit and publish that.");

    private void Apply(FrameworkDefinition definition)
    {
        Key = definition.Id.Trim();
        Name = definition.Name.Trim();
        FrameworkVersion = definition.Version.Trim();
        Source = definition.Source.Trim();
        IsVerified = definition.Verified;
        InformingLevelId = definition.InformingLevelId;
        Replace(_levelGroups, definition.LevelGroups);
        Replace(_levels, definition.Levels);
        Replace(_ratingScales, definition.RatingScales);
        Replace(_standards, definition.Standards);
        Replace(_phases, definition.Phases);
    }

    private static void Replace<T>(List<T> target, IReadOnlyList<T> source)
    {
        target.Clear();
        target.AddRange(source);
    }
}
