using System.CommandLine;
using EduFunds.Cli.Localization;
using EduFunds.IO;
using EduFunds.Model;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Infrastructure;

/// <summary>What a workbook's ledger held.</summary>
/// <param name="Entries">Entries (rows) read.</param>
/// <param name="Receipts">Of them, receipts; the rest are expenses.</param>
internal sealed record LedgerSummary(long Entries, long Receipts)
{
    /// <summary>Expenses.</summary>
    public long Expenses => Entries - Receipts;

    /// <summary>What the ledger of the reader's last read held.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The summary.</returns>
    public static LedgerSummary Of(WorkbookReader reader) => new(reader.LastLedgerEntryCount, reader.LastLedgerReceiptCount);
}

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

    /// <summary>The ledger summed as it was read (<see cref="LedgerReading.SumThrough"/>), else null.</summary>
    public Tracking.LedgerTotals? LedgerTotals { get; init; }

    /// <summary>What its ledger held (also when the ledger was streamed rather than kept).</summary>
    public LedgerSummary Ledger { get; init; } = new(Workbook.Ledger.Count, Workbook.Ledger.Count(e => e.Type == LedgerEntryType.Receipt));

    /// <summary>True for the built-in X Street example.</summary>
    public bool IsBuiltIn => Folder is null;

    /// <summary>How the workbook is named in messages and settings: its folder or "the built-in X Street example" in the run's language.</summary>
    public string Description { get; init; } = Folder ?? WorkbookInput.BuiltInDescription;

    /// <summary>True when the workbook is the one in the current folder (no WORKBOOK given).</summary>
    public bool FromCurrentFolder { get; init; }

    /// <summary>The first line of a report on the built-in example, saying so; null for a workbook folder.</summary>
    /// <param name="t">The texts.</param>
    /// <returns>The line or null.</returns>
    public string? Banner(Texts t) => IsBuiltIn ? t["workbook.banner.builtIn"] : null;

    /// <summary>
    /// How reports name the workbook's source: the folder's own name (never a path, so a report
    /// does not depend on where the workbook lies) or "the built-in X Street example" in the run's language.
    /// </summary>
    public string Label => Folder is null ? Description : WorkbookInput.LabelOf(Folder);
}

/// <summary>The optional <c>[WORKBOOK]</c> argument of every command, and loading it.</summary>
internal static class WorkbookInput
{
    /// <summary>How the built-in example's files are located in validation messages (a path-like name, not prose).</summary>
    public const string BuiltInDescription = "x-street (built-in)";

    /// <summary>The prefix of the example's files embedded in the CLI assembly.</summary>
    public const string ExampleResourcePrefix = "EduFunds.Cli.Example.";


