using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace CoProduction.Storage.InMemory;

/// <summary>
/// Makes deep copies of object graphs by copying fields, so that the in-memory store never shares a reference with
/// its callers (as a database would not). Strings, primitives, enums, delegates, types and comparers are shared, since
/// they are immutable or stateless; everything else is copied, cycles included.
/// </summary>
internal static class DeepCopier
{
    private static readonly Func<object, object> MemberwiseCloneInvoker =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

    private static readonly ConcurrentDictionary<Type, FieldInfo[]> CopiedFields = new();
    private static readonly ConcurrentDictionary<Type, bool> SharedTypes = new();

    /// <summary>Returns a deep copy of <paramref name="source"/>.</summary>
    internal static T Copy<T>(T source)
        where T : class
        => (T)CopyObject(source, new Dictionary<object, object>(ReferenceEqualityComparer.Instance))!;

    private static object? CopyObject(object? source, Dictionary<object, object> copies)
    {
        if (source is null)
        {
            return null;
        }

        var type = source.GetType();
        if (IsShared(type))
        {
            return source;
        }

        if (!type.IsValueType && copies.TryGetValue(source, out var existing))
        {
            return existing;
        }

        if (source is Array array)
        {
            var arrayCopy = (Array)array.Clone();
            copies[source] = arrayCopy;
            if (!IsShared(type.GetElementType()!))
            {
                CopyArrayElements(arrayCopy, copies);
            }

            return arrayCopy;
        }

        // Value types arrive boxed: MemberwiseClone of the box gives a fresh box whose fields we can replace.
        var copy = MemberwiseCloneInvoker(source);
        if (!type.IsValueType)
        {
            copies[source] = copy;
        }

        foreach (var field in FieldsToCopy(type))
        {
            var value = field.GetValue(copy);
            if (value is not null)
            {
                field.SetValue(copy, CopyObject(value, copies));
            }
        }

        return copy;
    }

    private static void CopyArrayElements(Array array, Dictionary<object, object> copies)
    {
        if (array.Rank == 1)
        {
            for (var i = array.GetLowerBound(0); i <= array.GetUpperBound(0); i++)
            {
                array.SetValue(CopyObject(array.GetValue(i), copies), i);
            }

            return;
        }

        var indices = new int[array.Rank];
        foreach (var _ in array)
        {
            // Walk every index of a multi-dimensional array in row-major order.
            array.SetValue(CopyObject(array.GetValue(indices), copies), indices);
            for (var dimension = array.Rank - 1; dimension >= 0; dimension--)
            {
                if (++indices[dimension] <= array.GetUpperBound(dimension))
                {
                    break;
                }

                indices[dimension] = array.GetLowerBound(dimension);
            }
        }
    }

    private static FieldInfo[] FieldsToCopy(Type type) => CopiedFields.GetOrAdd(type, static t =>
    {
        var fields = new List<FieldInfo>();
        for (var current = t; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!IsShared(field.FieldType) || field.FieldType == typeof(object) || field.FieldType.IsInterface || field.FieldType.IsAbstract)
                {
                    fields.Add(field);
                }
            }
        }

        return [.. fields];
    });

    private static bool IsShared(Type type) => SharedTypes.GetOrAdd(type, static t =>
        t.IsPrimitive
        || t.IsEnum
        || t == typeof(string)
        || t == typeof(decimal)
        || t == typeof(DateTime)
        || t == typeof(DateTimeOffset)
        || t == typeof(DateOnly)
        || t == typeof(TimeOnly)
        || t == typeof(TimeSpan)
        || t == typeof(Guid)
        || typeof(Delegate).IsAssignableFrom(t)
        || typeof(Type).IsAssignableFrom(t)
        || typeof(MemberInfo).IsAssignableFrom(t)
        || (!t.IsInterface && !t.IsAbstract && t != typeof(object) && IsComparer(t))
        || (t.IsValueType && !ContainsReferences(t)));

    private static bool IsComparer(Type type) =>
        type.GetInterfaces().Any(i => i == typeof(System.Collections.IEqualityComparer) || i == typeof(System.Collections.IComparer)
            || (i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IEqualityComparer<>) || i.GetGenericTypeDefinition() == typeof(IComparer<>))))
        && !type.GetInterfaces().Any(i => i == typeof(System.Collections.IEnumerable));

    private static bool ContainsReferences(Type valueType) =>
        (bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!
            .MakeGenericMethod(valueType).Invoke(null, null)!;
}
