using System.Globalization;
using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>The fields of a ledger entry that an import reads from an export's columns.</summary>
internal enum ImportField
{
    /// <summary>The date of the movement (required).</summary>
    Date,

    /// <summary>The amount (required).</summary>
    Amount,

    /// <summary>Receipt or expense (required unless the sign of the amount tells).</summary>
    Type,

    /// <summary>The stream id (or text that rules map to one).</summary>
    Stream,

    /// <summary>The program id (or text that rules map to one).</summary>
    Program,

    /// <summary>The voucher or transaction number, used to skip rows already imported.</summary>
    Reference,

    /// <summary>Free text.</summary>
    Memo,

    /// <summary>Money in (<c>amount-in</c>, as hledger's CSV rules call it): a row with money in is a receipt.</summary>
    AmountIn,

    /// <summary>Money out (<c>amount-out</c>): a row with money out is an expense.</summary>
    AmountOut,
}

/// <summary>
/// Which column of an accounting export holds each field: by header name (case-insensitive) or by
/// 1-based column number. Written as <c>date=Date,amount=Amount,type=Kind,stream=Fund,program=3</c>
/// (public as the text of <see cref="ImportOptions.Map"/>). Two maps are equal when they map the same
/// fields to the same columns.
/// </summary>
internal sealed class ColumnMap : IEquatable<ColumnMap>
{
    private readonly Dictionary<ImportField, string> columns;

    /// <summary>Creates a map.</summary>
    /// <param name="columns">For each mapped field, a header name or a 1-based column number written in digits.</param>
    /// <exception cref="ArgumentException">Date or amount is not mapped, or a column is blank.</exception>
    internal ColumnMap(IReadOnlyDictionary<ImportField, string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        this.columns = new Dictionary<ImportField, string>(columns);
        foreach (var (field, column) in this.columns)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                throw MapError(new CoreMessage("MapColumnBlank", Name(field)), nameof(columns));
            }
        }

        if (!this.columns.ContainsKey(ImportField.Date))
        {
            throw MapError(new CoreMessage("MapNoDate"), nameof(columns));
        }

        if (!this.columns.ContainsKey(ImportField.Amount) && !this.columns.ContainsKey(ImportField.AmountIn) && !this.columns.ContainsKey(ImportField.AmountOut))
        {
            throw MapError(new CoreMessage("MapNoAmount"), nameof(columns));
        }

        if (this.columns.ContainsKey(ImportField.Amount) && (this.columns.ContainsKey(ImportField.AmountIn) || this.columns.ContainsKey(ImportField.AmountOut)))
        {
            throw MapError(new CoreMessage("MapAmountAndInOut"), nameof(columns));
        }
    }

    /// <summary>The mapped fields and their columns.</summary>
    internal IReadOnlyDictionary<ImportField, string> Columns => columns;

    /// <summary>Whether a field is mapped.</summary>
    /// <param name="field">The field.</param>
    /// <returns>True when mapped.</returns>
    internal bool Has(ImportField field) => columns.ContainsKey(field);

    /// <summary>Parses <c>field=column,field=column,...</c>; field names are date, amount, type, stream, program, reference, memo.</summary>
    /// <param name="text">The map.</param>
    /// <returns>The map.</returns>
    /// <exception cref="FormatException">The text is not a valid map; the message says what is expected.</exception>
    internal static ColumnMap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<ImportField, string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
            {
                throw Messages.FormatError(new CoreMessage("MapPartInvalid", part));
            }

            var name = part[..eq].Trim();
            var column = part[(eq + 1)..].Trim();
            if (!TryParseField(name, out var field))
            {
                throw Messages.FormatError(new CoreMessage("MapFieldUnknown", name));
            }

            if (!result.TryAdd(field, column))
            {
                throw Messages.FormatError(new CoreMessage("MapFieldTwice", name));
            }
        }

        try
        {
            return new ColumnMap(result);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message.Split(" (Parameter", 2)[0], e).WithMessageOf(e);
        }
    }

    /// <inheritdoc />
    public bool Equals(ColumnMap? other) =>
        other is not null && columns.Count == other.columns.Count
        && columns.All(c => other.columns.TryGetValue(c.Key, out var column) && string.Equals(c.Value, column, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ColumnMap);

    /// <inheritdoc />
    public override int GetHashCode() => columns.Aggregate(0, (h, c) => h ^ HashCode.Combine(c.Key, StringComparer.Ordinal.GetHashCode(c.Value)));

    /// <summary>The field's name as written in a map ("date", "amount", ...).</summary>
    /// <param name="field">The field.</param>
    /// <returns>Its name.</returns>
    internal static string Name(ImportField field) => field switch
    {
        ImportField.AmountIn => "amount-in",
        ImportField.AmountOut => "amount-out",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a field name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="field">The field.</param>
    /// <returns>True when known.</returns>
    internal static bool TryParseField(string name, out ImportField field)
    {
        foreach (var f in Enum.GetValues<ImportField>())
        {
            if (string.Equals(Name(f), name, StringComparison.OrdinalIgnoreCase))
            {
                field = f;
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>Resolves every mapped column against the export's header (or column count).</summary>
    internal Dictionary<ImportField, int> Resolve(IReadOnlyList<string>? header, int fieldCount, string fileName, IssueList errors, int line = 1)
    {
        var result = new Dictionary<ImportField, int>();
        if (header is not null)
        {
            // Two columns of one name: --map and the rules could not tell them apart.
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                var name = header[i].Trim();
                if (name.Length > 0 && !seen.TryAdd(name, i))
                {
                    errors.Error(new Pos(fileName, line, i + 1), "ImportColumnTwice", name, seen[name] + 1, i + 1);
                }
            }
        }

        foreach (var (field, column) in columns)
        {
            var index = ResolveColumn(column, header, fieldCount);
            if (index < 0)
            {
                var known = header is null
                    ? new CoreMessage("ImportRowsHaveColumns", fieldCount)
                    : new CoreMessage("ImportHeaderHas", string.Join(", ", header.Select(h => "'" + h + "'")));
                errors.Error(new Pos(fileName, line, 0), "ImportColumnNotInExport", Name(field), column, known);
            }
            else
            {
                result[field] = index;
            }
        }

        return result;
    }

    /// <summary>Whether a row holds every column the map names by header name (so it can be the header).</summary>
    internal bool FitsHeader(IReadOnlyList<string> cells) =>
        columns.Values.All(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            || cells.Any(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A header name (case-insensitive) or a 1-based number to a 0-based index, or -1.</summary>
    internal static int ResolveColumn(string column, IReadOnlyList<string>? header, int fieldCount)
    {
        if (header is not null)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i], column, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        if (int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= fieldCount)
        {
            return number - 1;
        }

        return -1;
    }

    private static ArgumentException MapError(CoreMessage message, string paramName) => new ArgumentException(message.ToString(), paramName).With(message);
}
