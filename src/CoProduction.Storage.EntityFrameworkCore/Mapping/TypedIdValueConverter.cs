using CoProduction.Primitives;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>Stores a typed id (<see cref="ITypedId{TSelf}"/>) as its <see cref="Guid"/>.</summary>
/// <typeparam name="TId">The typed id.</typeparam>
internal sealed class TypedIdValueConverter<TId> : ValueConverter<TId, Guid>
    where TId : struct, ITypedId<TId>
{
    /// <summary>Initialises the converter.</summary>
    public TypedIdValueConverter()
        : base(id => id.Value, TypedIds.FromGuidExpression<TId>())
    {
    }
}
