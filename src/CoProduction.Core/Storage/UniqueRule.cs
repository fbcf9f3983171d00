using System.Linq.Expressions;
using Ardalis.GuardClauses;
using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// A rule that says "one": within an organisation, at most one aggregate of a type has the same values of the rule's
/// properties (for example one patient-trainer pathway per participant). Every store keeps it inside the transaction
/// that writes the aggregate (a unique index over the organisation and the properties in a database; a check under
/// the one lock in memory), never by a query before the insert, and refuses the second writer with
/// <see cref="Refusal"/>: a <see cref="DomainRuleViolationException"/> of kind <see cref="ErrorKind.Conflict"/> carrying <see cref="Code"/>.
/// </summary>
/// <remarks>
/// The rules every store must keep are listed by <see cref="UniqueRules"/>; a third-party store enforces them in the
/// same way, and the conformance suite proves that two concurrent writers leave exactly one aggregate.
/// </remarks>
public abstract class UniqueRule
{
    private protected UniqueRule(Type aggregateType, IReadOnlyList<string> propertyNames, string code)
    {
        AggregateType = aggregateType;
        PropertyNames = propertyNames;
        Code = code;
    }

    /// <summary>Gets the aggregate type the rule is about.</summary>
    public Type AggregateType { get; }

    /// <summary>Gets the names of the aggregate's properties whose values must not repeat within an organisation.</summary>
    public IReadOnlyList<string> PropertyNames { get; }

    /// <summary>Gets the code of the <see cref="DomainRuleViolationException"/> raised when the rule is broken.</summary>
    public string Code { get; }

    /// <summary>Gets the values of the rule's properties of an aggregate, in the order of <see cref="PropertyNames"/>.</summary>
    /// <param name="aggregate">An aggregate of <see cref="AggregateType"/>.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="aggregate"/> is not of <see cref="AggregateType"/>.</exception>
    public abstract IReadOnlyList<object?> KeyOf(IAggregateRoot aggregate);

    /// <summary>Whether two aggregates of the same organisation hold the same values of the rule's properties.</summary>
    /// <param name="first">An aggregate of <see cref="AggregateType"/>.</param>
    /// <param name="second">Another.</param>
    /// <returns><see langword="true"/> when storing both would break the rule.</returns>
    /// <exception cref="ArgumentNullException">An aggregate is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An aggregate is not of <see cref="AggregateType"/>.</exception>
    public bool Clashes(IAggregateRoot first, IAggregateRoot second)
    {
        Guard.Against.Null(first);
        Guard.Against.Null(second);
        return first.IdValue != second.IdValue && first.OrganisationId == second.OrganisationId && KeyOf(first).SequenceEqual(KeyOf(second));
    }

    /// <summary>The refusal to raise when <paramref name="aggregate"/> could not be stored because another holds its values.</summary>
    /// <param name="aggregate">The aggregate refused.</param>
    /// <returns>The exception, with <see cref="Code"/> and a message saying what to do.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="aggregate"/> is not of <see cref="AggregateType"/>.</exception>
    public abstract DomainRuleViolationException Refusal(IAggregateRoot aggregate);
}

/// <summary>A <see cref="UniqueRule"/> about one aggregate type.</summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
public sealed class UniqueRule<TAggregate> : UniqueRule
    where TAggregate : class, IAggregateRoot
{
    private readonly Func<TAggregate, object?>[] _values;
    private readonly Func<TAggregate, string> _message;

    /// <summary>Initialises the rule.</summary>
    /// <param name="code">The code of the refusal, such as <c>programmes.pathway-already-exists</c>.</param>
    /// <param name="message">The refusal's message for the aggregate refused: what was wrong and what to do.</param>
    /// <param name="properties">The properties whose values must not repeat, each a plain property access such as <c>p =&gt; p.ParticipantId</c>.</param>
    /// <exception cref="ArgumentException">The code is blank, no property is given, or one is not a plain property access.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public UniqueRule(string code, Func<TAggregate, string> message, params Expression<Func<TAggregate, object?>>[] properties)
        : base(typeof(TAggregate), NamesOf(properties), Input.Required(code))
    {
        _message = Guard.Against.Null(message);
        _values = [.. properties.Select(p => p.Compile())];
    }

    /// <inheritdoc />
    public override IReadOnlyList<object?> KeyOf(IAggregateRoot aggregate)
    {
        var typed = Typed(aggregate);
        return [.. _values.Select(v => v(typed))];
    }

    /// <inheritdoc />
    public override DomainRuleViolationException Refusal(IAggregateRoot aggregate) => new(Code, _message(Typed(aggregate)), ErrorKind.Conflict);

    private static TAggregate Typed(IAggregateRoot aggregate)
    {
        Guard.Against.Null(aggregate);
        return aggregate as TAggregate
            ?? throw new ArgumentException($"The rule is about {typeof(TAggregate).Name}, not {aggregate.GetType().Name}.", nameof(aggregate));
    }

    private static string[] NamesOf(Expression<Func<TAggregate, object?>>[] properties)
    {
        Guard.Against.Null(properties);
        if (properties.Length == 0)
        {
            throw new ArgumentException("A unique rule needs at least one property.", nameof(properties));
        }

        return [.. properties.Select(p =>
        {
            Guard.Against.Null(p, nameof(properties));
            var body = p.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : p.Body;
            return body is MemberExpression { Member: System.Reflection.PropertyInfo property } member && member.Expression == p.Parameters[0]
                ? property.Name
                : throw new ArgumentException($"'{p}' is not a plain property of {typeof(TAggregate).Name}: give one such as a => a.ParticipantId.", nameof(properties));
        })];
    }
}

/// <summary>The "one" rules every store must keep (see <see cref="UniqueRule"/>), by aggregate type.</summary>
public static class UniqueRules
{
    private static readonly IReadOnlyList<UniqueRule> Rules = [.. Programmes.ProgrammeUniqueRules.All, .. PeerReview.PeerReviewUniqueRules.All, .. Involvement.InvolvementUniqueRules.All, .. Partners.PartnerUniqueRules.All];

    /// <summary>Gets every rule.</summary>
    public static IReadOnlyList<UniqueRule> All => Rules;

    /// <summary>Gets the rules about one aggregate type.</summary>
    /// <param name="aggregateType">The aggregate type.</param>
    /// <returns>Its rules; empty when it has none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregateType"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<UniqueRule> For(Type aggregateType)
    {
        Guard.Against.Null(aggregateType);
        return [.. Rules.Where(r => r.AggregateType == aggregateType)];
    }
}
