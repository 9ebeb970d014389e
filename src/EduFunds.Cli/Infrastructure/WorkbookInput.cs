using System.CommandLine;
using EduFunds.IO;
using EduFunds.Model;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Infrastructure;

/// <summary>A workbook a command works on, and where it came from.</summary>
/// <param name="Workbook">The valid workbook.</param>
/// <param name="Folder">The workbook folder, or null for the built-in X Street example.</param>
/// <param name="Warnings">Warnings found while reading (unknown columns and keys).</param>
/// <param name="Encoding">The encoding the workbook's CSV files were read in when one was named (edufunds.json or --workbook-encoding), else null (UTF-8).</param>
internal sealed record LoadedWorkbook(Workbook Workbook, string? Folder, IReadOnlyList<ValidationIssue> Warnings, string? Encoding = null)
{
    /// <summary>Creates a loaded workbook without warnings.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="folder">The folder, or null for the built-in example.</param>
    public LoadedWorkbook(Workbook workbook, string? folder)
        : this(workbook, folder, [])
    {
    }

    /// <summary>Where the workbook's files are (to stream its ledger a second time), or null when not known.</summary>
    public IWorkbookFileSource? Source { get; init; }

    /// <summary>What its ledger held (also when the ledger was streamed rather than kept).</summary>
    public LedgerSummary Ledger { get; init; } = new(Workbook.Ledger.Count, Workbook.Ledger.Count(e => e.Type == LedgerEntryType.Receipt));

    /// <summary>True for the built-in X Street example.</summary>
    public bool IsBuiltIn => Folder is null;

    /// <summary>How the workbook is named in messages: its folder or "the built-in X Street example".</summary>
    public string Description => Folder ?? WorkbookInput.BuiltInDescription;

    /// <summary>
    /// How reports name the workbook's source: the folder's own name (never a path, so a report
    /// does not depend on where the workbook lies) or "the built-in X Street example".
    /// </summary>
    public string Label => Folder is null ? WorkbookInput.BuiltInDescription : WorkbookInput.LabelOf(Folder);
}

/// <summary>The optional <c>[WORKBOOK]</c> argument of every command, and loading it.</summary>
internal static class WorkbookInput
{
    /// <summary>How the built-in example is named in messages.</summary>
    public const string BuiltInDescription = "the built-in X Street example";

    /// <summary>The prefix of the example's files embedded in the CLI assembly.</summary>
    public const string ExampleResourcePrefix = "EduFunds.Cli.Example.";

    /// <summary>The files of the built-in example, in the order <c>edufunds init</c> writes them.</summary>
    public static IReadOnlyList<string> ExampleFiles { get; } =
        [WorkbookFiles.Settings, WorkbookFiles.Streams, WorkbookFiles.Programs, WorkbookFiles.Ledger, "README.md"];

