namespace EduFunds.Model;

/// <summary>Whether a stream is a regular budget line or fixed-term money.</summary>
public enum Recurrence
{
    /// <summary>A regular budget line (<c>recurring</c>), expected to continue; end year optional.</summary>
    Recurring,

    /// <summary>Fixed-term money (<c>one-off</c>) that ends at its end year and is never expected back.</summary>
    OneOff,
}
