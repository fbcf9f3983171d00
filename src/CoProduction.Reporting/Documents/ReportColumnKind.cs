namespace CoProduction.Reporting;

/// <summary>What a table column holds, which sets how each writer types, formats and aligns its cells.</summary>
public enum ReportColumnKind
{
    /// <summary>Text (<see cref="string"/>): left-aligned; written as a string cell, never as a formula.</summary>
    Text,

    /// <summary>A number (any .NET numeric type): right-aligned, with the column's decimals.</summary>
    Number,

    /// <summary>A proportion (0.4 for 40%, any .NET numeric type): shown as a percentage; CSV keeps the proportion.</summary>
    Percent,

    /// <summary>A date (<see cref="DateOnly"/>): a real date cell in XLSX, ISO 8601 in CSV, "7 Dec 2026" in HTML.</summary>
    Date,
}
