using System.Diagnostics;
using System.Globalization;
using CoProduction.Scoring;

namespace CoProduction.Benchmarks;

/// <summary>
/// The .NET side of benchmarks/peers: writes the shared data sets to a directory, times the library on them, and
/// writes the results, so that the Python side can run SciPy and statsmodels on exactly the same data.
/// </summary>
public static class PeerComparison
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        var invariant = CultureInfo.InvariantCulture;
        var lines = new List<string>();

        var (x, y) = BenchmarkData.Pairs(1_000_000, 11, round: true, shift: 0.001);
        WriteColumns(Path.Combine(directory, "wilcoxon.csv"), x, y);
        var (wilcoxon, wilcoxonMs) = Time(() => SignedRankTest.Wilcoxon(x, y));
        lines.Add(string.Create(invariant, $"wilcoxon_v,{wilcoxon.V:R}"));
        lines.Add(string.Create(invariant, $"wilcoxon_p,{wilcoxon.PValue:R}"));
        lines.Add(string.Create(invariant, $"wilcoxon_ms,{wilcoxonMs:R}"));

        var (sx, sy) = BenchmarkData.Pairs(30, 12, round: false);
        WriteColumns(Path.Combine(directory, "wilcoxon_small.csv"), sx, sy);
        var small = SignedRankTest.Wilcoxon(sx, sy);
        lines.Add(string.Create(invariant, $"wilcoxon_small_v,{small.V:R}"));
        lines.Add(string.Create(invariant, $"wilcoxon_small_p,{small.PValue:R}"));

        var counts = BenchmarkData.FleissCounts(1_000_000, 5, 6, 13);
        using (var writer = new StreamWriter(Path.Combine(directory, "fleiss.csv")))
        {
            for (var s = 0; s < counts.GetLength(0); s++)
            {
                writer.WriteLine(string.Join(',', Enumerable.Range(0, 5).Select(j => counts[s, j].ToString(invariant))));
            }
        }

        var (fleiss, fleissMs) = Time(() => Agreement.FleissKappa(counts));
        lines.Add(string.Create(invariant, $"fleiss_kappa,{fleiss:R}"));
        lines.Add(string.Create(invariant, $"fleiss_ms,{fleissMs:R}"));

        var random = new Random(14);
        var table = new int[5, 5];
        for (var i = 0; i < 100_000; i++)
        {
            var a = random.Next(5);
            var b = random.NextDouble() < 0.6 ? a : Math.Clamp(a + random.Next(-2, 3), 0, 4);
            table[a, b]++;
        }

        using (var writer = new StreamWriter(Path.Combine(directory, "cohen.csv")))
        {
            for (var i = 0; i < 5; i++)
            {
                writer.WriteLine(string.Join(',', Enumerable.Range(0, 5).Select(j => table[i, j].ToString(invariant))));
            }
        }

        foreach (var weighting in Enum.GetValues<KappaWeighting>())
        {
            var (kappa, kappaMs) = Time(() => Agreement.CohenKappa(table, weighting));
            lines.Add(string.Create(invariant, $"cohen_{weighting.ToString().ToLowerInvariant()},{kappa:R}"));
            lines.Add(string.Create(invariant, $"cohen_{weighting.ToString().ToLowerInvariant()}_ms,{kappaMs:R}"));

            // Issue 17: the Fleiss, Cohen and Everitt (1969) standard errors and the 95% interval.
            var estimate = Agreement.CohenKappaEstimate(table, weighting);
            var interval = estimate.Interval();
            var name = weighting.ToString().ToLowerInvariant();
            lines.Add(string.Create(invariant, $"cohen_{name}_se,{estimate.StandardError:R}"));
            lines.Add(string.Create(invariant, $"cohen_{name}_se0,{estimate.StandardErrorUnderNull:R}"));
            lines.Add(string.Create(invariant, $"cohen_{name}_low,{interval.Lower:R}"));
            lines.Add(string.Create(invariant, $"cohen_{name}_upp,{interval.Upper:R}"));
        }

        File.WriteAllLines(Path.Combine(directory, "dotnet_results.csv"), lines);
        Console.WriteLine($"wrote data and .NET results to {directory}");
    }

    private static void WriteColumns(string path, double[] x, double[] y)
    {
        using var writer = new StreamWriter(path);
        for (var i = 0; i < x.Length; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x[i]:R},{y[i]:R}"));
        }
    }

    /// <summary>Best of five runs after five warm-up runs (so the JIT has finished tiering), in milliseconds.</summary>
    private static (T Result, double Milliseconds) Time<T>(Func<T> action)
    {
        var result = action();
        for (var i = 0; i < 4; i++)
        {
            result = action();
        }

        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            result = action();
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        return (result, best);
    }
}
