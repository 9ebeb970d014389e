using System.Collections;
using System.Collections.Immutable;

namespace EduFunds.Model;

/// <summary>
/// An immutable list with structural equality: two lists are equal when they hold equal items
/// in the same order. Used by the workbook model so that equal inputs compare equal; public
/// members show it as an <see cref="IReadOnlyList{T}"/>, and records that hold one stay equal by value.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class EquatableArray<T> : IReadOnlyList<T>, IEquatable<EquatableArray<T>>
{
    private readonly ImmutableArray<T> items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The items.</param>
    public EquatableArray(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = [.. items];
    }

    /// <summary>An empty list.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Empty is the collection idiom of ImmutableArray<T>.Empty.")]
    public static EquatableArray<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => items.Length;

    /// <inheritdoc />
    public T this[int index] => items[index];

    /// <summary>The items as a span.</summary>
    public ReadOnlySpan<T> AsSpan() => items.AsSpan();

    /// <inheritdoc />
    public bool Equals(EquatableArray<T>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (items.Length != other.items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < items.Length; i++)
        {
            if (!comparer.Equals(items[i], other.items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableArray<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public ImmutableArray<T>.Enumerator GetEnumerator() => items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)items).GetEnumerator();

    /// <summary>True when both lists hold equal items in the same order.</summary>
    public static bool operator ==(EquatableArray<T>? left, EquatableArray<T>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>True when the lists differ.</summary>
    public static bool operator !=(EquatableArray<T>? left, EquatableArray<T>? right) => !(left == right);
}

/// <summary>Makes <see cref="EquatableArray{T}"/>s.</summary>
internal static class EquatableArray
{
    /// <summary>The items as an <see cref="EquatableArray{T}"/>: the same list when it is one, else a copy.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static EquatableArray<T> Of<T>(IEnumerable<T> items) => items as EquatableArray<T> ?? new EquatableArray<T>(items);
}
