namespace EduFunds.Monetary;

/// <summary>Thrown when amounts of two different currencies are combined or compared.</summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for the two currencies.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    public CurrencyMismatchException(Currency left, Currency right)
        : base($"Cannot combine {left.Code} and {right.Code}: amounts of different currencies are never converted silently.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The first currency.</summary>
    public Currency Left { get; }

    /// <summary>The second currency.</summary>
    public Currency Right { get; }

    internal static void ThrowIfDifferent(Currency left, Currency right)
    {
        if (left != right)
        {
            throw new CurrencyMismatchException(left, right);
        }
    }
}
