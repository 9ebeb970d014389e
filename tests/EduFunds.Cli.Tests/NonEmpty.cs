namespace EduFunds.Cli.Tests;

/// <summary>
/// Checks every item of a collection that must not be empty. <c>Assert.All</c> passes on an
/// empty collection, so a filter that matches nothing would let a test pass without checking
/// anything; every test here uses this instead (see NonEmptyUseTests).
/// </summary>
internal static class NonEmpty
{
    /// <summary>Asserts that <paramref name="items"/> has at least one item and that <paramref name="check"/> passes for each.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="check">The check of one item.</param>
    public static void All<T>(IEnumerable<T> items, Action<T> check)
    {
        var list = items.ToList();
        Assert.NotEmpty(list);
        Assert.All(list, check);
    }
}
