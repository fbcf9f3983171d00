using System.Text;
using CoProduction.Scoring;

namespace CoProduction.Reporting;

/// <summary>Puts an SPC chart's verdict into plain English: the alt text of the SVG and the legend's sentences.</summary>
internal static class SpcNarrative
{
    public static (string Verdict, string Description) Describe(SpcChart chart)
    {
        var values = chart.Values;
        var n = values.Count;
        var last = LastPresent(values);
        var period = chart.Options.PeriodName;
        var text = new StringBuilder();
        text.Append(chart.Title.TrimEnd('.', ' ')).Append(": ").Append(KindPhrase(chart.Kind)).Append(" of ")
            .Append(Count(n, period)).Append(" from ").Append(chart.Labels[0]).Append(" to ").Append(chart.Labels[n - 1]).Append(". ");
        if (last < 0)
        {
            text.Append("No point has a value, so there is nothing to judge yet.");
            return ("No data", text.ToString());
        }

        var verdict = VerdictPhrase(chart.PointTypes[last]);
        text.Append(verdict).Append(": ").Append(Reason(chart, last)).Append(". ");
        var special = chart.PointTypes.Count(t => t != PointType.CommonCause);
        if (special > 0 && chart.PointTypes[last] == PointType.CommonCause)
        {
            text.Append("Earlier, ").Append(Count(special, period)).Append(special == 1 ? " was" : " were").Append(" special cause. ");
        }

        text.Append(LimitsSentence(chart, last)).Append(' ');
        text.Append(chart.ImprovementDirection switch
        {
            ImprovementDirection.Increase => "Higher is better.",
            ImprovementDirection.Decrease => "Lower is better.",
            _ => "Neither direction is set as an improvement.",
        });
        if (AssuranceSentence(chart) is { } assurance)
        {
            text.Append(' ').Append(assurance);
            if (chart.PointTypes[last] != PointType.CommonCause && double.IsFinite(chart.UpperLimits[last]))
            {
                // Making Data Count judges assurance on a stable process: limits set before a change do not describe it.
                text.Append(" The latest ").Append(chart.Options.PeriodName).Append(" is special cause, so the process may have changed: ")
                    .Append("recalculate the limits from the change (a rebase) before relying on this judgement of the target.");
            }
        }

        if (chart.SegmentStarts.Count > 1)
        {
            text.Append(" The limits were recalculated from ")
                .AppendJoin(" and from ", chart.SegmentStarts.Skip(1).Select(s => chart.Labels[s]))
                .Append(" after a change to the process.");
        }

        if (chart.Annotations.Count > 0)
        {
            text.Append(" Marked on the chart: ")
                .AppendJoin("; ", chart.Annotations.OrderBy(a => a.Index).Select(a => $"{a.Text.TrimEnd('.')} at {chart.Labels[a.Index]}"))
                .Append('.');
        }

        return (verdict, text.ToString());
    }

    /// <summary>The variation icon's meaning for the latest point, in words.</summary>
    public static string VariationMeaning(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => "special cause variation of an improving nature",
        PointType.SpecialCauseConcern => "special cause variation of a concerning nature",
        PointType.SpecialCauseNeutralHigh => "special cause variation, higher than expected, neither improvement nor concern",
        PointType.SpecialCauseNeutralLow => "special cause variation, lower than expected, neither improvement nor concern",
        _ => "common cause variation, no significant change",
    };

    /// <summary>A point's type as a short phrase, for tables.</summary>
    public static string PointTypeName(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => "Special cause improvement",
        PointType.SpecialCauseConcern => "Special cause concern",
        PointType.SpecialCauseNeutralHigh => "Special cause (high)",
        PointType.SpecialCauseNeutralLow => "Special cause (low)",
        _ => "Common cause",
    };

    public static string? AssuranceSentence(SpcChart chart)
    {
        if (chart.Target is not { } target)
        {
            return null;
        }

        var t = chart.FormatValue(target);
        var last = LastPresent(chart.Values);
        if (last < 0 || !double.IsFinite(chart.LowerLimits[last]) || !double.IsFinite(chart.UpperLimits[last]))
        {
            return $"The target of {t} cannot be judged until there are process limits.";
        }

        return chart.Assurance switch
        {
            Assurance.ConsistentPass => $"The target of {t} is consistently met: the process limits are all on the better side of it.",
            Assurance.ConsistentFail => $"The target of {t} will consistently be missed unless the process changes: the process limits are all on the worse side of it.",
            Assurance.Inconsistent => $"The target of {t} is not consistently met: it lies between the process limits, so the process will meet and miss it by chance.",
            _ => $"The target of {t} is shown for reference; with no direction of improvement it is not judged.",
        };
    }

