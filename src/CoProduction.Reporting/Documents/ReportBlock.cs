namespace CoProduction.Reporting;

/// <summary>A part of a <see cref="ReportSection"/>: a <see cref="ReportParagraph"/>, a <see cref="ReportTable"/> or a <see cref="ReportChart"/>.</summary>
public abstract class ReportBlock
{
    private protected ReportBlock()
    {
    }
}

/// <summary>A paragraph of plain text (never Markdown or HTML: every writer escapes it; line breaks are kept).</summary>
public sealed class ReportParagraph : ReportBlock
{
    /// <summary>Creates a paragraph.</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ReportParagraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>The text.</summary>
    public string Text { get; }
}

/// <summary>An SPC chart in a report: inlined as SVG in HTML; its data as a table in CSV and XLSX.</summary>
public sealed class ReportChart : ReportBlock
{
    /// <summary>Creates a chart block.</summary>
    /// <param name="chart">The chart.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public ReportChart(SpcChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Chart = chart;
    }

    /// <summary>The chart.</summary>
    public SpcChart Chart { get; }
}
