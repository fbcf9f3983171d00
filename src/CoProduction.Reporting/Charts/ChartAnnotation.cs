namespace CoProduction.Reporting;

/// <summary>A note drawn on a chart at one point, such as the start of a PDSA cycle or a change to the process.</summary>
public sealed class ChartAnnotation
{
    /// <summary>Creates an annotation.</summary>
    /// <param name="index">The zero-based index of the point the note belongs to.</param>
    /// <param name="text">The note as it should read on the chart, for example "PDSA cycle 2".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null, empty or white space.</exception>
    public ChartAnnotation(int index, string text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Index = index;
        Text = text;
    }

    /// <summary>The zero-based index of the point the note belongs to.</summary>
    public int Index { get; }

    /// <summary>The note's text (plain text: it is escaped wherever it is written).</summary>
    public string Text { get; }
}