    public static int LastPresent(IReadOnlyList<double> values)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (!double.IsNaN(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static string Count(int count, string period) => count == 1 ? $"1 {period}" : $"{count} {Plural(period)}";

    private static string Plural(string period) => period.EndsWith('s') ? period : period + "s";

    private static string KindPhrase(SpcChartKind kind) => kind switch
    {
        SpcChartKind.P => "a p chart (a proportion per point, with limits set by each point's denominator)",
        SpcChartKind.LaneyPPrime => "a Laney p' chart (a proportion per point, with limits set by each point's denominator and the spread between points)",
        _ => "an XmR chart",
    };

    private static string VerdictPhrase(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => "Special cause improvement",
        PointType.SpecialCauseConcern => "Special cause concern",
        PointType.SpecialCauseNeutralHigh => "Special cause variation (high)",
        PointType.SpecialCauseNeutralLow => "Special cause variation (low)",
        _ => "Common cause variation",
    };

    private static string Reason(SpcChart chart, int last)
    {
        var period = chart.Options.PeriodName;
        var value = chart.Values[last];
        var centre = chart.CentreLines[last];
        var high = value > centre;
        switch (chart.Rules[last])
        {
            case SpecialCauseRule.OutsideLimits:
                var limit = high ? chart.UpperLimits[last] : chart.LowerLimits[last];
                return $"the latest {period} ({chart.Labels[last]}, {chart.FormatValue(value)}) is {(high ? "above the upper" : "below the lower")} process limit of {chart.FormatValue(limit)}";
            case SpecialCauseRule.Shift:
                var run = RunLength(chart, last, i => Math.Sign(chart.Values[i] - chart.CentreLines[i]) == Math.Sign(value - centre));
                return $"the last {Count(run, period)} are all {(high ? "above" : "below")} the mean of {chart.FormatValue(centre)}";
            case SpecialCauseRule.Trend:
                var rising = last > 0 && value > chart.Values[last - 1];
                var steps = RunLength(chart, last, i => i > 0 && (rising ? chart.Values[i] > chart.Values[i - 1] : chart.Values[i] < chart.Values[i - 1]));
                return $"the last {Count(steps + 1, period)} have each {(rising ? "risen" : "fallen")} from the one before";
            case SpecialCauseRule.TwoInThree:
                return $"two of the last three {Plural(period)} are close to the {(high ? "upper" : "lower")} process limit";
            default:
                return $"the latest {period} ({chart.Labels[last]}, {chart.FormatValue(value)}) breaks none of the rules for special cause, so recent changes are within what the process usually gives";
        }
    }

    private static int RunLength(SpcChart chart, int last, Func<int, bool> holds)
    {
        var run = 0;
        for (var i = last; i >= 0 && !double.IsNaN(chart.Values[i]) && holds(i); i--)
        {
            run++;
        }

        return Math.Max(run, 1);
    }

    private static string LimitsSentence(SpcChart chart, int last)
    {
        if (!double.IsFinite(chart.LowerLimits[last]) || !double.IsFinite(chart.UpperLimits[last]))
        {
            return double.IsFinite(chart.CentreLines[last])
                ? $"The mean is {chart.FormatValue(chart.CentreLines[last])}. Too few points to set process limits yet."
                : "Too few points to set process limits yet.";
        }

        var mean = chart.FormatValue(chart.CentreLines[last]);
        var lower = chart.FormatValue(chart.LowerLimits[last]);
        var upper = chart.FormatValue(chart.UpperLimits[last]);
        return chart.Kind == SpcChartKind.XmR
            ? $"The mean is {mean} and the process limits are {lower} to {upper}."
            : $"The mean is {mean} and the process limits at the latest {chart.Options.PeriodName} are {lower} to {upper} (they vary with each {chart.Options.PeriodName}'s denominator).";
    }
}
