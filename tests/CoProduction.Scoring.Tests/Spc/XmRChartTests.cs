using CsCheck;

namespace CoProduction.Scoring.Tests;

public sealed class XmRChartTests
{
    // Published Making Data Count example (DOMAIN.md; NHSRplotthedots documentation): screened limits
    // 4.60 / 1.94 / -0.72, unscreened 6.95 / -3.06.
    private static readonly double[] Published = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

    [Fact]
    public void Analyse_PublishedExampleScreened_MatchesPublishedLimits()
    {
        var result = XmRChart.Analyse(Published);
        result.Mean.Should().BeApproximately(1.94, 0.005);
        result.UpperProcessLimit.Should().BeApproximately(4.60, 0.005);
        result.LowerProcessLimit.Should().BeApproximately(-0.72, 0.005);
    }

    [Fact]
    public void Analyse_PublishedExampleUnscreened_MatchesPublishedLimits()
    {
        var result = XmRChart.Analyse(Published, new SpcOptions { ScreenOutliers = false });
        result.UpperProcessLimit.Should().BeApproximately(6.95, 0.005);
        result.LowerProcessLimit.Should().BeApproximately(-3.06, 0.005);
    }

    [Fact]
    public void Analyse_PublishedExample_OnlyTheTenIsSpecialCause()
    {
        var result = XmRChart.Analyse(Published);
        result.Rules[4].Should().Be(SpecialCauseRule.OutsideLimits);
        result.PointTypes[4].Should().Be(PointType.SpecialCauseImprovement);
        result.PointTypes.Where((_, i) => i != 4).Should().AllBeEquivalentTo(PointType.CommonCause);
    }

