using CoProduction.Primitives;

namespace CoProduction.Programmes;

/// <summary>
/// One status attendance can be recorded with, and how much it counts towards a participant's attendance share
/// (1 = fully attended, 0 = not attended). A programme configures its own set. Immutable.
/// </summary>
public sealed record AttendanceStatusDefinition
{
    /// <summary>Initialises a status.</summary>
    /// <param name="code">The status's code, unique within the set, such as <c>Present</c>.</param>
    /// <param name="weight">How much it counts, from 0 to 1.</param>
    /// <exception cref="ArgumentException">The code is blank or the weight is outside 0..1.</exception>
    public AttendanceStatusDefinition(string code, decimal weight)
    {
        Input.Required(code);
        if (weight is < 0m or > 1m)
        {
            throw new InvalidInputException(nameof(weight), $"Attendance status '{code}' has weight {weight}: give a weight from 0 (not attended) to 1 (fully attended).");
        }

        Code = code.Trim();
        Weight = weight;
    }

    /// <summary>Gets the status's code.</summary>
    public string Code { get; }

    /// <summary>Gets how much the status counts towards attendance, from 0 to 1.</summary>
    public decimal Weight { get; }

    /// <summary>Gets the usual set: Present 1, Late 1, Apologies 0, Absent 0.</summary>
    public static IReadOnlyList<AttendanceStatusDefinition> DefaultSet { get; } =
    [
        new("Present", 1m),
        new("Late", 1m),
        new("Apologies", 0m),
        new("Absent", 0m),
    ];

    /// <summary>Checks a set of statuses: at least one, codes unique (ignoring case).</summary>
    /// <param name="statuses">The set.</param>
    /// <param name="parameterName">The parameter's name, for the exception.</param>
    /// <returns>The set as a list.</returns>
    internal static List<AttendanceStatusDefinition> ValidateSet(IEnumerable<AttendanceStatusDefinition> statuses, string parameterName)
    {
        var list = statuses.ToList();
        if (list.Count == 0 || list.Any(s => s is null))
        {
            throw new InvalidInputException(parameterName, "Give at least one attendance status, such as Present (weight 1), and no null entries.");
        }

        var duplicate = list.GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidInputException(parameterName, $"Attendance status '{duplicate.Key}' is given more than once: give each status once.");
        }

        return list;
    }
}
