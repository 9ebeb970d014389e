namespace EduFunds.Tracking;

/// <summary>How the sign of an amount in an export is read.</summary>
public enum AmountSign
{
    /// <summary>Amounts are positive; the type column says receipt or expense. A negative amount is an error.</summary>
    Positive,

    /// <summary>A negative amount is an expense and a positive one a receipt; no type column is used.</summary>
    NegativeIsExpense,
}

/// <summary>Options of an import from an accounting system's CSV export.</summary>
public sealed record ImportOptions
{
    /// <summary>The default date formats: 2024-03-01 (also 2024-3-1), 2024/3/1 and 01.03.2024.</summary>
    public static IReadOnlyList<string> DefaultDateFormats { get; } = ["yyyy-M-d", "yyyy/M/d", "d.M.yyyy"];

    /// <summary>Which column holds each field.</summary>
    public required ColumnMap Map { get; init; }

    /// <summary>Rules that turn text into stream ids, program ids or types (default: none).</summary>
    public MatchRules Rules { get; init; } = MatchRules.None;

    /// <summary>.NET date formats tried in order, with the invariant culture; default <see cref="DefaultDateFormats"/>.</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = DefaultDateFormats;

    /// <summary>How the amount's sign is read (default: positive amounts and a type column).</summary>
    public AmountSign Sign { get; init; } = AmountSign.Positive;

    /// <summary>Whether the export's first row is a header (default true). Without one, the map must use column numbers.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The export's encoding when it has no byte order mark (utf-8, gb18030, gbk, big5, latin1, ...); null: UTF-8.</summary>
    public string? Encoding { get; init; }
}
