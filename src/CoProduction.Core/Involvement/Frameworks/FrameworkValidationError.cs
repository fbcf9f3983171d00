using System.Globalization;
using CoProduction.Primitives;

namespace CoProduction.Involvement.Frameworks;

/// <summary>One fault in a framework definition or its JSON.</summary>
/// <param name="Path">Where the fault is, as a JSON path such as <c>$.levels[2].id</c>.</param>
/// <param name="Code">A stable code from <see cref="FrameworkValidationCodes"/>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record FrameworkValidationError(string Path, string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>The stable codes of <see cref="FrameworkValidationError"/>.</summary>
public static class FrameworkValidationCodes
{
    /// <summary>The text is not well-formed JSON.</summary>
    public const string MalformedJson = "framework.malformed-json";

    /// <summary>A value has the wrong JSON type (for example a string where an array belongs).</summary>
    public const string WrongType = "framework.wrong-type";

    /// <summary>A property that is not part of the format (often a misspelling).</summary>
    public const string UnknownProperty = "framework.unknown-property";

    /// <summary>A required value is missing or blank.</summary>
    public const string Required = "framework.required";

    /// <summary>The framework has no ladder levels where they are required.</summary>
    public const string MissingLevels = "framework.missing-levels";

    /// <summary>The framework has no life-cycle phases where they are required.</summary>
    public const string MissingPhases = "framework.missing-phases";

    /// <summary>The framework defines nothing at all (no levels, standards or phases).</summary>
    public const string NoContent = "framework.no-content";

    /// <summary>Too few entries (a ladder of one level, a scale of one point, a standard without indicators).</summary>
    public const string TooFew = "framework.too-few";

    /// <summary>An id is used twice.</summary>
    public const string DuplicateId = "framework.duplicate-id";

    /// <summary>A weight is negative or not a finite number.</summary>
    public const string NegativeWeight = "framework.negative-weight";

    /// <summary>Every weight of a group is zero, so nothing would count.</summary>
    public const string AllWeightsZero = "framework.all-weights-zero";

    /// <summary>A reference names an id that does not exist.</summary>
    public const string UnknownReference = "framework.unknown-reference";

    /// <summary>The JSON text is longer than the limit (<see cref="FrameworkJson.MaxJsonLength"/>); it was not read.</summary>
    public const string TooLarge = "framework.too-large";
}

/// <summary>
/// A framework definition or its JSON was rejected. <see cref="Errors"/> lists the faults with their paths, at most
/// <see cref="MaxReportedErrors"/> of them, and <see cref="OmittedErrorCount"/> counts the rest; nothing was created or saved.
/// </summary>
public sealed class FrameworkValidationException : CoProductionException
{
    /// <summary>The stable code of this exception.</summary>
    public const string ErrorCode = "involvement.framework-invalid";

    /// <summary>The most faults listed in <see cref="Errors"/> and in the message; the rest are only counted in <see cref="OmittedErrorCount"/>.</summary>
    public const int MaxReportedErrors = 100;

    /// <summary>Initialises the exception.</summary>
    /// <param name="errors">The faults (at least one); beyond <see cref="MaxReportedErrors"/> they are counted, not kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public FrameworkValidationException(IReadOnlyList<FrameworkValidationError> errors)
        : this(errors, 0)
    {
    }

    /// <summary>Initialises the exception with faults found beyond those listed.</summary>
    /// <param name="errors">The faults listed (at least one); beyond <see cref="MaxReportedErrors"/> they are counted, not kept.</param>
    /// <param name="omittedErrorCount">How many more faults were found but not listed (zero or more).</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="omittedErrorCount"/> is negative.</exception>
    public FrameworkValidationException(IReadOnlyList<FrameworkValidationError> errors, int omittedErrorCount)
        : this(Cap(errors, omittedErrorCount))
    {
    }

    private FrameworkValidationException((IReadOnlyList<FrameworkValidationError> Errors, int Omitted) capped)
        : base(ErrorCode, BuildMessage(capped.Errors, capped.Omitted))
    {
        Errors = capped.Errors;
        OmittedErrorCount = capped.Omitted;
    }

    /// <summary>Gets the faults listed (at most <see cref="MaxReportedErrors"/>): JSON syntax and type faults first, then missing parts, then each section's faults in document order.</summary>
    public IReadOnlyList<FrameworkValidationError> Errors { get; }

    /// <summary>Gets how many more faults were found than <see cref="Errors"/> lists; zero when every fault is listed.</summary>
    public int OmittedErrorCount { get; }

    /// <summary>Gets how many faults were found in all.</summary>
    public int TotalErrorCount => Errors.Count + OmittedErrorCount;

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.InvalidInput;

    private static (IReadOnlyList<FrameworkValidationError> Errors, int Omitted) Cap(IReadOnlyList<FrameworkValidationError> errors, int omittedErrorCount)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfNegative(omittedErrorCount);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A framework validation failure needs at least one error.", nameof(errors));
        }

        return errors.Count <= MaxReportedErrors
            ? (errors, omittedErrorCount)
            : (errors.Take(MaxReportedErrors).ToArray(), checked(omittedErrorCount + errors.Count - MaxReportedErrors));
    }

    private static string BuildMessage(IReadOnlyList<FrameworkValidationError> errors, int omitted)
    {
        var total = (long)errors.Count + omitted;
        var message = $"The involvement framework was rejected with {total.ToString(CultureInfo.InvariantCulture)} fault(s); nothing was saved. Correct each and try again:{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors.Select(e => $"- {e}"));
        return omitted > 0
            ? $"{message}{Environment.NewLine}... and {omitted.ToString(CultureInfo.InvariantCulture)} more"
            : message;
    }
}
