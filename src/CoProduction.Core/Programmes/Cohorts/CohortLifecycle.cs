namespace CoProduction.Programmes.Cohorts;

/// <summary>The commands that move a cohort from one <see cref="CohortStatus"/> to another.</summary>
public enum CohortTrigger
{
    /// <summary>Open recruitment of teams.</summary>
    OpenRecruitment,

    /// <summary>Start running, once enough teams have enrolled.</summary>
    Start,

    /// <summary>Complete, once every session was delivered or cancelled.</summary>
    Complete,

    /// <summary>Cancel, with a reason.</summary>
    Cancel,
}

/// <summary>
/// A cohort's lifecycle as an explicit transition table: Planned to Recruiting to Running to Completed, and Cancelled
/// from any of the first three. Completed and Cancelled are final. Other conditions (enough teams, no session still
/// scheduled) are checked by the cohort on top of the table.
/// </summary>
public static class CohortLifecycle
{
    private static readonly Dictionary<(CohortStatus From, CohortTrigger Trigger), CohortStatus> Transitions = new()
    {
        [(CohortStatus.Planned, CohortTrigger.OpenRecruitment)] = CohortStatus.Recruiting,
        [(CohortStatus.Recruiting, CohortTrigger.Start)] = CohortStatus.Running,
        [(CohortStatus.Running, CohortTrigger.Complete)] = CohortStatus.Completed,
        [(CohortStatus.Planned, CohortTrigger.Cancel)] = CohortStatus.Cancelled,
        [(CohortStatus.Recruiting, CohortTrigger.Cancel)] = CohortStatus.Cancelled,
        [(CohortStatus.Running, CohortTrigger.Cancel)] = CohortStatus.Cancelled,
    };

    /// <summary>Gets the status a trigger leads to from a status.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="trigger">The command.</param>
    /// <returns>The new status, or <see langword="null"/> when the table does not allow the command from <paramref name="from"/>.</returns>
    public static CohortStatus? Target(CohortStatus from, CohortTrigger trigger) =>
        Transitions.TryGetValue((from, trigger), out var to) ? to : null;

    /// <summary>Gets the commands allowed from a status, in declaration order.</summary>
    /// <param name="from">The status.</param>
    /// <returns>The allowed triggers (none for a final status).</returns>
    public static IReadOnlyList<CohortTrigger> PermittedTriggers(CohortStatus from) =>
        [.. Enum.GetValues<CohortTrigger>().Where(t => Transitions.ContainsKey((from, t)))];

    /// <summary>Tells whether a status is final (nothing leads out of it).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for Completed and Cancelled.</returns>
    public static bool IsFinal(CohortStatus status) => PermittedTriggers(status).Count == 0;
}
