using CoProduction.Primitives;
using Ardalis.GuardClauses;

namespace CoProduction.Programmes;

/// <summary>What a team or participant must have done to complete a cohort.</summary>
public enum CompletionCriterionKind
{
    /// <summary>Attendance share (weighted by attendance status over delivered sessions) at or above a threshold.</summary>
    AttendanceShare,

    /// <summary>The team submitted its improvement plan.</summary>
    PlanSubmitted,

    /// <summary>The team presented its work at the showcase.</summary>
    ShowcasePresented,

    /// <summary>A facilitator of the cohort signed the team off.</summary>
    FacilitatorSignOff,
}

/// <summary>How completion criteria are combined.</summary>
public enum CompletionCombination
{
    /// <summary>Every criterion must be met.</summary>
    All,

    /// <summary>At least one criterion must be met.</summary>
    Any,
}

/// <summary>One completion criterion. Immutable.</summary>
public sealed record CompletionCriterion
{
    /// <summary>Initialises a criterion.</summary>
    /// <param name="kind">What must have been done.</param>
    /// <param name="minimumAttendanceShare">For <see cref="CompletionCriterionKind.AttendanceShare"/>, the threshold from 0 to 1 (such as 0.75); otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The threshold is missing for an attendance criterion, given for another, or outside 0..1.</exception>
    public CompletionCriterion(CompletionCriterionKind kind, decimal? minimumAttendanceShare = null)
    {
        Input.Defined(kind);
        if (kind == CompletionCriterionKind.AttendanceShare && minimumAttendanceShare is not (>= 0m and <= 1m))
        {
            throw new InvalidInputException(nameof(minimumAttendanceShare), "An attendance criterion needs a minimum attendance share from 0 to 1, such as 0.75.");
        }

        if (kind != CompletionCriterionKind.AttendanceShare && minimumAttendanceShare is not null)
        {
            throw new InvalidInputException(nameof(minimumAttendanceShare), $"Only an attendance criterion takes a minimum attendance share; leave it null for {kind}.");
        }

        Kind = kind;
        MinimumAttendanceShare = minimumAttendanceShare;
    }

    /// <summary>Gets what must have been done.</summary>
    public CompletionCriterionKind Kind { get; }

    /// <summary>Gets the attendance threshold, for an attendance criterion.</summary>
    public decimal? MinimumAttendanceShare { get; }
}

/// <summary>The completion criteria of a programme and how they combine. Immutable.</summary>
public sealed record CompletionPolicy
{
    /// <summary>The policy used when a trust has not set its own: attendance of at least 75% and a submitted plan and a showcase presentation.</summary>
    public static CompletionPolicy Default { get; } = new(
        CompletionCombination.All,
        [new(CompletionCriterionKind.AttendanceShare, 0.75m), new(CompletionCriterionKind.PlanSubmitted), new(CompletionCriterionKind.ShowcasePresented)]);

    /// <summary>Initialises a policy.</summary>
    /// <param name="combination">Whether all criteria or any one must be met.</param>
    /// <param name="criteria">The criteria (at least one; each kind at most once).</param>
    /// <exception cref="ArgumentException">There is no criterion, or a kind appears twice.</exception>
    public CompletionPolicy(CompletionCombination combination, IEnumerable<CompletionCriterion> criteria)
    {
        Input.Defined(combination);
        Guard.Against.Null(criteria);
        var list = criteria.ToList();
        if (list.Count == 0 || list.Any(c => c is null))
        {
            throw new InvalidInputException(nameof(criteria), "Give at least one completion criterion, such as a minimum attendance share, and no null entries.");
        }

        var repeated = list.GroupBy(c => c.Kind).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidInputException(nameof(criteria), $"Completion criterion {repeated.Key} is given more than once: give each kind once.");
        }

        Combination = combination;
        Criteria = list.AsReadOnly();
    }

    /// <summary>Gets whether all criteria or any one must be met.</summary>
    public CompletionCombination Combination { get; }

    /// <summary>Gets the criteria.</summary>
    public IReadOnlyList<CompletionCriterion> Criteria { get; }
}

/// <summary>Whether one criterion was met, and why.</summary>
/// <param name="Kind">The criterion.</param>
/// <param name="IsMet">Whether it was met.</param>
/// <param name="Detail">A short explanation, such as "attendance 0.80, needs 0.75".</param>
public sealed record CriterionOutcome(CompletionCriterionKind Kind, bool IsMet, string Detail)
{
    /// <summary>Gets a short explanation.</summary>
    public string Detail { get; } = Input.Required(Detail);
}

/// <summary>Whether a team or participant completed a cohort, criterion by criterion.</summary>
/// <param name="IsComplete">Whether the criteria, combined as the policy says, are met (never for a team that withdrew).</param>
/// <param name="Combination">How the criteria were combined.</param>
/// <param name="Criteria">The outcome of each criterion.</param>
/// <param name="Withdrawn">Whether the team (or the participant's team) withdrew from the cohort.</param>
public sealed record CompletionOutcome(bool IsComplete, CompletionCombination Combination, IReadOnlyList<CriterionOutcome> Criteria, bool Withdrawn = false)
{
    /// <summary>Gets the outcome of each criterion.</summary>
    public IReadOnlyList<CriterionOutcome> Criteria { get; } = Guard.Against.Null(Criteria);
}
