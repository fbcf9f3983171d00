namespace CoProduction.Reporting;

/// <summary>How an <see cref="SpcChart"/> is labelled and drawn. The statistics themselves are set by <see cref="Scoring.SpcOptions"/>.</summary>
public sealed class SpcChartOptions
{
    /// <summary>The title of the value axis, for example "Projects with patients involved"; none when null.</summary>
    public string? ValueAxisTitle { get; init; }

    /// <summary>
    /// Formats a value for the axis ticks, the target and the alt text. When null, p and p' charts show percentages
    /// ("42.5%") and XmR charts numbers with up to two decimals.
    /// </summary>
    public Func<double, string>? ValueFormatter { get; init; }

    /// <summary>Notes drawn at points, such as "PDSA cycle 2"; each index must be a point of the series.</summary>
    public IReadOnlyList<ChartAnnotation> Annotations { get; init; } = [];

    /// <summary>The word for one point in the alt text, in the singular ("month", "week"); "point" by default.</summary>
    public string PeriodName { get; init; } = "point";

    /// <summary>The width of the drawing in pixels (at least 320); 880 by default.</summary>
    public int Width { get; init; } = 880;

    /// <summary>The height of the plotting area in pixels (at least 160), without the title and legend; 320 by default.</summary>
    public int PlotHeight { get; init; } = 320;

    internal static SpcChartOptions Default { get; } = new();
}
