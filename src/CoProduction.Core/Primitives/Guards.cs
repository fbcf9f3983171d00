using Ardalis.GuardClauses;

namespace CoProduction.Primitives;

/// <summary>Domain-specific guard clauses, used as <c>Guard.Against.EmptyId(id)</c>.</summary>
public static class CoProductionGuards
{
    /// <summary>Throws <see cref="ArgumentException"/> when a typed id is empty (its default value).</summary>
    /// <typeparam name="TId">The typed id.</typeparam>
    /// <param name="guardClause">The guard.</param>
    /// <param name="id">The id to check.</param>
    /// <param name="parameterName">The parameter's name (filled in by the compiler).</param>
    /// <returns>The id, when valid.</returns>
    public static TId EmptyId<TId>(this IGuardClause guardClause, TId id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? parameterName = null)
        where TId : struct, ITypedId<TId>
    {
        if (id.Value == Guid.Empty)
        {
            throw new ArgumentException($"The {typeof(TId).Name} is empty: pass the id of an existing record, or create one with {typeof(TId).Name}.New().", parameterName);
        }

        return id;
    }
}

/// <summary>Checks business rules, throwing <see cref="DomainRuleViolationException"/> when one is broken.</summary>
internal static class Rule
{
    /// <summary>
    /// Throws when <paramref name="condition"/> is false: a <see cref="RecordNotFoundException"/> for a code of the not-found
    /// pattern (<c>area.thing-not-found</c>), else a <see cref="DomainRuleViolationException"/> of the code's kind.
    /// </summary>
    internal static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw Refusal(code, message);
        }
    }

    /// <summary>The exception for a refusal with <paramref name="code"/>: its kind follows from the code.</summary>
    internal static CoProductionException Refusal(string code, string message) =>
        code.EndsWith("-not-found", StringComparison.Ordinal)
            ? new RecordNotFoundException(code, message)
            : new DomainRuleViolationException(code, message, ForbiddenCodes.Contains(code) ? ErrorKind.Forbidden : ErrorKind.RuleBroken);

    /// <summary>The codes of refusals because of who is acting, rather than of the state.</summary>
    private static readonly HashSet<string> ForbiddenCodes = [Payments.PaymentErrorCodes.SelfDecision, Payments.PaymentErrorCodes.NotAClaimDecider];
}
