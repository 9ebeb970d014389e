using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.IO;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds init [DIR] [--empty] [--force]</c>: writes the X Street example workbook, or a
/// minimal one to fill in, into a folder (default: the current folder) for a user to edit.
/// Refuses to overwrite existing files unless <c>--force</c> is given.
/// </summary>
internal sealed class InitCommand : EduFundsCommand
{
    private readonly TimeProvider clock;

    private readonly Argument<DirectoryInfo?> directory = new("dir")
    {
        HelpName = "DIR",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => null,
    };

    private readonly Option<bool> force = new("--force", "-f");

    private readonly Option<bool> empty = new("--empty");

    /// <summary>Creates the command.</summary>
    private readonly Option<FileInfo?> xlsx = new("--xlsx")
    {
        HelpName = "FILE",
    };

    /// <param name="clock">The clock whose year starts the empty workbook's years (tests pass a fixed one).</param>
    public InitCommand(TimeProvider? clock = null)
        : base("init")
    {
        this.clock = clock ?? TimeProvider.System;
        Arguments.Add(directory);
        Options.Add(empty);
        Options.Add(force);
        Options.Add(xlsx);
        Examples.Add(new("edufunds init my-street"));
        Examples.Add(new("edufunds init"));
        Examples.Add(new("edufunds init my-street --empty"));
        Examples.Add(new("edufunds init my-street --force"));
    }

    /// <summary>The files of the X Street example that <c>init</c> writes (its README links into the repository, so it stays behind).</summary>
    public static IReadOnlyList<string> ExampleFiles { get; } =
        [IWorkbookFileSource.SettingsFileName, IWorkbookFileSource.StreamsFileName, IWorkbookFileSource.ProgramsFileName, IWorkbookFileSource.LedgerFileName];

    /// <summary>The files of the empty workbook.</summary>
    public static IReadOnlyList<string> EmptyFiles { get; } = [IWorkbookFileSource.SettingsFileName, IWorkbookFileSource.StreamsFileName, IWorkbookFileSource.ProgramsFileName];

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        if (context.GetValue(xlsx) is { } workbookFile)
        {
            return await WriteXlsxAsync(context, workbookFile).ConfigureAwait(false);
        }

        var t = context.Texts;
        var target = context.GetValue(directory)?.FullName ?? context.Environment.CurrentDirectory();
        var shown = context.GetValue(directory)?.ToString() ?? ".";
        if (File.Exists(target))
        {
            throw new UserInputException(t.Format("init.isFile", shown));
        }

        var isEmpty = context.GetValue(empty);
        var names = isEmpty ? EmptyFiles : ExampleFiles;
        var existing = names.Where(f => File.Exists(Path.Combine(target, f))).ToList();
        if (existing.Count > 0 && !context.GetValue(force))
        {
            throw new UserInputException(t.Format(existing.Count == 1 ? "init.existsOne" : "init.exists", t.List(existing), shown));
        }

        var files = new List<(string Name, byte[] Content)>();
        if (isEmpty)
        {
            files.AddRange(EmptyWorkbook(t, clock.GetUtcNow().Year));
        }
        else
        {
            foreach (var name in names)
            {
                await using var stream = WorkbookInput.OpenExampleFile(name, context.Language);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, context.CancellationToken).ConfigureAwait(false);
                files.Add((name, buffer.ToArray()));
            }
        }

        try
        {
            Directory.CreateDirectory(target);
            AtomicFiles.WriteAll(target, files, context.CancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(t.Format("init.cannotWrite", shown, e.Message), e);
        }

        await context.Output.WriteLineAsync(t.Format(isEmpty ? "init.wroteEmpty" : "init.wrote", shown, string.Join(", ", files.Select(f => f.Name)))).ConfigureAwait(false);
        await context.Output.WriteLineAsync(t.Format("init.next", shown == "." ? "edufunds validate" : $"edufunds validate {shown}")).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// A workbook with one recurring stream and one program and no ledger, over five years from
    /// <paramref name="firstYear"/>, named in the user's language.
    /// </summary>
    /// <param name="t">The texts (names of the stream and program).</param>
    /// <param name="firstYear">The first fiscal year.</param>
    /// <returns>The files.</returns>
    internal static List<(string Name, byte[] Content)> EmptyWorkbook(Localization.Texts t, int firstYear)
    {
        var utf8 = new UTF8Encoding(false);
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("name", t["init.empty.workbook"]);
            writer.WriteString("currency", "CNY");
            writer.WriteNumber("fiscalYearStartMonth", 1);
            writer.WriteStartObject("years");
            writer.WriteNumber("from", firstYear);
            writer.WriteNumber("to", firstYear + 4);
            writer.WriteEndObject();
            writer.WriteString("policy", "proportional");
            writer.WriteNumber("shelveAfter", 2);
            writer.WriteBoolean("carryOverPool", false);
            writer.WriteStartObject("monteCarlo");
            writer.WriteNumber("runs", 10000);
            writer.WriteNumber("seed", 1);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        json.WriteByte((byte)'\n');
        var year = firstYear.ToString(CultureInfo.InvariantCulture);
        var streams = string.Join(
            "\n",
            "id,name,kind,recurrence,amount,start_year,end_year,annual_change,restricted_to,renewal_probability,amount_cv",
            string.Join(",", "DG-01", t["init.empty.stream"], "district-grant", "recurring", "500000.00", year, string.Empty, "0", string.Empty, "1", "0"),
            string.Empty);
        var programs = string.Join(
            "\n",
            "id,name,category,community,cost,cost_change,min_funding_ratio,priority,start_year,end_year,participants",
            string.Join(",", "P-01", t["init.empty.program"], "basic", string.Empty, "400000.00", "0", "0.6", "1", year, string.Empty, string.Empty),
            string.Empty);
        return
        [
            (IWorkbookFileSource.SettingsFileName, json.ToArray()),
            (IWorkbookFileSource.StreamsFileName, utf8.GetBytes(streams)),
            (IWorkbookFileSource.ProgramsFileName, utf8.GetBytes(programs)),
        ];
    }

    private async Task<int> WriteXlsxAsync(CliContext context, FileInfo file)
    {
        if (context.GetValue(directory) is not null)
        {
            throw new UserInputException(context.Texts["init.xlsxOrDir"]);
        }

        var target = OutputFile.CheckTarget(file.FullName, [], context.Texts);
        if (File.Exists(target) && !context.GetValue(force))
        {
            throw new UserInputException(context.Texts.Format("init.xlsxExists", file));
        }

        var bytes = Excel.XlsxWorkbookWriter.Write(WorkbookInput.BuiltInSource(context.Language));
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken, context.Texts).ConfigureAwait(false);
        await context.Output.WriteLineAsync(context.Texts.Format("init.wroteXlsx", file)).ConfigureAwait(false);
        await context.Output.WriteLineAsync(context.Texts.Format("init.nextXlsx", file)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
