using System.Globalization;
using System.Text;
using System.Xml;
using CoProduction.Scoring;

namespace CoProduction.Reporting;

/// <summary>Draws an <see cref="SpcChart"/> as SVG through an <see cref="XmlWriter"/>, so every piece of text is escaped.</summary>
internal static class SpcChartSvg
{
    public const string Namespace = "http://www.w3.org/2000/svg";
    public const string CommonCauseColour = "#A6A6A6";
    public const string ImprovementColour = "#00B0F0";
    public const string ConcernColour = "#E46C0A";
    public const string NeutralColour = "#490092";
    public const string LineColour = "#7B7D7D";
    public const string TargetColour = "#DE1B1B";
    public const string AnnotationColour = "#425563";

    private const double MarginRight = 24;
    private const double TitleSpace = 60;
    private const double AnnotationRow = 14;
    private const double LegendLine = 22;
    private const double CharWidth = 6.6;

    public static string Colour(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => ImprovementColour,
        PointType.SpecialCauseConcern => ConcernColour,
        PointType.SpecialCauseNeutralHigh or PointType.SpecialCauseNeutralLow => NeutralColour,
        _ => CommonCauseColour,
    };

    public static string TypeName(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => "improvement",
        PointType.SpecialCauseConcern => "concern",
        PointType.SpecialCauseNeutralHigh => "neutral-high",
        PointType.SpecialCauseNeutralLow => "neutral-low",
        _ => "common-cause",
    };

