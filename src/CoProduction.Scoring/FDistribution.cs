namespace CoProduction.Scoring;

/// <summary>
/// The F distribution (and the regularised incomplete beta function behind it), for the confidence intervals of the
/// intraclass correlations. Degrees of freedom may be fractional (McGraw and Wong's ICC(2) interval needs that).
/// </summary>
internal static class FDistribution
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>P(F &lt;= f) for F with <paramref name="df1"/> and <paramref name="df2"/> degrees of freedom.</summary>
    public static double Cdf(double f, double df1, double df2)
    {
        if (double.IsNaN(f) || !(df1 > 0) || !(df2 > 0))
        {
            return double.NaN;
        }

        if (f <= 0)
        {
            return 0;
        }

        if (double.IsPositiveInfinity(f))
        {
            return 1;
        }

        var x = df1 * f / ((df1 * f) + df2);
        return RegularizedBeta(x, df1 / 2, df2 / 2);
    }

    /// <summary>The f with P(F &lt;= f) = <paramref name="p"/>, by bisection on the incomplete beta function.</summary>
    public static double Quantile(double p, double df1, double df2)
    {
        if (double.IsNaN(p) || p < 0 || p > 1 || !(df1 > 0) || !(df2 > 0))
        {
            return double.NaN;
        }

        if (p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        // Solve I_x(df1/2, df2/2) = p for x in (0, 1), then f = df2 x / (df1 (1 - x)).
        double low = 0, high = 1;
        for (var i = 0; i < 200 && high - low > 1e-17; i++)
        {
            var mid = (low + high) / 2;
            if (mid <= low || mid >= high)
            {
                break;
            }

            if (RegularizedBeta(mid, df1 / 2, df2 / 2) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        var x = (low + high) / 2;
        return df2 * x / (df1 * (1 - x));
    }

    /// <summary>I_x(a, b), by the continued fraction on whichever side of the mean converges fast.</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var logFront = (a * Math.Log(x)) + (b * Math.Log(1 - x)) - LogBeta(a, b);
        if (x < (a + 1) / (a + b + 2))
        {
            return Math.Exp(logFront) * BetaFraction(x, a, b) / a;
        }

        return 1 - (Math.Exp(logFront) * BetaFraction(1 - x, b, a) / b);
    }

    /// <summary>ln Gamma(x) for x &gt; 0 (Lanczos, g = 7, nine terms; about 1e-15 relative).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    private static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>
    /// The continued fraction 1 / (1 + d1 / (1 + d2 / (1 + ...))) with d(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
    /// and d(2m) = m (b - m) x / ((a + 2m - 1)(a + 2m)), evaluated by the modified Lentz method.
    /// </summary>
    private static double BetaFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        double c = 1, d = 1 - ((a + b) * x / (a + 1));
        d = Math.Abs(d) < Tiny ? Tiny : d;
        d = 1 / d;
        var result = d;
        for (var m = 1; m < 10_000; m++)
        {
            var even = m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)));
            d = 1 + (even * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (even / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            result *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1));
            d = 1 + (odd * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = 1 + (odd / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            result *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return result;
    }
}
