using System.Reflection;

namespace CoProduction.Storage.EntityFrameworkCore.Mapping;

/// <summary>
/// Reads a private field of an aggregate, for the few pieces of state (read-only collections) the model cannot set:
/// the mapping fills the collection the field holds instead of replacing it.
/// </summary>
/// <typeparam name="TOwner">The aggregate type.</typeparam>
/// <typeparam name="TValue">The field's type.</typeparam>
internal sealed class PrivateField<TOwner, TValue>
    where TValue : class
{
    private readonly FieldInfo _field;

    internal PrivateField(string name)
    {
        _field = typeof(TOwner).GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{typeof(TOwner).Name} has no private field '{name}': update its mapping in CoProduction.Storage.EntityFrameworkCore.");
        if (!_field.FieldType.IsAssignableTo(typeof(TValue)))
        {
            throw new InvalidOperationException($"The field {typeof(TOwner).Name}.{name} is a {_field.FieldType.Name}, not a {typeof(TValue).Name}: update its mapping in CoProduction.Storage.EntityFrameworkCore.");
        }
    }

    internal TValue Get(TOwner owner) => (TValue)_field.GetValue(owner)!;
}
