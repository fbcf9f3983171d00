using System.Globalization;
using CoProduction.Scoring;

namespace CoProduction.Reporting;

/// <summary>
/// A statistical process control chart ready to draw: the series, each point's type under the Making Data Count rules,
/// the mean and process limits per point (stepped where they vary and per segment after a rebase), an optional target,
/// annotations, and a verdict in plain English. Draw it with <see cref="ToSvg"/>.
/// </summary>
/// <remarks>
/// Create one with <see cref="CreateXmR"/> or <see cref="CreateProportion"/>, which run the analysis in
/// <c>CoProduction.Scoring</c> with the options given, so the chart, its legend and its alt text always agree.
/// </remarks>
public sealed class SpcChart
{
    private readonly string[] _labels;
    private readonly double[] _values;
    private readonly PointType[] _pointTypes;
    private readonly SpecialCauseRule[] _rules;
    private readonly double[] _centre;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly int[] _segmentStarts;
    private readonly Func<double, string> _format;

    private SpcChart(
        string title,
        SpcChartKind kind,
        string[] labels,
        double[] values,
        PointType[] pointTypes,
        SpecialCauseRule[] rules,
        double[] centre,
        double[] lower,
        double[] upper,
        int[] segmentStarts,
        SpcOptions spc,
        Assurance assurance,
        SpcChartOptions options)
    {
        Title = title;
        Kind = kind;
        _labels = labels;
        _values = values;
        _pointTypes = pointTypes;
        _rules = rules;
        _centre = centre;
        _lower = lower;
        _upper = upper;
        _segmentStarts = segmentStarts;
        Target = spc.Target;
        ImprovementDirection = spc.ImprovementDirection;
        Assurance = assurance;
        Options = options;
        _format = options.ValueFormatter ?? (kind == SpcChartKind.XmR ? FormatNumber : FormatPercent);
        var narrative = SpcNarrative.Describe(this);
        Verdict = narrative.Verdict;
        Description = narrative.Description;
    }

    /// <summary>The id <see cref="ToSvg"/> and <see cref="WriteSvg"/> give the SVG element unless told otherwise.</summary>
    public const string DefaultSvgId = "spc-chart";

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>The kind of chart.</summary>
    public SpcChartKind Kind { get; }

    /// <summary>The label of each point on the x axis (a month, a date), as given.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The plotted values: the measurements of an XmR chart, the proportions (0 to 1) of a p chart; NaN where missing.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Each point's type under the Making Data Count rules, which sets its colour.</summary>
    public IReadOnlyList<PointType> PointTypes => _pointTypes;

    /// <summary>The rule that made each point special cause, or <see cref="SpecialCauseRule.None"/>.</summary>
    public IReadOnlyList<SpecialCauseRule> Rules => _rules;

    /// <summary>The mean (centre line) that applies at each point: the mean of the point's segment.</summary>
    public IReadOnlyList<double> CentreLines => _centre;

    /// <summary>The lower process limit at each point (NaN where a p chart's denominator is zero).</summary>
    public IReadOnlyList<double> LowerLimits => _lower;

    /// <summary>The upper process limit at each point (NaN where a p chart's denominator is zero).</summary>
    public IReadOnlyList<double> UpperLimits => _upper;

    /// <summary>The first index of each segment: 0, then every rebase point.</summary>
    public IReadOnlyList<int> SegmentStarts => _segmentStarts;

    /// <summary>The target, in the units of <see cref="Values"/>, or null when none is set.</summary>
    public double? Target { get; }

    /// <summary>Which direction is an improvement.</summary>
    public ImprovementDirection ImprovementDirection { get; }

    /// <summary>Whether the process will meet the target, judged from the latest limits.</summary>
    public Assurance Assurance { get; }

    /// <summary>The labelling and drawing options.</summary>
    public SpcChartOptions Options { get; }

    /// <summary>The annotations drawn on the chart.</summary>
    public IReadOnlyList<ChartAnnotation> Annotations => Options.Annotations;

    /// <summary>The variation verdict at the latest point, as a phrase: "Special cause improvement", "Common cause variation"...</summary>
    public string Verdict { get; }

    /// <summary>
    /// The alt text: what the chart shows and what it means in plain English (the verdict and its reason, the mean and
    /// limits, the target's assurance, rebases and annotations). It is the SVG's <c>desc</c>.
    /// </summary>
    public string Description { get; }

    /// <summary>Creates an XmR chart: runs <see cref="XmRChart.Analyse(ReadOnlySpan{double}, SpcOptions?)"/> on the values.</summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="labels">One x-axis label per value (a month or a date, formatted as it should read).</param>
    /// <param name="values">The measurements; NaN for a missing one.</param>
    /// <param name="spcOptions">The analysis options: improvement direction, target, rebase points, run lengths; the defaults when null.</param>
    /// <param name="chartOptions">The labelling options; the defaults when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The title is empty; the series is empty; the labels and values differ in number; a value is infinite; the options are
    /// invalid (see <see cref="XmRChart.Analyse(ReadOnlySpan{double}, SpcOptions?)"/>); an annotation is outside the series.
    /// </exception>
    public static SpcChart CreateXmR(
        string title,
        IReadOnlyList<string> labels,
        IReadOnlyList<double> values,
        SpcOptions? spcOptions = null,
        SpcChartOptions? chartOptions = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var spc = spcOptions ?? new SpcOptions();
        var options = chartOptions ?? SpcChartOptions.Default;
        var series = values.ToArray();
        var copy = CheckCommon(title, labels, series.Length, options);
        var result = XmRChart.Analyse(series, spc);
        var n = series.Length;
        var centre = new double[n];
        var lower = new double[n];
        var upper = new double[n];
        foreach (var segment in result.Segments)
        {
            for (var i = segment.Start; i < segment.Start + segment.Length; i++)
            {
                centre[i] = segment.Limits.Mean;
                lower[i] = segment.Limits.LowerProcessLimit;
                upper[i] = segment.Limits.UpperProcessLimit;
            }
        }

        var starts = result.Segments.Select(s => s.Start).ToArray();
        return new SpcChart(title, SpcChartKind.XmR, copy, series, result.PointTypes.ToArray(), result.Rules.ToArray(),
            centre, lower, upper, starts, spc, result.Assurance, options);
    }

