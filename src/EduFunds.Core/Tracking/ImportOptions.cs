using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>Options of an import from an accounting system's CSV export.</summary>
public sealed record ImportOptions
{
    /// <summary>
    /// The default date formats: 2024-03-01 (also 2024-3-1), 2024/3/1, 01.03.2024, 2024年3月1日,
    /// 20240301 and 2024.3.1, each also followed by a time of day as bank statements write it.
    /// </summary>
    public static IReadOnlyList<string> DefaultDateFormats { get; } =
    [
        "yyyy-M-d", "yyyy/M/d", "d.M.yyyy", "yyyy年M月d日", "yyyyMMdd", "yyyy.M.d",
        "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy年M月d日 H:mm:ss", "yyyyMMdd HH:mm:ss",
    ];

    /// <summary>
    /// Which column of the export holds each field, written <c>field=column,field=column,...</c>:
    /// the fields are date, amount (or amount-in and amount-out), type, stream, program, reference and
    /// memo; a column is a header name (case-insensitive) or a 1-based column number, as in
    /// <c>date=Date,amount=Amount,type=Kind,stream=Fund,program=3</c>. Date and an amount are required.
    /// </summary>
    /// <exception cref="FormatException">On set: the text is not such a map; the message says what is expected (<c>Messages.Of(e, culture)</c> in Chinese).</exception>
    public required string Map
    {
        get;
        init
        {
            Columns = ColumnMap.Parse(value);
            field = value;
        }
    }

    /// <summary>The parsed <see cref="Map"/>.</summary>
    internal ColumnMap Columns { get; private init; } = null!;

    /// <summary>Rules that turn text into stream ids, program ids or types, read by <c>LedgerFile.ReadImportRules</c> (default: none).</summary>
    internal MatchRules Rules { get; init; } = MatchRules.None;

    /// <summary>.NET date formats tried in order, with the invariant culture; default <see cref="DefaultDateFormats"/>.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = DefaultDateFormats;

    /// <summary>
    /// How the amount's sign is read: when true, a negative amount is an expense and a positive one
    /// a receipt, and no type column is used; when false (the default), amounts are positive, the
    /// type column says receipt or expense, and a negative amount is an error.
    /// </summary>
    public bool NegativeIsExpense { get; init; }

    /// <summary>Whether the export's first row is a header (default true). Without one, the map must use column numbers.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>
    /// What the values of the type column mean, for exports whose direction column says 借/贷,
    /// 收/支, D/C and so on (compared ignoring case and surrounding spaces; checked before the
    /// built-in words receipt, income, revenue, in, expense, expenditure, payment, out). Banks and
    /// office ledgers use 借/贷 in opposite senses, so nothing is guessed for them.
    /// </summary>
    public IReadOnlyDictionary<string, LedgerEntryType> TypeValues { get; init; } = new Dictionary<string, LedgerEntryType>();

    /// <summary>The 1-based line of the header row, or null to find it (the first of the first 50 rows that holds every column the map names).</summary>
    public int? HeaderRow { get; init; }

    /// <summary>Parses a type-value table such as <c>借=expense,贷=receipt</c>.</summary>
    /// <param name="text">The table.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FormatException">The text is not such a table; the message says what is expected.</exception>
    public static IReadOnlyDictionary<string, LedgerEntryType> ParseTypeValues(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, LedgerEntryType>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.LastIndexOf('=');
            var value = eq > 0 ? part[..eq].Trim() : string.Empty;
            var meaning = eq > 0 ? part[(eq + 1)..].Trim().ToLowerInvariant() : string.Empty;
            if (value.Length == 0 || meaning is not ("receipt" or "expense"))
            {
                throw Messages.FormatError(new CoreMessage("TypeValuesPartInvalid", part));
            }

            if (!result.TryAdd(value, meaning == "receipt" ? LedgerEntryType.Receipt : LedgerEntryType.Expense))
            {
                throw Messages.FormatError(new CoreMessage("TypeValuesTwice", value));
            }
        }

        if (result.Count == 0)
        {
            throw Messages.FormatError(new CoreMessage("TypeValuesEmpty"));
        }

        return result;
    }

    /// <summary>The export's encoding when it has no byte order mark (utf-8, gb18030, gbk, big5, latin1, ...); null: UTF-8.</summary>
    public string? Encoding { get; init; }
}
