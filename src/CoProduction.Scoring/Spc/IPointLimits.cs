namespace CoProduction.Scoring;

/// <summary>Process limits and outer-third boundaries at each point (constant for XmR, per point for p charts).</summary>
internal interface IPointLimits
{
    double Lower(int i);

    double Upper(int i);

    double NearLower(int i);

    double NearUpper(int i);
}

/// <summary>The same limits at every point.</summary>
internal readonly struct ConstantLimits(double lower, double upper, double nearLower, double nearUpper) : IPointLimits
{
    public double Lower(int i) => lower;

    public double Upper(int i) => upper;

    public double NearLower(int i) => nearLower;

    public double NearUpper(int i) => nearUpper;
}

/// <summary>Limits that vary by point, read from arrays at an offset (the segment's start).</summary>
internal readonly struct VaryingLimits(double[] lower, double[] upper, double[] nearLower, double[] nearUpper, int offset) : IPointLimits
{
    public double Lower(int i) => lower[offset + i];

    public double Upper(int i) => upper[offset + i];

    public double NearLower(int i) => nearLower[offset + i];

    public double NearUpper(int i) => nearUpper[offset + i];
}
