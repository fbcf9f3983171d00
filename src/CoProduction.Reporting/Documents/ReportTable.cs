using CoProduction.Scoring;

namespace CoProduction.Reporting;

/// <summary>
/// A table with typed columns. Each row has one cell per column: a <see cref="string"/> for text, any .NET number for
/// numbers and percentages (a percentage as a proportion, 0.4 for 40%), a <see cref="DateOnly"/> for dates, or null
/// for an empty cell. Rows are checked as they are added, so every writer can trust the types.
/// </summary>
public sealed class ReportTable : ReportBlock
{
    private readonly ReportColumn[] _columns;
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table.</summary>
    /// <param name="caption">The caption: what the table shows (also the CSV file name and XLSX sheet name, made safe).</param>
    /// <param name="columns">The columns, at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="caption"/> is empty, or there are no columns.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or one of them is null.</exception>
    public ReportTable(string caption, IEnumerable<ReportColumn> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caption);
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
        if (_columns.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        if (_columns.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(columns), "A column is null.");
        }

        Caption = caption;
    }

    /// <summary>The caption.</summary>
    public string Caption { get; }

    /// <summary>The columns.</summary>
    public IReadOnlyList<ReportColumn> Columns => _columns;

    /// <summary>The rows, each with one cell per column, as added.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>Builds the table of a chart's data: one row per point with its value, mean, limits and type in words.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>A table captioned "{title}: chart data".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chart"/> is null.</exception>
    public static ReportTable FromChart(SpcChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var kind = chart.Kind == SpcChartKind.XmR ? ReportColumnKind.Number : ReportColumnKind.Percent;
        var decimals = chart.Kind == SpcChartKind.XmR ? 2 : 1;
        var table = new ReportTable(chart.Title + ": chart data",
        [
            new ReportColumn("Period"),
            new ReportColumn("Value", kind, decimals),
            new ReportColumn("Mean", kind, decimals),
            new ReportColumn("Lower process limit", kind, decimals),
            new ReportColumn("Upper process limit", kind, decimals),
            new ReportColumn("Variation"),
            new ReportColumn("Rule"),
        ]);
        for (var i = 0; i < chart.Values.Count; i++)
        {
            table.AddRow(
                chart.Labels[i],
                Present(chart.Values[i]),
                Present(chart.CentreLines[i]),
                Present(chart.LowerLimits[i]),
                Present(chart.UpperLimits[i]),
                double.IsNaN(chart.Values[i]) ? null : SpcNarrative.PointTypeName(chart.PointTypes[i]),
                RuleName(chart.Rules[i]));
        }

        return table;
    }

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One cell per column, of the column's type, or null for an empty cell.</param>
    /// <returns>This table, to add more rows.</returns>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns, or a cell's type does not fit its column.</exception>
    public ReportTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the table \"{Caption}\" has {_columns.Length} columns.", nameof(cells));
        }

        var row = new object?[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            row[i] = Check(_columns[i], cells[i], i);
        }

        _rows.Add(row);
        return this;
    }

    internal static double ToDouble(object value) => value switch
    {
        double d => d,
        decimal m => (double)m,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static object? Check(ReportColumn column, object? cell, int index)
    {
        if (cell is null)
        {
            return null;
        }

        var fits = column.Kind switch
        {
            ReportColumnKind.Text => cell is string,
            ReportColumnKind.Date => cell is DateOnly,
            _ => cell is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal,
        };
        if (!fits)
        {
            var expected = column.Kind switch
            {
                ReportColumnKind.Text => "a string",
                ReportColumnKind.Date => "a DateOnly",
                _ => "a number",
            };
            throw new ArgumentException($"Cell {index} (\"{column.Header}\") is a {cell.GetType().Name}, but the column holds {expected}.", "cells");
        }

        if (column.IsNumeric && cell is double or float && !double.IsFinite(ToDouble(cell)))
        {
            return null;
        }

        return cell;
    }

    private static double? Present(double value) => double.IsFinite(value) ? value : null;

    private static string? RuleName(SpecialCauseRule rule) => rule switch
    {
        SpecialCauseRule.OutsideLimits => "Outside the process limits",
        SpecialCauseRule.Trend => "Trend",
        SpecialCauseRule.TwoInThree => "Two of three close to a limit",
        SpecialCauseRule.Shift => "Shift",
        _ => null,
    };
}
