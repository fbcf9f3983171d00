using System.Buffers;

namespace CoProduction.Scoring;

/// <summary>Least-significant-digit radix sort of 64-bit keys, byte by byte, skipping bytes that never vary.</summary>
internal static class RadixSort
{
    public static void Sort(Span<ulong> keys)
    {
        var n = keys.Length;
        var histogram = new int[8 * 256];
        foreach (var key in keys)
        {
            for (var b = 0; b < 8; b++)
            {
                histogram[(b << 8) | (int)((key >> (8 * b)) & 0xFF)]++;
            }
        }

        var rented = ArrayPool<ulong>.Shared.Rent(n);
        try
        {
            var source = keys;
            var target = rented.AsSpan(0, n);
            Span<int> offsets = stackalloc int[256];
            for (var b = 0; b < 8; b++)
            {
                var counts = histogram.AsSpan(b << 8, 256);
                if (counts.Contains(n))
                {
                    continue;
                }

                var running = 0;
                for (var i = 0; i < 256; i++)
                {
                    offsets[i] = running;
                    running += counts[i];
                }

                var shift = 8 * b;
                foreach (var key in source)
                {
                    target[offsets[(int)((key >> shift) & 0xFF)]++] = key;
                }

                var swap = source;
                source = target;
                target = swap;
            }

            if (source != keys)
            {
                source.CopyTo(keys);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }
}
