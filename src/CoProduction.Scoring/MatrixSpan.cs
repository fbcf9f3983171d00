using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CoProduction.Scoring;

/// <summary>Views a rectangular array as one row-major span without copying.</summary>
internal static class MatrixSpan
{
    public static ReadOnlySpan<T> Of<T>(T[,] matrix)
        where T : struct =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);
}
