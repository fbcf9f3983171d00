namespace CoProduction.Involvement.Frameworks;

/// <summary>
/// Collects framework faults up to a limit and counts the rest, so that a document with many faults costs time and
/// memory in proportion to its size and yields a short message. Optionally records every path added (the structural
/// faults of the JSON reader) and drops faults at or inside a suppressed path, in time linear in the path's length.
/// </summary>
internal sealed class FrameworkErrorCollector
{
    /// <summary>The most characters of an input value quoted in a message.</summary>
    internal const int MaxQuotedLength = 60;

    private readonly List<FrameworkValidationError> _errors = [];
    private readonly int _limit;
    private readonly HashSet<string>? _recordedPaths;
    private readonly HashSet<string>? _suppressedPaths;

    /// <summary>Initialises the collector.</summary>
    /// <param name="limit">The most faults kept; the rest are only counted.</param>
    /// <param name="recordPaths">Whether to record the path of every fault added (see <see cref="RecordedPaths"/>).</param>
    /// <param name="suppressedPaths">Faults at or inside one of these paths are dropped (not kept, not counted).</param>
    internal FrameworkErrorCollector(int limit, bool recordPaths = false, HashSet<string>? suppressedPaths = null)
    {
        _limit = limit;
        _recordedPaths = recordPaths ? new HashSet<string>(StringComparer.Ordinal) : null;
        _suppressedPaths = suppressedPaths is { Count: > 0 } ? suppressedPaths : null;
    }

    /// <summary>Gets the faults kept, at most the limit.</summary>
    internal IReadOnlyList<FrameworkValidationError> Errors => _errors;

    /// <summary>Gets how many faults were found beyond the limit.</summary>
    internal int Omitted { get; private set; }

    /// <summary>Gets how many faults were found in all.</summary>
    internal int Count => _errors.Count + Omitted;

    /// <summary>Gets the path of every fault added, when recording.</summary>
    internal HashSet<string> RecordedPaths => _recordedPaths ?? [];

    /// <summary>Adds a fault (or counts it when the limit is reached).</summary>
    /// <param name="error">The fault.</param>
    internal void Add(FrameworkValidationError error)
    {
        if (_suppressedPaths is not null && IsSuppressed(error.Path))
        {
            return;
        }

        _recordedPaths?.Add(error.Path);
        if (_errors.Count < _limit)
        {
            _errors.Add(error);
        }
        else
        {
            Omitted++;
        }
    }

    /// <summary>Counts faults found elsewhere beyond a limit.</summary>
    /// <param name="count">How many.</param>
    internal void AddOmitted(int count) => Omitted += count;

    /// <summary>Quotes an input value for a message, cut to <see cref="MaxQuotedLength"/> characters with an ellipsis and its full length.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value in single quotes.</returns>
    internal static string Quote(string? value) => $"'{Shorten(value)}'";

    /// <summary>Cuts an input value to <see cref="MaxQuotedLength"/> characters with an ellipsis and its full length.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value, or its start.</returns>
    internal static string Shorten(string? value) => Shorten(value, MaxQuotedLength);

    /// <summary>Cuts a text to a number of characters with an ellipsis and its full length.</summary>
    /// <param name="value">The text.</param>
    /// <param name="maxLength">The most characters kept.</param>
    /// <returns>The text, or its start.</returns>
    internal static string Shorten(string? value, int maxLength)
    {
        value ??= string.Empty;
        if (value.Length <= maxLength)
        {
            return value;
        }

        // Do not cut a surrogate pair in half.
        var cut = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return $"{value.AsSpan(0, cut)}… ({value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters)";
    }

    private bool IsSuppressed(string path)
    {
        // The path itself, then every container: the prefixes ending before a '.' or '['.
        if (_suppressedPaths!.Contains(path))
        {
            return true;
        }

        var lookup = _suppressedPaths.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = path.Length - 1; i > 0; i--)
        {
            if (path[i] is '.' or '[' && lookup.Contains(path.AsSpan(0, i)))
            {
                return true;
            }
        }

        return false;
    }
}
