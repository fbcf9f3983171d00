namespace CoProduction.Benchmarks;

/// <summary>Deterministic data sets shared by the benchmarks, the quick timer and the peer comparison.</summary>
public static class BenchmarkData
{
    /// <summary>Observers x units on a 1..5 scale with the given share missing (NaN).</summary>
    public static double[,] RatingScale(int observers, int units, double missingShare, int seed)
    {
        var random = new Random(seed);
        var data = new double[observers, units];
        for (var u = 0; u < units; u++)
        {
            var truth = random.Next(1, 6);
            for (var o = 0; o < observers; o++)
            {
                var value = Math.Clamp(truth + random.Next(-1, 2), 1, 5);
                data[o, u] = random.NextDouble() < missingShare ? double.NaN : value;
            }
        }

        return data;
    }

    /// <summary>Observers x units of positive continuous values, all distinct, with the given share missing.</summary>
    public static double[,] Continuous(int observers, int units, double missingShare, int seed)
    {
        var random = new Random(seed);
        var data = new double[observers, units];
        for (var u = 0; u < units; u++)
        {
            var truth = 10 + (random.NextDouble() * 90);
            for (var o = 0; o < observers; o++)
            {
                data[o, u] = random.NextDouble() < missingShare ? double.NaN : truth * (0.8 + (0.4 * random.NextDouble()));
            }
        }

        return data;
    }

    /// <summary>
    /// Observers x units of values drawn uniformly from [0, 1000) (issue 17, item 7): all distinct, no missing values,
    /// and the smallest near zero, so the ratio quadrature must cover a spread of about 10^5 to 10^6.
    /// </summary>
    public static double[,] UniformWide(int observers, int units, int seed)
    {
        var random = new Random(seed);
        var data = new double[observers, units];
        for (var u = 0; u < units; u++)
        {
            for (var o = 0; o < observers; o++)
            {
                data[o, u] = random.NextDouble() * 1000;
            }
        }

        return data;
    }

    /// <summary>Subjects x categories counts, each subject rated by <paramref name="raters"/> raters.</summary>
    public static int[,] FleissCounts(int subjects, int categories, int raters, int seed)
    {
        var random = new Random(seed);
        var counts = new int[subjects, categories];
        for (var s = 0; s < subjects; s++)
        {
            var favourite = random.Next(categories);
            for (var r = 0; r < raters; r++)
            {
                counts[s, random.NextDouble() < 0.5 ? favourite : random.Next(categories)]++;
            }
        }

        return counts;
    }

    /// <summary>Paired samples: y continuous, x = y + shift + uniform noise in (-1, 1); rounded to 2 decimals there are ties and zeros.</summary>
    public static (double[] X, double[] Y) Pairs(int n, int seed, bool round, double shift = 0.05)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = random.NextDouble() * 10;
            x[i] = y[i] + shift + ((random.NextDouble() - 0.5) * 2);
            if (round)
            {
                x[i] = Math.Round(x[i], 2);
                y[i] = Math.Round(y[i], 2);
            }
        }

        return (x, y);
    }

    /// <summary>A series of <paramref name="n"/> points: noise around 50 with occasional shifts and spikes.</summary>
    public static double[] Series(int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        var level = 50.0;
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() < 0.001)
            {
                level = 40 + (random.NextDouble() * 20);
            }

            values[i] = level + (random.NextDouble() * 10) + (random.NextDouble() < 0.002 ? 40 : 0);
        }

        return values;
    }

    /// <summary>Assessments x indicators ratings 0..4 with 15% missing.</summary>
    public static double[] Ratings(int assessments, int indicators, int seed)
    {
        var random = new Random(seed);
        var ratings = new double[assessments * indicators];
        for (var i = 0; i < ratings.Length; i++)
        {
            ratings[i] = random.NextDouble() < 0.15 ? double.NaN : random.Next(0, 5);
        }

        return ratings;
    }

    /// <summary>A reviewer assignment problem with random affinities and 2% conflicts.</summary>
    public static Scoring.AssignmentProblem Assignment(int reviewers, int submissions, int demand, int minimumLoad, int maximumLoad, int seed)
    {
        var random = new Random(seed);
        var affinity = new double[reviewers, submissions];
        var conflicts = new bool[reviewers, submissions];
        for (var r = 0; r < reviewers; r++)
        {
            for (var j = 0; j < submissions; j++)
            {
                affinity[r, j] = Math.Round(random.NextDouble(), 3);
                conflicts[r, j] = random.NextDouble() < 0.02;
            }
        }

        return new Scoring.AssignmentProblem(
            affinity,
            Enumerable.Repeat(minimumLoad, reviewers).ToArray(),
            Enumerable.Repeat(maximumLoad, reviewers).ToArray(),
            Enumerable.Repeat(demand, submissions).ToArray(),
            conflicts);
    }
}
