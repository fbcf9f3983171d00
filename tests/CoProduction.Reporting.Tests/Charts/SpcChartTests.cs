using System.Globalization;
using System.Xml.Linq;
using CoProduction.Scoring;

namespace CoProduction.Reporting.Tests.Charts;

public class SpcChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IEnumerable<XElement> WithClass(XDocument doc, string cssClass) =>
        doc.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    [Fact]
    public void The_svg_carries_the_id_it_is_given_and_its_title_and_description_are_named_after_it()
    {
        var chart = Samples.Involvement();

        var root = XDocument.Parse(chart.ToSvg("measure-2")).Root!;

        root.Attribute("id")!.Value.Should().Be("measure-2");
        root.Attribute("aria-labelledby")!.Value.Should().Be("measure-2-title measure-2-desc");
        root.Element(Svg + "title")!.Attribute("id")!.Value.Should().Be("measure-2-title");
        root.Element(Svg + "desc")!.Attribute("id")!.Value.Should().Be("measure-2-desc");
        XDocument.Parse(chart.ToSvg()).Root!.Attribute("id")!.Value.Should().Be(SpcChart.DefaultSvgId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2nd")]
    [InlineData("a b")]
    [InlineData("a\"><script>")]
    public void An_id_that_is_not_an_xml_name_is_refused(string id)
    {
        var act = () => Samples.Involvement().ToSvg(id);

        act.Should().Throw<ArgumentException>().WithParameterName("id");
    }

    [Fact]
    public void P_chart_draws_one_point_per_month_coloured_by_its_type()
    {
        var chart = Samples.Involvement();
        var doc = XDocument.Parse(chart.ToSvg());

        var points = WithClass(doc, "point").ToList();
        points.Should().HaveCount(24);
        for (var i = 0; i < points.Count; i++)
        {
            var expected = chart.PointTypes[i] switch
            {
                PointType.SpecialCauseImprovement => ("improvement", "#00B0F0"),
                PointType.SpecialCauseConcern => ("concern", "#E46C0A"),
                PointType.CommonCause => ("common-cause", "#A6A6A6"),
                var other => throw new InvalidOperationException($"unexpected {other}"),
            };
            ((string?)points[i].Attribute("data-point-type"), (string?)points[i].Attribute("fill")).Should().Be(expected, $"point {i} is {chart.PointTypes[i]}");
        }

        chart.PointTypes.Skip(17).Should().OnlyContain(t => t == PointType.SpecialCauseImprovement, "the last 7 months sit above the mean");
        chart.PointTypes.Should().Contain(PointType.CommonCause);
    }

    [Fact]
    public void P_chart_limits_are_stepped_and_equal_an_independent_computation()
    {
        var chart = Samples.Involvement();
        // The baseline is the first 12 months: p-bar from them, limits per point from each month's denominator.
        double x = Samples.InvolvedProjects.Take(12).Sum(), n = Samples.ActiveProjects.Take(12).Sum();
        var pBar = x / n;
        for (var i = 0; i < Samples.ActiveProjects.Length; i++)
        {
            var sigma = Math.Sqrt(pBar * (1 - pBar) / Samples.ActiveProjects[i]);
            chart.CentreLines[i].Should().BeApproximately(pBar, 1e-12);
            chart.UpperLimits[i].Should().BeApproximately(Math.Min(1, pBar + (3 * sigma)), 1e-12);
            chart.LowerLimits[i].Should().BeApproximately(Math.Max(0, pBar - (3 * sigma)), 1e-12);
        }

        var doc = XDocument.Parse(chart.ToSvg());
        foreach (var (cssClass, limits) in new[] { ("upper-limit", chart.UpperLimits), ("lower-limit", chart.LowerLimits) })
        {
            var d = (string)WithClass(doc, cssClass).Single().Attribute("d")!;
            d.Should().StartWith("M");
            // One horizontal run per stretch of equal limits, joined by a vertical step where the limit changes.
            var runs = 1 + Enumerable.Range(1, limits.Count - 1).Count(i => limits[i] != limits[i - 1]);
            d.Count(c => c == 'H').Should().Be(runs, cssClass);
            d.Count(c => c == 'V').Should().Be(runs - 1, cssClass);
            var levels = d.Split('V').Select((part, k) => k == 0 ? part.Split(' ')[1].Split('H')[0] : part.Split('H')[0]).Distinct().Count();
            levels.Should().Be(limits.Distinct().Count(), $"{cssClass}: one drawn level per distinct limit");
            runs.Should().BeGreaterThan(10);
        }

        WithClass(doc, "mean").Should().HaveCount(1);
        WithClass(doc, "target").Should().HaveCount(1);
    }

    [Fact]
    public void XmR_chart_after_a_rebase_draws_limits_and_mean_per_segment()
    {
        var chart = Samples.Turnaround();
        var doc = XDocument.Parse(chart.ToSvg());

        chart.SegmentStarts.Should().Equal(0, 15);
        WithClass(doc, "upper-limit").Should().HaveCount(2);
        WithClass(doc, "lower-limit").Should().HaveCount(2);
        WithClass(doc, "mean").Should().HaveCount(2);
        WithClass(doc, "rebase").Should().HaveCount(1);
        foreach (var path in WithClass(doc, "upper-limit"))
        {
            ((string)path.Attribute("d")!).Should().NotContain("V", "XmR limits are constant within a segment");
        }

        chart.CentreLines[0].Should().BeApproximately(Samples.DaysToFeedback.Take(15).Average(), 1e-9);
        chart.CentreLines[29].Should().BeApproximately(Samples.DaysToFeedback.Skip(15).Average(), 1e-9);
        WithClass(doc, "point").Should().HaveCount(30);
    }

    [Fact]
    public void Alt_text_states_the_verdict_the_reason_and_the_target_in_plain_English()
    {
        var chart = Samples.Involvement();
        var doc = XDocument.Parse(chart.ToSvg());
        var root = doc.Root!;

        root.Name.Should().Be(Svg + "svg");
        ((string?)root.Attribute("role")).Should().Be("img");
        var ids = ((string)root.Attribute("aria-labelledby")!).Split(' ');
        var title = doc.Descendants(Svg + "title").Single(e => (string?)e.Attribute("id") == ids[0]);
        var desc = doc.Descendants(Svg + "desc").Single(e => (string?)e.Attribute("id") == ids[1]);
        title.Value.Should().Be("Projects with patient partners involved at co-design or above");
        desc.Value.Should().Be(chart.Description);

        chart.Verdict.Should().Be("Special cause improvement");
        desc.Value.Should().Contain("p chart").And.Contain("24 months from Jan 2024 to Dec 2025");
        desc.Value.Should().Contain("Special cause improvement: ");
        desc.Value.Should().Contain("The target of 80% is not consistently met");
        desc.Value.Should().Contain("Higher is better.");
        desc.Value.Should().Contain("PDSA cycle 1 at Jan 2025; PDSA cycle 2 at May 2025");
    }

    [Fact]
    public void Alt_text_of_a_shift_counts_the_run_above_the_mean()
    {
        // 12 months at 50%, then 7 at 70%: the last point is a shift, within the limits (denominators of 10).
        int[] involved = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 7, 7, 7, 7, 7, 7, 7];
        var denominators = Enumerable.Repeat(10, involved.Length).ToArray();
        var chart = SpcChart.CreateProportion("Share involved", Samples.Months(involved.Length), involved, denominators,
            spcOptions: new SpcOptions { Target = 0.8 }, chartOptions: new SpcChartOptions { PeriodName = "month" });

        chart.Rules[^1].Should().Be(SpecialCauseRule.Shift);
        chart.Description.Should().Contain("Special cause improvement: the last 7 months are all above the mean of 57.4%.");
        chart.Description.Should().Contain("The target of 80% is not consistently met: it lies between the process limits");
        chart.Assurance.Should().Be(Assurance.Inconsistent);
    }

    [Fact]
    public void Assurance_judged_on_limits_the_process_has_left_comes_with_a_caution()
    {
        var chart = Samples.Involvement(ProportionChartKind.LaneyPPrime);

        chart.Assurance.Should().Be(Assurance.ConsistentFail, "the baseline's narrow p' limits lie below the target");
        chart.Description.Should().Contain("Special cause improvement: the latest month (Dec 2025, 83.3%) is above the upper process limit of 67.1%.");
        chart.Description.Should().Contain("The target of 80% will consistently be missed unless the process changes")
            .And.Contain("The latest month is special cause, so the process may have changed: recalculate the limits from the change (a rebase) before relying on this judgement of the target.");
        Samples.Turnaround().Description.Should().NotContain("recalculate the limits from the change", "its latest week is common cause");
    }

    [Fact]
    public void Common_cause_chart_without_direction_says_so_and_uses_the_neutral_legend()
    {
        double[] values = [10, 12, 11, 13, 10, 12, 11, 12, 10, 13, 11, 12];
        var chart = SpcChart.CreateXmR("Reviewers present", Samples.Months(values.Length), values,
            new SpcOptions { ImprovementDirection = ImprovementDirection.Neutral });
        var doc = XDocument.Parse(chart.ToSvg());

        chart.Verdict.Should().Be("Common cause variation");
        chart.Description.Should().Contain("Neither direction is set as an improvement.");
        WithClass(doc, "point").Should().OnlyContain(p => (string?)p.Attribute("fill") == "#A6A6A6");
        WithClass(doc, "legend-text").Select(e => e.Value).Should().Contain("Special cause: neither improvement nor concern")
            .And.NotContain("Special cause improvement");
        WithClass(doc, "assurance-icon").Should().BeEmpty("there is no target");
        WithClass(doc, "target").Should().BeEmpty();
    }

    [Fact]
    public void Neutral_special_cause_points_are_purple()
    {
        double[] values = [10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 30];
        var chart = SpcChart.CreateXmR("Meetings held", Samples.Months(values.Length), values,
            new SpcOptions { ImprovementDirection = ImprovementDirection.Neutral });
        var doc = XDocument.Parse(chart.ToSvg());

        var last = WithClass(doc, "point").Last();
        ((string?)last.Attribute("data-point-type")).Should().Be("neutral-high");
        ((string?)last.Attribute("fill")).Should().Be("#490092");
        chart.Description.Should().Contain("Special cause variation (high): the latest point (Nov 2024, 30) is above the upper process limit");
    }

    [Fact]
    public void Legend_explains_variation_and_assurance_icons_in_words()
    {
        var chart = Samples.Turnaround();
        var doc = XDocument.Parse(chart.ToSvg());
        var legend = WithClass(doc, "legend-text").Select(e => e.Value).ToList();

        legend.Should().Contain(["Common cause: no significant change", "Special cause improvement", "Special cause concern", "Mean", "Process limits", "Target 35"]);
        legend.Should().Contain(t => t.StartsWith("Variation icon (top right): the latest point shows ", StringComparison.Ordinal));
        legend.Should().Contain(t => t.StartsWith("Assurance icon: the target of 35 ", StringComparison.Ordinal));
        WithClass(doc, "variation-icon").Should().HaveCount(1);
        WithClass(doc, "assurance-icon").Should().HaveCount(1);
        chart.Description.Should().Contain("The limits were recalculated from 21 Apr 2025 after a change to the process.");
        chart.Description.Should().Contain("Lower is better.");
    }

    [Fact]
    public void Axes_carry_every_label_ticks_formatted_as_percentages_and_annotations()
    {
        var chart = Samples.Involvement();
        var doc = XDocument.Parse(chart.ToSvg());

        WithClass(doc, "x-label").Select(e => e.Value).Should().Equal(Samples.Months(24));
        var ticks = WithClass(doc, "y-tick").Select(e => e.Value).ToList();
        ticks.Should().HaveCountGreaterThan(2).And.OnlyContain(t => t.EndsWith('%'));
        WithClass(doc, "annotation-text").Select(e => e.Value).Should().Equal("PDSA cycle 1", "PDSA cycle 2");
        WithClass(doc, "y-title").Single().Value.Should().Be("Share of active projects");
    }

    [Fact]
    public void Hostile_text_is_escaped_everywhere_it_appears()
    {
        const string Hostile = "<script>alert(\"x\")</script> & 'North | South *pilot*'\n=cmd|' /C calc'!A0";
        var labels = Samples.Months(12);
        labels[3] = Hostile;
        double[] values = [5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 6, 5];
        var chart = SpcChart.CreateXmR(Hostile, labels, values, new SpcOptions { Target = 6 },
            new SpcChartOptions { ValueAxisTitle = Hostile, PeriodName = "month", Annotations = [new ChartAnnotation(3, Hostile)] });
        var svg = chart.ToSvg();

        var doc = XDocument.Parse(svg);
        doc.Descendants().Should().NotContain(e => e.Name.LocalName == "script");
        svg.Should().NotContain("<script>");
        doc.Descendants(Svg + "title").First().Value.Should().Be(Hostile);
        WithClass(doc, "annotation-text").Single().Value.Should().Be(Hostile);
        WithClass(doc, "x-label").ElementAt(3).Value.Should().Be(Hostile);
        WithClass(doc, "y-title").Single().Value.Should().Be(Hostile);
        doc.Descendants(Svg + "desc").Single().Value.Should().Contain(Hostile);
    }

    [Fact]
    public void Characters_XML_cannot_hold_are_replaced_rather_than_breaking_the_document()
    {
        var chart = SpcChart.CreateXmR("Bell\u0007 and lone \uD800 surrogate", ["a", "b\u0001", "c"], [1, 2, 3]);
        var doc = XDocument.Parse(chart.ToSvg());

        doc.Descendants(Svg + "title").First().Value.Should().Be("Bell\uFFFD and lone \uFFFD surrogate");
        WithClass(doc, "x-label").ElementAt(1).Value.Should().Be("b\uFFFD");
    }

    [Fact]
    public void Missing_values_and_zero_denominators_leave_gaps()
    {
        var chart = SpcChart.CreateProportion("Share involved", Samples.Months(6), [3, 4, 0, 5, 4, 5], [10, 10, 0, 10, 10, 10]);
        var doc = XDocument.Parse(chart.ToSvg());

        WithClass(doc, "point").Should().HaveCount(5);
        var d = (string)WithClass(doc, "upper-limit").Single().Attribute("d")!;
        d.Count(c => c == 'M').Should().Be(2, "the limit line breaks where the denominator is zero");
        ((string)WithClass(doc, "series-line").Single().Attribute("d")!).Count(c => c == 'M').Should().Be(2);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_reason()
    {
        var twoLabels = Samples.Months(2);
        FluentActions.Invoking(() => SpcChart.CreateXmR("t", twoLabels, [1, 2, 3])).Should().Throw<ArgumentException>().WithMessage("There are 2 labels for 3 points*");
        FluentActions.Invoking(() => SpcChart.CreateXmR(" ", twoLabels, [1, 2])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => SpcChart.CreateXmR("t", [], [])).Should().Throw<ArgumentException>().WithMessage("The series is empty*");
        FluentActions.Invoking(() => SpcChart.CreateXmR("t", twoLabels, [1, 2], chartOptions: new SpcChartOptions { Annotations = [new ChartAnnotation(2, "late")] }))
            .Should().Throw<ArgumentException>().WithMessage("The annotation \"late\" is at point 2*");
        FluentActions.Invoking(() => new ChartAnnotation(-1, "x")).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => SpcChart.CreateProportion("t", twoLabels, [3, 4], [2, 5])).Should().Throw<ArgumentException>().WithMessage("numerators[0] is 3 out of 2*");
    }

    [Fact]
    public void Sample_charts_are_written_to_the_output_folder_to_be_looked_at()
    {
        var involvement = Samples.WriteOutput("involvement-p-chart.svg", Samples.Involvement().ToSvg());
        var laney = Samples.WriteOutput("involvement-laney-p-prime-chart.svg", Samples.Involvement(ProportionChartKind.LaneyPPrime).ToSvg());
        var turnaround = Samples.WriteOutput("turnaround-xmr-chart.svg", Samples.Turnaround().ToSvg());

        foreach (var path in new[] { involvement, laney, turnaround })
        {
            XDocument.Load(path).Root!.Name.Should().Be(Svg + "svg");
        }

        string.Format(CultureInfo.InvariantCulture, "{0}", Samples.Involvement().Description).Should().NotBeEmpty();
    }
}

