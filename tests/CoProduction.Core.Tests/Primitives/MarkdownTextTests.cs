using AngleSharp.Html.Parser;
using CoProduction.Primitives;
using Markdig;

namespace CoProduction.Core.Tests.Primitives;

public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static TheoryData<string> Hostile() =>
    [
        "North | South *pilot*",
        "<script>alert('x')</script>",
        "<b>bold</b> & <i>",
        "[click](https://example.org) and <https://example.org>",
        "_under_ **strong** `code` ~~struck~~",
        "# not a heading",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "1. not a numbered list",
        "12) nor this",
        "line one\nline two\r\n\r\nline three",
        "back\\slash \\* and &amp; &#60; entity",
        "p < 0.05 and 3 > 2, #5 on the list",
        "  # indented heading",
        "\n2. after a line break",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Inline_InAListItem_RendersAsExactlyTheTextTyped(string text)
    {
        var html = Markdown.ToHtml("- " + MarkdownText.Inline(text), Pipeline);
        var document = new HtmlParser().ParseDocument(html);

        var items = document.QuerySelectorAll("li");
        items.Should().ContainSingle();
        items[0].Children.Should().BeEmpty($"no markup comes from the text; html was {html}");
        items[0].TextContent.Should().Be(Flatten(text));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Inline_InATableCell_StaysOneCell(string text)
    {
        var html = Markdown.ToHtml($"| A | B |\n|---|---|\n| {MarkdownText.Inline(text)} | end |\n", Pipeline);
        var cells = new HtmlParser().ParseDocument(html).QuerySelectorAll("tbody td");

        cells.Select(c => c.TextContent).Should().Equal(Flatten(text), "end");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Inline_AsAParagraph_IsOneParagraphOfTheTextTyped(string text)
    {
        var document = new HtmlParser().ParseDocument(Markdown.ToHtml(MarkdownText.Inline(text), Pipeline));

        document.Body!.Children.Should().ContainSingle().Which.TagName.Should().Be("P");
        document.Body.TextContent.Trim().Should().Be(Flatten(text));
    }

    [Fact]
    public void Inline_ReadableText_IsLeftAsTyped()
    {
        MarkdownText.Inline("p < 0.05 and 3 > 2, #5 on the list; Co-production (step 7)").Should().Be("p < 0.05 and 3 > 2, #5 on the list; Co-production (step 7)");
        MarkdownText.Inline(null).Should().BeEmpty();
    }

    private static string Flatten(string text) =>
        string.Join(' ', text.Split(["\r\n", "\n", "\r"], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
