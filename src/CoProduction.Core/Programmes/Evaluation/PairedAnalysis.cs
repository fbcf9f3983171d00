using CoProduction.Primitives;
using Ardalis.GuardClauses;
using CoProduction.Scoring;

namespace CoProduction.Programmes.Evaluation;

/// <summary>
/// How one questionnaire item changed from before to after, over the participants who answered it both times:
/// means, the median change, how many improved, and the Wilcoxon signed-rank test of after minus before with its
/// effect sizes (r = Z / sqrt(N), and the matched-pairs rank-biserial correlation).
/// </summary>
/// <param name="ItemCode">The item's code.</param>
/// <param name="Statement">The item's statement.</param>
/// <param name="Pairs">How many participants answered it before and after.</param>
/// <param name="MeanBefore">The mean before (NaN without pairs).</param>
/// <param name="MeanAfter">The mean after (NaN without pairs).</param>
/// <param name="MedianChange">The median of after minus before (NaN without pairs).</param>
/// <param name="Improved">How many rated it higher after.</param>
/// <param name="Unchanged">How many rated it the same.</param>
/// <param name="Worsened">How many rated it lower after.</param>
/// <param name="Test">The two-sided Wilcoxon signed-rank test of after against before, or <see langword="null"/> without pairs.</param>
public sealed record ItemChange(string ItemCode, string Statement, int Pairs, double MeanBefore, double MeanAfter, double MedianChange, int Improved, int Unchanged, int Worsened, SignedRankResult? Test)
{
    /// <summary>Gets the item's code.</summary>
    public string ItemCode { get; } = Input.Required(ItemCode);

    /// <summary>Gets the item's statement.</summary>
    public string Statement { get; } = Input.Required(Statement);

    /// <summary>Gets the mean change, after minus before (NaN without pairs).</summary>
    public double MeanChange => MeanAfter - MeanBefore;
}

/// <summary>Paired before-and-after analysis of cohort evaluations, item by item, pooling cohorts that used the same questionnaire.</summary>
public static class PairedAnalysis
{
    /// <summary>Analyses every item of the evaluations' questionnaire, pooling the pairs of all the evaluations.</summary>
    /// <param name="evaluations">Evaluations that all used the same questionnaire.</param>
    /// <returns>One change per item, in the questionnaire's order; empty when there are no evaluations.</returns>
    /// <exception cref="ArgumentException">The evaluations used different questionnaires.</exception>
    public static IReadOnlyList<ItemChange> Analyse(IEnumerable<CohortEvaluation> evaluations)
    {
        Guard.Against.Null(evaluations);
        var list = evaluations.ToList();
        if (list.Any(e => e is null))
        {
            throw new InvalidInputException(nameof(evaluations), "The list of evaluations contains a null entry.");
        }

        if (list.Count == 0)
        {
            return [];
        }

        if (list.Select(e => e.QuestionnaireId).Distinct().Skip(1).Any())
        {
            throw new InvalidInputException(nameof(evaluations), "The evaluations used different questionnaires, so their answers cannot be pooled: analyse one questionnaire at a time.");
        }

        return [.. list[0].Items.Select(item => AnalyseItem(item, [.. list.SelectMany(e => e.PairsFor(item.Code))]))];
    }

    private static ItemChange AnalyseItem(LikertItem item, List<(int Before, int After)> pairs)
    {
        if (pairs.Count == 0)
        {
            return new ItemChange(item.Code, item.Statement, 0, double.NaN, double.NaN, double.NaN, 0, 0, 0, null);
        }

        var after = pairs.Select(p => (double)p.After).ToArray();
        var before = pairs.Select(p => (double)p.Before).ToArray();
        var changes = pairs.Select(p => p.After - p.Before).OrderBy(c => c).ToList();
        var middle = changes.Count / 2;
        var median = changes.Count % 2 == 1 ? changes[middle] : (changes[middle - 1] + changes[middle]) / 2.0;
        var test = SignedRankTest.Wilcoxon(after, before, Alternative.TwoSided);
        return new ItemChange(
            item.Code,
            item.Statement,
            pairs.Count,
            before.Average(),
            after.Average(),
            median,
            changes.Count(c => c > 0),
            changes.Count(c => c == 0),
            changes.Count(c => c < 0),
            test);
    }
}
