namespace CoProduction.Primitives;

/// <summary>
/// Base of the library's documented exception family. Each exception carries a stable, machine-readable
/// <see cref="Code"/> (for example <c>peer-review.quorum-not-met</c>) and a message that says what was wrong and what to do.
/// </summary>
public abstract class CoProductionException : Exception
{
    /// <summary>Initialises the exception.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">What was wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected CoProductionException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Code = code;
    }

    /// <summary>Gets the stable, machine-readable code of the failure, such as <c>payments.claim-not-approved</c>.</summary>
    public string Code { get; }
}

/// <summary>
/// A business rule was broken: the command was refused and nothing changed. <see cref="CoProductionException.Code"/>
/// names the rule; the codes are listed in each area's <c>...ErrorCodes</c> class.
/// </summary>
public sealed class DomainRuleViolationException : CoProductionException
{
    /// <summary>Initialises the exception.</summary>
    /// <param name="code">The stable code of the rule, such as <c>people.consent-not-given</c>.</param>
    /// <param name="message">What was wrong and what to do.</param>
    public DomainRuleViolationException(string code, string message)
        : base(code, message)
    {
    }
}

/// <summary>
/// An update was based on a stale version of an aggregate: someone else saved it first. Nothing was written; reload the
/// aggregate, re-apply the change and save again.
/// </summary>
public sealed class ConcurrencyConflictException : CoProductionException
{
    /// <summary>The stable code of this failure.</summary>
    public const string ErrorCode = "storage.concurrency-conflict";

    /// <summary>Initialises the exception.</summary>
    /// <param name="aggregateType">The aggregate's type name.</param>
    /// <param name="id">The aggregate's id.</param>
    /// <param name="expectedVersion">The version the update was based on.</param>
    /// <param name="actualVersion">The version stored now, when known.</param>
    /// <param name="innerException">The provider's exception, if any.</param>
    public ConcurrencyConflictException(string aggregateType, Guid id, long expectedVersion, long? actualVersion, Exception? innerException = null)
        : base(
            ErrorCode,
            $"{RequireText(aggregateType)} {id} was changed by someone else: the update was based on version {expectedVersion} but the stored version is {(actualVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "newer")}. Nothing was saved: reload it, apply the change again and save.",
            innerException)
    {
        AggregateType = aggregateType;
        AggregateId = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Gets the aggregate's type name.</summary>
    public string AggregateType { get; }

    private static string RequireText(string aggregateType, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(aggregateType))] string? parameterName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregateType, parameterName);
        return aggregateType;
    }

    /// <summary>Gets the aggregate's id.</summary>
    public Guid AggregateId { get; }

    /// <summary>Gets the version the refused update was based on.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the version stored when the update was refused, when the store knows it.</summary>
    public long? ActualVersion { get; }
}

/// <summary>A store operation was refused: the aggregate is missing, already exists or belongs to another organisation. Nothing was written.</summary>
public sealed class StoreOperationException : CoProductionException
{
    /// <summary>Initialises the exception.</summary>
    /// <param name="code">One of <see cref="StorageErrorCodes"/>.</param>
    /// <param name="message">What was wrong and what to do.</param>
    public StoreOperationException(string code, string message)
        : base(code, message)
    {
    }
}

/// <summary>The stable codes of <see cref="StoreOperationException"/>.</summary>
public static class StorageErrorCodes
{
    /// <summary>Adding an aggregate whose id is already stored.</summary>
    public const string AlreadyExists = "storage.already-exists";

    /// <summary>Updating an aggregate that is not stored (or not visible to the current organisation).</summary>
    public const string NotFound = "storage.not-found";

    /// <summary>Saving an aggregate that belongs to another organisation than the current one.</summary>
    public const string OrganisationMismatch = "storage.organisation-mismatch";

    /// <summary>Adding an aggregate that is not new (its version is not 0).</summary>
    public const string NotNew = "storage.not-new";
}