    /// <summary>Creates the optional <c>WORKBOOK</c> argument (a workbook folder; default: the current folder, else the built-in example).</summary>
    /// <param name="t">The texts of the help (English when null).</param>
    /// <returns>The argument.</returns>
    public static Argument<DirectoryInfo?> CreateArgument(Texts? t = null)
    {
        t ??= Texts.English;
        var argument = new Argument<DirectoryInfo?>("workbook")
        {
            Description = t["argument.workbook"],
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
                result.AddError(ParseTexts.Of(result).Format("argument.unknownOption", value));
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

    /// <summary>
    /// The built-in example's files as a workbook source, in a language: in Chinese its
    /// <c>edufunds.json</c> is <c>edufunds.zh-CN.json</c> (the same settings and numbers, the
    /// street's name and the scenarios' descriptions in Chinese); the CSV files are the same.
    /// </summary>
    /// <param name="language">The language of the example's text (English when null).</param>
    /// <returns>The source.</returns>
    public static IWorkbookFileSource BuiltInSource(UiLanguage? language = null)
    {
        var source = IWorkbookFileSource.FromResources(typeof(WorkbookInput).Assembly, ExampleResourcePrefix, BuiltInDescription);
        return language is { IsChinese: true } ? new TranslatedExample(source, language.Code) : source;
    }

    /// <summary>Opens a file of the built-in example in a language (also the README, which is not part of the workbook).</summary>
    /// <param name="fileName">The file name.</param>
    /// <param name="language">The language of the example's text (English when null).</param>
    /// <returns>The stream.</returns>
    public static Stream OpenExampleFile(string fileName, UiLanguage? language = null) => BuiltInSource(language).Open(fileName);

    /// <summary>The example with the files that have a translation (<c>NAME.zh-CN.EXT</c>) read from it.</summary>
    private sealed class TranslatedExample(IWorkbookFileSource inner, string code) : IWorkbookFileSource
    {
        public string Location => inner.Location;

        public bool Exists(string fileName) => inner.Exists(fileName);

        public Stream Open(string fileName)
        {
            var translated = Path.GetFileNameWithoutExtension(fileName) + "." + code + Path.GetExtension(fileName);
            return inner.Open(inner.Exists(translated) ? translated : fileName);
        }
    }

    /// <summary>
    /// Loads the workbook in <paramref name="folder"/>; without one, the workbook in the current
    /// folder when it holds an <c>edufunds.json</c> (that folder only, not its parents), else the
    /// built-in X Street example (saying so on stderr). Warnings are written to stderr as
    /// <c>file:line:column: warning: message</c>.
    /// </summary>
    /// <param name="context">The command's context (stderr, language, current folder, logging, cancellation).</param>
    /// <param name="folder">The workbook folder, or null.</param>
    /// <param name="encoding">The encoding of the CSV files (<c>--workbook-encoding</c>), or null for the workbook's own setting.</param>
    /// <param name="reading">How to read the ledger (kept by default, streamed or summed).</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="UserInputException">The folder does not exist or holds no workbook.</exception>
    /// <exception cref="InputValidationException">The workbook is invalid; every problem is listed.</exception>
    public static LoadedWorkbook Load(CliContext context, DirectoryInfo? folder, string? encoding = null, LedgerReading? reading = null)
    {
        var t = context.Texts;
        var error = context.Error;
        reading ??= LedgerReading.Keep;
        var reader = reading.CreateReader(context.LoggerFactory.CreateLogger<WorkbookReader>(), encoding);
        var fromCurrentFolder = false;
        if (folder is null)
        {
            var here = context.Environment.CurrentDirectory();
            if (File.Exists(Path.Combine(here, IWorkbookFileSource.SettingsFileName)))
            {
                folder = new DirectoryInfo(here);
                fromCurrentFolder = true;
            }
            else
            {
                error.WriteLine(t.Format("workbook.usingBuiltIn", IWorkbookFileSource.SettingsFileName));
                var builtIn = BuiltInSource(t.Language);
                var example = reading.Read(reader, builtIn, context.CancellationToken, out var exampleTotals);
                return new LoadedWorkbook(example, null, reader.LastWarnings)
                {
                    Description = t["workbook.builtIn"],
                    Source = builtIn,
                    Ledger = LedgerSummary.Of(reader),
                    LedgerTotals = exampleTotals,
                };
            }
        }

        var path = folder.FullName;
        if (File.Exists(path) && Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return LoadXlsx(folder.ToString(), reader, error, context.CancellationToken, t, reading);
        }

        if (File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is not null && !LinkResolves(new FileInfo(path)))
        {
            throw new UserInputException(t.Format("error.inputBrokenLink", folder));
        }

        if (File.Exists(path))
        {
            throw new UserInputException(t.Format("workbook.isFile", folder, IWorkbookFileSource.SettingsFileName, IWorkbookFileSource.StreamsFileName, IWorkbookFileSource.ProgramsFileName));
        }

        if (!Directory.Exists(path))
        {
            var near = NearMisses(path);
            throw new UserInputException(near.Count > 0
                ? t.Format("workbook.missing.didYouMean", folder, t.List(near))
                : t.Format("workbook.missing", folder));
        }

        if (!File.Exists(Path.Combine(path, IWorkbookFileSource.SettingsFileName)))
        {
            throw new UserInputException(t.Format("workbook.noSettings", folder, IWorkbookFileSource.SettingsFileName));
        }

        var shown = fromCurrentFolder ? path : folder.ToString();
        var source = IWorkbookFileSource.FromFolder(shown);
        var workbook = reading.Read(reader, source, context.CancellationToken, out var totals);
        var warnings = reader.LastWarnings;
        foreach (var warning in warnings)
        {
            error.WriteLine(Output.CellFormat.Printable((warning with { File = Path.Combine(shown, warning.File) }).ToString(t.Culture)));
        }

        return new LoadedWorkbook(workbook, shown, warnings, reader.LastEncoding) { FromCurrentFolder = fromCurrentFolder, Source = source, Ledger = LedgerSummary.Of(reader), LedgerTotals = totals };
    }

    /// <summary>
    /// Loads the workbook in <paramref name="folder"/> or, without one, in the current folder;
    /// never the built-in example (for commands that write into the workbook).
    /// </summary>
    /// <param name="context">The command's context.</param>
    /// <param name="folder">The workbook folder, or null.</param>
    /// <param name="option">The option that names the folder, for the message.</param>
    /// <param name="reading">How to read the ledger (kept by default, streamed or summed).</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="UserInputException">No workbook folder given and none here.</exception>
    public static LoadedWorkbook LoadFolder(CliContext context, DirectoryInfo? folder, string option, LedgerReading? reading = null)
    {
        if (folder is null && !File.Exists(Path.Combine(context.Environment.CurrentDirectory(), IWorkbookFileSource.SettingsFileName)))
        {
            throw new UserInputException(context.Texts.Format("workbook.noneHere", IWorkbookFileSource.SettingsFileName, option));
        }

        return Load(context, folder, GlobalOptions.GetWorkbookEncoding(context.ParseResult), reading);
    }

    /// <summary>Sibling folders whose names are close to the one asked for (a typo, another case).</summary>
    /// <param name="path">The full path that does not exist.</param>
    /// <returns>Up to three folder paths, closest first, as the user would type them.</returns>
    internal static List<string> NearMisses(string path)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(path);
        var parent = Path.GetDirectoryName(trimmed);
        var name = Path.GetFileName(trimmed);
        if (parent is null || name.Length == 0 || !Directory.Exists(parent))
        {
            return [];
        }

        var limit = Math.Max(2, name.Length / 3);
        var candidates = new List<(int Distance, string Name)>();
        try
        {
            foreach (var sibling in Directory.EnumerateDirectories(parent))
            {
                var other = Path.GetFileName(sibling);
                var distance = Distance(name.ToLowerInvariant(), other.ToLowerInvariant());
                var related = other.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(other, StringComparison.OrdinalIgnoreCase);
                if (distance <= limit || (related && Math.Min(name.Length, other.Length) >= 3))
                {
                    candidates.Add((distance, other));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var shownParent = Path.GetRelativePath(Directory.GetCurrentDirectory(), parent);
        return candidates
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => shownParent == "." ? c.Name : Path.Combine(shownParent, c.Name))
            .ToList();
    }

    /// <summary>The edit distance (insertions, deletions, substitutions) between two texts.</summary>
    /// <param name="a">One text.</param>
    /// <param name="b">The other.</param>
    /// <returns>The distance.</returns>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Loads a workbook kept as one .xlsx file; problems name their sheet and cell (<c>programs!E7</c>).</summary>
    /// <param name="file">The file as given.</param>
    /// <param name="reader">The workbook reader (made by <paramref name="reading"/>'s <see cref="LedgerReading.CreateReader"/>).</param>
    /// <param name="error">Standard error, for the warnings.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <param name="t">The texts of the messages (English when null).</param>
    /// <param name="reading">How to read the ledger (kept by default, streamed or summed).</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="UserInputException">The file is not a workbook, or the workbook is invalid (every problem in <see cref="UserInputException.Details"/>).</exception>
    internal static LoadedWorkbook LoadXlsx(string file, WorkbookReader reader, TextWriter error, CancellationToken cancellationToken, Texts? t = null, LedgerReading? reading = null)
    {
        var source = OpenXlsx(file, t);
        try
        {
            var workbook = (reading ?? LedgerReading.Keep).Read(reader, source, cancellationToken, out var totals);
            foreach (var warning in reader.LastWarnings)
            {
                error.WriteLine(source.Describe(warning, t ?? Texts.English));
            }

            return new LoadedWorkbook(workbook, file, reader.LastWarnings) { Source = source, Ledger = LedgerSummary.Of(reader), LedgerTotals = totals };
        }
        catch (InputValidationException e) when (e.Location is not null)
        {
            throw new UserInputException((t ?? Texts.English).Format("workbook.xlsxInvalid", file, e.Issues.Count(i => i.Severity == IssueSeverity.Error)))
            {
                Details = e.Issues.Select(i => source.Describe(i, t ?? Texts.English)).ToArray(),
            };
        }
    }

    private static bool LinkResolves(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
        }
        catch (IOException)
        {
            return false; // too many levels of links: a loop
        }
    }

    /// <summary>Opens an .xlsx workbook file as a workbook source.</summary>
    /// <param name="file">The file.</param>
    /// <param name="t">The texts of the messages (English when null).</param>
    /// <returns>The source.</returns>
    /// <exception cref="UserInputException">It cannot be read or is not a workbook.</exception>
    internal static Excel.XlsxWorkbookSource OpenXlsx(string file, Texts? t = null)
    {
        try
        {
            using var stream = InputFile.OpenRead(new FileInfo(file), t ?? Texts.English);
            return Excel.XlsxWorkbookSource.Read(stream, file);
        }
        catch (InvalidDataException e)
        {
            throw new UserInputException((t ?? Texts.English).Format("workbook.xlsxUnreadable", file, e.Message), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException((t ?? Texts.English).Format("workbook.xlsxUnreadable", file, e.Message), e);
        }
    }
}
