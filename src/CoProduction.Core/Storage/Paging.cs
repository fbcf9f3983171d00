using System.Globalization;
using CoProduction.Primitives;

namespace CoProduction.Storage;

/// <summary>
/// The order of a paged list (<see cref="IAggregateStore{TAggregate, TId}.ListPageAsync"/>). Aggregates are sorted by
/// their id, compared as the id's text (its 16 bytes in network order, as PostgreSQL's <c>uuid</c> and SQLite's text
/// columns compare them); ids made by <c>New()</c> are version-7 GUIDs, which begin with their creation time, so this
/// is the order in which the aggregates were created (to the millisecond; ties in one millisecond keep a fixed order).
/// </summary>
public enum ListOrder
{
    /// <summary>Ascending id: the first created first.</summary>
    OldestFirst,

    /// <summary>Descending id: the last created first.</summary>
    NewestFirst,
}

/// <summary>
/// Which page of a list to read: the page number (from 1), its size and the order. <c>default(PageRequest)</c> is the
/// first page of <see cref="DefaultSize"/> items, oldest first.
/// </summary>
public readonly record struct PageRequest
{
    /// <summary>The size of a page when none is given: 50.</summary>
    public const int DefaultSize = 50;

    /// <summary>The largest page a store returns: 1,000 aggregates.</summary>
    public const int MaxSize = 1000;

    // Kept relative to the defaults, so that default(PageRequest) is, and equals, the first page of DefaultSize.
    private readonly int _index;
    private readonly int _sizeAboveDefault;

    /// <summary>Initialises a page request.</summary>
    /// <param name="number">The page number, from 1.</param>
    /// <param name="size">The number of items on a page, from 1 to <see cref="MaxSize"/>.</param>
    /// <param name="order">The order of the list.</param>
    /// <exception cref="InvalidInputException">
    /// <paramref name="number"/> is below 1, <paramref name="size"/> is below 1 or above <see cref="MaxSize"/>, the page
    /// would start beyond the 2,147,483,647th item, or <paramref name="order"/> is not a defined value (every fault at
    /// once, by parameter name: a page and size usually come from a query string).
    /// </exception>
    public PageRequest(int number, int size = DefaultSize, ListOrder order = ListOrder.OldestFirst)
    {
        new CommandInput()
            .That(number >= 1, nameof(number), string.Create(CultureInfo.InvariantCulture, $"Is {number}: pages are numbered from 1."))
            .InRange(size, 1, MaxSize)
            .That(number < 1 || size < 1 || (long)(number - 1) * size <= int.MaxValue, nameof(number), string.Create(CultureInfo.InvariantCulture, $"Page {number} of {size} items starts beyond the last item a list can hold: ask for an earlier page."))
            .Defined(order)
            .ThrowIfInvalid();
        _index = number - 1;
        _sizeAboveDefault = size - DefaultSize;
        Order = order;
    }

    /// <summary>Gets the page number, from 1.</summary>
    public int Number => _index + 1;

    /// <summary>Gets the number of items on a full page.</summary>
    public int Size => DefaultSize + _sizeAboveDefault;

    /// <summary>Gets the order of the list.</summary>
    public ListOrder Order { get; }

    /// <summary>Gets the number of items before this page.</summary>
    public int Offset => _index * Size;

    /// <summary>The first page.</summary>
    /// <param name="size">The number of items on a page, from 1 to <see cref="MaxSize"/>.</param>
    /// <param name="order">The order of the list.</param>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidInputException"><paramref name="size"/> is below 1 or above <see cref="MaxSize"/>, or <paramref name="order"/> is not a defined value.</exception>
    public static PageRequest First(int size = DefaultSize, ListOrder order = ListOrder.OldestFirst) => new(1, size, order);

    /// <summary>The page after this one, of the same size and order.</summary>
    /// <returns>The request.</returns>
    /// <exception cref="InvalidInputException">The next page would start beyond the 2,147,483,647th item.</exception>
    public PageRequest Next() => new(Number + 1, Size, Order);
}

/// <summary>One page of a list and the number of items in the whole list, read in one snapshot.</summary>
/// <typeparam name="T">The items.</typeparam>
public sealed class Page<T>
{
    /// <summary>Initialises a page (stores build it; a store of your own returns one from <see cref="IAggregateStore{TAggregate, TId}.ListPageAsync"/>).</summary>
    /// <param name="items">The items of the page, in the list's order.</param>
    /// <param name="totalCount">The number of items in the whole list.</param>
    /// <param name="request">The request the page answers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalCount"/> is negative, or there are more items than <paramref name="request"/>'s size, or than <paramref name="totalCount"/> leaves after the earlier pages.</exception>
    public Page(IReadOnlyList<T> items, int totalCount, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(totalCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, request.Size, nameof(items));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, Math.Max(0, totalCount - request.Offset), nameof(items));
        Items = items;
        TotalCount = totalCount;
        Request = request;
    }

    /// <summary>Gets the items of the page, in the list's order; empty beyond the last page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Gets the number of items in the whole list (every page).</summary>
    public int TotalCount { get; }

    /// <summary>Gets the request the page answers.</summary>
    public PageRequest Request { get; }

    /// <summary>Gets the number of pages of <see cref="PageRequest.Size"/> items the whole list fills (0 when it is empty).</summary>
    public int PageCount => (int)(((long)TotalCount + Request.Size - 1) / Request.Size);

    /// <summary>Gets whether a later page holds more items.</summary>
    public bool HasNextPage => (long)Request.Offset + Items.Count < TotalCount;
}
