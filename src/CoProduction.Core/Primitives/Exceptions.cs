namespace CoProduction.Primitives;

/// <summary>
/// What kind of refusal a <see cref="CoProductionException"/> is. Each kind maps to one HTTP status
/// (<see cref="ErrorKinds.HttpStatusCode"/>), so a host can answer without a table of codes.
/// </summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or out of range (HTTP 400); <see cref="InvalidInputException.Errors"/> names each field.</summary>
    InvalidInput,

    /// <summary>Something the command names by id does not exist in the current organisation (HTTP 404).</summary>
    NotFound,

    /// <summary>The command clashes with the current state: someone changed it meanwhile, or it already exists (HTTP 409).</summary>
    Conflict,

    /// <summary>A business rule refuses the command in the current state (HTTP 422).</summary>
    RuleBroken,

    /// <summary>The person acting may not do this (HTTP 403).</summary>
    Forbidden,
}

/// <summary>Helpers for <see cref="ErrorKind"/>.</summary>
public static class ErrorKinds
{
    /// <summary>Gets the HTTP status code a host answers with for a kind of refusal.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>400, 404, 409, 422 or 403.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static int HttpStatusCode(this ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => 400,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.RuleBroken => 422,
        ErrorKind.Forbidden => 403,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined ErrorKind."),
    };
}

/// <summary>
/// Base of the library's documented exception family. Each exception carries a <see cref="Kind"/> that maps to an HTTP
/// status, a stable, machine-readable <see cref="Code"/> (for example <c>peer-review.quorum-not-met</c>) and a message
/// that says what was wrong and what to do. Nothing was changed by the refused command. A message a person may read
/// says who or what in words (a role, "one person present"), not as raw ids; where a program needs the ids, the
/// exception keeps them in <see cref="Exception.Data"/> under a name such as <c>participantIds</c> (texts).
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

    /// <summary>Gets what kind of refusal this is.</summary>
    public abstract ErrorKind Kind { get; }
}

/// <summary>
/// Something the command names by id (a participant, a claim, a cohort's session...) does not exist in the current
/// organisation. Codes follow one pattern: <c>area.thing-not-found</c>.
/// </summary>
public sealed class RecordNotFoundException : CoProductionException
{
    /// <summary>Initialises the exception.</summary>
    /// <param name="code">The stable code, <c>area.thing-not-found</c>.</param>
    /// <param name="message">What was not found and what to do.</param>
    public RecordNotFoundException(string code, string message)
        : base(code, message)
    {
    }

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.NotFound;
}

/// <summary>
/// The input of a command is malformed: <see cref="Errors"/> lists every fault at once, by field (the shape ASP.NET
/// Core's <c>ValidationProblemDetails</c> takes as it is). Nothing was changed.
/// </summary>
public sealed class InvalidInputException : CoProductionException
{
    /// <summary>The stable code of this exception.</summary>
    public const string ErrorCode = "input.invalid";

    /// <summary>Initialises the exception.</summary>
    /// <param name="errors">The faults, by field name (each with at least one message).</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
        : base(ErrorCode, BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Initialises the exception for one field.</summary>
    /// <param name="field">The field's name, as the caller named it (a parameter or form field).</param>
    /// <param name="message">What is wrong with it and what to enter instead.</param>
    /// <exception cref="ArgumentException"><paramref name="field"/> or <paramref name="message"/> is blank.</exception>
    public InvalidInputException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [NotBlank(field, nameof(field))] = [NotBlank(message, nameof(message))] })
    {
    }

    /// <summary>Gets every fault, by field name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.InvalidInput;

    private static string NotBlank(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return value;
    }

    private static string BuildMessage(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An input failure needs at least one field error.", nameof(errors));
        }

        return $"The input has {errors.Sum(e => e.Value.Length)} fault(s): {string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))}";
    }
}

/// <summary>
/// A business rule was broken: the command was refused and nothing changed. <see cref="CoProductionException.Code"/>
/// names the rule; the codes are listed in each area's <c>...ErrorCodes</c> class.
/// </summary>
public sealed class DomainRuleViolationException : CoProductionException
{
    /// <summary>Initialises the exception for a rule broken in the current state (<see cref="ErrorKind.RuleBroken"/>).</summary>
    /// <param name="code">The stable code of the rule, such as <c>people.consent-not-given</c>.</param>
    /// <param name="message">What was wrong and what to do.</param>
    public DomainRuleViolationException(string code, string message)
        : this(code, message, ErrorKind.RuleBroken)
    {
    }

    /// <summary>Initialises the exception for a rule of another kind: a duplicate (<see cref="ErrorKind.Conflict"/>) or something the actor may not do (<see cref="ErrorKind.Forbidden"/>).</summary>
    /// <param name="code">The stable code of the rule.</param>
    /// <param name="message">What was wrong and what to do.</param>
    /// <param name="kind"><see cref="ErrorKind.RuleBroken"/>, <see cref="ErrorKind.Conflict"/> or <see cref="ErrorKind.Forbidden"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is another kind, which has its own exception.</exception>
    public DomainRuleViolationException(string code, string message, ErrorKind kind)
        : base(code, message)
    {
        Kind = kind is ErrorKind.RuleBroken or ErrorKind.Conflict or ErrorKind.Forbidden
            ? kind
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use RecordNotFoundException or InvalidInputException for those kinds.");
    }

    /// <inheritdoc />
    public override ErrorKind Kind { get; }
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

    /// <inheritdoc />
    public override ErrorKind Kind => ErrorKind.Conflict;
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
        Kind = code switch
        {
            StorageErrorCodes.AlreadyExists => ErrorKind.Conflict,
            StorageErrorCodes.NotFound => ErrorKind.NotFound,
            StorageErrorCodes.OrganisationMismatch => ErrorKind.Forbidden,
            _ => ErrorKind.InvalidInput,
        };
    }

    /// <inheritdoc />
    public override ErrorKind Kind { get; }
}

/// <summary>The stable codes of <see cref="StoreOperationException"/>.</summary>
public static class StorageErrorCodes
{
    /// <summary>Adding an aggregate whose id is already stored.</summary>
    public const string AlreadyExists = "storage.already-exists";

    /// <summary>Updating an aggregate that is not stored (or not visible to the current organisation).</summary>
    public const string NotFound = "storage.aggregate-not-found";

    /// <summary>Saving an aggregate that belongs to another organisation than the current one.</summary>
    public const string OrganisationMismatch = "storage.organisation-mismatch";

    /// <summary>Adding an aggregate that is not new (its version is not 0).</summary>
    public const string NotNew = "storage.not-new";
}
