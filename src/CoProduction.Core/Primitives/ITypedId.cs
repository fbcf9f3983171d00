namespace CoProduction.Primitives;

/// <summary>A strongly typed identifier: a <see langword="readonly record struct"/> wrapping a <see cref="Guid"/>.</summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface ITypedId<TSelf> : IEquatable<TSelf>
    where TSelf : struct, ITypedId<TSelf>
{
    /// <summary>Gets the underlying value.</summary>
    Guid Value { get; }

    /// <summary>Creates a new, unique id.</summary>
    /// <returns>A fresh id (a time-ordered version 7 GUID, which indexes well).</returns>
    static abstract TSelf New();
}

/// <summary>Helpers shared by the typed ids.</summary>
internal static class TypedIds
{
    /// <summary>Parses a GUID, throwing an <see cref="ArgumentException"/> that names the parameter when it is not one.</summary>
    internal static Guid ParseGuid(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (!Guid.TryParse(value, out var guid) || guid == Guid.Empty)
        {
            throw new ArgumentException($"'{value}' is not a valid identifier: expected a non-empty GUID such as '{Guid.Empty.ToString().Replace('0', 'a')}'.", parameterName);
        }

        return guid;
    }
}
