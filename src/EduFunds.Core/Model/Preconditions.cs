namespace EduFunds.Model;

/// <summary>
/// The argument checks of the model's constructors, with uniform messages (NodaTime's
/// Preconditions). Each returns the value so that a constructor can check while it chains.
/// </summary>
internal static class Preconditions
{
    /// <summary>The earliest plausible fiscal year of a workbook.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest plausible fiscal year of a workbook.</summary>
    public const int MaxYear = 2200;

    public static int Year(int year, string name)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(name, year, $"Value should be a fiscal year in range [{MinYear}-{MaxYear}].");
        }

        return year;
    }

    public static int? EndYear(int? end, int start, string name)
    {
        if (end is { } year && (year < start || year > MaxYear))
        {
            throw new ArgumentOutOfRangeException(name, end, $"Value should be a fiscal year in range [{start}-{MaxYear}] (on or after the start year).");
        }

        return end;
    }

    public static T NotNull<T>(T value, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    public static string Id(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, name);
        if (id.Contains(';', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The id '{id}' contains ';', which separates the ids of restricted_to.", name);
        }

        if (id.Trim().Length != id.Length)
        {
            throw new ArgumentException($"The id '{id}' starts or ends with white space.", name);
        }

        return id;
    }

    public static string Text(string text, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text, name);
        return text;
    }

    public static decimal NotNegative(decimal value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }

    public static decimal Positive(decimal value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }

    public static decimal AtLeastMinusOne(decimal value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, -1m, name);
        return value;
    }

    public static decimal Probability(decimal value, string name)
    {
        if (value is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value should be a probability in range [0-1].");
        }

        return value;
    }

    public static decimal Ratio(decimal value, string name)
    {
        if (value is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value should be in range (0-1]: more than 0 and at most 1.");
        }

        return value;
    }

    public static int Priority(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, name);
        return value;
    }

    public static int? NotNegative(int? value, string name)
    {
        if (value is < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Value should be 0 or more.");
        }

        return value;
    }

    public static string Policy(string policy, string name)
    {
        ArgumentNullException.ThrowIfNull(policy, name);
        if (!PolicyNames.IsKnown(policy))
        {
            throw new ArgumentException($"Unknown policy '{policy}'; expected one of {string.Join(", ", PolicyNames.Names)}.", name);
        }

        return policy;
    }

    public static StreamTarget Target(StreamTarget target, string name)
    {
        if (target.StreamId is null && target.Kind is null)
        {
            throw new ArgumentException("The target names no stream and no kind; name a stream or a kind.", name);
        }

        return target;
    }

    public static T Defined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Value should be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }

        return value;
    }
}
