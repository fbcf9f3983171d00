namespace CoProduction.Scoring;

/// <summary>The standard normal distribution function, accurate to about 1e-14 relative in both tails.</summary>
internal static class NormalDistribution
{
    private static readonly double InverseSqrtPi = 1 / Math.Sqrt(Math.PI);

    /// <summary>P(Z &lt;= z) for a standard normal Z.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The complementary error function erfc(x) = 1 - erf(x).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x < 2)
        {
            return 1 - Erf(x);
        }

        if (x > 27)
        {
            return 0;
        }

        // Continued fraction erfc(x) = exp(-x^2) / sqrt(pi) * 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))),
        // evaluated with the modified Lentz method.
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var k = 1; k < 5000; k++)
        {
            var a = k / 2.0;
            d = x + (a * d);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = x + (a / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-x * x) * InverseSqrtPi / f;
    }

    /// <summary>erf(x) for 0 &lt;= x &lt; 2 from the all-positive series 2x/sqrt(pi) e^(-x^2) sum (2x^2)^n / (2n+1)!!.</summary>
    private static double Erf(double x)
    {
        var x2 = x * x;
        double term = 1, sum = 1;
        for (var n = 1; n < 200; n++)
        {
            term *= 2 * x2 / ((2 * n) + 1);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return 2 * x * InverseSqrtPi * Math.Exp(-x2) * sum;
    }
}
