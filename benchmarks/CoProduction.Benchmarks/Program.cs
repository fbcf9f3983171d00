using BenchmarkDotNet.Running;

namespace CoProduction.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/CoProduction.Benchmarks -- --filter '*'</c>;
/// <c>-- quick [slow]</c> times each routine once at budget size; <c>-- peers DIR</c> runs the peer comparison side;
/// <c>-- store [FILTER]</c> times the store benchmarks with a Stopwatch; <c>-- startup sqlite|sqlite-check</c>
/// times a fresh process's first operations; <c>-- region [ORGS] [ROUNDS]</c> generates a region on PostgreSQL and times
/// the dashboard's queries per organisation;
/// <c>-- model [SEQUENCES] [SEED]</c> runs the cross-area model test for longer (default 100,000 sequences).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
        {
            QuickTimer.Run(includeSlow: args.Contains("slow"));
            return;
        }

        if (args.Length > 0 && args[0] == "store")
        {
            StoreQuickTimer.RunAsync(args.Length > 1 ? args[1] : null, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4).GetAwaiter().GetResult();
            return;
        }

        if (args.Length > 0 && args[0] == "region")
        {
            RegionRun.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5).GetAwaiter().GetResult();
            return;
        }

        if (args.Length > 1 && args[0] == "startup")
        {
            StartupTimer.RunAsync(args[1]).GetAwaiter().GetResult();
            return;
        }

        if (args.Length > 0 && args[0] == "model")
        {
            Environment.ExitCode = ModelRun.Run(
                args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
                args.Length > 2 ? args[2] : null);
            return;
        }

        if (args.Length > 1 && args[0] == "peers")
        {
            PeerComparison.Run(args[1]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
