namespace CoProduction.Scoring;

/// <summary>Which bound of an assignment problem cannot be met.</summary>
public enum AssignmentBound
{
    /// <summary>The total demand lies outside the range the reviewers' minimum and maximum loads allow.</summary>
    TotalLoad,

    /// <summary>A submission cannot get its demanded number of reviewers.</summary>
    SubmissionDemand,

    /// <summary>A reviewer cannot reach their minimum load.</summary>
    ReviewerMinimumLoad,
}

/// <summary>Thrown when no assignment meets every bound; the message and properties say which bound fails.</summary>
public sealed class InfeasibleAssignmentException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public InfeasibleAssignmentException()
        : this("The assignment problem has no feasible solution.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What cannot be met.</param>
    public InfeasibleAssignmentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What cannot be met.</param>
    /// <param name="innerException">The cause.</param>
    public InfeasibleAssignmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a specific bound.</summary>
    /// <param name="message">What cannot be met.</param>
    /// <param name="bound">The kind of bound.</param>
    /// <param name="index">The reviewer or submission index, or null for <see cref="AssignmentBound.TotalLoad"/>.</param>
    public InfeasibleAssignmentException(string message, AssignmentBound bound, int? index)
        : base(message)
    {
        Bound = bound;
        Index = index;
    }

    /// <summary>The kind of bound that cannot be met.</summary>
    public AssignmentBound Bound { get; }

    /// <summary>The reviewer (for a minimum load) or submission (for a demand) concerned, if one is singled out.</summary>
    public int? Index { get; }
}