    /// <summary>Creates the optional <c>WORKBOOK</c> argument (a workbook folder; default: the built-in example).</summary>
    /// <returns>The argument.</returns>
    public static Argument<DirectoryInfo?> CreateArgument()
    {
        var argument = new Argument<DirectoryInfo?>("workbook")
        {
            Description = "The workbook folder (edufunds.json, streams.csv, programs.csv, optional ledger.csv). " +
                          "Without it, the built-in X Street example is used.",
            HelpName = "WORKBOOK",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => null,
        };

        // An unknown option would otherwise be taken for a folder name; a folder that really starts
        // with '-' can still be given as ./-name.
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: ['-', _, ..] value }])
            {
                result.AddError($"Unrecognized option '{value}'. See --help for the options of this command.");
            }
        });
        return argument;
    }

    /// <summary>The last name of a folder or file path ("district" for "/data/x/district/"), how reports name a workbook.</summary>
    /// <param name="path">The path as given.</param>
    /// <returns>The name.</returns>
    public static string LabelOf(string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(path);
        var name = Path.GetFileName(trimmed);
        if (name.Length == 0 || name == "." || name == "..")
        {
            name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)));
        }

        return name.Length == 0 ? path : name;
    }

    /// <summary>The built-in example's files as a workbook source.</summary>
    /// <returns>The source.</returns>
    public static IWorkbookFileSource BuiltInSource() =>
        WorkbookFileSource.FromResources(typeof(WorkbookInput).Assembly, ExampleResourcePrefix, BuiltInDescription);

    /// <summary>Opens a file of the built-in example (also the README, which is not part of the workbook).</summary>
    /// <param name="fileName">The file name.</param>
    /// <returns>The stream.</returns>
    public static Stream OpenExampleFile(string fileName) => BuiltInSource().Open(fileName);

    /// <summary>
    /// Loads the workbook in <paramref name="folder"/>, or the built-in X Street example when it is
    /// null (saying so on <paramref name="error"/>). Warnings are written to <paramref name="error"/>
    /// as <c>file:line:column: warning: message</c>.
    /// </summary>
    /// <param name="folder">The workbook folder, or null.</param>
    /// <param name="error">Standard error, for the note about the built-in example and the warnings.</param>
    /// <param name="loggerFactory">Loggers for the reader; optional.</param>
    /// <param name="encoding">The encoding of the CSV files (<c>--workbook-encoding</c>), or null for the workbook's own setting.</param>
    /// <param name="options">How to read the ledger (kept by default, or streamed).</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="UserInputException">The folder does not exist or holds no workbook.</exception>
    /// <exception cref="WorkbookValidationException">The workbook is invalid; every problem is listed.</exception>
    public static LoadedWorkbook Load(
        DirectoryInfo? folder,
        TextWriter error,
        ILoggerFactory? loggerFactory = null,
        string? encoding = null,
        WorkbookReadOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        options ??= WorkbookReadOptions.Default;
        var reader = new WorkbookReader(loggerFactory?.CreateLogger<WorkbookReader>()) { Encoding = encoding };
        if (folder is null)
        {
            error.WriteLine("edufunds: no WORKBOOK given; using the built-in X Street example (write it to a folder with `edufunds init DIR`).");
            var builtIn = BuiltInSource();
            var example = reader.Read(builtIn, options, cancellationToken);
            return new LoadedWorkbook(example, null, reader.LastWarnings) { Source = builtIn, Ledger = reader.LastLedgerSummary };
        }

        var path = folder.FullName;
        if (File.Exists(path) && Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return LoadXlsx(folder.ToString(), reader, error, cancellationToken, options);
        }

        if (File.Exists(path))
        {
            throw new UserInputException(
                $"'{folder}' is a file; WORKBOOK is a folder holding {WorkbookFiles.Settings}, {WorkbookFiles.Streams} and {WorkbookFiles.Programs}, or an .xlsx workbook file.");
        }

        if (!Directory.Exists(path))
        {
            throw new UserInputException(
                $"the workbook folder '{folder}' does not exist; create one with `edufunds init {folder}`.");
        }

        if (!File.Exists(Path.Combine(path, WorkbookFiles.Settings)))
        {
            throw new UserInputException(
                $"'{folder}' holds no workbook ({WorkbookFiles.Settings} is missing); create one with `edufunds init {folder}`.");
        }

        var source = WorkbookFileSource.FromFolder(folder.ToString());
        var workbook = reader.Read(source, options, cancellationToken);
        var warnings = reader.LastWarnings;
        foreach (var warning in warnings)
        {
            error.WriteLine(Output.CellFormat.Printable((warning with { File = Path.Combine(folder.ToString(), warning.File) }).ToString()));
        }

        return new LoadedWorkbook(workbook, folder.ToString(), warnings, reader.LastEncoding) { Source = source, Ledger = reader.LastLedgerSummary };
    }

    /// <summary>Loads a workbook kept as one .xlsx file; problems name their sheet and cell (<c>programs!E7</c>).</summary>
    /// <param name="file">The file as given.</param>
    /// <param name="reader">The workbook reader.</param>
    /// <param name="error">Standard error, for the warnings.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="options">How to read the ledger (kept by default, or streamed).</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="UserInputException">The file is not a workbook, or the workbook is invalid (every problem in <see cref="UserInputException.Details"/>).</exception>
    internal static LoadedWorkbook LoadXlsx(string file, WorkbookReader reader, TextWriter error, CancellationToken cancellationToken, WorkbookReadOptions? options = null)
    {
        var source = OpenXlsx(file);
        try
        {
            var workbook = reader.Read(source, options ?? WorkbookReadOptions.Default, cancellationToken);
            foreach (var warning in reader.LastWarnings)
            {
                error.WriteLine(source.Describe(warning));
            }

            return new LoadedWorkbook(workbook, file, reader.LastWarnings) { Source = source, Ledger = reader.LastLedgerSummary };
        }
        catch (WorkbookValidationException e)
        {
            throw new UserInputException($"the workbook file {file} is invalid: {e.Issues.Count(i => i.Severity == IssueSeverity.Error)} problem(s).")
            {
                Details = e.Issues.Select(source.Describe).ToArray(),
            };
        }
    }

    /// <summary>Opens an .xlsx workbook file as a workbook source.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The source.</returns>
    /// <exception cref="UserInputException">It cannot be read or is not a workbook.</exception>
    internal static Excel.XlsxWorkbookSource OpenXlsx(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Excel.XlsxWorkbookSource.Read(stream, file);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException($"cannot read the workbook file {file}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot read the workbook file {file}: {e.Message}", e);
        }
    }
}