    [Fact]
    public void Analyse_RisingOneToSeven_OutsideLimitsTakesPrecedenceOverTrend()
    {
        // Mean 4, moving ranges 1: limits 1.34 and 6.66, so 1 and 7 are beyond them; 2..6 are the rest of the trend.
        var result = XmRChart.Analyse([1.0, 2, 3, 4, 5, 6, 7]);
        result.Rules.Should().Equal(
            SpecialCauseRule.OutsideLimits, SpecialCauseRule.Trend, SpecialCauseRule.Trend, SpecialCauseRule.Trend,
            SpecialCauseRule.Trend, SpecialCauseRule.Trend, SpecialCauseRule.OutsideLimits);
        result.PointTypes[0].Should().Be(PointType.SpecialCauseConcern);
        result.PointTypes.Skip(1).Should().AllBeEquivalentTo(PointType.SpecialCauseImprovement);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void Analyse_SixRisingPoints_AreATrendOnlyWithRunLengthSix(int trendLength, bool expected)
    {
        double[] values = [10, 0, 10, 0, 10, 5, 1, 2, 3, 4, 5, 6, 0, 10, 0, 10];
        var result = XmRChart.Analyse(values, new SpcOptions { TrendLength = trendLength });
        result.Rules.Skip(6).Take(6).All(r => r == SpecialCauseRule.Trend).Should().Be(expected);
        result.Rules.Skip(6).Take(6).Any(r => r == SpecialCauseRule.Trend).Should().Be(expected);
    }

    [Fact]
    public void Analyse_EqualNeighbour_BreaksTrend()
    {
        // NHSRplotthedots test: c(1:3, 3:6) is not a seven-point trend.
        double[] values = [10, 0, 10, 0, 1, 2, 3, 3, 4, 5, 6, 0, 10, 0];
        XmRChart.Analyse(values).Rules.Should().NotContain(SpecialCauseRule.Trend);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(7, false)]
    public void Analyse_SixPointsAboveMean_AreAShiftOnlyWithRunLengthSix(int shiftLength, bool expected)
    {
        double[] values = [9, 1, 9, 1, 6, 6, 6, 6, 6, 6, 1, 9, 1, 9];
        var result = XmRChart.Analyse(values, new SpcOptions { ShiftLength = shiftLength, ImprovementDirection = ImprovementDirection.Decrease });
        var run = result.Rules.Skip(4).Take(6).ToList();
        run.All(r => r == SpecialCauseRule.Shift).Should().Be(expected);
        if (expected)
        {
            result.PointTypes.Skip(4).Take(6).Should().AllBeEquivalentTo(PointType.SpecialCauseConcern);
        }
    }

    [Fact]
    public void Analyse_MissingValueInsideRun_NeverCreatesSpecialCause()
    {
        double[] values = [9, 1, 9, 1, 6, 6, 6, double.NaN, 6, 6, 6, 6, 1, 9, 1, 9];
        var result = XmRChart.Analyse(values, new SpcOptions { ShiftLength = 7 });
        result.Rules.Should().NotContain(SpecialCauseRule.Shift);
        result.PointTypes[7].Should().Be(PointType.CommonCause);
        double.IsFinite(result.Mean).Should().BeTrue();
        var filled = values.Select(v => double.IsNaN(v) ? 6 : v).ToArray();
        XmRChart.Analyse(filled, new SpcOptions { ShiftLength = 7 }).Rules.Should().Contain(SpecialCauseRule.Shift, "the same run without the gap is a shift");
    }

    [Fact]
    public void Analyse_TwoOfThreeInOuterThird_FlagsOnlyTheOuterThirdPoints()
    {
        // Mean about 10.6, mean moving range 2, outer third above 14.2 and limit 15.9: the two 15s are in the
        // outer third with a point above the mean between them, so both are flagged and the 11 is not.
        double[] values = [10, 8, 10, 8, 10, 8, 10, 15, 11, 15, 10, 8, 10, 8, 10, 8, 10, 8];
        var result = XmRChart.Analyse(values, new SpcOptions { ScreenOutliers = false });
        result.UpperProcessLimit.Should().BeGreaterThan(15);
        result.Limits.NearUpperLimit.Should().BeLessThan(15);
        result.Rules[7].Should().Be(SpecialCauseRule.TwoInThree);
        result.Rules[9].Should().Be(SpecialCauseRule.TwoInThree);
        result.Rules[8].Should().Be(SpecialCauseRule.None);
        result.PointTypes[7].Should().Be(PointType.SpecialCauseImprovement);
    }

    [Theory]
    [InlineData(ImprovementDirection.Increase, 100.0, Assurance.ConsistentFail)]
    [InlineData(ImprovementDirection.Decrease, 100.0, Assurance.ConsistentPass)]
    [InlineData(ImprovementDirection.Increase, -100.0, Assurance.ConsistentPass)]
    [InlineData(ImprovementDirection.Decrease, -100.0, Assurance.ConsistentFail)]
    [InlineData(ImprovementDirection.Increase, 2.0, Assurance.Inconsistent)]
    [InlineData(ImprovementDirection.Neutral, 100.0, Assurance.NotApplicable)]
    public void Analyse_Target_GivesAssurance(ImprovementDirection direction, double target, Assurance expected) =>
        XmRChart.Analyse(Published, new SpcOptions { ImprovementDirection = direction, Target = target }).Assurance.Should().Be(expected);

    [Fact]
    public void Analyse_NoTarget_AssuranceNotApplicable() => XmRChart.Analyse(Published).Assurance.Should().Be(Assurance.NotApplicable);

    [Fact]
    public void Analyse_ConstantSeriesScreened_HasNaNLimitsAndNoSpecialCause()
    {
        var result = XmRChart.Analyse([5.0, 5, 5, 5, 5, 5, 5, 5]);
        result.Mean.Should().Be(5);
        result.UpperProcessLimit.Should().Be(double.NaN);
        result.PointTypes.Should().AllBeEquivalentTo(PointType.CommonCause);
    }

    [Fact]
    public void Analyse_ConstantSeriesUnscreened_LimitsCollapseOnMean()
    {
        var result = XmRChart.Analyse([5.0, 5, 5, 5, 5, 5, 5, 5], new SpcOptions { ScreenOutliers = false });
        result.UpperProcessLimit.Should().Be(5);
        result.LowerProcessLimit.Should().Be(5);
        result.PointTypes.Should().AllBeEquivalentTo(PointType.CommonCause);
    }

    [Fact]
    public void Analyse_BaselineLength_FixesLimitsOnFirstPoints()
    {
        double[] values = [1, 2, 1, 2, 1, 2, 50, 60, 70];
        var result = XmRChart.Analyse(values, new SpcOptions { BaselineLength = 6 });
        result.Mean.Should().Be(1.5);
        result.UpperProcessLimit.Should().BeApproximately(1.5 + 2.66, 1e-12);
        result.PointTypes.Skip(6).Should().AllBeEquivalentTo(PointType.SpecialCauseImprovement);
    }

    [Fact]
    public void Analyse_RebaseAt_EachSegmentEqualsItsOwnChart()
    {
        // A change after month 8 lifts the measure: one set of limits calls the whole second half special cause;
        // limits recalculated from month 8 give each stretch its own mean and limits, as NHSRplotthedots' rebase does.
        double[] values = [52, 55, 49, 53, 50, 54, 51, 52, 70, 73, 69, 72, 71, 74, 70, 72];
        var options = new SpcOptions { RebaseAt = [8] };
        var whole = XmRChart.Analyse(values, options);
        var before = XmRChart.Analyse(values.AsSpan(0, 8));
        var after = XmRChart.Analyse(values.AsSpan(8));
        whole.Segments.Should().Equal(new XmRSegment(0, 8, before.Limits), new XmRSegment(8, 8, after.Limits));
        whole.Limits.Should().Be(after.Limits);
        whole.LimitsAt(7).Should().Be(before.Limits);
        whole.LimitsAt(8).Should().Be(after.Limits);
        whole.PointTypes.Should().Equal(before.PointTypes.Concat(after.PointTypes));
        whole.PointTypes.Should().AllBeEquivalentTo(PointType.CommonCause);
        XmRChart.Analyse(values).PointTypes.Should().Contain(PointType.SpecialCauseImprovement);

        // The span overload writes the same classes and returns the last segment's limits.
        var types = new PointType[values.Length];
        var rules = new SpecialCauseRule[values.Length];
        XmRChart.Analyse(values, types, rules, options).Should().Be(after.Limits);
        types.Should().Equal(whole.PointTypes);
    }

    [Fact]
    public void Analyse_RebaseAt_NoRunCrossesTheRebasePoint()
    {
        // Points 3..9 are seven above the overall mean, but the rebase at 6 splits them into runs of three and four.
        double[] values = [1, 9, 1, 6, 6, 6, 6, 6, 6, 6, 1, 9, 1, 9];
        XmRChart.Analyse(values).Rules.Should().Contain(SpecialCauseRule.Shift);
        XmRChart.Analyse(values, new SpcOptions { RebaseAt = [6] }).Rules.Should().NotContain(SpecialCauseRule.Shift);
    }

    [Fact]
    public void Analyse_RebaseAtZero_Throws() =>
        FluentActions.Invoking(() => XmRChart.Analyse([1.0, 2, 3], new SpcOptions { RebaseAt = [0] }))
            .Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("RebaseAt[0] is 0*");

    [Fact]
    public void Analyse_Empty_Throws() =>
        FluentActions.Invoking(() => XmRChart.Analyse([])).Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("*empty*");

    [Fact]
    public void Analyse_Infinite_Throws() =>
        FluentActions.Invoking(() => XmRChart.Analyse([1.0, double.NegativeInfinity]))
            .Should().Throw<ArgumentException>().WithParameterName("values").WithMessage("values[1]*infinite*");

    [Fact]
    public void Analyse_RunLengthTooShort_Throws() =>
        FluentActions.Invoking(() => XmRChart.Analyse([1.0, 2], new SpcOptions { TrendLength = 2 }))
            .Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*TrendLength*");

    [Fact]
    public void Analyse_OutputSpanTooShort_Throws() =>
        FluentActions.Invoking(() => XmRChart.Analyse([1.0, 2], new PointType[1], new SpecialCauseRule[2], options: null))
            .Should().Throw<ArgumentException>().WithParameterName("pointTypes");

    [Fact]
    public void Analyse_RandomSeriesWithTiesAndMissing_MatchesLiteralRuleReference() =>
        Gen.Select(
                Gen.Frequency((1, Gen.Const(double.NaN)), (12, Gen.Int[0, 6].Select(v => (double)v)), (4, Gen.Double[-5, 15])).Array[1, 60],
                Gen.Int[0, 2],
                Gen.Bool,
                Gen.Int[6, 7],
                Gen.Int[6, 7])
            .Sample(
                t =>
                {
                    var (values, direction, screen, trend, shift) = t;
                    var options = new SpcOptions
                    {
                        ImprovementDirection = (ImprovementDirection)direction,
                        ScreenOutliers = screen,
                        TrendLength = trend,
                        ShiftLength = shift,
                    };
                    var expected = ReferenceXmR.Analyse(values, options);
                    var actual = XmRChart.Analyse(values, options);
                    actual.PointTypes.Should().Equal(expected.Types);
                    if (double.IsNaN(expected.Mean))
                    {
                        actual.Mean.Should().Be(double.NaN);
                    }
                    else
                    {
                        actual.Mean.Should().BeApproximately(expected.Mean, 1e-12);
                    }
                    if (double.IsNaN(expected.Upper))
                    {
                        actual.UpperProcessLimit.Should().Be(double.NaN);
                    }
                    else
                    {
                        actual.UpperProcessLimit.Should().BeApproximately(expected.Upper, 1e-9);
                        actual.LowerProcessLimit.Should().BeApproximately(expected.Lower, 1e-9);
                    }

                    for (var i = 0; i < values.Length; i++)
                    {
                        if (double.IsNaN(values[i]))
                        {
                            actual.PointTypes[i].Should().Be(PointType.CommonCause);
                        }
                    }
                },
                iter: 2000);
}
