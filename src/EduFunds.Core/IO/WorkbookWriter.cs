using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <summary>
/// Writes a workbook as a folder that <see cref="WorkbookReader"/> reads back into an equal
/// workbook: <c>edufunds.json</c>, <c>streams.csv</c>, <c>programs.csv</c> and, when the workbook
/// has a ledger (or the folder already has a ledger file), <c>ledger.csv</c>.
/// </summary>
/// <remarks>
/// Files are UTF-8 without a byte order mark, culture-invariant, with every default written out.
/// Each file is written to a temporary file in the folder first and moved into place only when
/// all of them are complete, so a failure leaves the old files as they were. A text cell that a
/// spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
/// CR) gets an apostrophe in front, which the reader removes again.
/// </remarks>
public sealed class WorkbookWriter
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Takes an exclusive lock on a workbook folder for a write that reads and then changes it
    /// (an import appending to <c>ledger.csv</c>), through the operating system's file locking on
    /// <c>.edufunds.lock</c>: a second writer waits up to <paramref name="timeout"/>, then gives up
    /// naming the process that holds it. The lock goes with the process, so a killed writer never
    /// leaves the workbook locked.
    /// </summary>
    /// <param name="folder">The workbook folder.</param>
    /// <param name="timeout">How long to wait for another holder to let go.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lock; dispose it to let go.</returns>
    /// <exception cref="TimeoutException">Another process held the lock all that time; the message names it.</exception>
    /// <exception cref="IOException">The lock file cannot be created.</exception>
    public static IDisposable Lock(string folder, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WorkbookLock.Acquire(folder, timeout, cancellationToken);

    /// <summary>Writes <paramref name="workbook"/> into <paramref name="folder"/> (created when missing), replacing its workbook files.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="folder">The target folder.</param>
    /// <exception cref="ArgumentNullException"><paramref name="workbook"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty.</exception>
    /// <exception cref="IOException">A file could not be written; the folder's files are unchanged.</exception>
    public void WriteFolder(Workbook workbook, string folder)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var files = new List<(string Target, byte[] Content)>
        {
            (WorkbookFiles.Settings, WriteSettings(workbook)),
            (WorkbookFiles.Streams, WriteCsv(WorkbookFiles.StreamColumns, workbook.Streams.Select(s => StreamCells(s, workbook.Currency)))),
            (WorkbookFiles.Programs, WriteCsv(WorkbookFiles.ProgramColumns, workbook.Programs.Select(p => ProgramCells(p, workbook.Currency)))),
        };

        // An empty ledger is only written over an existing ledger file, which would otherwise be read back.
        if (workbook.Ledger.Count > 0 || File.Exists(Path.Combine(folder, WorkbookFiles.Ledger)))
        {
            files.Add((WorkbookFiles.Ledger, WriteCsv(WorkbookFiles.LedgerColumns, workbook.Ledger.Select(e => LedgerCells(e, workbook.Currency)))));
        }

        AtomicFiles.WriteAll(folder, files);
    }

    /// <summary>Writes the workbook into files in memory, by file name (what <see cref="WriteFolder"/> would write).</summary>
    /// <param name="workbook">The workbook.</param>
    /// <returns>File name to UTF-8 content; <c>ledger.csv</c> only when the workbook has a ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workbook"/> is null.</exception>
    public IReadOnlyDictionary<string, byte[]> WriteFiles(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [WorkbookFiles.Settings] = WriteSettings(workbook),
            [WorkbookFiles.Streams] = WriteCsv(WorkbookFiles.StreamColumns, workbook.Streams.Select(s => StreamCells(s, workbook.Currency))),
            [WorkbookFiles.Programs] = WriteCsv(WorkbookFiles.ProgramColumns, workbook.Programs.Select(p => ProgramCells(p, workbook.Currency))),
        };
        if (workbook.Ledger.Count > 0)
        {
            files[WorkbookFiles.Ledger] = WriteCsv(WorkbookFiles.LedgerColumns, workbook.Ledger.Select(e => LedgerCells(e, workbook.Currency)));
        }

        return files;
    }

    /// <summary>
    /// The <c>streams.csv</c> rows of some streams, exactly as this writer spells them, without
    /// the header: to append to a workbook's <c>streams.csv</c> (for example a rescue plan).
    /// </summary>
    /// <param name="streams">The streams.</param>
    /// <param name="currency">The workbook currency (for the amounts).</param>
    /// <returns>One line per stream, each ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string FormatStreamRows(IEnumerable<FundingStream> streams, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var text = System.Text.Encoding.UTF8.GetString(WriteCsv(WorkbookFiles.StreamColumns, streams.Select(s => StreamCells(s, currency))));
        return text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>
    /// One scenario as an entry of the <c>scenarios</c> array of <c>edufunds.json</c>, exactly as
    /// this writer spells it: to paste into a workbook's settings.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="currency">The workbook currency (for added rows).</param>
    /// <returns>The indented JSON object, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string FormatScenario(Scenario scenario, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("name", scenario.Name);
            if (scenario.Description is not null)
            {
                json.WriteString("description", scenario.Description);
            }

            json.WriteStartArray("changes");
            foreach (var change in scenario.Changes)
            {
                WriteChange(json, change, currency);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static byte[] WriteCsv(IReadOnlyList<string> columns, IEnumerable<Cell[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell.IsText ? WorkbookText.Protect(cell.Value) : cell.Value);
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    private static Cell[] StreamCells(FundingStream s, Currency currency) =>
    [
        Cell.Text(s.Id),
        Cell.Text(s.Name),
        Cell.Plain(WorkbookNames.ToName(s.Kind)),
        Cell.Plain(WorkbookNames.ToName(s.Recurrence)),
        Cell.Plain(AmountText.Format(s.AmountMinorUnits, currency)),
        Cell.Plain(WorkbookText.FormatInt(s.StartYear)),
        Cell.Plain(s.EndYear is { } end ? WorkbookText.FormatInt(end) : string.Empty),
        Cell.Plain(WorkbookText.FormatDecimal(s.AnnualChange)),
        Cell.Text(string.Join(';', s.RestrictedTo)),
        Cell.Plain(WorkbookText.FormatDecimal(s.RenewalProbability)),
        Cell.Plain(WorkbookText.FormatDecimal(s.AmountCv)),
    ];

    private static Cell[] ProgramCells(EducationProgram p, Currency currency) =>
    [
        Cell.Text(p.Id),
        Cell.Text(p.Name),
        Cell.Plain(WorkbookNames.ToName(p.Category)),
        Cell.Text(p.Community ?? string.Empty),
        Cell.Plain(AmountText.Format(p.CostMinorUnits, currency)),
        Cell.Plain(WorkbookText.FormatDecimal(p.CostChange)),
        Cell.Plain(WorkbookText.FormatDecimal(p.MinFundingRatio)),
        Cell.Plain(WorkbookText.FormatInt(p.Priority)),
        Cell.Plain(WorkbookText.FormatInt(p.StartYear)),
        Cell.Plain(p.EndYear is { } end ? WorkbookText.FormatInt(end) : string.Empty),
        Cell.Plain(p.Participants is { } n ? WorkbookText.FormatInt(n) : string.Empty),
    ];

    /// <summary>The ledger's cells, written once for both writers (<see cref="LedgerFile.Cells"/>; already protected).</summary>
    private static Cell[] LedgerCells(LedgerEntry e, Currency currency) =>
        [.. LedgerFile.Cells(e, currency).Select(Cell.Plain)];

    private static byte[] WriteSettings(Workbook workbook)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("name", workbook.Name);
            json.WriteString("currency", workbook.Currency.Code);
            json.WriteNumber("fiscalYearStartMonth", workbook.FiscalYearStartMonth);
            json.WriteString("rounding", WorkbookNames.ToName(workbook.Rounding));
            json.WriteStartObject("years");
            json.WriteNumber("from", workbook.Years.From);
            json.WriteNumber("to", workbook.Years.To);
            json.WriteEndObject();
            json.WriteString("policy", workbook.Policy);
            json.WriteNumber("flagshipWeight", workbook.FlagshipWeight);
            json.WriteNumber("shelveAfter", workbook.ShelveAfter);
            json.WriteBoolean("carryOverPool", workbook.CarryOverPool);
            json.WriteStartObject("monteCarlo");
            json.WriteNumber("runs", workbook.MonteCarloRuns);
            json.WriteNumber("seed", workbook.MonteCarloSeed);
            json.WriteEndObject();
            json.WriteStartArray("scenarios");
            foreach (var scenario in workbook.Scenarios)
            {
                json.WriteStartObject();
                json.WriteString("name", scenario.Name);
                if (scenario.Description is not null)
                {
                    json.WriteString("description", scenario.Description);
                }

                json.WriteStartArray("changes");
                foreach (var change in scenario.Changes)
                {
                    WriteChange(json, change, workbook.Currency);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteChange(Utf8JsonWriter json, ScenarioChange change, Currency currency)
    {
        json.WriteStartObject();
        json.WriteString("type", change switch
        {
            ScaleChange => "scale",
            TrendChange => "trend",
            RateChange => "rate",
            StopChange => "stop",
            AddStreamChange => "add-stream",
            AddProgramChange => "add-program",
            _ => "set",
        });
        json.WriteNumber("from", change.From);
        switch (change)
        {
            case ScaleChange scale:
                WriteTarget(json, scale.Target);
                json.WriteNumber("factor", scale.Factor);
                break;
            case TrendChange trend:
                WriteTarget(json, trend.Target);
                json.WriteNumber("annualChange", trend.AnnualChange);
                break;
            case RateChange rate:
                WriteTarget(json, rate.Target);
                json.WriteNumber("annualChange", rate.AnnualChange);
                break;
            case StopChange stop:
                WriteTarget(json, stop.Target);
                break;
            case AddStreamChange add:
                WriteRow(json, WorkbookFiles.StreamColumns, StreamCells(add.Stream, currency));
                break;
            case AddProgramChange add:
                WriteRow(json, WorkbookFiles.ProgramColumns, ProgramCells(add.Program, currency));
                break;
            case SetPolicyChange policy:
                json.WriteString("policy", policy.Policy);
                break;
            case SetFlagshipWeightChange weight:
                json.WriteNumber("flagshipWeight", weight.FlagshipWeight);
                break;
            case SetMinFundingRatioChange ratio:
                json.WriteString("program", ratio.ProgramId);
                json.WriteNumber("minFundingRatio", ratio.MinFundingRatio);
                break;
            case SetPriorityChange priority:
                json.WriteString("program", priority.ProgramId);
                json.WriteNumber("priority", priority.Priority);
                break;
            default:
                throw new NotSupportedException($"The workbook format has no spelling for a {change.GetType().Name}.");
        }

        json.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter json, StreamTarget target)
    {
        if (target.StreamId is { } id)
        {
            json.WriteString("stream", id);
        }
        else if (target.Kind is { } kind)
        {
            json.WriteString("kind", WorkbookNames.ToName(kind));
        }
    }

    private static void WriteRow(Utf8JsonWriter json, IReadOnlyList<string> columns, Cell[] cells)
    {
        json.WriteStartObject("row");
        for (var i = 0; i < columns.Count; i++)
        {
            if (cells[i].Value.Length > 0)
            {
                json.WriteString(columns[i], cells[i].Value);
            }
        }

        json.WriteEndObject();
    }

    private readonly record struct Cell(string Value, bool IsText)
    {
        public static Cell Text(string value) => new(value, true);

        public static Cell Plain(string value) => new(value, false);
    }
}
