namespace EduFunds.Monetary;

/// <summary>How an exact amount is rounded to a whole number of minor units.</summary>
public enum RoundingMode
{
    /// <summary>Round half to even (banker's rounding): 0.5 becomes 0, 1.5 becomes 2. The default.</summary>
    HalfEven = 0,

    /// <summary>Round half away from zero: 0.5 becomes 1, -0.5 becomes -1.</summary>
    HalfAwayFromZero = 1,
}
