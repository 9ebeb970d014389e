using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;

namespace EduFunds.Money;

/// <summary>
/// An ISO 4217 currency: its alphabetic code, numeric code and number of minor units
/// (CNY 2, JPY 0, KWD 3). The table ships with the package as data.
/// </summary>
/// <remarks>The default value is not a valid currency; use <see cref="FromCode"/>.</remarks>
public readonly struct Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<string, CurrencyInfo> Table = LoadTable();

    private readonly CurrencyInfo? info;

    private Currency(CurrencyInfo info) => this.info = info;

    /// <summary>The three-letter ISO 4217 code, for example "CNY".</summary>
    public string Code => info?.Code ?? "XXX";

    /// <summary>The ISO 4217 numeric code, for example 156 for CNY.</summary>
    public int NumericCode => info?.Numeric ?? 999;

    /// <summary>The number of decimal places of the minor unit (CNY 2, JPY 0, KWD 3).</summary>
    public int MinorUnits => info?.MinorUnits ?? 0;

    /// <summary>The English name of the currency.</summary>
    public string Name => info?.Name ?? "No currency";

    /// <summary>Chinese yuan renminbi, the default currency of a workbook.</summary>
    public static Currency Cny => FromCode("CNY");

    /// <summary>All currencies of the table, ordered by code.</summary>
    public static IReadOnlyList<Currency> All { get; } =
        Table.Values.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new Currency(i)).ToArray();

    /// <summary>Returns the currency with the given ISO 4217 alphabetic code.</summary>
    /// <param name="code">Three letters, case-sensitive upper case ("CNY").</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 code.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not an ISO 4217 currency code.", nameof(code));
    }

    /// <summary>Looks up a currency by its ISO 4217 alphabetic code.</summary>
    /// <param name="code">The code to look up.</param>
    /// <param name="currency">The currency when found.</param>
    /// <returns>True when the code is known.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && Table.TryGetValue(code, out var info))
        {
            currency = new Currency(info);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>The smallest amount of this currency (0.01 for CNY, 1 for JPY).</summary>
    public decimal MinorUnit => MinorUnitScale(MinorUnits);

    internal static decimal MinorUnitScale(int minorUnits) => minorUnits switch
    {
        0 => 1m,
        1 => 0.1m,
        2 => 0.01m,
        3 => 0.001m,
        4 => 0.0001m,
        _ => 1m / (decimal)Math.Pow(10, minorUnits),
    };

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Returns the ISO code.</summary>
    public override string ToString() => Code;

    /// <summary>True when both are the same currency.</summary>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>True when the currencies differ.</summary>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    private static FrozenDictionary<string, CurrencyInfo> LoadTable()
    {
        using var stream = typeof(Currency).Assembly.GetManifestResourceStream("EduFunds.Data.iso4217.csv")
            ?? throw new InvalidOperationException("The ISO 4217 table is missing from the EduFunds.Core assembly.");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, CurrencyInfo>(StringComparer.Ordinal);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            // code,numeric,minor_units,name  (name last: it may contain commas)
            var parts = line.Split(',', 4);
            result[parts[0]] = new CurrencyInfo(
                parts[0],
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                parts[3].Trim('"'));
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record CurrencyInfo(string Code, int Numeric, int MinorUnits, string Name);
}
