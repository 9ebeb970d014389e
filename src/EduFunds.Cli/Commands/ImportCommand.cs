using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Tracking;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds import</c>: appends the new rows of an accounting export to the workbook's ledger.csv.</summary>
internal sealed class ImportCommand : EduFundsCommand
{
    private readonly Argument<string[]> paths = new("WORKBOOK-AND-FILE")
    {
        Description = "[WORKBOOK] FILE: the workbook folder whose ledger.csv is appended to, and the accounting system's CSV export. " +
                      "Without WORKBOOK only --dry-run is allowed (the built-in example cannot be written to).",
        HelpName = "[WORKBOOK] FILE",
        Arity = new ArgumentArity(1, 2),
    };
    private readonly Option<string> map = new("--map", "-m")
    {
        Description = "Which column of the export holds each field, by header name or 1-based number: " +
                      "\"date=Date,amount=Amount,type=Type,stream=Fund,program=Project,reference=Voucher,memo=Text\". " +
                      "date and amount are required.",
        HelpName = "FIELD=COLUMN,...",
        Required = true,
    };
    private readonly Option<FileInfo?> rules = new("--rules", "-r")
    {
        Description = "Matching rules (CSV: field,match,pattern,target; match = contains|exact|regex; " +
                      "target = stream:ID, program:ID or type:receipt|expense). The first rule that matches wins.",
        HelpName = "FILE",
    };
    private readonly Option<string[]> dateFormat = new("--date-format")
    {
        Description = "Date format of the export in .NET notation (for example dd/MM/yyyy); may be repeated. " +
                      "Default: yyyy-M-d, yyyy/M/d and d.M.yyyy.",
        HelpName = "FORMAT",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string?> sign = new("--sign")
    {
        Description = "'negative-expense': a negative amount is an expense and a positive one a receipt (no type column needed). " +
                      "Default: amounts are positive and the type column tells.",
        HelpName = "negative-expense",
    };
    private readonly Option<string?> typeValues = new("--type-values")
    {
        Description = "What the values of the type column mean, for example \"借=expense,贷=receipt\" or \"D=expense,C=receipt\" " +
                      "(banks and office ledgers use 借/贷 in opposite senses, so nothing is guessed).",
        HelpName = "VALUE=receipt|expense,...",
    };
    private readonly Option<int?> headerRow = new("--header-row")
    {
        Description = "The line of the header row. Default: the first of the first 50 rows that holds every column --map names " +
                      "(statements put the account and the period above it).",
        HelpName = "N",
    };
    private readonly Option<bool> noHeader = new("--no-header")
    {
        Description = "The export has no header row; the map uses column numbers.",
    };
    private readonly Option<double> lockTimeout = new("--lock-timeout")
    {
        Description = "How many seconds to wait for another import into the same workbook to finish (default 10); then exit 2 naming the process that holds the workbook.",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 10,
    };
    private readonly Option<bool> dryRun = new("--dry-run", "-n")
    {
        Description = "Show what would be added and skipped without writing anything.",
    };
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public ImportCommand()
        : base(
            "import",
            "Import an accounting system's CSV export into the workbook's ledger.csv: columns by --map, text to streams " +
            "and programs by --rules, rows already in the ledger skipped, so importing the same export twice adds nothing. " +
            "The ledger is only appended to, atomically; any bad row makes the whole import fail and names the row.")
    {
        Arguments.Add(paths);
        Options.Add(map);
        Options.Add(rules);
        Options.Add(dateFormat);
        Options.Add(sign);
        Options.Add(typeValues);
        Options.Add(lockTimeout);
        Options.Add(headerRow);
        Options.Add(noHeader);
        Options.Add(dryRun);
        sign.AcceptOnlyFromAmong("negative-expense");
        output = OutputOptions.AddTo(this, ImportReport.TableNames);
        Examples.Add(new(
            "edufunds import my-street bank-2024.csv --map \"date=Date,amount=Amount,type=Type,stream=Fund,program=Project,reference=Voucher,memo=Text\" --dry-run",
            "show what would be added"));
        Examples.Add(new(
            "edufunds import my-street bank-2024.csv --map \"date=Booked,amount=Amount,reference=Voucher,memo=Text\" --sign negative-expense --rules rules.csv",
            "negative amounts are expenses; rules find the stream or program in the text"));
        Examples.Add(new(
            "edufunds import my-street export.csv --map \"date=1,amount=4,type=3,memo=2\" --no-header --date-format dd/MM/yyyy",
            "columns by number, a day-first date format"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var given = context.GetValue(paths) ?? [];
        var folder = given.Length == 2 ? new DirectoryInfo(given[0]) : null;
        var file = new FileInfo(given[^1]);
        var isDryRun = context.GetValue(dryRun);
        if (folder is null && !isDryRun)
        {
            throw new UserInputException(
                "no WORKBOOK given: the import would write into the built-in X Street example, which cannot be changed. " +
                "Give the workbook folder first (edufunds import my-street FILE ...; create one with `edufunds init my-street`), " +
                "or use --dry-run to only see what would be added.");
        }

        ColumnMap columnMap;
        try
        {
            columnMap = ColumnMap.Parse(context.GetValue(map) ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"--map: {e.Message}", e);
        }

        if (!file.Exists)
        {
            throw new UserInputException($"the export '{file}' does not exist.");
        }

        // Every write to a workbook holds its lock, from reading the ledger to appending to it, so two
        // imports at the same time cannot lose each other's rows.
        var seconds = context.GetValue(lockTimeout);
        if (seconds is < 0 or > 86_400 || double.IsNaN(seconds))
        {
            throw new UserInputException($"--lock-timeout {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a number of seconds from 0 to 86400.");
        }

        using var workbookLock = AcquireLock(folder, isDryRun, TimeSpan.FromSeconds(seconds), context.CancellationToken);

        // The ledger is checked as it is read and not kept; de-duplication reads it once more and keeps only its keys.
        var loaded = CommandInput.Resolve(context, folder, options: new WorkbookReadOptions { KeepLedger = false }).Loaded;
        if (loaded.Folder is not null && File.Exists(loaded.Folder))
        {
            // Rewriting one sheet of a file the user formats in Excel risks their formatting: refuse, and say how.
            throw new UserInputException(
                $"import adds to ledger.csv of a workbook folder; {loaded.Folder} is an .xlsx workbook file. " +
                $"Convert it first (edufunds convert {loaded.Folder} FOLDER), import into the folder, and convert back.");
        }

        var book = loaded.Workbook;
        var ledgerPath = loaded.Folder is null ? null : Path.Combine(loaded.Folder, "ledger.csv");
        if (ledgerPath is not null && string.Equals(Path.GetFullPath(ledgerPath), file.FullName, StringComparison.Ordinal))
        {
            throw new UserInputException($"the export '{file}' is the workbook's own ledger; give the accounting system's export.");
        }

        var fileEncoding = GlobalOptions.GetFileEncoding(context.ParseResult);
        var matchRules = MatchRules.None;
        var rulesFile = context.GetValue(rules);
        if (rulesFile is not null)
        {
            if (!rulesFile.Exists)
            {
                throw new UserInputException($"the rules file '{rulesFile}' does not exist.");
            }

            matchRules = MatchRulesFile.Read(
                rulesFile.OpenRead(), rulesFile.ToString(), fileEncoding, book.Streams.Select(s => s.Id).ToArray(), book.Programs.Select(p => p.Id).ToArray());
        }

        var formats = context.GetValue(dateFormat) is { Length: > 0 } f ? f : ImportOptions.DefaultDateFormats;
        foreach (var format in formats)
        {
            try
            {
                _ = new DateTime(2025, 12, 5, 0, 0, 0, DateTimeKind.Unspecified).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new UserInputException($"--date-format '{format}' is not a date format; expected a .NET date format such as dd/MM/yyyy or yyyy年M月d日.");
            }
        }

        var types = new Dictionary<string, LedgerEntryType>();
        if (context.GetValue(typeValues) is { } typeText)
        {
            try
            {
                types = new Dictionary<string, LedgerEntryType>(ImportOptions.ParseTypeValues(typeText));
            }
            catch (FormatException e)
            {
                throw new UserInputException($"--type-values: {e.Message}", e);
            }
        }

        var header = context.GetValue(headerRow);
        if (header is < 1)
        {
            throw new UserInputException($"--header-row {header} is not a line; expected the line number of the header row, 1 or more.");
        }
        var options = new ImportOptions
        {
            Map = columnMap,
            Rules = matchRules,
            DateFormats = formats,
            Sign = context.GetValue(sign) == "negative-expense" ? AmountSign.NegativeIsExpense : AmountSign.Positive,
            HasHeader = !context.GetValue(noHeader),
            Encoding = fileEncoding,
            TypeValues = types,
            HeaderRow = header,
        };

        var result = new LedgerImporter(context.LoggerFactory.CreateLogger<LedgerImporter>())
            .Plan(
                OpenExport(file),
                file.ToString(),
                options,
                book,
                loaded.Source is { } source ? WorkbookReader.ReadLedger(source, book, loaded.Encoding, context.CancellationToken) : book.Ledger,
                context.CancellationToken);

        if (!isDryRun && ledgerPath is not null && result.Added.Count > 0)
        {
            // The report's --output may not be the ledger or the export: check before anything is written.
            if (context.GetValue(output.Output) is { } target)
            {
                OutputFile.CheckTarget(target.FullName, [loaded.Folder, file.FullName, rulesFile?.FullName]);
            }

            try
            {
                LedgerFile.Append(ledgerPath, result.EntriesToAdd, book.Currency, loaded.Encoding);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"cannot write {ledgerPath}: {e.Message}; the ledger is unchanged.", e);
            }
        }

        var settings = new List<ReportSetting>
        {
            new("workbook", "Workbook", loaded.Label),
            new("export", "Export", file.ToString()),
            new("rules", "Rules", rulesFile?.ToString()),
            new("ledger", "Ledger", ledgerPath),
        };
        var report = ImportReport.Build(result, book.Currency, isDryRun || ledgerPath is null, ledgerPath, settings);
        await output.WriteAsync(context, report, loaded.Folder, file.FullName, rulesFile?.FullName).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static WorkbookLock? AcquireLock(DirectoryInfo? folder, bool dryRun, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (dryRun || folder is null || !folder.Exists)
        {
            return null;
        }

        try
        {
            return WorkbookLock.Acquire(folder.FullName, timeout, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new UserInputException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot lock the workbook in {folder}: {e.Message}", e);
        }
    }

    /// <summary>Opens the export: a CSV file as it is, an .xlsx file as the CSV of its first sheet (numbers as stored, date cells as yyyy-MM-dd).</summary>
    private static Stream OpenExport(FileInfo file)
    {
        if (!file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return file.OpenRead();
        }

        try
        {
            using var stream = file.OpenRead();
            return new MemoryStream(Excel.XlsxSheets.FirstSheetAsCsv(stream), writable: false);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"cannot read the export '{file}': {e.Message}", e);
        }
    }
}
