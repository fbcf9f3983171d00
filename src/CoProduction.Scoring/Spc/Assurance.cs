namespace CoProduction.Scoring;

/// <summary>Whether a process can be relied on to meet a target (the Making Data Count assurance icons).</summary>
public enum Assurance
{
    /// <summary>No target was given, or the improvement direction is neutral.</summary>
    NotApplicable,

    /// <summary>The target lies beyond the process limits on the failing side: the process will meet it consistently.</summary>
    ConsistentPass,

    /// <summary>The target lies beyond the process limits on the improving side: the process will miss it consistently.</summary>
    ConsistentFail,

    /// <summary>The target lies between the process limits: the process will sometimes meet it and sometimes not.</summary>
    Inconsistent,
}
