using AngleSharp.Html.Parser;

namespace CoProduction.Reporting.Tests.Writers;

public class HtmlReportWriterTests
{
    [Fact]
    public void Page_is_self_contained_with_headings_tables_and_inline_charts()
    {
        var html = HtmlReportWriter.ToHtml(Samples.Report());
        var doc = new HtmlParser().ParseDocument(html);

        doc.Title.Should().Be("Co-production for improvement: programme report 2025");
        doc.QuerySelectorAll("h2").Select(h => h.TextContent).Should().Equal("Patient involvement in improvement projects", "Patient peer review panel");
        doc.QuerySelectorAll("script, link, img, iframe").Should().BeEmpty();
        var svgs = doc.QuerySelectorAll("figure svg");
        svgs.Should().HaveCount(2);
        svgs.Select(s => s.GetAttribute("aria-labelledby")).Should().Equal("chart-1-title chart-1-desc", "chart-2-title chart-2-desc");
        doc.GetElementById("chart-1-desc")!.TextContent.Should().Be(Samples.Involvement().Description);
        doc.QuerySelectorAll("figure svg circle.point").Should().HaveCount(24 + 30);
        doc.QuerySelectorAll("figcaption")[1].TextContent.Should().Be(Samples.Turnaround().Description);
    }

    [Fact]
    public void Numbers_are_right_aligned_and_text_left_aligned()
    {
        var doc = new HtmlParser().ParseDocument(HtmlReportWriter.ToHtml(Samples.Report()));
        var table = doc.QuerySelectorAll("section > table")[0];

        table.QuerySelectorAll("thead th").Select(th => th.ClassName).Should().Equal("text", "text", "text", "text", "num", "num");
        var cells = table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td");
        cells.Select(td => td.TextContent).Should().Equal("Falls prevention on ward 7", "Patient partner A", "Co-design", "3 Feb 2025", "3", "75.0%");
        cells.Select(td => td.ClassName).Should().Equal("text", "text", "text", "text", "num", "num");
        StyleOf(doc).Should().Contain(".num { text-align: right;").And.Contain(".text { text-align: left; }");

        var reviews = doc.QuerySelectorAll("section > table")[1].QuerySelectorAll("tbody tr");
        reviews[1].QuerySelectorAll("td").Select(td => td.TextContent).Should().Equal("Discharge letters", "3", "-0.05", "20 Jun 2025");
        reviews[2].QuerySelectorAll("td").Select(td => td.TextContent).Should().Equal("Sepsis screening in ED", "5", "0.67", "");
    }

    [Fact]
    public void Sample_page_is_written_to_the_output_folder()
    {
        var path = Samples.WriteOutput("programme-report.html", HtmlReportWriter.ToHtml(Samples.Report()));
        new HtmlParser().ParseDocument(File.ReadAllText(path)).QuerySelectorAll("table").Length.Should().Be(4);
    }

    private static string StyleOf(AngleSharp.Dom.IDocument doc) => doc.QuerySelector("style")!.TextContent;
}
