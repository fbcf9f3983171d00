namespace CoProduction.Scoring;

public static partial class Agreement
{
    /// <summary>
    /// Krippendorff's alpha per criterion across a set of reviews, each criterion at its own level of measurement:
    /// for each criterion the units (submissions) are the units of analysis and the coders (reviewers) the observers,
    /// so a panel's year of reviews gives one alpha per criterion instead of one pooled over criteria on different scales.
    /// </summary>
    /// <typeparam name="TCriterion">The criterion's key.</typeparam>
    /// <typeparam name="TUnit">The unit's key.</typeparam>
    /// <typeparam name="TCoder">The coder's key.</typeparam>
    /// <param name="ratings">Every (criterion, unit, coder, value); at most one per criterion, unit and coder.</param>
    /// <param name="levels">Each criterion's level of measurement; the result follows this order.</param>
    /// <returns>
    /// One <see cref="CriterionAgreement{TCriterion}"/> per criterion of <paramref name="levels"/>, each computed by
    /// <see cref="KrippendorffAlpha(ReadOnlySpan{double}, int, MeasurementLevel)"/> on that criterion's coders x units
    /// matrix (memory: coders x units doubles per criterion); a criterion without ratings has alpha NaN and zero counts.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> or <paramref name="levels"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A rating's criterion has no level, a coder rated the same unit twice on one criterion, a value is infinite, or
    /// (ratio level) a value is not positive.
    /// </exception>
    public static IReadOnlyList<CriterionAgreement<TCriterion>> KrippendorffAlphaByCriterion<TCriterion, TUnit, TCoder>(
        IEnumerable<Rating<TCriterion, TUnit, TCoder>> ratings,
        IReadOnlyDictionary<TCriterion, MeasurementLevel> levels)
        where TCriterion : notnull
        where TUnit : notnull
        where TCoder : notnull
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(levels);
        foreach (var (criterion, level) in levels)
        {
            if (!Enum.IsDefined(level))
            {
                throw new ArgumentException($"Criterion {criterion} has an unknown measurement level {level}.", nameof(levels));
            }
        }

        var byCriterion = new Dictionary<TCriterion, List<Rating<TCriterion, TUnit, TCoder>>>();
        foreach (var rating in ratings)
        {
            if (!levels.ContainsKey(rating.Criterion))
            {
                throw new ArgumentException($"Criterion {rating.Criterion} has ratings but no measurement level in levels.", nameof(ratings));
            }

            if (double.IsInfinity(rating.Value))
            {
                throw new ArgumentException(
                    $"Coder {rating.Coder} gave unit {rating.Unit} an infinite value on criterion {rating.Criterion}; use NaN for no rating.", nameof(ratings));
            }

            if (double.IsNaN(rating.Value))
            {
                continue;
            }

            if (!byCriterion.TryGetValue(rating.Criterion, out var list))
            {
                byCriterion[rating.Criterion] = list = [];
            }

            list.Add(rating);
        }

        var results = new List<CriterionAgreement<TCriterion>>(levels.Count);
        foreach (var (criterion, level) in levels)
        {
            results.Add(byCriterion.TryGetValue(criterion, out var list)
                ? CriterionAlpha(criterion, level, list)
                : new CriterionAgreement<TCriterion> { Criterion = criterion, Level = level, Alpha = double.NaN, PairableUnits = 0, PairableValues = 0, Coders = 0 });
        }

        return results;
    }

    private static CriterionAgreement<TCriterion> CriterionAlpha<TCriterion, TUnit, TCoder>(
        TCriterion criterion,
        MeasurementLevel level,
        List<Rating<TCriterion, TUnit, TCoder>> ratings)
        where TCriterion : notnull
        where TUnit : notnull
        where TCoder : notnull
    {
        var units = new Dictionary<TUnit, int>();
        var coders = new Dictionary<TCoder, int>();
        foreach (var rating in ratings)
        {
            units.TryAdd(rating.Unit, units.Count);
            coders.TryAdd(rating.Coder, coders.Count);
        }

        var matrix = new double[checked(coders.Count * units.Count)];
        Array.Fill(matrix, double.NaN);
        var perUnit = new int[units.Count];
        foreach (var rating in ratings)
        {
            var unit = units[rating.Unit];
            ref var cell = ref matrix[(coders[rating.Coder] * units.Count) + unit];
            if (!double.IsNaN(cell))
            {
                throw new ArgumentException(
                    $"Coder {rating.Coder} rated unit {rating.Unit} twice on criterion {criterion}; give one value per coder, unit and criterion.", "ratings");
            }

            if (level == MeasurementLevel.Ratio && rating.Value <= 0)
            {
                throw new ArgumentException(
                    $"Criterion {criterion} is at ratio level, which needs positive values, but coder {rating.Coder} gave unit {rating.Unit} {rating.Value}.", "ratings");
            }

            cell = rating.Value;
            perUnit[unit]++;
        }

        int pairableUnits = 0, pairableValues = 0;
        foreach (var m in perUnit)
        {
            if (m >= 2)
            {
                pairableUnits++;
                pairableValues += m;
            }
        }

        return new CriterionAgreement<TCriterion>
        {
            Criterion = criterion,
            Level = level,
            Alpha = KrippendorffAlpha(matrix, coders.Count, level),
            PairableUnits = pairableUnits,
            PairableValues = pairableValues,
            Coders = coders.Count,
        };
    }
}
