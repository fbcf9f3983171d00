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
    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    internal static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new DomainRuleViolationException(code, message);
        }
    }
}
