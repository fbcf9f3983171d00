namespace CoProduction.Reporting;

/// <summary>A column of a <see cref="ReportTable"/>: its header, what it holds and how many decimals it shows.</summary>
public sealed class ReportColumn
{
    /// <summary>Creates a column.</summary>
    /// <param name="header">The header as it should read.</param>
    /// <param name="kind">What the column holds.</param>
    /// <param name="decimals">Decimals shown for numbers and percentages (0 to 10); ignored for text and dates.</param>
    /// <exception cref="ArgumentException"><paramref name="header"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, or <paramref name="decimals"/> is outside 0 to 10.</exception>
    public ReportColumn(string header, ReportColumnKind kind = ReportColumnKind.Text, int decimals = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        Header = header;
        Kind = kind;
        Decimals = decimals;
    }

    /// <summary>The header.</summary>
    public string Header { get; }

    /// <summary>What the column holds.</summary>
    public ReportColumnKind Kind { get; }

    /// <summary>Decimals shown for numbers and percentages.</summary>
    public int Decimals { get; }

    /// <summary>Whether the column's cells are numeric (numbers and percentages), which writers right-align.</summary>
    public bool IsNumeric => Kind is ReportColumnKind.Number or ReportColumnKind.Percent;
}
