using System.Text.Json;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <summary>One read of a workbook: parses every file, remembers where everything came from, then applies the rules.</summary>
internal sealed class WorkbookReadSession(IWorkbookFileSource source, string? encodingOverride, CancellationToken cancellationToken, WorkbookReadOptions? options = null) : IWorkbookLocator
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

    public Pos Setting(string key) => json?.Value(key) ?? new Pos(WorkbookFiles.Settings, 0, 0);

    public Pos Stream(int index, string column) => streamRows[index].PosOf(column);

    public Pos Program(int index, string column) => programRows[index].PosOf(column);

    public Pos Scenario(int index, string key) => Json($"{scenarioPaths[index]}.{key}");

    public Pos Change(int scenario, int change, string key) => Json($"{changeSources[scenario][change].Path}.{key}");

    public Pos AddedRow(int scenario, int change, string column) =>
        changeSources[scenario][change].Row is { } row ? row.PosOf(column) : Change(scenario, change, "row");

    public Pos Ledger(int index, string column) => ledgerRows[index].PosOf(column);

    private Pos Json(string path) => json?.Value(path) ?? new Pos(WorkbookFiles.Settings, 0, 0);

    private DateOnly FallbackDate(int startMonth) =>
        yearsKnown && startMonth is >= 1 and <= 12 ? new DateOnly(years.From, startMonth, 1) : new DateOnly(2000, 1, 1);

    private bool RequireFile(string file)
    {
        if (source.Exists(file))
        {
            return true;
        }

        issues.Error(new Pos(file, 0, 0), $"the workbook has no {file}; a workbook folder holds {WorkbookFiles.Settings}, {WorkbookFiles.Streams}, {WorkbookFiles.Programs} and optionally {WorkbookFiles.Ledger}");
        return false;
    }

    private (Workbook Settings, JsonElement? Root) ReadSettings()
    {
        var settings = new Workbook { Name = "Workbook", Currency = currency, Years = years };
        if (!RequireFile(WorkbookFiles.Settings))
        {
            return (settings, null);
        }

        // UTF-8 (with or without a byte order mark) or UTF-16 with one; handed on as UTF-8.
        byte[] bytes;
        using (var stream = new DecodingStream(source.Open(WorkbookFiles.Settings), encoding: null))
        using (var buffer = new MemoryStream())
        {
            try
            {
                stream.CopyTo(buffer);
            }
            catch (InvalidTextException e)
            {
                issues.ErrorText(
                    new Pos(WorkbookFiles.Settings, e.Line, e.Column),
                    $"{e.Message}: {WorkbookFiles.Settings} must be UTF-8 text (or UTF-16 with a byte order mark); save it as UTF-8");
                return (settings, null);
            }

            bytes = buffer.ToArray();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            issues.Error(JsonPositions.Of(bytes, e), $"the file is not valid JSON: {(cut > 0 ? message[..cut] : message)}");
            return (settings, null);
        }

        var readerOptions = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        json = JsonPositions.Map(bytes, readerOptions);
        if (JsonPositions.FindInvalidString(bytes, readerOptions) is var invalid and >= 0)
        {
            document.Dispose();
            issues.Error(json.At(invalid), $"this text holds an escaped lone surrogate (such as \\uD800 without its pair), which is not a character; write the character itself or remove the escape");
            return (settings, null);
        }

        var root = document.RootElement.Clone();
        document.Dispose();
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Error(json.Value(string.Empty), $"the settings must be a JSON object such as {{\"years\": {{\"from\": 2020, \"to\": 2030}}}}");
            return (settings, null);
        }

        var keys = Keys(root, string.Empty, SettingsKeys, "settings");
        if (keys.TryGetValue("name", out var name))
        {
            settings = settings with { Name = String(name, "name") ?? settings.Name };
        }

        if (keys.TryGetValue("currency", out var code) && String(code, "currency") is { } codeText)
        {
            if (Currency.TryFromCode(codeText.Trim().ToUpperInvariant(), out var found))
            {
                currency = found;
            }
            else
            {
                issues.Error(json.Value("currency"), $"unknown currency {ModelText.Quote(codeText)}{Suggestions.DidYouMean(codeText, Currency.All.Select(c => c.Code))}; expected an ISO 4217 code such as CNY, EUR or USD");
            }
        }

        settings = settings with { Currency = currency };
        if (keys.TryGetValue("encoding", out var encodingElement) && String(encodingElement, "encoding") is { } encodingText)
        {
            csvEncoding = TextEncodings.Find(encodingText);
            if (csvEncoding is null)
            {
                issues.Error(json.Value("encoding"), $"unknown encoding {ModelText.Quote(encodingText)}; expected one of {TextEncodings.Examples} (the encoding of the workbook's CSV files)");
            }
        }

        if (keys.TryGetValue("fiscalYearStartMonth", out var month) && Int(month, "fiscalYearStartMonth", "a month from 1 (January) to 12") is { } m)
        {
            settings = settings with { FiscalYearStartMonth = m };
        }

        if (keys.TryGetValue("rounding", out var rounding) && String(rounding, "rounding") is { } roundingText)
        {
            if (WorkbookNames.TryParse<RoundingMode>(roundingText, out var mode))
            {
                settings = settings with { Rounding = mode };
            }
            else
            {
                issues.Error(json.Value("rounding"), $"unknown rounding {ModelText.Quote(roundingText)}{Suggestions.DidYouMean(roundingText, WorkbookNames.Names<RoundingMode>())}; expected one of {WorkbookNames.Describe<RoundingMode>()}");
            }
        }

        ReadYears(keys);
        settings = settings with { Years = years };
        if (keys.TryGetValue("policy", out var policy) && String(policy, "policy") is { } policyText)
        {
            settings = settings with { Policy = policyText.Trim() };
        }

        if (keys.TryGetValue("flagshipWeight", out var weight) && Decimal(weight, "flagshipWeight", "a positive weight such as 3") is { } w)
        {
            settings = settings with { FlagshipWeight = w };
        }

        if (keys.TryGetValue("shelveAfter", out var shelve) && Int(shelve, "shelveAfter", "a whole number of years such as 2 (0 = never)") is { } sa)
        {
            settings = settings with { ShelveAfter = sa };
        }

        if (keys.TryGetValue("carryOverPool", out var carry))
        {
            if (carry.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                settings = settings with { CarryOverPool = carry.GetBoolean() };
            }
            else
            {
                issues.Error(json.Value("carryOverPool"), $"carryOverPool {ModelText.Quote(carry.GetRawText())} is not true or false; expected true (unspent pool money carries over) or false (it lapses, the default)");
            }
        }

        if (keys.TryGetValue("monteCarlo", out var monteCarlo) && Object(monteCarlo, "monteCarlo"))
        {
            var mc = Keys(monteCarlo, "monteCarlo", ["runs", "seed"], "monteCarlo");
            var runs = mc.TryGetValue("runs", out var runsElement) ? Int(runsElement, "monteCarlo.runs", "a whole number of runs such as 10000") : null;
            var seed = mc.TryGetValue("seed", out var seedElement) ? Long(seedElement, "monteCarlo.seed") : null;
            settings = settings with { MonteCarlo = MonteCarloSettings.Unchecked(runs ?? 10_000, seed ?? 1) };
        }

        return (settings, root);
    }

    private void ReadYears(Dictionary<string, JsonElement> keys)
    {
        if (!keys.TryGetValue("years", out var element))
        {
            issues.Error(json!.Value(string.Empty), $"the settings have no \"years\"; expected for example \"years\": {{\"from\": 2020, \"to\": 2030}}");
            return;
        }

        if (!Object(element, "years"))
        {
            return;
        }

        var yearKeys = Keys(element, "years", ["from", "to"], "years");
        int? from = null;
        int? to = null;
        foreach (var key in (string[])["from", "to"])
        {
            if (!yearKeys.TryGetValue(key, out var value))
            {
                issues.Error(json!.Value("years"), $"years has no \"{key}\"; expected for example \"years\": {{\"from\": 2020, \"to\": 2030}}");
            }
            else if (key == "from")
            {
                from = Int(value, "years.from", "a fiscal year such as 2020");
            }
            else
            {
                to = Int(value, "years.to", "a fiscal year such as 2030");
            }
        }

        if (from is { } f && to is { } t)
        {
            years = YearRange.Unchecked(f, t);
            yearsKnown = true;
        }
        else if (from is { } only)
        {
            years = YearRange.Unchecked(only, only);
        }
    }

    private List<Scenario> ReadScenarios(JsonElement root, RowParser parser)
    {
        var result = new List<Scenario>();
        if (!root.TryGetProperty("scenarios", out var array))
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            issues.Error(json!.Value("scenarios"), $"scenarios must be a list: \"scenarios\": [{{\"name\": \"budget-cut\", \"changes\": [...]}}]");
            return result;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"scenarios[{index++}]";
            if (!Object(element, path))
            {
                continue;
            }

            var keys = Keys(element, path, ["name", "description", "changes"], "a scenario");
            var name = keys.TryGetValue("name", out var nameElement) ? String(nameElement, path + ".name") ?? string.Empty : string.Empty;
            var description = keys.TryGetValue("description", out var descriptionElement) && descriptionElement.ValueKind != JsonValueKind.Null
                ? String(descriptionElement, path + ".description")
                : null;
            var changes = new List<ScenarioChange>();
            var sources = new List<(string Path, IRowPositions? Row)>();
            if (keys.TryGetValue("changes", out var changesElement))
            {
                if (changesElement.ValueKind != JsonValueKind.Array)
                {
                    issues.Error(json!.Value(path + ".changes"), $"changes must be a list of changes such as [{{\"type\": \"trend\", \"from\": 2025, \"kind\": \"district-grant\", \"annualChange\": -0.10}}]");
                }
                else
                {
                    var changeIndex = 0;
                    foreach (var change in changesElement.EnumerateArray())
                    {
                        var changePath = $"{path}.changes[{changeIndex++}]";
                        ReadChange(change, changePath, parser, changes, sources);
                    }
                }
            }

            scenarioPaths.Add(path);
            changeSources.Add(sources);
            result.Add(Model.Scenario.Unchecked(name.Trim(), description, new EquatableArray<ScenarioChange>(changes)));
        }

        return result;
    }

    private void ReadChange(JsonElement element, string path, RowParser parser, List<ScenarioChange> changes, List<(string Path, IRowPositions? Row)> sources)
    {
        if (!Object(element, path))
        {
            return;
        }

        var keys = Keys(element, path, ChangeKeys, "a change");
        if (!keys.TryGetValue("type", out var typeElement))
        {
            issues.Error(json!.Value(path), $"the change has no \"type\"; expected one of {string.Join(", ", ChangeTypes)}");
            return;
        }

        var type = String(typeElement, path + ".type")?.Trim();
        if (type is null)
        {
            return;
        }

        var from = years.From;
        if (keys.TryGetValue("from", out var fromElement) && Int(fromElement, path + ".from", "the first fiscal year the change applies to, such as 2025") is { } f)
        {
            from = f;
        }

        void Add(ScenarioChange change, IRowPositions? row = null)
        {
            changes.Add(change);
            sources.Add((path, row));
        }

        void Ignore(params string[] allowed)
        {
            foreach (var key in keys.Keys)
            {
                if (key is not "type" and not "from" && !allowed.Contains(key))
                {
                    issues.Warning(json!.Name($"{path}.{key}"), $"\"{key}\" has no meaning for a {type} change and is ignored; a {type} change takes {(allowed.Length == 0 ? "no other keys" : string.Join(", ", allowed))}");
                }
            }
        }

        switch (type)
        {
            case "scale":
                {
                    Ignore("stream", "kind", "factor");
                    var target = Target(keys, path);
                    var factor = Required(keys, path, "factor", "a factor of 0 or more such as 1.25");
                    if (target is { } t && factor is { } value)
                    {
                        Add(ScaleChange.Unchecked(from, t, value));
                    }

                    break;
                }

            case "trend":
                {
                    Ignore("stream", "kind", "annualChange");
                    var target = Target(keys, path);
                    var change = Required(keys, path, "annualChange", "an extra annual change such as -0.10 (10% less a year)");
                    if (target is { } t && change is { } value)
                    {
                        Add(TrendChange.Unchecked(from, t, value));
                    }

                    break;
                }

            case "rate":
                {
                    Ignore("stream", "kind", "annualChange");
                    var target = Target(keys, path);
                    var change = Required(keys, path, "annualChange", "the annual change that replaces the stream's own, such as -0.15 (15% less a year)");
                    if (target is { } t && change is { } value)
                    {
                        Add(RateChange.Unchecked(from, t, value));
                    }

                    break;
                }

            case "stop":
                {
                    Ignore("stream", "kind");
                    if (Target(keys, path) is { } t)
                    {
                        Add(StopChange.Unchecked(from, t));
                    }

                    break;
                }

            case "add-stream":
            case "add-program":
                {
                    Ignore("row");
                    if (!keys.TryGetValue("row", out var rowElement))
                    {
                        issues.Error(json!.Value(path), $"an {type} change needs a \"row\" with the columns of {(type == "add-stream" ? WorkbookFiles.Streams : WorkbookFiles.Programs)}");
                        break;
                    }

                    if (!Object(rowElement, path + ".row"))
                    {
                        break;
                    }

                    var columns = type == "add-stream" ? WorkbookFiles.StreamColumns : WorkbookFiles.ProgramColumns;
                    var row = JsonRowOf(rowElement, path + ".row", columns, type == "add-stream" ? WorkbookFiles.RequiredStreamColumns : WorkbookFiles.RequiredProgramColumns);
                    if (type == "add-stream")
                    {
                        Add(AddStreamChange.Unchecked(from, parser.Stream(row, from)), row);
                    }
                    else
                    {
                        Add(AddProgramChange.Unchecked(from, parser.Program(row, from)), row);
                    }

                    break;
                }

            case "set":
                {
                    Ignore("policy", "flagshipWeight", "program", "minFundingRatio", "priority");
                    var any = false;
                    if (keys.TryGetValue("policy", out var policy))
                    {
                        any = true;
                        if (String(policy, path + ".policy") is { } name)
                        {
                            Add(SetPolicyChange.Unchecked(from, name.Trim()));
                        }
                    }

                    if (keys.TryGetValue("flagshipWeight", out var weight))
                    {
                        any = true;
                        if (Decimal(weight, path + ".flagshipWeight", "a positive weight such as 1.5") is { } w)
                        {
                            Add(SetFlagshipWeightChange.Unchecked(from, w));
                        }
                    }

                    var hasRatio = keys.TryGetValue("minFundingRatio", out var ratio);
                    var hasPriority = keys.TryGetValue("priority", out var priority);
                    var program = keys.TryGetValue("program", out var programElement) ? String(programElement, path + ".program")?.Trim() : null;
                    if (hasRatio || hasPriority)
                    {
                        any = true;
                        if (!keys.ContainsKey("program"))
                        {
                            issues.Error(json!.Value(path), $"a set change of {(hasRatio ? "minFundingRatio" : "priority")} needs the \"program\" it applies to");
                        }
                    }
                    else if (keys.ContainsKey("program"))
                    {
                        issues.Error(json!.Value(path + ".program"), $"a set change with a \"program\" needs \"minFundingRatio\" or \"priority\"");
                        any = true;
                    }

                    if (hasRatio && Decimal(ratio, path + ".minFundingRatio", "a ratio more than 0 and at most 1, such as 0.35") is { } r && program is not null)
                    {
                        Add(SetMinFundingRatioChange.Unchecked(from, program, r));
                    }

                    if (hasPriority && Int(priority, path + ".priority", "a whole number of 1 or more") is { } p && program is not null)
                    {
                        Add(SetPriorityChange.Unchecked(from, program, p));
                    }

                    if (!any)
                    {
                        issues.Error(json!.Value(path), $"a set change needs one of \"policy\", \"flagshipWeight\", or \"program\" with \"minFundingRatio\" or \"priority\"");
                    }

                    break;
                }

            default:
                issues.Error(json!.Value(path + ".type"), $"unknown change type {ModelText.Quote(type)}{Suggestions.DidYouMean(type, ChangeTypes)}; expected one of {string.Join(", ", ChangeTypes)}");
                break;
        }
    }

    private StreamTarget? Target(Dictionary<string, JsonElement> keys, string path)
    {
        var hasStream = keys.TryGetValue("stream", out var stream);
        var hasKind = keys.TryGetValue("kind", out var kind);
        if (hasStream == hasKind)
        {
            issues.ErrorText(
                json!.Value(hasStream ? path + ".kind" : path),
                hasStream
                    ? "the change names both a \"stream\" and a \"kind\"; name one: a stream id, or a kind for every stream of that kind"
                    : $"the change names neither a \"stream\" nor a \"kind\"; name one: a stream id, or a kind ({WorkbookNames.Describe<StreamKind>()})");
            return null;
        }

        if (hasStream)
        {
            return String(stream, path + ".stream")?.Trim() is { } id ? StreamTarget.UncheckedStream(id) : null;
        }

        if (String(kind, path + ".kind") is not { } kindText)
        {
            return null;
        }

        if (WorkbookNames.TryParse<StreamKind>(kindText, out var value))
        {
            return StreamTarget.OfKind(value);
        }

        issues.Error(json!.Value(path + ".kind"), $"unknown kind {ModelText.Quote(kindText)}{Suggestions.DidYouMean(kindText, WorkbookNames.Names<StreamKind>())}; expected one of {WorkbookNames.Describe<StreamKind>()}");
        return null;
    }

    private decimal? Required(Dictionary<string, JsonElement> keys, string path, string key, string expected)
    {
        if (keys.TryGetValue(key, out var element))
        {
            return Decimal(element, $"{path}.{key}", expected);
        }

        issues.Error(json!.Value(path), $"the change has no \"{key}\"; expected {expected}");
        return null;
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
