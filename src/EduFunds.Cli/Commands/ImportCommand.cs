using System.CommandLine;
using System.Text;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Ledger;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds import</c>: appends the new rows of an accounting export to the workbook's ledger.csv.</summary>
internal sealed class ImportCommand : EduFundsCommand
{
    private readonly Argument<FileInfo> file = new("file")
    {
        Description = "The accounting system's CSV export to import. The workbook is the current folder, or the one given with --workbook.",
        HelpName = "FILE",
    };
    private readonly Option<DirectoryInfo?> workbookFolder = new("--workbook", "-w")
    {
        Description = "The workbook folder whose ledger.csv is appended to (default: the current folder; never the built-in example).",
        HelpName = "DIR",
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
    private readonly Option<bool> noHeader = new("--no-header")
    {
        Description = "The export has no header row; the map uses column numbers.",
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
        Arguments.Add(file);
        Options.Add(workbookFolder);
        Options.Add(map);
        Options.Add(rules);
        Options.Add(dateFormat);
        Options.Add(sign);
        Options.Add(noHeader);
        Options.Add(dryRun);
        sign.AcceptOnlyFromAmong("negative-expense");
        output = OutputOptions.AddTo(this, ImportReport.TableNames);
        Examples.Add(new(
            "edufunds import bank-2024.csv --map \"date=Date,amount=Amount,type=Type,stream=Fund,program=Project,reference=Voucher,memo=Text\" --dry-run",
            "show what would be added"));
        Examples.Add(new(
            "edufunds import bank-2024.csv --map \"date=Booked,amount=Amount,reference=Voucher,memo=Text\" --sign negative-expense --rules rules.csv",
            "negative amounts are expenses; rules find the stream or program in the text"));
        Examples.Add(new(
            "edufunds import export.csv -w my-street --map \"date=1,amount=4,type=3,memo=2\" --no-header --date-format dd/MM/yyyy",
            "columns by number, a day-first date format"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var folder = context.GetValue(workbookFolder);
        var file = context.GetValue(this.file)!;
        var isDryRun = context.GetValue(dryRun);

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

        var loaded = WorkbookInput.LoadFolder(context, folder, "--workbook");
        var book = loaded.Workbook;
        var ledgerPath = loaded.Folder is null ? null : Path.Combine(loaded.Folder, "ledger.csv");
        if (ledgerPath is not null && string.Equals(Path.GetFullPath(ledgerPath), file.FullName, StringComparison.Ordinal))
        {
            throw new UserInputException($"the export '{file}' is the workbook's own ledger; give the accounting system's export.");
        }

        var matchRules = MatchRules.None;
        var rulesFile = context.GetValue(rules);
        if (rulesFile is not null)
        {
            if (!rulesFile.Exists)
            {
                throw new UserInputException($"the rules file '{rulesFile}' does not exist.");
            }

            try
            {
                using var reader = new StreamReader(rulesFile.FullName);
                matchRules = MatchRules.Read(reader, rulesFile.ToString(), book.Streams.Select(s => s.Id).ToArray(), book.Programs.Select(p => p.Id).ToArray());
            }
            catch (LedgerInputException e)
            {
                throw LedgerArguments.Problems(e);
            }
        }

        var formats = context.GetValue(dateFormat) is { Length: > 0 } f ? f : ImportOptions.DefaultDateFormats;
        var options = new ImportOptions
        {
            Map = columnMap,
            Rules = matchRules,
            DateFormats = formats,
            Sign = context.GetValue(sign) == "negative-expense" ? AmountSign.NegativeIsExpense : AmountSign.Positive,
            HasHeader = !context.GetValue(noHeader),
        };

        ImportResult result;
        try
        {
            using var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            result = new LedgerImporter(context.LoggerFactory.CreateLogger<LedgerImporter>())
                .Plan(reader, file.ToString(), options, book, context.CancellationToken);
        }
        catch (LedgerInputException e)
        {
            throw LedgerArguments.Problems(e);
        }

        if (!isDryRun && ledgerPath is not null && result.Added.Count > 0)
        {
            // The report's --output may not be the ledger or the export: check before anything is written.
            if (context.GetValue(output.Output) is { } target)
            {
                OutputFile.CheckTarget(target.FullName, [loaded.Folder, file.FullName, rulesFile?.FullName]);
            }

            try
            {
                LedgerFile.Append(ledgerPath, result.EntriesToAdd, book.Currency);
            }
            catch (LedgerInputException e)
            {
                throw LedgerArguments.Problems(e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"cannot write {ledgerPath}: {e.Message}; the ledger is unchanged.", e);
            }
        }

        var settings = new List<ReportSetting>
        {
            new("workbook", "Workbook", loaded.Description),
            new("export", "Export", file.ToString()),
            new("rules", "Rules", rulesFile?.ToString()),
            new("ledger", "Ledger", ledgerPath),
        };
        var report = ImportReport.Build(result, book.Currency, isDryRun || ledgerPath is null, ledgerPath, settings);
        await output.WriteAsync(context, report, loaded.Folder, file.FullName, rulesFile?.FullName).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
