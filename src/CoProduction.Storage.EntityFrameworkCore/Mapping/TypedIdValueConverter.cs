using System.Linq.Expressions;
using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>Stores a typed id (<see cref="ITypedId{TSelf}"/>) as its <see cref="Guid"/>.</summary>
/// <typeparam name="TId">The typed id.</typeparam>
public sealed class TypedIdValueConverter<TId> : ValueConverter<TId, Guid>
    where TId : struct, ITypedId<TId>
{
    /// <summary>Initialises the converter.</summary>
    public TypedIdValueConverter()
        : base(id => id.Value, TypedIdFactory<TId>.FromGuidExpression)
    {
    }
}

/// <summary>Creates typed ids from their <see cref="Guid"/> through their <c>(Guid Value)</c> constructor.</summary>
/// <typeparam name="TId">The typed id.</typeparam>
internal static class TypedIdFactory<TId>
    where TId : struct, ITypedId<TId>
{
    /// <summary>Gets the expression <c>value =&gt; new TId(value)</c>.</summary>
    internal static Expression<Func<Guid, TId>> FromGuidExpression { get; } = BuildExpression();

    /// <summary>Gets the compiled <see cref="FromGuidExpression"/>.</summary>
    internal static Func<Guid, TId> FromGuid { get; } = FromGuidExpression.Compile();

    private static Expression<Func<Guid, TId>> BuildExpression()
    {
        var constructor = typeof(TId).GetConstructor([typeof(Guid)])
            ?? throw new InvalidOperationException($"{typeof(TId).Name} has no constructor taking a Guid: typed ids are 'readonly record struct {typeof(TId).Name}(Guid Value)'.");
        var value = Expression.Parameter(typeof(Guid), "value");
        return Expression.Lambda<Func<Guid, TId>>(Expression.New(constructor, value), value);
    }
}
