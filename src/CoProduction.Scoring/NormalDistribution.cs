namespace CoProduction.Scoring;

/// <summary>The standard normal distribution function, accurate to about 1e-14 relative in both tails.</summary>
internal static class NormalDistribution
{
    private static readonly double InverseSqrtPi = 1 / Math.Sqrt(Math.PI);

    /// <summary>P(Z &lt;= z) for a standard normal Z.</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>
    /// The quantile z with P(Z &lt;= z) = <paramref name="p"/>: Acklam's rational approximation (relative error about
    /// 1e-9) refined by two Halley steps on <see cref="Cdf"/>, which leaves it at the accuracy of the distribution
    /// function.
    /// </summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        const double Low = 0.02425;
        double z;
        if (p < Low || p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p < Low ? p : 1 - p));
            z = (((((((-7.784894002430293e-03 * q) - 3.223964580411365e-01) * q) - 2.400758277161838e+00) * q) - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00;
            z /= (((((7.784695709041462e-03 * q) + 3.224671290700398e-01) * q) + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1;
            z = p < Low ? z : -z;
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            z = (((((((-3.969683028665376e+01 * r) + 2.209460984245205e+02) * r) - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q;
            z /= (((((((-5.447609879822406e+01 * r) + 1.615858368580409e+02) * r) - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r) + 1;
        }

        for (var step = 0; step < 2; step++)
        {
            // Halley: u = (Phi(z) - p) / phi(z); z -= u / (1 + z u / 2).
            var error = Cdf(z) - p;
            var u = error * Math.Sqrt(2 * Math.PI) * Math.Exp(z * z / 2);
            z -= u / (1 + (z * u / 2));
        }

        return z;
    }

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
