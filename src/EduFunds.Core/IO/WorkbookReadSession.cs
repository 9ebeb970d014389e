using System.Text.Json;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <summary>One read of a workbook: parses every file, remembers where everything came from, then applies the rules.</summary>
internal sealed partial class WorkbookReadSession(IWorkbookFileSource source, string? encodingOverride, CancellationToken cancellationToken, WorkbookReadOptions? options = null) : IWorkbookLocator
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] SettingsKeys =
    [
        "name", "currency", "fiscalYearStartMonth", "rounding", "years", "policy", "flagshipWeight",
        "shelveAfter", "carryOverPool", "monteCarlo", "scenarios", "encoding",
    ];

    private static readonly string[] ChangeTypes = ["scale", "trend", "rate", "stop", "add-stream", "add-program", "set"];

    private static readonly string[] ChangeKeys =
    [
        "type", "from", "stream", "kind", "program", "factor", "annualChange", "policy", "flagshipWeight",
        "minFundingRatio", "priority", "row",
    ];

    private readonly IssueList issues = new();
    private readonly HashSet<string> unreadable = new(StringComparer.Ordinal);
    private readonly List<IRowPositions> streamRows = [];
    private readonly List<IRowPositions> programRows = [];
    private readonly List<IRowPositions> ledgerRows = [];
    private readonly List<string> scenarioPaths = [];
    private readonly List<List<(string Path, IRowPositions? Row)>> changeSources = [];
    private JsonPositions? json;
    private Currency currency = Currency.Cny;
    private YearRange years = new(2000, 2000);
    private bool yearsKnown;
    private System.Text.Encoding? csvEncoding;

    /// <summary>The encoding the workbook's CSV files were read in (null: UTF-8 or their byte order mark).</summary>
    public string? EncodingName => csvEncoding is null ? null : TextEncodings.NameOf(csvEncoding);

    public (Workbook Workbook, IssueList Issues) Run()
    {
        CheckEntries();
        var (settings, root) = ReadSettings();
        if (encodingOverride is not null)
        {
            csvEncoding = TextEncodings.Find(encodingOverride)
                ?? throw new ArgumentException($"'{encodingOverride}' is not a known encoding; expected one of {TextEncodings.Examples}.", nameof(encodingOverride));
        }

        var parser = new RowParser(issues, currency);

        var streams = new List<FundingStream>();
        if (RequireFile(WorkbookFiles.Streams))
        {
            foreach (var row in CsvTable.Read(source, WorkbookFiles.Streams, WorkbookFiles.StreamColumns, WorkbookFiles.RequiredStreamColumns, issues, cancellationToken, csvEncoding))
            {
                streams.Add(parser.Stream(row, years.From));
                streamRows.Add(row.Positions());
            }
        }

        var programs = new List<EducationProgram>();
        if (RequireFile(WorkbookFiles.Programs))
        {
            foreach (var row in CsvTable.Read(source, WorkbookFiles.Programs, WorkbookFiles.ProgramColumns, WorkbookFiles.RequiredProgramColumns, issues, cancellationToken, csvEncoding))
            {
                programs.Add(parser.Program(row, years.From));
                programRows.Add(row.Positions());
            }
        }

        var keepLedger = options?.KeepLedger ?? true;
        var ledger = new List<LedgerEntry>();
        if (keepLedger && source.Exists(WorkbookFiles.Ledger))
        {
            var fallbackDate = FallbackDate(settings.FiscalYearStartMonth);
            foreach (var (entry, positions) in LedgerReader.Read(source, currency, fallbackDate, issues, csvEncoding, cancellationToken))
            {
                ledger.Add(entry);
                ledgerRows.Add(positions);
            }
        }

        var scenarios = root is { } r ? ReadScenarios(r, parser) : [];
        var workbook = settings with
        {
            Streams = new EquatableArray<FundingStream>(streams),
            Programs = new EquatableArray<EducationProgram>(programs),
            Scenarios = new EquatableArray<Scenario>(scenarios),
            Ledger = new EquatableArray<LedgerEntry>(ledger),
        };
        WorkbookRules.LedgerRules? ledgerRules = null;
        if (!issues.HasUnreadableFile)
        {
            // A file that could not be read to its end (its encoding, an endless quote) would
            // make every reference to its rows look wrong: report only the reading problem.
            ledgerRules = WorkbookRules.Validate(workbook, this, issues, yearsKnown);
            if (!issues.HasErrors)
            {
                CheckLimits(workbook);
            }
        }

        if (!keepLedger && source.Exists(WorkbookFiles.Ledger))
        {
            StreamLedger(workbook, ledgerRules, FallbackDate(settings.FiscalYearStartMonth));
        }

        return (workbook, issues);
    }

    /// <summary>What the ledger held (every entry read, valid or not).</summary>
    public LedgerSummary LedgerSummary { get; private set; } = new(0, 0);

    /// <summary>
    /// The ledger checked entry by entry as it is read, by the same rules as a kept ledger; each
    /// entry goes to the options' sink while the workbook has no error, and is then dropped.
    /// </summary>
    private void StreamLedger(Workbook workbook, WorkbookRules.LedgerRules? rules, DateOnly fallbackDate)
    {
        var sink = issues.HasErrors ? null : options?.LedgerSink?.Invoke(workbook);
        long entries = 0, receipts = 0;
        foreach (var (entry, positions) in LedgerReader.Read(source, currency, fallbackDate, issues, csvEncoding, cancellationToken))
        {
            entries++;
            if (entry.Type == LedgerEntryType.Receipt)
            {
                receipts++;
            }

            rules?.Check(entry, positions.PosOf, issues);
            if (sink is not null && !issues.HasErrors)
            {
                sink(entry);
            }
        }

        LedgerSummary = new LedgerSummary(entries, receipts);
    }

    /// <summary>What a projection would find too large to count exactly, at the change or row that causes it (validate reports what project would hit).</summary>
    private void CheckLimits(Workbook workbook)
    {
        var max = AmountText.Format(long.MaxValue, workbook.Currency);
        foreach (var finding in Engine.ProjectionLimits.Check(workbook))
        {
            var scenario = finding.Scenario >= 0 ? workbook.Scenarios[finding.Scenario] : null;
            var change = scenario is not null && finding.Change is { } c ? scenario.Changes[c] : null;
            var inScenario = scenario is null ? CoreMessage.Empty : new CoreMessage("LimitInScenario", scenario.Name);
            switch (finding.Kind)
            {
                case Engine.ProjectionLimits.Kind.StreamAmount when change is ScaleChange or TrendChange or RateChange:
                    issues.Error(
                        Change(finding.Scenario, finding.Change!.Value, change is ScaleChange ? "factor" : "annualChange"),
                        change is ScaleChange ? "LimitChangeFactor" : "LimitChangeAnnualChange",
                        finding.Id,
                        max,
                        finding.Year,
                        inScenario);
                    break;
                case Engine.ProjectionLimits.Kind.StreamAmount:
                    issues.Error(
                        LimitPos(finding, "amount"),
                        "LimitStreamAmount", finding.Id, max, finding.Year, inScenario);
                    break;
                case Engine.ProjectionLimits.Kind.StreamTotal:
                    issues.Error(
                        LimitPos(finding, "amount"),
                        "LimitStreamTotal", max, workbook.Years.From, workbook.Years.To, inScenario, finding.Id, finding.Year);
                    break;
                default:
                    issues.Error(
                        LimitPos(finding, "cost"),
                        "LimitProgramNeed", max, finding.Year, inScenario, finding.Id);
                    break;
            }
        }
    }

    private Pos LimitPos(Engine.ProjectionLimits.Finding finding, string column) => finding switch
    {
        { Scenario: < 0 } when column == "cost" => Program(finding.Index, column),
        { Scenario: < 0 } => Stream(finding.Index, column),
        { Change: { } c } => AddedRow(finding.Scenario, c, column),
        _ => Scenario(finding.Scenario, "name"),
    };

    public Pos Setting(string key) => json?.Value(key) ?? new Pos(WorkbookFiles.Settings, 0, 0);

    public Pos Stream(int index, string column) => streamRows[index].PosOf(column);

    public Pos Program(int index, string column) => programRows[index].PosOf(column);

    public Pos Scenario(int index, string key) => Json($"{scenarioPaths[index]}.{key}");

    public Pos Change(int scenario, int change, string key) => Json($"{changeSources[scenario][change].Path}.{key}");

    public Pos AddedRow(int scenario, int change, string column) =>
        changeSources[scenario][change].Row is { } row ? row.PosOf(column) : Change(scenario, change, "row");

    public Pos Ledger(int index, string column) => ledgerRows[index].PosOf(column);

    private Pos Json(string path) => json?.Value(path) ?? new Pos(WorkbookFiles.Settings, 0, 0);

    // A first year the rules reject (0, negative, beyond 9999) has no date: the rules report it, and the fallback stays a real date.
    private DateOnly FallbackDate(int startMonth) =>
        yearsKnown && startMonth is >= 1 and <= 12 && years.From is >= WorkbookRules.MinYear and <= WorkbookRules.MaxYear
            ? new DateOnly(years.From, startMonth, 1)
            : new DateOnly(2000, 1, 1);

    /// <summary>A workbook file that is a folder, a broken link or a FIFO is an error, never a hang or a missing file.</summary>
    private void CheckEntries()
    {
        if (source is not IEntryCheck check)
        {
            return;
        }

        foreach (var file in new[] { WorkbookFiles.Settings, WorkbookFiles.Streams, WorkbookFiles.Programs, WorkbookFiles.Ledger })
        {
            switch (check.Problem(file))
            {
                case EntryProblem.Folder:
                    issues.Unreadable(new Pos(file, 0, 0), new CoreMessage("EntryIsFolder", file));
                    break;
                case EntryProblem.BrokenLink:
                    issues.Unreadable(new Pos(file, 0, 0), new CoreMessage("EntryBrokenLink", file));
                    break;
                case EntryProblem.Special:
                    issues.Unreadable(new Pos(file, 0, 0), new CoreMessage("EntrySpecial", file));
                    break;
                default:
                    continue;
            }

            unreadable.Add(file);
        }
    }

    private bool RequireFile(string file)
    {
        if (source.Exists(file))
        {
            return true;
        }

        if (unreadable.Contains(file))
        {
            return false; // reported by CheckEntries
        }

        issues.Error(new Pos(file, 0, 0), "WorkbookFileMissing", file, WorkbookFiles.Settings, WorkbookFiles.Streams, WorkbookFiles.Programs, WorkbookFiles.Ledger);
        return false;
    }

    private JsonRow JsonRowOf(JsonElement element, string path, IReadOnlyList<string> columns, IReadOnlyList<string> required)
    {
        var cells = new Dictionary<string, (string Value, Pos Pos)>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var column = columns.FirstOrDefault(c => string.Equals(c, property.Name.Trim(), StringComparison.OrdinalIgnoreCase));
            var cellPath = $"{path}.{property.Name}";
            if (column is null)
            {
                issues.Warning(json!.Name(cellPath), "RowColumnUnknownIgnored", property.Name, Suggestions.DidYouMean(property.Name, columns), string.Join(", ", columns));
                continue;
            }

            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                issues.Error(json!.Value(cellPath), "RowColumnNotTextOrNumber", column);
                continue;
            }

            if (!cells.TryAdd(column, (JsonRow.CellText(property.Value).Trim(), json!.Value(cellPath))))
            {
                issues.Error(json!.Name(cellPath), "RowColumnTwice", column);
            }
        }

        var rowPos = json!.Value(path);
        foreach (var column in required)
        {
            // A blank cell: the row parser reports it as required, at the row.
            cells.TryAdd(column, (string.Empty, rowPos));
        }

        return new JsonRow(rowPos, cells);
    }

    private Dictionary<string, JsonElement> Keys(JsonElement element, string path, IReadOnlyList<string> known, object what)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!known.Contains(property.Name))
            {
                issues.Warning(json!.Name(propertyPath), "KeyUnknownIgnored", property.Name, what, Suggestions.DidYouMean(property.Name, known), string.Join(", ", known));
            }
            else if (!result.TryAdd(property.Name, property.Value))
            {
                issues.Error(json!.Name(propertyPath), "KeyTwice", property.Name);
            }
        }

        return result;
    }

    private bool Object(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        issues.Error(json!.Value(path), "JsonMustBeObject", Label(path), Kind(element));
        return false;
    }

    private string? String(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        issues.Error(json!.Value(path), "JsonMustBeText", Label(path), Kind(element));
        return null;
    }

    private int? Int(JsonElement element, string path, CoreMessage expected)
    {
        var text = NumberText(element);
        if (text is not null && WorkbookText.TryParseInt(text, out var value))
        {
            return value;
        }

        var what = text is not null && AmountText.TryParseDecimal(text, out _) ? new CoreMessage("IsNotAWholeNumber") : new CoreMessage("IsNotANumber");
        issues.Error(json!.Value(path), "CellNotAWholeNumber", Label(path), ModelText.Quote(text ?? element.GetRawText()), what, expected);
        return null;
    }

    private long? Long(JsonElement element, string path)
    {
        var text = NumberText(element);
        if (text is not null && long.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        issues.Error(json!.Value(path), "SeedNotWholeNumber", Label(path), ModelText.Quote(text ?? element.GetRawText()));
        return null;
    }

    private decimal? Decimal(JsonElement element, string path, CoreMessage expected)
    {
        var text = NumberText(element);
        if (text is not null && AmountText.TryParseDecimal(text, out var value))
        {
            return value;
        }

        issues.Error(json!.Value(path), "JsonNotPlainDecimal", Label(path), ModelText.Quote(text ?? element.GetRawText()), expected);
        return null;
    }

    /// <summary>The exact spelling of a number (or of a number written as text), or null for other values.</summary>
    private static string? NumberText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => element.GetString(),
        _ => null,
    };

    private static string Label(string path)
    {
        // Settings keys keep their full name ("years.from"); keys inside a scenario are named alone ("factor").
        var dot = path.LastIndexOf('.');
        return path.StartsWith("scenarios[", StringComparison.Ordinal) && dot >= 0 && !path.EndsWith(']') ? path[(dot + 1)..] : path;
    }

    private static CoreMessage Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new CoreMessage("JsonKindObject"),
        JsonValueKind.Array => new CoreMessage("JsonKindList"),
        JsonValueKind.String => new CoreMessage("JsonKindText", ModelText.Quote(element.GetString())),
        JsonValueKind.Number => new CoreMessage("JsonKindNumber", element.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => new CoreMessage("JsonKindLiteral", element.GetRawText()),
        _ => new CoreMessage("JsonKindLiteral", "null"),
    };
}
