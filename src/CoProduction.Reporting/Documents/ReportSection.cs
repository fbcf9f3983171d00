namespace CoProduction.Reporting;

/// <summary>A section of a <see cref="ReportDocument"/>: a heading and its paragraphs, tables and charts in order.</summary>
public sealed class ReportSection
{
    private readonly List<ReportBlock> _blocks = [];

    /// <summary>Creates an empty section.</summary>
    /// <param name="heading">The heading.</param>
    /// <exception cref="ArgumentException"><paramref name="heading"/> is null, empty or white space.</exception>
    public ReportSection(string heading)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        Heading = heading;
    }

    /// <summary>The heading.</summary>
    public string Heading { get; }

    /// <summary>The paragraphs, tables and charts, in order.</summary>
    public IReadOnlyList<ReportBlock> Blocks => _blocks;

    /// <summary>Adds a block.</summary>
    /// <param name="block">The block.</param>
    /// <returns>This section.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="block"/> is null.</exception>
    public ReportSection Add(ReportBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _blocks.Add(block);
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This section.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ReportSection AddParagraph(string text) => Add(new ReportParagraph(text));

    /// <summary>Adds a chart.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>This section.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public ReportSection AddChart(SpcChart chart) => Add(new ReportChart(chart));

    /// <summary>Adds an empty table and returns it, to add its rows.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="columns">The columns.</param>
    /// <returns>The new table.</returns>
    /// <exception cref="ArgumentException"><paramref name="caption"/> is empty, or there are no columns.</exception>
    public ReportTable AddTable(string caption, params ReportColumn[] columns)
    {
        var table = new ReportTable(caption, columns);
        Add(table);
        return table;
    }
}
