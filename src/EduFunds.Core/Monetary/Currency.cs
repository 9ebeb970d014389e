using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EduFunds.Monetary;

/// <summary>
/// An ISO 4217 currency: its alphabetic code, numeric code and number of minor units
/// (CNY 2, JPY 0, KWD 3, CLF 4). The table of all active codes ships inside the package as
/// data (<c>Data/iso4217.csv</c>).
/// </summary>
/// <remarks>
/// <para>
/// The table holds every code of ISO 4217 "List One" that has a defined minor unit, including
/// the fund codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW, XAD). Codes whose minor unit is
/// "N.A." in the standard (precious metals such as XAU, XDR, the bond market units XBA-XBD,
/// XSU, XUA, the testing code XTS and XXX) are left out: an amount of them has no smallest unit,
/// so it cannot be kept exact in whole minor units. Withdrawn codes (HRK, SLL, ZWL, CUC, ANG,
/// BGN, ...) are left out too.
/// </para>
/// <para>
/// The default value is not a currency of the table: it reports the code "XXX" ("no currency")
/// with 0 minor units, and <see cref="Money"/> refuses it. Obtain currencies with
/// <see cref="FromCode"/> or <see cref="TryFromCode(string?, out Currency)"/>.
/// </para>
/// </remarks>
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable
{
    private const string NoCurrencyCode = "XXX";

    private static readonly CurrencyInfo[] Sorted = LoadTable();
    private static readonly FrozenDictionary<string, CurrencyInfo> ByCode =
        Sorted.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
    private static readonly FrozenDictionary<int, CurrencyInfo> ByNumeric =
        Sorted.ToFrozenDictionary(i => i.Numeric);

    private readonly CurrencyInfo? info;

    private Currency(CurrencyInfo info) => this.info = info;

    /// <summary>The three-letter ISO 4217 code, for example "CNY"; "XXX" for the default value.</summary>
    public string Code => info?.Code ?? NoCurrencyCode;

    /// <summary>The ISO 4217 numeric code, for example 156 for CNY; 999 for the default value.</summary>
    public int NumericCode => info?.Numeric ?? 999;

    /// <summary>The number of decimal places of the minor unit (CNY 2, JPY 0, KWD 3, CLF 4).</summary>
    public int MinorUnits => info?.MinorUnits ?? 0;

    /// <summary>The English name of the currency as ISO 4217 spells it ("Yuan Renminbi").</summary>
    public string Name => info?.Name ?? "No currency";

    /// <summary>The smallest amount of this currency: 0.01 for CNY, 1 for JPY, 0.001 for KWD.</summary>
    public decimal MinorUnit => info?.MinorUnit ?? 1m;

    /// <summary>True for a currency of the table; false for the default value.</summary>
    public bool IsDefined => info is not null;

    /// <summary>Chinese yuan renminbi (CNY, 2 minor units), the default currency of a workbook.</summary>
    public static Currency Cny => FromCode("CNY");

    /// <summary>All currencies of the table, ordered by code.</summary>
    public static IReadOnlyList<Currency> All { get; } = Array.AsReadOnly(Sorted.Select(i => new Currency(i)).ToArray());

    /// <summary>Returns the currency with the given ISO 4217 alphabetic code.</summary>
    /// <param name="code">Three upper-case letters ("CNY"). Lower case is not accepted.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 code with a minor unit.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException(
                $"'{code}' is not an active ISO 4217 currency code (three upper-case letters such as CNY, EUR, USD).",
                nameof(code));
    }

    /// <summary>Looks up a currency by its ISO 4217 alphabetic code.</summary>
    /// <param name="code">The code to look up; case-sensitive ("CNY", not "cny").</param>
    /// <param name="currency">The currency when found; the default value otherwise.</param>
    /// <returns>True when the code is in the table.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency) =>
        TryFromCode(code.AsSpan(), out currency) && code is not null;

    /// <summary>Looks up a currency by its ISO 4217 alphabetic code, given as characters.</summary>
    /// <param name="code">The code to look up; case-sensitive.</param>
    /// <param name="currency">The currency when found; the default value otherwise.</param>
    /// <returns>True when the code is in the table.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out Currency currency)
    {
        var lookup = ByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(code, out var info))
        {
            currency = new Currency(info);
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Returns the currency with the given ISO 4217 numeric code (156 for CNY).</summary>
    /// <param name="numericCode">The numeric code.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentException">No currency of the table has this numeric code.</exception>
    public static Currency FromNumericCode(int numericCode) =>
        ByNumeric.TryGetValue(numericCode, out var info)
            ? new Currency(info)
            : throw new ArgumentException(
                $"{numericCode.ToString("D3", CultureInfo.InvariantCulture)} is not the numeric code of an active ISO 4217 currency.",
                nameof(numericCode));

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Orders currencies by code, ordinally.</summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>Less than zero, zero or more than zero as this code sorts before, with or after the other.</returns>
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with is not a Currency.", nameof(obj)),
    };

    /// <summary>Returns the ISO code ("CNY").</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>True when both are the same currency.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>Whether the codes are equal.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>True when the currencies differ.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>Whether the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Orders currencies by code (ordinal), as <see cref="CompareTo(Currency)"/>.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Orders currencies by code (ordinal), as <see cref="CompareTo(Currency)"/>.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Orders currencies by code (ordinal), as <see cref="CompareTo(Currency)"/>.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Orders currencies by code (ordinal), as <see cref="CompareTo(Currency)"/>.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;

    /// <summary>Reads the embedded ISO 4217 table, checking every row.</summary>
    /// <returns>The rows, ordered by code.</returns>
    internal static CurrencyInfo[] LoadTable()
    {
        using var stream = typeof(Currency).Assembly.GetManifestResourceStream("EduFunds.Data.iso4217.csv")
            ?? throw new InvalidOperationException("The ISO 4217 table is missing from the EduFunds.Core assembly.");
        using var reader = new StreamReader(stream);
        return ParseTable(reader);
    }

    /// <summary>Parses the ISO 4217 table (header <c>code,numeric,minor_units,name</c>).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>The rows, ordered by code.</returns>
    /// <exception cref="FormatException">A row is malformed, or a code or numeric code repeats.</exception>
    internal static CurrencyInfo[] ParseTable(TextReader reader)
    {
        const string Header = "code,numeric,minor_units,name";
        var header = reader.ReadLine();
        if (header != Header)
        {
            throw new FormatException($"iso4217.csv line 1: expected the header '{Header}'.");
        }

        var rows = new List<CurrencyInfo>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var numerics = new HashSet<int>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var row = ParseRow(line, lineNumber);
            if (!codes.Add(row.Code) || !numerics.Add(row.Numeric))
            {
                throw new FormatException($"iso4217.csv line {lineNumber}: code {row.Code} or numeric code {row.Numeric} appears twice.");
            }

            rows.Add(row);
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return [.. rows];
    }

    private static CurrencyInfo ParseRow(string line, int lineNumber)
    {
        // The name is the last column, so a comma inside it needs no quoting.
        var parts = line.Split(',', 4);
        if (parts.Length != 4)
        {
            throw new FormatException($"iso4217.csv line {lineNumber}: expected 4 columns, found {parts.Length}.");
        }

        var code = parts[0];
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new FormatException($"iso4217.csv line {lineNumber}: code '{code}' is not three upper-case letters.");
        }

        if (parts[1].Length != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var numeric)
            || numeric is < 1 or > 999)
        {
            throw new FormatException($"iso4217.csv line {lineNumber}: numeric code '{parts[1]}' is not three digits 001-999.");
        }

        // decimal carries at most 28 fractional digits; ISO 4217 uses 0 to 4.
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var minorUnits) || minorUnits > 4)
        {
            throw new FormatException($"iso4217.csv line {lineNumber}: minor units '{parts[2]}' is not a whole number 0-4.");
        }

        var name = parts[3].Trim();
        if (name.Length == 0)
        {
            throw new FormatException($"iso4217.csv line {lineNumber}: the name is empty.");
        }

        return new CurrencyInfo(code, numeric, minorUnits, name);
    }

    /// <summary>One row of the ISO 4217 table.</summary>
    /// <param name="Code">Alphabetic code.</param>
    /// <param name="Numeric">Numeric code.</param>
    /// <param name="MinorUnits">Decimal places of the minor unit.</param>
    /// <param name="Name">English name.</param>
    internal sealed record CurrencyInfo(string Code, int Numeric, int MinorUnits, string Name)
    {
        /// <summary>The minor unit as an amount: 10^-MinorUnits, exact.</summary>
        public decimal MinorUnit { get; } = new(1, 0, 0, false, checked((byte)MinorUnits));
    }
}
