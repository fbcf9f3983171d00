namespace CoProduction.Reporting;

/// <summary>
/// A report as a document: a title and sections of paragraphs, tables and charts. Write it with
/// <see cref="HtmlReportWriter"/>, <see cref="XlsxReportWriter"/> or <see cref="CsvReportWriter"/>; all text in it is plain
/// text, escaped by each writer for its format.
/// </summary>
public sealed class ReportDocument
{
    private readonly List<ReportSection> _sections = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="title">The title.</param>
    /// <exception cref="ArgumentException"><paramref name="title"/> is null, empty or white space.</exception>
    public ReportDocument(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The sections, in order.</summary>
    public IReadOnlyList<ReportSection> Sections => _sections;

    /// <summary>Adds an empty section and returns it.</summary>
    /// <param name="heading">The section's heading.</param>
    /// <returns>The new section.</returns>
    /// <exception cref="ArgumentException"><paramref name="heading"/> is null, empty or white space.</exception>
    public ReportSection AddSection(string heading)
    {
        var section = new ReportSection(heading);
        _sections.Add(section);
        return section;
    }

    /// <summary>
    /// Every table of the report in order, with each chart's data as a table (see <see cref="ReportTable.FromChart"/>)
    /// where the chart stands: what the CSV and XLSX writers write.
    /// </summary>
    /// <returns>The tables.</returns>
    public IReadOnlyList<ReportTable> DataTables() =>
        _sections.SelectMany(s => s.Blocks).Select(b => b switch
        {
            ReportTable t => t,
            ReportChart c => ReportTable.FromChart(c.Chart),
            _ => null,
        }).OfType<ReportTable>().ToList();
}
