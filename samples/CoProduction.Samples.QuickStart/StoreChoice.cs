namespace CoProduction.Samples.QuickStart;

/// <summary>Chooses where the sample keeps its data.</summary>
internal static class StoreChoice
{
    public static string Apply(CoProductionBuilder builder, string[] args)
    {
        _ = args;
        builder.UseInMemoryStores();
        return "in memory";
    }

    public static Task PrepareAsync(IServiceProvider services)
    {
        _ = services;
        return Task.CompletedTask;
    }
}
