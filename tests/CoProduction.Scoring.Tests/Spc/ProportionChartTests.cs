using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class ProportionChartTests
{
    // A year of monthly involvement figures: projects with patient partners involved (x) out of active projects (n),
    // the denominator changing as projects start and close. Made-up figures.
    private static readonly int[] Involved = [8, 9, 7, 12, 10, 11, 13, 9, 14, 12, 15, 16];
    private static readonly int[] Active = [20, 22, 18, 25, 24, 23, 26, 20, 27, 25, 28, 30];

    /// <summary>The textbook p chart, written out once: p-bar = sum x / sum n, limits p-bar +/- 3 sqrt(p-bar q-bar / n_i) in [0, 1].</summary>
    private static (double Centre, double[] Lower, double[] Upper) TextbookP(int[] x, int[] n, double sigmaZ = 1)
    {
        var centre = (double)x.Sum() / n.Sum();
        var lower = new double[n.Length];
        var upper = new double[n.Length];
        for (var i = 0; i < n.Length; i++)
        {
            var sigma = Math.Sqrt(centre * (1 - centre) / n[i]) * sigmaZ;
            lower[i] = Math.Max(0, centre - (3 * sigma));
            upper[i] = Math.Min(1, centre + (3 * sigma));
        }

        return (centre, lower, upper);
    }

    /// <summary>Laney's sigma_z written out: z-scores, their moving ranges, mean / 1.128.</summary>
    private static double TextbookSigmaZ(int[] x, int[] n)
    {
        var centre = (double)x.Sum() / n.Sum();
        var z = x.Select((xi, i) => (((double)xi / n[i]) - centre) / Math.Sqrt(centre * (1 - centre) / n[i])).ToArray();
        var ranges = z.Skip(1).Select((zi, i) => Math.Abs(zi - z[i])).ToArray();
        return ranges.Average() / 1.128;
    }

    [Fact]
    public void Analyse_VaryingDenominators_LimitsEqualTextbookComputation()
    {
        var result = ProportionChart.Analyse(Involved, Active);
        var (centre, lower, upper) = TextbookP(Involved, Active);

        // 136 / 288 by hand, and the first month's upper limit by hand: sqrt(0.472222 x 0.527778 / 20) = 0.111630.
        centre.Should().BeApproximately(136.0 / 288, 1e-15);
        result.CentreLine.Should().BeApproximately(0.472222222222, 1e-12);
        result.UpperProcessLimits[0].Should().BeApproximately(0.472222 + (3 * 0.111630), 1e-5);
        result.CentreLine.Should().BeApproximately(centre, 1e-15);
        result.LowerProcessLimits.Should().Equal(lower, (a, e) => Math.Abs(a - e) < 1e-14);
        result.UpperProcessLimits.Should().Equal(upper, (a, e) => Math.Abs(a - e) < 1e-14);
        result.Proportions.Should().Equal(Involved.Select((xi, i) => (double)xi / Active[i]));
        result.Segments.Should().ContainSingle().Which.SigmaZ.Should().Be(1);
        result.Kind.Should().Be(ProportionChartKind.P);

        // Each point's limits narrow as its denominator grows.
        (result.UpperProcessLimits[11] - result.LowerProcessLimits[11]).Should().BeLessThan(result.UpperProcessLimits[2] - result.LowerProcessLimits[2]);
    }

    [Fact]
    public void Analyse_LaneyPPrime_LimitsEqualTextbookComputation()
    {
        var result = ProportionChart.Analyse(Involved, Active, ProportionChartKind.LaneyPPrime);
        var sigmaZ = TextbookSigmaZ(Involved, Active);
        var (centre, lower, upper) = TextbookP(Involved, Active, sigmaZ);
        result.Segments[0].SigmaZ.Should().BeApproximately(sigmaZ, 1e-13);
        result.CentreLine.Should().BeApproximately(centre, 1e-15);
        result.LowerProcessLimits.Should().Equal(lower, (a, e) => Math.Abs(a - e) < 1e-13);
        result.UpperProcessLimits.Should().Equal(upper, (a, e) => Math.Abs(a - e) < 1e-13);
        result.NearUpperLimits[3].Should().BeApproximately(centre + (2 * sigmaZ * Math.Sqrt(centre * (1 - centre) / 25)), 1e-13);
    }

    [Fact]
    public void Analyse_LargeDenominatorsWithOverDispersion_PChartFlagsMostPointsLaneyDoesNot()
    {
        // 20,000 patients a month, the true share wandering between 45% and 55% month to month: the binomial limits
        // are about +/- 1 percentage point, so the p chart calls most months special causes; p' widens the limits
        // by sigma_z and calls none of them (Laney's motivating case).
        var random = new Random(17);
        var n = Enumerable.Range(0, 24).Select(_ => 20_000 + random.Next(-500, 500)).ToArray();
        var x = n.Select(ni => (int)(ni * (0.45 + (0.10 * random.NextDouble())))).ToArray();
        var p = ProportionChart.Analyse(x, n);
        var laney = ProportionChart.Analyse(x, n, ProportionChartKind.LaneyPPrime);
        p.Rules.Count(r => r == SpecialCauseRule.OutsideLimits).Should().BeGreaterThan(12);
        laney.Segments[0].SigmaZ.Should().BeGreaterThan(5);
        laney.Rules.Should().NotContain(SpecialCauseRule.OutsideLimits);
    }

    [Fact]
    public void Analyse_SmallDenominators_LimitsClampedToZeroAndOne()
    {
        int[] x = [1, 0, 1, 2, 0, 1];
        int[] n = [3, 2, 4, 5, 2, 3];
        var result = ProportionChart.Analyse(x, n);
        result.LowerProcessLimits.Should().AllSatisfy(l => l.Should().Be(0));
        result.UpperProcessLimits[1].Should().Be(1);

        int[] high = [3, 2, 4, 5, 2, 2];
        ProportionChart.Analyse(high, n).UpperProcessLimits.Should().AllSatisfy(u => u.Should().Be(1));
    }

    [Theory]
    [InlineData(ImprovementDirection.Increase, PointType.SpecialCauseImprovement)]
    [InlineData(ImprovementDirection.Decrease, PointType.SpecialCauseConcern)]
    [InlineData(ImprovementDirection.Neutral, PointType.SpecialCauseNeutralHigh)]
    public void Analyse_PointAboveItsOwnLimit_IsSpecialCauseInTheDirection(ImprovementDirection direction, PointType expected)
    {
        // 50/50 at month 6 with n = 50 is above p-bar + 3 sigma (about 0.32 + 0.20); the same 1.0 with n = 2 would not be.
        int[] x = [10, 8, 12, 9, 11, 50, 10, 9];
        int[] n = [40, 40, 40, 40, 40, 50, 40, 40];
        var result = ProportionChart.Analyse(x, n, options: new SpcOptions { ImprovementDirection = direction });
        result.Rules[5].Should().Be(SpecialCauseRule.OutsideLimits);
        result.PointTypes[5].Should().Be(expected);
        result.PointTypes.Where((_, i) => i != 5).Should().AllBeEquivalentTo(PointType.CommonCause);
    }

    [Fact]
    public void Analyse_ZeroDenominator_IsMissingCommonCauseAndBreaksTheShift()
    {
        // Seven months above p-bar but the fourth has no active projects: no seven-point shift.
        int[] x = [2, 3, 2, 3, 6, 6, 6, 0, 6, 6, 6, 2, 3, 2];
        int[] n = [10, 10, 10, 10, 10, 10, 10, 0, 10, 10, 10, 10, 10, 10];
        var result = ProportionChart.Analyse(x, n);
        result.Proportions[7].Should().Be(double.NaN);
        result.UpperProcessLimits[7].Should().Be(double.NaN);
        result.PointTypes[7].Should().Be(PointType.CommonCause);
        result.Rules.Should().NotContain(SpecialCauseRule.Shift);
        result.CentreLine.Should().BeApproximately(53.0 / 130, 1e-15);

        x[7] = 6;
        n[7] = 10;
        ProportionChart.Analyse(x, n).Rules.Skip(4).Take(7).Should().AllBeEquivalentTo(SpecialCauseRule.Shift);
    }

    [Theory]
    [InlineData(0.80, ImprovementDirection.Increase, Assurance.ConsistentFail)]
    [InlineData(0.15, ImprovementDirection.Increase, Assurance.ConsistentPass)]
    [InlineData(0.50, ImprovementDirection.Increase, Assurance.Inconsistent)]
    [InlineData(0.80, ImprovementDirection.Decrease, Assurance.ConsistentPass)]
    public void Analyse_Target_AssuranceFromTheLastPointsLimits(double target, ImprovementDirection direction, Assurance expected)
    {
        // CNWL reported 40% involvement against an 80% target (issue 17): a process around 47% cannot meet 80%.
        var result = ProportionChart.Analyse(Involved, Active, options: new SpcOptions { Target = target, ImprovementDirection = direction });
        result.Assurance.Should().Be(expected);
    }

    [Fact]
    public void Analyse_RebaseAt_EachSegmentEqualsItsOwnChart()
    {
        int[] x = [5, 6, 4, 5, 7, 5, 12, 14, 13, 15, 14, 16];
        int[] n = [20, 21, 19, 20, 22, 20, 20, 21, 19, 22, 20, 21];
        var options = new SpcOptions { RebaseAt = [6] };
        foreach (var kind in new[] { ProportionChartKind.P, ProportionChartKind.LaneyPPrime })
        {
            var whole = ProportionChart.Analyse(x, n, kind, options);
            var before = ProportionChart.Analyse(x.AsSpan(0, 6), n.AsSpan(0, 6), kind);
            var after = ProportionChart.Analyse(x.AsSpan(6), n.AsSpan(6), kind);
            whole.Segments.Should().Equal(
                new ProportionSegment(0, 6, before.CentreLine, before.Segments[0].SigmaZ),
                new ProportionSegment(6, 6, after.CentreLine, after.Segments[0].SigmaZ));
            whole.UpperProcessLimits.Should().Equal(before.UpperProcessLimits.Concat(after.UpperProcessLimits));
            whole.PointTypes.Should().Equal(before.PointTypes.Concat(after.PointTypes));
            whole.CentreLine.Should().Be(after.CentreLine);
            whole.CentreLineAt(2).Should().Be(before.CentreLine);
        }

        // Without the rebase the step up is a special cause; with it, each stretch is stable around its own centre.
        ProportionChart.Analyse(x, n).PointTypes.Should().Contain(PointType.SpecialCauseImprovement);
        ProportionChart.Analyse(x, n, options: options).PointTypes.Should().AllBeEquivalentTo(PointType.CommonCause);
    }

    [Fact]
    public void Analyse_BaselineLength_CentreFromTheFirstPointsOfEachSegment()
    {
        var result = ProportionChart.Analyse(Involved, Active, options: new SpcOptions { BaselineLength = 4 });
        result.CentreLine.Should().BeApproximately((8.0 + 9 + 7 + 12) / (20 + 22 + 18 + 25), 1e-15);
    }

    [Fact]
    public void Analyse_NumeratorAboveDenominator_Throws() =>
        FluentActions.Invoking(() => ProportionChart.Analyse([3, 5], [4, 4]))
            .Should().Throw<ArgumentException>().WithParameterName("numerators").WithMessage("numerators[1] is 5 out of 4*");

    [Fact]
    public void Analyse_NegativeDenominator_Throws() =>
        FluentActions.Invoking(() => ProportionChart.Analyse([0, 0], [4, -1]))
            .Should().Throw<ArgumentException>().WithParameterName("denominators");

    [Fact]
    public void Analyse_LengthsDiffer_Throws() =>
        FluentActions.Invoking(() => ProportionChart.Analyse([1, 2], [4]))
            .Should().Throw<ArgumentException>().WithParameterName("denominators");

    [Fact]
    public void Analyse_Empty_Throws() =>
        FluentActions.Invoking(() => ProportionChart.Analyse([], []))
            .Should().Throw<ArgumentException>().WithParameterName("numerators");

    [Fact]
    public void Analyse_TargetAboveOne_Throws() =>
        FluentActions.Invoking(() => ProportionChart.Analyse([1], [2], options: new SpcOptions { Target = 80 }))
            .Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*between 0 and 1*");

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(2)]
    public void Analyse_RebaseOutsideOrNotIncreasing_Throws(int second) =>
        FluentActions.Invoking(() => ProportionChart.Analyse([1, 1, 1], [2, 2, 2], options: new SpcOptions { RebaseAt = [2, second] }))
            .Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("RebaseAt*");

    [Fact]
    public void Analyse_RandomSeries_MatchesLiteralRuleReferenceWithPerPointLimits() =>
        Gen.Select(Gen.Int[0, 40].Select(n => n).Array[1, 50], Gen.Double[0.05, 0.95], Gen.Int[0, 2], Gen.Bool, Gen.Int)
            .Sample(
                t =>
                {
                    var (n, share, direction, laney, seed) = t;
                    var random = new Random(seed);
                    var x = n.Select(ni => (int)Math.Round(ni * Math.Clamp(share + ((random.NextDouble() - 0.5) * 0.4), 0, 1))).ToArray();
                    var kind = laney ? ProportionChartKind.LaneyPPrime : ProportionChartKind.P;
                    var options = new SpcOptions { ImprovementDirection = (ImprovementDirection)direction, TrendLength = 6, ShiftLength = 6 };
                    var result = ProportionChart.Analyse(x, n, kind, options);

                    // Independent limits: the textbook formulas over the points that have a denominator.
                    var present = Enumerable.Range(0, n.Length).Where(i => n[i] > 0).ToArray();
                    var centre = present.Length == 0 ? double.NaN : (double)present.Sum(i => x[i]) / present.Sum(i => n[i]);
                    var sigmaZ = 1.0;
                    if (laney)
                    {
                        var z = n.Select((ni, i) => ni == 0 ? double.NaN : (((double)x[i] / ni) - centre) / Math.Sqrt(centre * (1 - centre) / ni)).ToArray();
                        var ranges = z.Skip(1).Select((zi, i) => Math.Abs(zi - z[i])).Where(r => !double.IsNaN(r)).ToArray();
                        sigmaZ = ranges.Length == 0 || centre is 0 or 1 ? double.NaN : ranges.Average() / 1.128;
                    }

                    var y = n.Select((ni, i) => ni == 0 ? double.NaN : (double)x[i] / ni).ToArray();
                    var sigma = n.Select(ni => ni == 0 ? double.NaN : Math.Sqrt(centre * (1 - centre) / ni) * sigmaZ).ToArray();
                    double[] lower = [.. sigma.Select(s => double.IsNaN(s) ? double.NaN : Math.Max(0, centre - (3 * s)))];
                    double[] upper = [.. sigma.Select(s => double.IsNaN(s) ? double.NaN : Math.Min(1, centre + (3 * s)))];
                    double[] nearLower = [.. sigma.Select(s => centre - (2 * s))];
                    double[] nearUpper = [.. sigma.Select(s => centre + (2 * s))];
                    for (var i = 0; i < n.Length; i++)
                    {
                        if (double.IsNaN(upper[i]))
                        {
                            result.UpperProcessLimits[i].Should().Be(double.NaN);
                        }
                        else
                        {
                            result.UpperProcessLimits[i].Should().BeApproximately(upper[i], 1e-12);
                            result.LowerProcessLimits[i].Should().BeApproximately(lower[i], 1e-12);
                        }
                    }

                    // Limits within 1e-12 can still put a point on the other side of one in theory; the generator's
                    // counts keep points well away, and the reference classes with its own limits.
                    result.PointTypes.Should().Equal(ReferenceXmR.Classify(y, centre, lower, upper, nearLower, nearUpper, options));
                },
                iter: 1000);
}
