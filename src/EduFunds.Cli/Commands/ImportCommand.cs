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
    private readonly Argument<FileInfo> file = new("file")
    {
        HelpName = "FILE",
    };
    private readonly Option<DirectoryInfo?> workbookFolder = new("--workbook", "-w")
    {
        HelpName = "DIR",
    };
    private readonly Option<string> map = new("--map", "-m")
    {
        HelpName = "FIELD=COLUMN,...",
        Required = true,
    };
    private readonly Option<FileInfo?> rules = new("--rules", "-r")
    {
        HelpName = "FILE",
    };
    private readonly Option<string[]> dateFormat = new("--date-format")
    {
        HelpName = "FORMAT",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string?> sign = new("--sign")
    {
        HelpName = "negative-expense",
    };
    private readonly Option<string?> typeValues = new("--type-values")
    {
        HelpName = "VALUE=receipt|expense,...",
    };
    private readonly Option<int?> headerRow = new("--header-row")
    {
        HelpName = "N",
    };
    private readonly Option<bool> noHeader = new("--no-header")
    {
    };
    private readonly Option<double> lockTimeout = new("--lock-timeout")
    {
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 10,
    };
    private readonly Option<bool> dryRun = new("--dry-run", "-n")
    {
    };
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public ImportCommand()
        : base("import")
    {
        Arguments.Add(file);
        Options.Add(workbookFolder);
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
        Examples.Add(new("edufunds import bank-2024.csv --map \"date=Date,amount=Amount,type=Type,stream=Fund,program=Project,reference=Voucher,memo=Text\" --dry-run"));
        Examples.Add(new("edufunds import bank-2024.csv --map \"date=Booked,amount=Amount,reference=Voucher,memo=Text\" --sign negative-expense --rules rules.csv"));
        Examples.Add(new("edufunds import export.csv -w my-street --map \"date=1,amount=4,type=3,memo=2\" --no-header --date-format dd/MM/yyyy"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var folder = context.GetValue(workbookFolder);
        var file = context.GetValue(this.file)!;
        var isDryRun = context.GetValue(dryRun);

        ImportOptions options;
        try
        {
            options = new ImportOptions { Map = context.GetValue(map) ?? string.Empty };
        }
        catch (FormatException e)
        {
            throw new UserInputException(context.Texts.Format("error.map", EduFunds.Localization.Messages.Of(e, context.Texts.Culture)), e);
        }

        if (!file.Exists && !Directory.Exists(file.FullName) && file.LinkTarget is null)
        {
            throw new UserInputException(context.Texts.Format("error.exportMissing", file));
        }

        // Every write to a workbook holds its lock, from reading the ledger to appending to it, so two
        // imports at the same time cannot lose each other's rows.
        var seconds = context.GetValue(lockTimeout);
        if (seconds is < 0 or > 86_400 || double.IsNaN(seconds))
        {
            // Echo what was typed: 1e400 reads as infinity, which the user never wrote.
            var typed = context.ParseResult.GetResult(lockTimeout)?.Tokens is [var token, ..]
                ? token.Value
                : seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new UserInputException(context.Texts.Format("error.lockTimeout", typed));
        }

        using var workbookLock = AcquireLock(folder, isDryRun, TimeSpan.FromSeconds(seconds), context.Texts, context.CancellationToken);

        // The ledger is checked as it is read and not kept; de-duplication reads it once more and keeps only its keys.
        var loaded = WorkbookInput.LoadFolder(context, folder, "--workbook", LedgerReading.CheckOnly);
        if (loaded.Folder is not null && File.Exists(loaded.Folder))
        {
            // Rewriting one sheet of a file the user formats in Excel risks their formatting: refuse, and say how.
            throw new UserInputException(context.Texts.Format("error.importIntoXlsx", loaded.Folder));
        }

        var book = loaded.Workbook;
        var ledgerPath = loaded.Folder is null ? null : Path.Combine(loaded.Folder, "ledger.csv");
        if (ledgerPath is not null && string.Equals(Path.GetFullPath(ledgerPath), file.FullName, StringComparison.Ordinal))
        {
            throw new UserInputException(context.Texts.Format("error.exportIsLedger", file));
        }

        var fileEncoding = GlobalOptions.GetFileEncoding(context.ParseResult);
        var rulesFile = context.GetValue(rules);
        if (rulesFile is not null)
        {
            if (!rulesFile.Exists && !Directory.Exists(rulesFile.FullName) && rulesFile.LinkTarget is null)
            {
                throw new UserInputException(context.Texts.Format("error.rulesMissing", rulesFile));
            }

            options = LedgerFile.ReadImportRules(InputFile.OpenRead(rulesFile, context.Texts), rulesFile.ToString(), fileEncoding, options, book);
        }

        var formats = context.GetValue(dateFormat) is { Length: > 0 } f ? f : ImportOptions.DefaultDateFormats;
        foreach (var format in formats)
        {
            if (string.IsNullOrWhiteSpace(format))
            {
                // An empty format would format as the general date pattern and match no bank's dates.
                throw new UserInputException(context.Texts.Format("error.dateFormat", format));
            }

            try
            {
                _ = new DateTime(2025, 12, 5, 0, 0, 0, DateTimeKind.Unspecified).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new UserInputException(context.Texts.Format("error.dateFormat", format));
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
                throw new UserInputException($"--type-values: {EduFunds.Localization.Messages.Of(e, context.Texts.Culture)}", e);
            }
        }

        var header = context.GetValue(headerRow);
        if (header is < 1)
        {
            throw new UserInputException(context.Texts.Format("error.headerRow", header));
        }
        options = options with
        {
            DateFormats = formats,
            NegativeIsExpense = context.GetValue(sign) == "negative-expense",
            HasHeader = !context.GetValue(noHeader),
            Encoding = fileEncoding,
            TypeValues = types,
            HeaderRow = header,
        };

        var result = LedgerFile.PlanImport(
            OpenExport(file, context.Texts),
            file.ToString(),
            options,
            book,
            loaded.Source is { } source ? WorkbookReader.ReadLedger(source, book, loaded.Encoding, context.CancellationToken) : book.Ledger,
            context.LoggerFactory.CreateLogger(typeof(LedgerFile)),
            context.CancellationToken);

        foreach (var warning in result.Warnings)
        {
            // As validate shows the ledger's: each with its place in the export.
            await context.ParseResult.InvocationConfiguration.Error.WriteLineAsync(Output.CellFormat.Printable(warning.ToString(context.Texts.Culture))).ConfigureAwait(false);
        }

        if (!isDryRun && ledgerPath is not null && result.Added.Count > 0)
        {
            // The report's --output may not be the ledger or the export: check before anything is written.
            if (context.GetValue(output.Output) is { } target)
            {
                OutputFile.CheckTarget(target.FullName, [loaded.Folder, file.FullName, rulesFile?.FullName], context.Texts);
            }

            try
            {
                LedgerFile.Append(ledgerPath, result.EntriesToAdd, book.Currency, loaded.Encoding);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException(context.Texts.Format("error.ledgerUnchanged", ledgerPath, e.Message), e);
            }
        }

        var t = context.Texts;
        var settings = new List<ReportSetting>
        {
            new("workbook", t["setting.workbook"], loaded.Label),
            new("export", t["setting.export"], file.ToString()),
            new("rules", t["setting.rules"], rulesFile?.ToString()),
            new("ledger", t["setting.ledger"], ledgerPath),
        };
        var report = ImportReport.Build(result, book.Currency, isDryRun || ledgerPath is null, ledgerPath, settings, t);
        await output.WriteAsync(context, report, loaded.Folder, file.FullName, rulesFile?.FullName).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static IDisposable? AcquireLock(DirectoryInfo? folder, bool dryRun, TimeSpan timeout, Localization.Texts t, CancellationToken cancellationToken)
    {
        if (dryRun || folder is null || !folder.Exists)
        {
            return null;
        }

        try
        {
            return WorkbookWriter.Lock(folder.FullName, timeout, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new UserInputException(EduFunds.Localization.Messages.Of(e, t.Culture), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(t.Format("error.cannotLock", folder, e.Message), e);
        }
    }

    /// <summary>Opens the export: a CSV file as it is, an .xlsx file as the CSV of its first sheet (numbers as stored, date cells as yyyy-MM-dd).</summary>
    private static Stream OpenExport(FileInfo file, Localization.Texts t)
    {
        if (!file.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return InputFile.OpenRead(file, t);
        }

        try
        {
            using var stream = InputFile.OpenRead(file, t);
            return new MemoryStream(Excel.XlsxSheets.FirstSheetAsCsv(stream), writable: false);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException(Localization.Texts.English.Format("error.exportUnreadable", file, e.Message), e);
        }
    }
}
