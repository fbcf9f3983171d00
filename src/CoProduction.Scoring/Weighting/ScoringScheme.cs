namespace CoProduction.Scoring;

/// <summary>
/// How indicator ratings combine into standard and overall scores: which standard each indicator belongs to, the
/// weight of each indicator within its standard, and the weight of each standard in the overall score. Build one per
/// framework version and reuse it for every assessment.
/// </summary>
public sealed class ScoringScheme
{
    private readonly int[] _indicatorsByStandard;
    private readonly int[] _standardStarts;
    private readonly double[] _indicatorWeights;
    private readonly double[] _standardWeights;

    /// <summary>Creates a scheme and checks it.</summary>
    /// <param name="standardOfIndicator">For each indicator, the zero-based index of its standard.</param>
    /// <param name="indicatorWeights">For each indicator, its positive weight within its standard.</param>
    /// <param name="standardWeights">For each standard, its positive weight in the overall score.</param>
    /// <exception cref="ArgumentException">
    /// Lengths differ, there are no indicators, a standard index is out of range, a standard has no indicator, or a
    /// weight is not a positive finite number.
    /// </exception>
    public ScoringScheme(ReadOnlySpan<int> standardOfIndicator, ReadOnlySpan<double> indicatorWeights, ReadOnlySpan<double> standardWeights)
    {
        if (standardOfIndicator.IsEmpty)
        {
            throw new ArgumentException("A scoring scheme needs at least one indicator.", nameof(standardOfIndicator));
        }

        if (indicatorWeights.Length != standardOfIndicator.Length)
        {
            throw new ArgumentException(
                $"There are {standardOfIndicator.Length} indicators but {indicatorWeights.Length} indicator weights.", nameof(indicatorWeights));
        }

        if (standardWeights.IsEmpty)
        {
            throw new ArgumentException("A scoring scheme needs at least one standard.", nameof(standardWeights));
        }

        for (var i = 0; i < indicatorWeights.Length; i++)
        {
            if (!(indicatorWeights[i] > 0) || !double.IsFinite(indicatorWeights[i]))
            {
                throw new ArgumentException($"Indicator weight {i} is {indicatorWeights[i]}; weights must be positive and finite.", nameof(indicatorWeights));
            }
        }

        for (var s = 0; s < standardWeights.Length; s++)
        {
            if (!(standardWeights[s] > 0) || !double.IsFinite(standardWeights[s]))
            {
                throw new ArgumentException($"Standard weight {s} is {standardWeights[s]}; weights must be positive and finite.", nameof(standardWeights));
            }
        }

        var counts = new int[standardWeights.Length];
        for (var i = 0; i < standardOfIndicator.Length; i++)
        {
            var s = standardOfIndicator[i];
            if ((uint)s >= (uint)standardWeights.Length)
            {
                throw new ArgumentException(
                    $"Indicator {i} belongs to standard {s}, but there are only {standardWeights.Length} standards.", nameof(standardOfIndicator));
            }

            counts[s]++;
        }

        _standardStarts = new int[standardWeights.Length + 1];
        for (var s = 0; s < counts.Length; s++)
        {
            if (counts[s] == 0)
            {
                throw new ArgumentException($"Standard {s} has no indicator.", nameof(standardOfIndicator));
            }

            _standardStarts[s + 1] = _standardStarts[s] + counts[s];
        }

        _indicatorsByStandard = new int[standardOfIndicator.Length];
        var next = _standardStarts[..^1].ToArray();
        for (var i = 0; i < standardOfIndicator.Length; i++)
        {
            _indicatorsByStandard[next[standardOfIndicator[i]]++] = i;
        }

        _indicatorWeights = indicatorWeights.ToArray();
        _standardWeights = standardWeights.ToArray();
    }

    /// <summary>The number of indicators (the length of one assessment's ratings).</summary>
    public int IndicatorCount => _indicatorWeights.Length;

    /// <summary>The number of standards (the length of one assessment's standard scores).</summary>
    public int StandardCount => _standardWeights.Length;

    internal ReadOnlySpan<double> IndicatorWeights => _indicatorWeights;

    internal ReadOnlySpan<double> StandardWeights => _standardWeights;

    internal ReadOnlySpan<int> IndicatorsByStandard => _indicatorsByStandard;

    internal ReadOnlySpan<int> StandardStarts => _standardStarts;
}
