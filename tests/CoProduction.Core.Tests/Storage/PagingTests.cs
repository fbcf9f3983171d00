using CoProduction.Core.Tests.TestSupport;
using CoProduction.Storage;

namespace CoProduction.Core.Tests.Storage;

public sealed class PagingTests
{
    [Fact]
    public void Default_NothingGiven_IsTheFirstPageOfTheDefaultSizeOldestFirst()
    {
        var page = default(PageRequest);

        page.Number.Should().Be(1);
        page.Size.Should().Be(PageRequest.DefaultSize);
        page.Offset.Should().Be(0);
        page.Order.Should().Be(ListOrder.OldestFirst);
        page.Should().Be(PageRequest.First());
    }

    [Fact]
    public void Next_ThirdPageOfTwenty_StartsAfterSixtyItemsInTheSameOrder()
    {
        var page = new PageRequest(3, 20, ListOrder.NewestFirst).Next();

        page.Should().Be(new PageRequest(4, 20, ListOrder.NewestFirst));
        page.Offset.Should().Be(60);
    }

    [Theory]
    [InlineData(0, 10, "number")]
    [InlineData(1, 0, "size")]
    [InlineData(1, PageRequest.MaxSize + 1, "size")]
    [InlineData(int.MaxValue, 2, "number")]
    public void Constructor_OutOfRange_ThrowsNamingTheParameter(int number, int size, string parameter)
    {
        var create = () => new PageRequest(number, size);

        create.Should().ThrowInvalidInput(parameter);
    }

    [Fact]
    public void Constructor_UndefinedOrder_ThrowsNamingTheParameter()
    {
        var create = () => new PageRequest(1, 10, (ListOrder)7);

        create.Should().ThrowInvalidInput("order");
    }

    [Theory]
    [InlineData(1, 3, 7, 3, true)]
    [InlineData(3, 3, 7, 3, false)]
    [InlineData(1, 3, 0, 0, false)]
    [InlineData(2, 3, 6, 2, false)]
    public void Page_ItemsAndTotal_CountsPagesAndSaysWhetherMoreFollow(int number, int size, int total, int pageCount, bool hasNext)
    {
        var request = new PageRequest(number, size);
        var items = Enumerable.Range(0, Math.Clamp(total - request.Offset, 0, size)).ToList();

        var page = new Page<int>(items, total, request);

        page.PageCount.Should().Be(pageCount);
        page.HasNextPage.Should().Be(hasNext);
    }

    [Fact]
    public void Page_MoreItemsThanThePageHolds_ThrowsNamingItems()
    {
        var create = () => new Page<int>([1, 2, 3], 10, PageRequest.First(2));

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("items");
    }
}
