using System.Numerics;

namespace CoProduction.Scoring;

/// <summary>
/// Weighted involvement scoring: indicator ratings into per-standard and overall scores.
/// </summary>
/// <remarks>
/// <para>
/// Missing ratings (<see cref="double.NaN"/>) are left out and the weights re-normalised over what was rated: a
/// standard's score is sum(w_i r_i) / sum(w_i) over its rated indicators, and is NaN when none of its indicators was
/// rated. The overall score is sum(W_s S_s) / sum(W_s) over the standards that have a score, and is NaN when none
/// has. So a missing rating neither counts as zero nor drags the score towards any value; callers who want a
/// minimum coverage should check it separately.
/// </para>
/// <para>Ratings can be on any finite scale; an infinite rating throws.</para>
/// </remarks>
public static class WeightedScoring
{
    /// <summary>Scores one assessment.</summary>
    /// <param name="scheme">The scoring scheme.</param>
    /// <param name="ratings">One rating per indicator, NaN when not rated.</param>
    /// <returns>The per-standard scores and the overall score.</returns>
    /// <exception cref="ArgumentException">The ratings do not match the scheme or hold an infinite value.</exception>
    public static AssessmentScore Score(ScoringScheme scheme, ReadOnlySpan<double> ratings)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (ratings.Length != scheme.IndicatorCount)
        {
            throw new ArgumentException($"The scheme has {scheme.IndicatorCount} indicators but {ratings.Length} ratings were given.", nameof(ratings));
        }

        var standards = new double[scheme.StandardCount];
        Span<double> overall = stackalloc double[1];
        ScoreBatch(scheme, ratings, standards, overall);
        return new AssessmentScore(standards, overall[0]);
    }

    /// <summary>
    /// Scores many assessments at once without allocating: ratings are assessment rows of
    /// <see cref="ScoringScheme.IndicatorCount"/> values one after the other; results go to caller-supplied spans.
    /// </summary>
    /// <param name="scheme">The scoring scheme.</param>
    /// <param name="ratings">Assessments x indicators, row-major; NaN marks a missing rating.</param>
    /// <param name="standardScores">Receives assessments x standards scores, row-major.</param>
    /// <param name="overallScores">Receives one overall score per assessment.</param>
    /// <exception cref="ArgumentException">The span lengths do not match the scheme, or a rating is infinite.</exception>
    public static void ScoreBatch(ScoringScheme scheme, ReadOnlySpan<double> ratings, Span<double> standardScores, Span<double> overallScores)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var indicators = scheme.IndicatorCount;
        var standards = scheme.StandardCount;
        if (ratings.Length % indicators != 0)
        {
            throw new ArgumentException($"{ratings.Length} ratings do not make whole assessments of {indicators} indicators.", nameof(ratings));
        }

        var assessments = ratings.Length / indicators;
        if (standardScores.Length != assessments * standards)
        {
            throw new ArgumentException(
                $"standardScores needs {assessments * standards} slots ({assessments} assessments x {standards} standards) but has {standardScores.Length}.",
                nameof(standardScores));
        }

        if (overallScores.Length != assessments)
        {
            throw new ArgumentException($"overallScores needs {assessments} slots but has {overallScores.Length}.", nameof(overallScores));
        }

        var weights = scheme.IndicatorWeights;
        var standardWeights = scheme.StandardWeights;
        var order = scheme.IndicatorsByStandard;
        var starts = scheme.StandardStarts;
        Span<double> weighted = indicators <= 512 ? stackalloc double[indicators] : new double[indicators];
        Span<double> present = indicators <= 512 ? stackalloc double[indicators] : new double[indicators];
        var width = Vector<double>.Count;
        var vectorEnd = indicators - (indicators % width);

        for (var a = 0; a < assessments; a++)
        {
            var row = ratings.Slice(a * indicators, indicators);

            // Branch-free masking: a NaN rating contributes 0 to both the weighted sum and the weight sum.
            var i = 0;
            for (; i < vectorEnd; i += width)
            {
                var r = new Vector<double>(row[i..]);
                var w = new Vector<double>(weights[i..]);
                var rated = Vector.Equals(r, r);
                Vector.ConditionalSelect(rated, w * r, Vector<double>.Zero).CopyTo(weighted[i..]);
                Vector.ConditionalSelect(rated, w, Vector<double>.Zero).CopyTo(present[i..]);
            }

            for (; i < indicators; i++)
            {
                var r = row[i];
                var rated = !double.IsNaN(r);
                weighted[i] = rated ? weights[i] * r : 0;
                present[i] = rated ? weights[i] : 0;
            }

            var scores = standardScores.Slice(a * standards, standards);
            double overallSum = 0, overallWeight = 0;
            for (var s = 0; s < standards; s++)
            {
                double sum = 0, weight = 0;
                for (var k = starts[s]; k < starts[s + 1]; k++)
                {
                    var index = order[k];
                    sum += weighted[index];
                    weight += present[index];
                }

                if (weight > 0)
                {
                    var score = sum / weight;
                    if (!double.IsFinite(score))
                    {
                        throw new ArgumentException($"Assessment {a} holds an infinite rating; use NaN for a missing rating.", nameof(ratings));
                    }

                    scores[s] = score;
                    overallSum += standardWeights[s] * score;
                    overallWeight += standardWeights[s];
                }
                else
                {
                    scores[s] = double.NaN;
                }
            }

            overallScores[a] = overallWeight > 0 ? overallSum / overallWeight : double.NaN;
        }
    }
}
