using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Model;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds validate [WORKBOOK]</c>: reads a workbook and either prints a summary (exit 0) or
/// lists every problem as <c>file:line:column: message</c> on stderr (exit 2).
/// </summary>
internal sealed class ValidateCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();

    private readonly Option<string> format = new("--format", "-f")
    {
        HelpName = "table|json",
    };

    /// <summary>Creates the command.</summary>
    public ValidateCommand()
        : base("validate")
    {
        Arguments.Add(workbook);
        format.AcceptOnlyFromAmong("table", "json");
        Options.Add(format);
        Examples.Add(new("edufunds validate"));
        Examples.Add(new("edufunds validate --lang zh-CN"));
        Examples.Add(new("edufunds validate 2> problems.txt"));
        Examples.Add(new("edufunds validate --format json"));
    }

    /// <inheritdoc />
    protected override Task<int> ExecuteAsync(CliContext context)
    {
        // The ledger is checked row by row as it is read, never held: memory does not grow with it.
        var options = LedgerReading.CheckOnly;
        if (context.GetValue(format) != "json")
        {
            var loaded = CommandInput.Resolve(context, context.GetValue(workbook), reading: options).Loaded;
            WriteSummary(context.Output, loaded, context.Texts, OutputOptions.StdoutWidth(context));
            return Task.FromResult(ExitCodes.Ok);
        }

        try
        {
            var loaded = CommandInput.Resolve(context, context.GetValue(workbook), reading: options).Loaded;
            WriteJson(context.Output, loaded.Label, loaded.Warnings, context.Texts);
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (InputValidationException e) when (e.Location is { } location)
        {
            WriteJson(context.Output, location, e.Issues, context.Texts);
            return Task.FromResult(ExitCodes.InvalidInput);
        }
    }

    /// <summary>
    /// Writes the problems as one JSON document: English keys, invariant numbers, the stable code
    /// and arguments of each problem, and its message in the language of the run.
    /// </summary>
    /// <param name="output">Standard output.</param>
    /// <param name="location">Where the workbook was read from.</param>
    /// <param name="issues">Every problem (errors and warnings).</param>
    /// <param name="t">The language of the messages.</param>
    internal static void WriteJson(TextWriter output, string location, IReadOnlyList<ValidationIssue> issues, Localization.Texts t)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var errors = issues.Count(i => i.Severity == IssueSeverity.Error);
            json.WriteStartObject();
            json.WriteString("workbook", location);
            json.WriteString("language", t.Language.Code);
            json.WriteBoolean("valid", errors == 0);
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", issues.Count - errors);
            json.WriteStartArray("issues");
            foreach (var issue in issues)
            {
                json.WriteStartObject();
                json.WriteString("file", issue.File);
                json.WriteNumber("line", issue.Line);
                json.WriteNumber("column", issue.Column);
                json.WriteString("severity", issue.Severity == IssueSeverity.Error ? "error" : "warning");
                json.WriteString("code", issue.Code);
                json.WriteStartArray("arguments");
                foreach (var argument in issue.Arguments)
                {
                    json.WriteStringValue(argument);
                }

                json.WriteEndArray();
                json.WriteString("message", issue.GetMessage(t.Culture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes the summary of a valid workbook.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="loaded">The workbook.</param>
    /// <param name="t">The texts (English when null).</param>
    /// <param name="width">The width to wrap each line to, under its label.</param>
    internal static void WriteSummary(TextWriter output, LoadedWorkbook loaded, Localization.Texts? t = null, int width = TableRenderer.DefaultWidth)
    {
        t ??= Localization.Texts.English;
        output = new LabelWrappingWriter(output, width);
        var w = loaded.Workbook;
        var c = CultureInfo.InvariantCulture;
        var start = t.Culture.DateTimeFormat.GetMonthName(w.FiscalYearStartMonth);
        output.WriteLine(t.Format("validate.workbook", w.Name, loaded.Label));
        output.WriteLine(t.Format("validate.currency", w.Currency.Code, w.Currency.MinorUnits, Output.Names.Of(w.Rounding)));
        output.WriteLine(t.Format("validate.years", w.Years.From, w.Years.To, w.Years.Count, start));
        output.WriteLine(t.Format(
            "validate.policy",
            w.Policy,
            w.FlagshipWeight.ToString(c),
            w.ShelveAfter,
            w.CarryOverPool ? t["validate.poolCarries"] : t["validate.poolLapses"]));
        output.WriteLine(t.Format("validate.streams", w.Streams.Count, w.Streams.Count(s => s.IsRestricted)));
        foreach (var kind in Enum.GetValues<StreamKind>())
        {
            var ofKind = w.Streams.Where(s => s.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var recurring = ofKind.Count(s => s.Recurrence == Recurrence.Recurring);
            output.WriteLine(t.Format("validate.kind", Output.Names.Human(kind, t), ofKind.Count, recurring, ofKind.Count - recurring));
        }

        var basic = w.Programs.Count(p => p.Category == ProgramCategory.Basic);
        output.WriteLine(t.Format("validate.programs", w.Programs.Count, basic, w.Programs.Count - basic));
        output.WriteLine(w.Scenarios.Count > 0
            ? t.Format("validate.scenarios", w.Scenarios.Count, string.Join(", ", w.Scenarios.Select(s => s.Name)))
            : t.Format("validate.noScenarios", 0));
        var ledger = loaded.Ledger;
        output.WriteLine(ledger.Entries == 0
            ? t["validate.noLedger"]
            : t.Format("validate.ledger", ledger.Entries, ledger.Receipts, ledger.Expenses));
        output.WriteLine(loaded.Warnings.Count == 0 ? t["validate.valid"] : t.Format("validate.validWithWarnings", loaded.Warnings.Count));
    }
}