public class SpcChartEdgeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Very_short_series_draw_and_say_why_there_are_no_limits(int count)
    {
        var values = Enumerable.Range(1, count).Select(i => (double)i).ToArray();
        var chart = SpcChart.CreateXmR("Short", Samples.Months(count), values, new SpcOptions { Target = 2 });
        var doc = XDocument.Parse(chart.ToSvg());

        doc.Descendants().Count(e => (string?)e.Attribute("class") == "point").Should().Be(count);
        chart.Description.Should().NotContain("NaN");
        if (count == 1)
        {
            chart.Description.Should().Contain("Too few points to set process limits").And.Contain("The target of 2 cannot be judged until there are process limits.");
        }
    }

    [Fact]
    public void A_series_with_no_values_says_there_is_nothing_to_judge()
    {
        var chart = SpcChart.CreateProportion("Nothing yet", Samples.Months(3), [0, 0, 0], [0, 0, 0]);
        var doc = XDocument.Parse(chart.ToSvg());

        chart.Verdict.Should().Be("No data");
        chart.Description.Should().Contain("No point has a value").And.NotContain("NaN");
        doc.Descendants().Where(e => (string?)e.Attribute("class") == "point").Should().BeEmpty();
    }
}

public class SpcChartCrowdingTests
{
    [Fact]
    public void Long_series_thin_their_x_labels_but_keep_every_point()
    {
        var values = Enumerable.Range(0, 120).Select(i => 50 + ((i * 37) % 11)).Select(v => (double)v).ToArray();
        var chart = SpcChart.CreateXmR("Ten years monthly", Samples.Months(120), values);
        var doc = XDocument.Parse(chart.ToSvg());

        doc.Descendants().Count(e => (string?)e.Attribute("class") == "point").Should().Be(120);
        var labels = doc.Descendants().Where(e => (string?)e.Attribute("class") == "x-label").Select(e => e.Value).ToList();
        labels.Should().HaveCountLessThan(60).And.HaveCountGreaterThan(10);
        labels[0].Should().Be("Jan 2024");
        labels.Should().OnlyHaveUniqueItems();
    }
}
