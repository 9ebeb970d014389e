using System.Text.Json;
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
            var inScenario = scenario is null ? string.Empty : $" in scenario '{scenario.Name}'";
            switch (finding.Kind)
            {
                case Engine.ProjectionLimits.Kind.StreamAmount when change is ScaleChange or TrendChange or RateChange:
                    issues.Error(
                        Change(finding.Scenario, finding.Change!.Value, change is ScaleChange ? "factor" : "annualChange"),
                        $"this change makes stream '{finding.Id}' pay more than {max} in {finding.Year}{inScenario}, more than EduFunds can count exactly; expected a smaller {(change is ScaleChange ? "factor" : "annual change")}");
                    break;
                case Engine.ProjectionLimits.Kind.StreamAmount:
                    issues.Error(
                        LimitPos(finding, "amount"),
                        $"stream '{finding.Id}' would pay more than {max} in {finding.Year}{inScenario}, more than EduFunds can count exactly; expected a smaller amount or annual change");
                    break;
                case Engine.ProjectionLimits.Kind.StreamTotal:
                    issues.Error(
                        LimitPos(finding, "amount"),
                        $"the streams pay more than {max} in total over {workbook.Years.From}-{workbook.Years.To}{inScenario} (reached with stream '{finding.Id}' in {finding.Year}), more than EduFunds can count exactly; expected smaller amounts");
                    break;
                default:
                    issues.Error(
                        LimitPos(finding, "cost"),
                        $"the programs need more than {max} in {finding.Year}{inScenario} (reached with program '{finding.Id}'), more than EduFunds can count exactly; expected smaller costs");
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
                    issues.Unreadable(new Pos(file, 0, 0), $"{file} is a folder; the workbook's {file} must be a file");
                    break;
                case EntryProblem.BrokenLink:
                    issues.Unreadable(new Pos(file, 0, 0), $"{file} is a symbolic link that leads nowhere (its target is missing, or links lead back to it); link it to a file or replace it with one");
                    break;
                case EntryProblem.Special:
                    issues.Unreadable(new Pos(file, 0, 0), $"{file} is a FIFO, a device or a socket, not a regular file; the workbook's {file} must be a file");
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

        issues.Error(new Pos(file, 0, 0), $"the workbook has no {file}; a workbook folder holds {WorkbookFiles.Settings}, {WorkbookFiles.Streams}, {WorkbookFiles.Programs} and optionally {WorkbookFiles.Ledger}");
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
                issues.Warning(json!.Name(cellPath), $"unknown column \"{property.Name}\" in the row is ignored{Suggestions.DidYouMean(property.Name, columns)}; the columns are {string.Join(", ", columns)}");
                continue;
            }

            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                issues.Error(json!.Value(cellPath), $"row column \"{column}\" must be text or a number, as in the CSV file");
                continue;
            }

            if (!cells.TryAdd(column, (JsonRow.CellText(property.Value).Trim(), json!.Value(cellPath))))
            {
                issues.Error(json!.Name(cellPath), $"row column \"{column}\" appears twice; keep one");
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

    private Dictionary<string, JsonElement> Keys(JsonElement element, string path, IReadOnlyList<string> known, string what)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!known.Contains(property.Name))
            {
                issues.Warning(json!.Name(propertyPath), $"unknown key \"{property.Name}\" in {what} is ignored{Suggestions.DidYouMean(property.Name, known)}; the keys are {string.Join(", ", known)}");
            }
            else if (!result.TryAdd(property.Name, property.Value))
            {
                issues.Error(json!.Name(propertyPath), $"key \"{property.Name}\" appears twice; keep one");
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

        issues.Error(json!.Value(path), $"{Label(path)} must be a JSON object {{...}}, not {Kind(element)}");
        return false;
    }

    private string? String(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString();
        }

        issues.Error(json!.Value(path), $"{Label(path)} must be text in quotes, not {Kind(element)}");
        return null;
    }

    private int? Int(JsonElement element, string path, string expected)
    {
        var text = NumberText(element);
        if (text is not null && WorkbookText.TryParseInt(text, out var value))
        {
            return value;
        }

        var what = text is not null && AmountText.TryParseDecimal(text, out _) ? "is not a whole number" : "is not a number";
        issues.Error(json!.Value(path), $"{Label(path)} {ModelText.Quote(text ?? element.GetRawText())} {what}; expected {expected}");
        return null;
    }

    private long? Long(JsonElement element, string path)
    {
        var text = NumberText(element);
        if (text is not null && long.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        issues.Error(json!.Value(path), $"{Label(path)} {ModelText.Quote(text ?? element.GetRawText())} is not a whole number; expected a seed such as 1");
        return null;
    }

    private decimal? Decimal(JsonElement element, string path, string expected)
    {
        var text = NumberText(element);
        if (text is not null && AmountText.TryParseDecimal(text, out var value))
        {
            return value;
        }

        issues.Error(json!.Value(path), $"{Label(path)} {ModelText.Quote(text ?? element.GetRawText())} is not a plain decimal number; expected {expected}");
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

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text {ModelText.Quote(element.GetString())}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };
}
