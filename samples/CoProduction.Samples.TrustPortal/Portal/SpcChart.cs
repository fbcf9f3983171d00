using System.Globalization;
using System.Text;
using CoProduction.Scoring;

namespace CoProduction.Samples.TrustPortal.Portal;

/// <summary>
/// Draws an XmR chart (Making Data Count) as inline SVG, server-side: the values as a line, the mean and the process
/// limits, and each point coloured by its special-cause type (orange concern, blue improvement, grey common cause).
/// The figure has a title and a description, and the page gives the same facts as text and a table beside it.
/// </summary>
public static class SpcChart
{
    private const double Width = 640;
    private const double Height = 280;
    private const double Left = 48;
    private const double Right = 16;
    private const double Top = 16;
    private const double Bottom = 36;

    public static string Svg(string id, string title, IReadOnlyList<(DateOnly On, double Value)> points, XmRResult result, int? changeAt = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var values = points.Select(p => p.Value).ToList();
        var low = Math.Min(values.Min(), result.LowerProcessLimit);
        var high = Math.Max(values.Max(), result.UpperProcessLimit);
        var pad = (high - low) * 0.08 + 1e-9;
        (low, high) = (low - pad, high + pad);
        double X(int i) => Left + ((Width - Left - Right) * (points.Count == 1 ? 0.5 : i / (double)(points.Count - 1)));
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - ((v - low) / (high - low))));

        var svg = new StringBuilder();
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"portal-chart\" id=\"{id}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(c, $"<title id=\"{id}-title\">{Escape(title)}: XmR chart</title>");
        svg.Append(c, $"<desc id=\"{id}-desc\">{points.Count} points from {points[0].On:d MMM yyyy} to {points[^1].On:d MMM yyyy}{(changeAt is { } at ? $"; limits from the {at} points before the change" : "")}; mean {result.Mean:0.##}, process limits {result.LowerProcessLimit:0.##} to {result.UpperProcessLimit:0.##}; {points.Where((_, i) => result.PointTypes[i] != PointType.CommonCause).Count()} special-cause points.</desc>");
        svg.Append(c, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        Line(svg, Left, Y(result.UpperProcessLimit), Width - Right, Y(result.UpperProcessLimit), "#425563", "6 4");
        Line(svg, Left, Y(result.LowerProcessLimit), Width - Right, Y(result.LowerProcessLimit), "#425563", "6 4");
        Line(svg, Left, Y(result.Mean), Width - Right, Y(result.Mean), "#212b32", null);
        Label(svg, Left - 4, Y(result.UpperProcessLimit), result.UpperProcessLimit);
        Label(svg, Left - 4, Y(result.Mean), result.Mean);
        Label(svg, Left - 4, Y(result.LowerProcessLimit), result.LowerProcessLimit);
        if (changeAt is { } change && change > 0 && change < points.Count)
        {
            var x = (X(change - 1) + X(change)) / 2;
            Line(svg, x, Top, x, Height - Bottom, "#330072", "2 3");
            svg.Append(c, $"<text x=\"{x + 4:0.#}\" y=\"{Top + 12}\" font-size=\"12\" fill=\"#330072\">Change introduced</text>");
        }

        svg.Append("<polyline fill=\"none\" stroke=\"#4c6272\" stroke-width=\"2\" points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(c, $"{X(i):0.#},{Y(values[i]):0.#} ");
        }

        svg.Append("\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var colour = result.PointTypes[i] switch
            {
                PointType.SpecialCauseImprovement => "#005eb8",
                PointType.SpecialCauseConcern => "#ed8b00",
                PointType.SpecialCauseNeutralHigh or PointType.SpecialCauseNeutralLow => "#330072",
                _ => "#768692",
            };
            svg.Append(c, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(values[i]):0.#}\" r=\"5\" fill=\"{colour}\"/>");
        }

        svg.Append(c, $"<text x=\"{Left}\" y=\"{Height - 10}\" font-size=\"12\" fill=\"#212b32\">{points[0].On:d MMM yyyy}</text>");
        svg.Append(c, $"<text x=\"{Width - Right}\" y=\"{Height - 10}\" font-size=\"12\" text-anchor=\"end\" fill=\"#212b32\">{points[^1].On:d MMM yyyy}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string colour, string? dash) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{colour}\" stroke-width=\"1.5\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");

    private static void Label(StringBuilder svg, double x, double y, double value) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y + 4:0.#}\" font-size=\"12\" text-anchor=\"end\" fill=\"#212b32\">{value:0.#}</text>");

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
