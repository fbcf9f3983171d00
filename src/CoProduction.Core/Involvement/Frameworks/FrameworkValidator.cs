using System.Globalization;

namespace CoProduction.Involvement.Frameworks;

/// <summary>
/// Checks a <see cref="FrameworkDefinition"/> as a whole and reports every fault with the JSON path where it is:
/// required values, ids unique within their kind (indicator ids across the whole framework), references that resolve,
/// weights that are finite, not negative and not all zero, ladders of at least two levels and scales of at least two points.
/// </summary>
public static class FrameworkValidator
{
    /// <summary>Validates a definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="requiredParts">The parts it must provide: <see cref="FrameworkParts.Usable"/> for a trust's own framework, <see cref="FrameworkParts.None"/> for a preset that provides only some parts.</param>
    /// <returns>The faults (missing parts first, then each section's faults in document order); empty when the definition is valid.</returns>
    public static IReadOnlyList<FrameworkValidationError> Validate(FrameworkDefinition definition, FrameworkParts requiredParts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new FrameworkErrorCollector(int.MaxValue);
        Collect(definition, requiredParts, errors);
        return errors.Errors;
    }

    /// <summary>Validates a definition into a collector (which may cap what it keeps and suppress paths already reported).</summary>
    internal static void Collect(FrameworkDefinition definition, FrameworkParts requiredParts, FrameworkErrorCollector errors)
    {
        RequireText(errors, "$.id", definition.Id, "the framework's id (a short key such as 'our-trust-ladder')");
        RequireText(errors, "$.name", definition.Name, "the framework's name");
        RequireText(errors, "$.version", definition.Version, "the version of the content (such as '2026.1')");
        RequireText(errors, "$.source", definition.Source, "where the content comes from (attribution)");

        var levelGroups = definition.LevelGroups ?? [];
        var levels = definition.Levels ?? [];
        var scales = definition.RatingScales ?? [];
        var standards = definition.Standards ?? [];
        var phases = definition.Phases ?? [];

        if (levels.Count == 0 && standards.Count == 0 && phases.Count == 0)
        {
            errors.Add(new("$", FrameworkValidationCodes.NoContent, "The framework defines no levels, standards or phases: give at least one of 'levels', 'standards' or 'phases'."));
        }

        if (requiredParts.HasFlag(FrameworkParts.Ladder) && levels.Count == 0)
        {
            errors.Add(new("$.levels", FrameworkValidationCodes.MissingLevels, "Missing levels: the framework needs an ordered ladder of at least two involvement levels, lowest first (copy one from a preset such as the TLAP ladder)."));
        }
        else if (levels.Count == 1)
        {
            errors.Add(new("$.levels", FrameworkValidationCodes.TooFew, "A ladder needs at least two levels, lowest first; add the other levels."));
        }

        if (requiredParts.HasFlag(FrameworkParts.LifeCycle) && phases.Count == 0)
        {
            errors.Add(new("$.phases", FrameworkValidationCodes.MissingPhases, "Missing phases: the framework needs the life-cycle phases involvement is planned against (copy them from a preset such as the Model for Improvement)."));
        }

        if (requiredParts.HasFlag(FrameworkParts.Standards) && standards.Count == 0)
        {
            errors.Add(new("$.standards", FrameworkValidationCodes.Required, "Missing standards: give at least one standard with indicators."));
        }

        var groupIds = CheckIds(errors, "$.levelGroups", levelGroups, g => g?.Id, "level group");
        for (var i = 0; i < levelGroups.Count; i++)
        {
            if (levelGroups[i] is { } group)
            {
                RequireText(errors, $"$.levelGroups[{I(i)}].name", group.Name, "the group's name");
            }
        }

        var levelIds = CheckIds(errors, "$.levels", levels, l => l?.Id, "level");
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] is not { } level)
            {
                continue;
            }

            var path = $"$.levels[{I(i)}]";
            RequireText(errors, path + ".name", level.Name, "the level's name");
            RequireText(errors, path + ".description", level.Description, "a short description of the level");
            if (level.GroupId is not null && !groupIds.Contains(level.GroupId))
            {
                errors.Add(new(path + ".group", FrameworkValidationCodes.UnknownReference, $"Unknown reference: level group {FrameworkErrorCollector.Quote(level.GroupId)} is not declared in 'levelGroups'; declare it or correct the name."));
            }
        }

        if (definition.InformingLevelId is not null && !levelIds.Contains(definition.InformingLevelId))
        {
            errors.Add(new("$.informingLevel", FrameworkValidationCodes.UnknownReference, $"Unknown reference: level {FrameworkErrorCollector.Quote(definition.InformingLevelId)} is not one of the framework's levels; name one of them or leave it out."));
        }

        var scaleIds = CheckIds(errors, "$.ratingScales", scales, s => s?.Id, "rating scale");
        for (var i = 0; i < scales.Count; i++)
        {
            if (scales[i] is not { } scale)
            {
                continue;
            }

            var path = $"$.ratingScales[{I(i)}]";
            RequireText(errors, path + ".name", scale.Name, "the scale's name");
            var points = scale.Points ?? [];
            if (points.Count < 2)
            {
                errors.Add(new(path + ".points", FrameworkValidationCodes.TooFew, "A rating scale needs at least two points with distinct values."));
            }

            var seen = new Dictionary<int, int>();
            for (var p = 0; p < points.Count; p++)
            {
                if (points[p] is not { } point)
                {
                    errors.Add(new($"{path}.points[{I(p)}]", FrameworkValidationCodes.Required, "A rating point is null: give a value and a label."));
                    continue;
                }

                RequireText(errors, $"{path}.points[{I(p)}].label", point.Label, "what the point means");
                if (!seen.TryAdd(point.Value, p))
                {
                    errors.Add(new($"{path}.points[{I(p)}].value", FrameworkValidationCodes.DuplicateId, $"Duplicate value {I(point.Value)} (also at {path}.points[{I(seen[point.Value])}]): each point needs its own value."));
                }
            }
        }

        CheckIds(errors, "$.standards", standards, s => s?.Id, "standard");
        var indicatorSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < standards.Count; i++)
        {
            if (standards[i] is not { } standard)
            {
                continue;
            }

            var path = $"$.standards[{I(i)}]";
            RequireText(errors, path + ".name", standard.Name, "the standard's name");
            RequireText(errors, path + ".description", standard.Description, "a short description of the standard");
            CheckWeight(errors, path + ".weight", standard.Weight);
            var indicators = standard.Indicators ?? [];
            if (indicators.Count == 0)
            {
                errors.Add(new(path + ".indicators", FrameworkValidationCodes.TooFew, $"Standard {FrameworkErrorCollector.Quote(standard.Id)} has no indicators: give at least one indicator to rate."));
            }

            for (var j = 0; j < indicators.Count; j++)
            {
                var indicatorPath = $"{path}.indicators[{I(j)}]";
                if (indicators[j] is not { } indicator)
                {
                    errors.Add(new(indicatorPath, FrameworkValidationCodes.Required, "An indicator is null: give an id, text, weight and scale."));
                    continue;
                }

                if (RequireText(errors, indicatorPath + ".id", indicator.Id, "the indicator's id")
                    && !indicatorSeen.TryAdd(indicator.Id, indicatorPath + ".id"))
                {
                    errors.Add(new(indicatorPath + ".id", FrameworkValidationCodes.DuplicateId, $"Duplicate id {FrameworkErrorCollector.Quote(indicator.Id)} (also at {indicatorSeen[indicator.Id]}): indicator ids must be unique across the framework."));
                }

                RequireText(errors, indicatorPath + ".text", indicator.Text, "what the assessor rates");
                CheckWeight(errors, indicatorPath + ".weight", indicator.Weight);
                if (RequireText(errors, indicatorPath + ".scale", indicator.ScaleId, "the id of the rating scale") && !scaleIds.Contains(indicator.ScaleId))
                {
                    errors.Add(new(indicatorPath + ".scale", FrameworkValidationCodes.UnknownReference, $"Unknown reference: rating scale {FrameworkErrorCollector.Quote(indicator.ScaleId)} is not declared in 'ratingScales'; declare it or correct the name."));
                }
            }

            if (indicators.Count > 0 && indicators.All(x => x is not null && x.Weight == 0))
            {
                errors.Add(new(path + ".indicators", FrameworkValidationCodes.AllWeightsZero, $"Every indicator weight of standard {FrameworkErrorCollector.Quote(standard.Id)} is zero, so the standard could not be scored: give at least one indicator a positive weight."));
            }
        }

        if (standards.Count > 0 && standards.All(s => s is not null && s.Weight == 0))
        {
            errors.Add(new("$.standards", FrameworkValidationCodes.AllWeightsZero, "Every standard weight is zero, so no overall score could be worked out: give at least one standard a positive weight."));
        }

        CheckIds(errors, "$.phases", phases, p => p?.Id, "phase");
        for (var i = 0; i < phases.Count; i++)
        {
            if (phases[i] is { } phase)
            {
                RequireText(errors, $"$.phases[{I(i)}].name", phase.Name, "the phase's name");
                RequireText(errors, $"$.phases[{I(i)}].description", phase.Description, "a short description of the phase");
            }
        }
    }

    /// <summary>Validates a definition and throws when it has any fault.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="requiredParts">The parts it must provide.</param>
    /// <exception cref="FrameworkValidationException">The definition has at least one fault.</exception>
    public static void EnsureValid(FrameworkDefinition definition, FrameworkParts requiredParts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new FrameworkErrorCollector(FrameworkValidationException.MaxReportedErrors);
        Collect(definition, requiredParts, errors);
        if (errors.Count > 0)
        {
            throw new FrameworkValidationException(errors.Errors, errors.Omitted);
        }
    }

    private static HashSet<string> CheckIds<T>(FrameworkErrorCollector errors, string path, IReadOnlyList<T> items, Func<T, string?> id, string kind)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add(new($"{path}[{I(i)}]", FrameworkValidationCodes.Required, $"A {kind} is null: remove it or give its fields."));
                continue;
            }

            var value = id(items[i]);
            if (!RequireText(errors, $"{path}[{I(i)}].id", value, $"the {kind}'s id"))
            {
                continue;
            }

            if (!seen.TryAdd(value!, i))
            {
                errors.Add(new($"{path}[{I(i)}].id", FrameworkValidationCodes.DuplicateId, $"Duplicate id {FrameworkErrorCollector.Quote(value)} (also at {path}[{I(seen[value!])}].id): each {kind} needs its own id."));
            }
        }

        return [.. seen.Keys];
    }

    private static void CheckWeight(FrameworkErrorCollector errors, string path, double weight)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            errors.Add(new(path, FrameworkValidationCodes.NegativeWeight, $"Weight {weight.ToString(CultureInfo.InvariantCulture)} is negative or not a number: weights must be zero or more."));
        }
    }

    private static bool RequireText(FrameworkErrorCollector errors, string path, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(path, FrameworkValidationCodes.Required, $"Missing {what}: give a non-blank value."));
            return false;
        }

        return true;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