    public static void Write(SpcChart chart, TextWriter output, string id)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, CloseOutput = false, ConformanceLevel = ConformanceLevel.Fragment };
        using var xml = XmlWriter.Create(output, settings);
        new Drawing(chart, xml, id).Draw();
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed class Drawing(SpcChart chart, XmlWriter xml, string id)
    {
        private readonly int _n = chart.Values.Count;
        private readonly double _width = chart.Options.Width;
        private readonly double _left = chart.Options.ValueAxisTitle is null ? 64 : 84;
        private double _plotTop;
        private double _plotBottom;
        private double _yMin;
        private double _yMax;

        private double PlotWidth => _width - _left - MarginRight;

        private double Step => PlotWidth / _n;

        public void Draw()
        {
            // Annotation labels sit in rows between the title and the plot, so they never cross a limit line.
            var annotationRows = AnnotationRows();
            _plotTop = TitleSpace + ((annotationRows.Count == 0 ? 0 : annotationRows.Max(r => r.Row + 1)) * AnnotationRow) + 4;
            _plotBottom = _plotTop + chart.Options.PlotHeight;
            var longestLabel = chart.Labels.Max(l => l.Length);
            var labelSpace = Math.Min(130, 16 + (longestLabel * CharWidth * 0.75));
            var legendTop = _plotBottom + labelSpace + 12;
            var legend = LayOutLegend();
            var height = legendTop + ((legend.Max(item => item.Row) + 1) * LegendLine) + 8;
            (_yMin, _yMax, var ticks) = Scale();

            Start("svg");
            xml.WriteAttributeString("xmlns", Namespace);
            xml.WriteAttributeString("id", id);
            Attr("width", _width);
            Attr("height", height);
            xml.WriteAttributeString("viewBox", $"0 0 {F(_width)} {F(height)}");
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("aria-labelledby", $"{id}-title {id}-desc");
            xml.WriteAttributeString("font-family", "Arial, Helvetica, sans-serif");
            xml.WriteAttributeString("font-size", "12");
            xml.WriteAttributeString("class", "spc-chart");
            Start("title");
            xml.WriteAttributeString("id", $"{id}-title");
            Text(chart.Title);
            End();
            Start("desc");
            xml.WriteAttributeString("id", $"{id}-desc");
            Text(chart.Description);
            End();
            Rect(0, 0, _width, height, "#FFFFFF", "background");

            TextAt(_left, 28, chart.Title, "title", size: 17, weight: "bold");
            DrawIcons();
            DrawAxes(ticks);
            DrawAnnotations();
            DrawLimits();
            DrawSeries();
            DrawXLabels();
            DrawLegend(legend, legendTop);
            End();
        }

        private double X(int i) => _left + ((i + 0.5) * Step);

        private double Y(double value) => _plotBottom - ((value - _yMin) / (_yMax - _yMin) * chart.Options.PlotHeight);

        private (double Min, double Max, List<double> Ticks) Scale()
        {
            var all = chart.Values.Concat(chart.LowerLimits).Concat(chart.UpperLimits).Concat(chart.CentreLines)
                .Append(chart.Target ?? double.NaN).Where(double.IsFinite).ToList();
            var proportion = chart.Kind != SpcChartKind.XmR;
            double min = all.Count == 0 ? 0 : all.Min(), max = all.Count == 0 ? 1 : all.Max();
            if (max - min < 1e-12)
            {
                var pad = proportion ? 0.05 : Math.Max(1, Math.Abs(min) * 0.1);
                min -= pad;
                max += pad;
            }

            var padding = (max - min) * 0.05;
            min -= padding;
            max += padding;
            if (proportion)
            {
                min = Math.Max(0, min);
                max = Math.Min(1, max);
            }

            var step = NiceStep((max - min) / 5);
            var low = Math.Floor(min / step) * step;
            var high = Math.Ceiling(max / step) * step;
            if (proportion)
            {
                low = Math.Max(0, low);
                high = Math.Min(1, high);
            }

            var ticks = new List<double>();
            for (var k = 0; low + (k * step) <= high + (step * 1e-9); k++)
            {
                ticks.Add(Math.Round(low + (k * step), 12));
            }

            return (low, high, ticks);
        }

        private static double NiceStep(double rough)
        {
            var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            var fraction = rough / power;
            var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return nice * power;
        }

        private void DrawAxes(List<double> ticks)
        {
            Start("g");
            xml.WriteAttributeString("class", "axes");
            Rect(_left, _plotTop, PlotWidth, chart.Options.PlotHeight, "none", "plot-area", stroke: "#D9D9D9");
            foreach (var tick in ticks)
            {
                var y = Y(tick);
                Line(_left, y, _left + PlotWidth, y, "#EEEEEE", "grid-line");
                TextAt(_left - 6, y + 4, chart.FormatValue(tick), "y-tick", anchor: "end");
            }

            if (chart.Options.ValueAxisTitle is { } axisTitle)
            {
                var cy = _plotTop + (chart.Options.PlotHeight / 2);
                Start("text");
                xml.WriteAttributeString("class", "y-title");
                xml.WriteAttributeString("text-anchor", "middle");
                xml.WriteAttributeString("transform", $"translate(16 {F(cy)}) rotate(-90)");
                Text(axisTitle);
                End();
            }

            End();
        }

        private void DrawLimits()
        {
            Start("g");
            xml.WriteAttributeString("class", "limits");
            var starts = chart.SegmentStarts;
            for (var g = 0; g < starts.Count; g++)
            {
                var start = starts[g];
                var end = g + 1 < starts.Count ? starts[g + 1] : _n;
                Path(Stepped(chart.LowerLimits, start, end), LineColour, "lower-limit", dash: "6 4");
                Path(Stepped(chart.UpperLimits, start, end), LineColour, "upper-limit", dash: "6 4");
                Path(Stepped(chart.CentreLines, start, end), "#3F3F3F", "mean");
                if (g > 0)
                {
                    var x = X(start) - (Step / 2);
                    Line(x, _plotTop, x, _plotBottom, "#BFBFBF", "rebase", dash: "2 3");
                }
            }

            if (chart.Target is { } target && target >= _yMin && target <= _yMax)
            {
                Line(X(0), Y(target), X(_n - 1), Y(target), TargetColour, "target", dash: "10 4");
            }

            End();
        }

        private string Stepped(IReadOnlyList<double> values, int start, int end)
        {
            // One horizontal run per stretch of equal limits, joined by vertical steps where the limit changes
            // (a p chart's denominator); a missing limit breaks the line.
            var d = new StringBuilder();
            var open = false;
            var level = double.NaN;
            for (var i = start; i < end; i++)
            {
                var v = values[i];
                if (!double.IsFinite(v))
                {
                    open = false;
                    continue;
                }

                var from = i == start ? X(i) : X(i) - (Step / 2);
                var to = i == end - 1 ? X(i) : X(i) + (Step / 2);
                if (end - start == 1)
                {
                    from = X(i) - (Step / 4);
                    to = X(i) + (Step / 4);
                }

                if (!open)
                {
                    d.Append('M').Append(F(from)).Append(' ').Append(F(Y(v))).Append('H').Append(F(to));
                }
                else if (v == level)
                {
                    var h = d.ToString().LastIndexOf('H');
                    d.Length = h + 1;
                    d.Append(F(to));
                }
                else
                {
                    d.Append('V').Append(F(Y(v))).Append('H').Append(F(to));
                }

                open = true;
                level = v;
            }

            return d.ToString();
        }

        private void DrawSeries()
        {
            var d = new StringBuilder();
            var open = false;
            for (var i = 0; i < _n; i++)
            {
                var v = chart.Values[i];
                if (double.IsNaN(v))
                {
                    open = false;
                    continue;
                }

                d.Append(open ? 'L' : 'M').Append(F(X(i))).Append(' ').Append(F(Y(v)));
                open = true;
            }

            Start("g");
            xml.WriteAttributeString("class", "series");
            Path(d.ToString(), LineColour, "series-line", width: 1.5);
            for (var i = 0; i < _n; i++)
            {
                var v = chart.Values[i];
                if (double.IsNaN(v))
                {
                    continue;
                }

                var type = chart.PointTypes[i];
                Start("circle");
                xml.WriteAttributeString("class", "point");
                xml.WriteAttributeString("data-point-type", TypeName(type));
                Attr("cx", X(i));
                Attr("cy", Y(v));
                Attr("r", type == PointType.CommonCause ? 4 : 5);
                xml.WriteAttributeString("fill", Colour(type));
                xml.WriteAttributeString("stroke", type == PointType.CommonCause ? CommonCauseColour : "#FFFFFF");
                Start("title");
                Text($"{chart.Labels[i]}: {chart.FormatValue(v)} ({SpcNarrative.VariationMeaning(type)})");
                End();
                End();
            }

            End();
        }

        private List<(ChartAnnotation Annotation, int Row)> AnnotationRows()
        {
            // Each label takes the first row where it does not overlap the label before it in that row.
            var rows = new List<(ChartAnnotation, int)>();
            var ends = new List<double>();
            foreach (var annotation in chart.Annotations.OrderBy(a => a.Index))
            {
                var (from, to) = LabelSpan(annotation);
                var row = ends.FindIndex(end => end + 8 < from);
                if (row < 0)
                {
                    row = ends.Count;
                    ends.Add(to);
                }
                else
                {
                    ends[row] = to;
                }

                rows.Add((annotation, row));
            }

            return rows;
        }

        private (double From, double To) LabelSpan(ChartAnnotation annotation)
        {
            var x = X(annotation.Index);
            var width = TextSafety.Clean(annotation.Text).Length * CharWidth;
            return RightAligned(x) ? (x - 4 - width, x) : (x, x + 4 + width);
        }

        private bool RightAligned(double x) => x > _left + (PlotWidth * 0.7);

        private void DrawAnnotations()
        {
            Start("g");
            xml.WriteAttributeString("class", "annotations");
            foreach (var (annotation, row) in AnnotationRows())
            {
                var x = X(annotation.Index);
                var y = _plotTop - 8 - (row * AnnotationRow);
                Start("g");
                xml.WriteAttributeString("class", "annotation");
                Line(x, y + 3, x, _plotBottom, AnnotationColour, "annotation-line", dash: "3 3");
                var right = RightAligned(x);
                TextAt(right ? x - 4 : x + 4, y, annotation.Text, "annotation-text", anchor: right ? "end" : "start", fill: AnnotationColour);
                End();
            }

            End();
        }

        private void DrawXLabels()
        {
            Start("g");
            xml.WriteAttributeString("class", "x-labels");
            var every = Math.Max(1, (int)Math.Ceiling(_n / (PlotWidth / 18)));
            for (var i = 0; i < _n; i += every)
            {
                var x = X(i);
                Line(x, _plotBottom, x, _plotBottom + 4, LineColour, "x-tick");
                Start("text");
                xml.WriteAttributeString("class", "x-label");
                xml.WriteAttributeString("text-anchor", "end");
                xml.WriteAttributeString("transform", $"translate({F(x + 4)} {F(_plotBottom + 14)}) rotate(-45)");
                Text(chart.Labels[i]);
                End();
            }

            End();
        }

        private void DrawIcons()
        {
            var last = SpcNarrative.LastPresent(chart.Values);
            var type = last < 0 ? PointType.CommonCause : chart.PointTypes[last];
            var x = _width - MarginRight - 16;
            if (chart.Target is not null && chart.Assurance != Assurance.NotApplicable)
            {
                var (colour, letter) = chart.Assurance switch
                {
                    Assurance.ConsistentPass => (ImprovementColour, "P"),
                    Assurance.ConsistentFail => (ConcernColour, "F"),
                    _ => (CommonCauseColour, "?"),
                };
                Icon(x, colour, letter, "assurance-icon", "Assurance: " + SpcNarrative.AssuranceSentence(chart));
                x -= 40;
            }

            var high = last >= 0 && chart.Values[last] > chart.CentreLines[last];
            var variationLetter = type == PointType.CommonCause ? "~" : high ? "H" : "L";
            Icon(x, Colour(type), variationLetter, "variation-icon", $"Variation: {SpcNarrative.VariationMeaning(type)}");
        }

        private void Icon(double cx, string colour, string letter, string cssClass, string tooltip)
        {
            Start("g");
            xml.WriteAttributeString("class", cssClass);
            Start("title");
            Text(tooltip);
            End();
            Start("circle");
            Attr("cx", cx);
            Attr("cy", 28);
            Attr("r", 16);
            xml.WriteAttributeString("fill", "#FFFFFF");
            xml.WriteAttributeString("stroke", colour);
            xml.WriteAttributeString("stroke-width", "3");
            End();
            TextAt(cx, 33, letter, "icon-letter", anchor: "middle", size: 15, weight: "bold", fill: colour);
            End();
        }

        private List<LegendItem> LayOutLegend()
        {
            var items = new List<LegendItem>
            {
                new("point", CommonCauseColour, "Common cause: no significant change"),
            };
            if (chart.ImprovementDirection == ImprovementDirection.Neutral)
            {
                items.Add(new("point", NeutralColour, "Special cause: neither improvement nor concern"));
            }
            else
            {
                items.Add(new("point", ImprovementColour, "Special cause improvement"));
                items.Add(new("point", ConcernColour, "Special cause concern"));
            }

            items.Add(new("line", "#3F3F3F", "Mean"));
            items.Add(new("dash", LineColour, chart.Kind == SpcChartKind.XmR ? "Process limits" : "Process limits (vary with the denominator)"));
            if (chart.Target is { } target)
            {
                items.Add(new("target", TargetColour, $"Target {chart.FormatValue(target)}"));
            }

            var last = SpcNarrative.LastPresent(chart.Values);
            var type = last < 0 ? PointType.CommonCause : chart.PointTypes[last];
            items.Add(new("text", Colour(type), $"Variation icon (top right): the latest point shows {SpcNarrative.VariationMeaning(type)}.", NewRow: true));
            if (chart.Target is not null && chart.Assurance != Assurance.NotApplicable)
            {
                items.Add(new("text", LineColour, "Assurance icon: " + LowerFirst(SpcNarrative.AssuranceSentence(chart)!), NewRow: true));
            }

            var row = 0;
            var x = _left;
            for (var i = 0; i < items.Count; i++)
            {
                var width = (items[i].Kind == "text" ? 0 : 26) + (TextSafety.Clean(items[i].Text).Length * CharWidth) + 18;
                if (i > 0 && (items[i].NewRow || x + width > _width - MarginRight))
                {
                    row++;
                    x = _left;
                }

                items[i] = items[i] with { Row = row, X = x };
                x += width;
            }

            return items;
        }

        private void DrawLegend(List<LegendItem> items, double top)
        {
            Start("g");
            xml.WriteAttributeString("class", "legend");
            foreach (var item in items)
            {
                var y = top + (item.Row * LegendLine);
                var x = item.X;
                switch (item.Kind)
                {
                    case "point":
                        Start("circle");
                        Attr("cx", x + 8);
                        Attr("cy", y - 4);
                        Attr("r", 5);
                        xml.WriteAttributeString("fill", item.Colour);
                        End();
                        break;
                    case "line":
                        Line(x, y - 4, x + 20, y - 4, item.Colour, "legend-line");
                        break;
                    case "dash":
                        Line(x, y - 4, x + 20, y - 4, item.Colour, "legend-line", dash: "6 4");
                        break;
                    case "target":
                        Line(x, y - 4, x + 20, y - 4, item.Colour, "legend-line", dash: "10 4");
                        break;
                }

                TextAt(item.Kind == "text" ? x : x + 26, y, item.Text, "legend-text");
            }

            End();
        }

        private void Start(string name) => xml.WriteStartElement(name, Namespace);

        private void End() => xml.WriteEndElement();

        private void Text(string text) => xml.WriteString(TextSafety.Clean(text));

        private void Attr(string name, double value) => xml.WriteAttributeString(name, F(value));

        private void TextAt(double x, double y, string text, string cssClass, string anchor = "start", double size = 12, string? weight = null, string fill = "#231F20")
        {
            Start("text");
            xml.WriteAttributeString("class", cssClass);
            Attr("x", x);
            Attr("y", y);
            if (anchor != "start")
            {
                xml.WriteAttributeString("text-anchor", anchor);
            }

            if (size != 12)
            {
                Attr("font-size", size);
            }

            if (weight is not null)
            {
                xml.WriteAttributeString("font-weight", weight);
            }

            xml.WriteAttributeString("fill", fill);
            Text(text);
            End();
        }

        private void Line(double x1, double y1, double x2, double y2, string colour, string cssClass, string? dash = null)
        {
            Start("line");
            xml.WriteAttributeString("class", cssClass);
            Attr("x1", x1);
            Attr("y1", y1);
            Attr("x2", x2);
            Attr("y2", y2);
            xml.WriteAttributeString("stroke", colour);
            if (dash is not null)
            {
                xml.WriteAttributeString("stroke-dasharray", dash);
            }

            End();
        }

        private void Path(string d, string colour, string cssClass, string? dash = null, double width = 1.25)
        {
            if (d.Length == 0)
            {
                return;
            }

            Start("path");
            xml.WriteAttributeString("class", cssClass);
            xml.WriteAttributeString("d", d);
            xml.WriteAttributeString("fill", "none");
            xml.WriteAttributeString("stroke", colour);
            Attr("stroke-width", width);
            if (dash is not null)
            {
                xml.WriteAttributeString("stroke-dasharray", dash);
            }

            End();
        }

        private void Rect(double x, double y, double w, double h, string fill, string cssClass, string? stroke = null)
        {
            Start("rect");
            xml.WriteAttributeString("class", cssClass);
            Attr("x", x);
            Attr("y", y);
            Attr("width", w);
            Attr("height", h);
            xml.WriteAttributeString("fill", fill);
            if (stroke is not null)
            {
                xml.WriteAttributeString("stroke", stroke);
            }

            End();
        }
    }

    private sealed record LegendItem(string Kind, string Colour, string Text, bool NewRow = false, int Row = 0, double X = 0);
}
