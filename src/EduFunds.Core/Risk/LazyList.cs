using System.Collections;

namespace EduFunds.Risk;

/// <summary>
/// A read-only list worked out when it is first read (then kept): a risk analysis of a large
/// workbook gives every program its tornado and sources without holding them all, since most
/// callers read only a few programs' lists.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class LazyList<T>(Func<IReadOnlyList<T>> factory) : IReadOnlyList<T>
{
    private readonly Lazy<IReadOnlyList<T>> items = new(factory, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public int Count => items.Value.Count;

    /// <inheritdoc />
    public T this[int index] => items.Value[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => items.Value.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