    /// <summary>
    /// Creates a p or Laney p' chart: runs <see cref="ProportionChart.Analyse"/> on the numerators and denominators. The
    /// values plotted are proportions (0 to 1), shown as percentages unless a formatter is given; the target is a proportion too.
    /// </summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="labels">One x-axis label per point (a month or a date, formatted as it should read).</param>
    /// <param name="numerators">The count with the attribute at each point (for example projects with patients involved).</param>
    /// <param name="denominators">The count at each point (for example active projects); 0 leaves the point out.</param>
    /// <param name="kind">A p chart, or Laney's p' chart for large denominators.</param>
    /// <param name="spcOptions">The analysis options: improvement direction, target (a proportion), rebase points; the defaults when null.</param>
    /// <param name="chartOptions">The labelling options; the defaults when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/>, <paramref name="numerators"/> or <paramref name="denominators"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The title is empty; the series is empty; the labels and points differ in number; a numerator is outside 0 to its
    /// denominator; the options are invalid (see <see cref="ProportionChart.Analyse"/>); an annotation is outside the series.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static SpcChart CreateProportion(
        string title,
        IReadOnlyList<string> labels,
        IReadOnlyList<int> numerators,
        IReadOnlyList<int> denominators,
        ProportionChartKind kind = ProportionChartKind.P,
        SpcOptions? spcOptions = null,
        SpcChartOptions? chartOptions = null)
    {
        ArgumentNullException.ThrowIfNull(numerators);
        ArgumentNullException.ThrowIfNull(denominators);
        var spc = spcOptions ?? new SpcOptions();
        var options = chartOptions ?? SpcChartOptions.Default;
        var copy = CheckCommon(title, labels, numerators.Count, options);
        var result = ProportionChart.Analyse(numerators.ToArray(), denominators.ToArray(), kind, spc);
        var n = numerators.Count;
        var centre = new double[n];
        for (var i = 0; i < n; i++)
        {
            centre[i] = result.CentreLineAt(i);
        }

        var starts = result.Segments.Select(s => s.Start).ToArray();
        var chartKind = kind == ProportionChartKind.P ? SpcChartKind.P : SpcChartKind.LaneyPPrime;
        return new SpcChart(title, chartKind, copy, result.Proportions.ToArray(), result.PointTypes.ToArray(), result.Rules.ToArray(),
            centre, result.LowerProcessLimits.ToArray(), result.UpperProcessLimits.ToArray(), starts, spc, result.Assurance, options);
    }

    /// <summary>Formats a value as the chart does (axis ticks, target, alt text).</summary>
    /// <param name="value">A value in the units of <see cref="Values"/>.</param>
    /// <returns>The formatted value.</returns>
    public string FormatValue(double value) => _format(value);

    /// <summary>Draws the chart as a standalone SVG document (UTF-8 text, no XML declaration).</summary>
    /// <param name="id">
    /// The SVG element's id, and the prefix of the ids of its title and description (which <c>aria-labelledby</c>
    /// names). Give each chart on one HTML page an id of its own.
    /// </param>
    /// <returns>The SVG markup. Every piece of text given to the chart is XML-escaped.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or is not a valid XML name (letters, digits, '-', '_', '.', starting with a letter or '_').</exception>
    public string ToSvg(string id = DefaultSvgId)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteSvg(writer, id);
        return writer.ToString();
    }

    /// <summary>Writes the chart as SVG to a text writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="id">
    /// The SVG element's id, and the prefix of the ids of its title and description (which <c>aria-labelledby</c>
    /// names). Give each chart on one HTML page an id of its own.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or is not a valid XML name (letters, digits, '-', '_', '.', starting with a letter or '_').</exception>
    public void WriteSvg(TextWriter writer, string id = DefaultSvgId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!(char.IsAsciiLetter(id[0]) || id[0] == '_') || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"The chart's id '{id}' is not a valid XML name: use ASCII letters, digits, '-', '_' or '.', starting with a letter or '_'.", nameof(id));
        }

        SpcChartSvg.Write(this, writer, id);
    }

    internal static string FormatNumber(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    internal static string FormatPercent(double value) => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string[] CheckCommon(string title, IReadOnlyList<string> labels, int count, SpcChartOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(labels);
        if (count == 0)
        {
            throw new ArgumentException("The series is empty.", nameof(labels));
        }

        if (labels.Count != count)
        {
            throw new ArgumentException($"There are {labels.Count} labels for {count} points; each point needs one.", nameof(labels));
        }

        if (options.Width < 320 || options.PlotHeight < 160)
        {
            throw new ArgumentException($"The chart must be at least 320 pixels wide and its plot 160 high, but is {options.Width} by {options.PlotHeight}.", nameof(options));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(options.PeriodName, nameof(options));
        ArgumentNullException.ThrowIfNull(options.Annotations, nameof(options));
        foreach (var annotation in options.Annotations)
        {
            if (annotation.Index >= count)
            {
                throw new ArgumentException($"The annotation \"{annotation.Text}\" is at point {annotation.Index}, but the series has {count} points.", nameof(options));
            }
        }

        var copy = new string[count];
        for (var i = 0; i < count; i++)
        {
            copy[i] = labels[i] ?? string.Empty;
        }

        return copy;
    }
}
