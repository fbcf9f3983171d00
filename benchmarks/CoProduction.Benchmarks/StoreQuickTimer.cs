using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace CoProduction.Benchmarks;

/// <summary>
/// <c>-- store [FILTER] [RUNS]</c>: runs every <see cref="StoreBenchmark"/> method (whose name contains FILTER) on every
/// store with a Stopwatch, after one warm-up call, best of three (or of RUNS - 1); a quick look before a BenchmarkDotNet run.
/// </summary>
public static class StoreQuickTimer
{
    /// <summary>Times the store benchmarks.</summary>
    public static async Task RunAsync(string? filter, int runs = 4)
    {
        var methods = typeof(StoreBenchmark).GetMethods()
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null && (filter is null || m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        foreach (var store in StoreBenchmark.StoreNames())
        {
            var benchmark = new StoreBenchmark { Store = store };
            await benchmark.SetupAsync();
            try
            {
                foreach (var method in methods)
                {
                    var best = TimeSpan.MaxValue;
                    try
                    {
                        for (var run = 0; run < runs; run++)
                        {
                            var watch = Stopwatch.StartNew();
                            if (method.Invoke(benchmark, null) is Task task)
                            {
                                await task;
                            }

                            watch.Stop();
                            if (run > 0 && watch.Elapsed < best)
                            {
                                best = watch.Elapsed;
                            }
                        }

                        Console.WriteLine($"{store,-11} {method.Name,-60} {best.TotalMilliseconds,12:F3} ms");
                    }
                    catch (Exception ex) when (ex is NotSupportedException || ex.InnerException is NotSupportedException)
                    {
                        Console.WriteLine($"{store,-11} {method.Name,-60} {"n/a",12}");
                    }
                }
            }
            finally
            {
                await benchmark.CleanupAsync();
            }
        }
    }
}
