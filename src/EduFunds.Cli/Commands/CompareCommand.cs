using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
using EduFunds.Model;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds compare</c>: scenarios side by side on the same years.</summary>
internal sealed class CompareCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string[]> scenarios = new("--scenario", "-s")
    {
        HelpName = "NAME",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<bool> noBase = new("--no-base")
    {
    };

    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly OutputOptions output;
    private readonly YearWindow years;

    /// <summary>Creates the command.</summary>
    public CompareCommand()
        : base("compare")
    {
        Arguments.Add(workbook);
        Options.Add(scenarios);
        Options.Add(noBase);
        Options.Add(policy);
        output = OutputOptions.AddTo(this, CompareReport.TableNames);
        years = YearWindow.AddTo(this);
        Examples.Add(new("edufunds compare"));
        Examples.Add(new("edufunds compare -s deeper-cut -s viability-first"));
        Examples.Add(new("edufunds compare -s deeper-cut -s base"));
        Examples.Add(new("edufunds compare -s deeper-cut -f csv --table years"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var input = CommandInput.Resolve(context, context.GetValue(workbook), policy: context.GetValue(policy));
        var book = input.Workbook;
        var labels = ChooseScenarios(book, context.GetValue(scenarios) ?? [], context.GetValue(noBase), input.Description, context.Texts);

        var (first, last) = years.Resolve(context, book);

        var comparison = ScenarioComparison.Create(book, labels, input.PolicyOverride, context.CancellationToken);
        var compared = comparison.Names.Zip(comparison.Results, (label, result) => new ComparedProjection(label, result)).ToList();
        var logger = context.LoggerFactory.CreateLogger<CompareCommand>();
        CliLog.Compared(logger, comparison.Names);

        var report = CompareReport.Build(compared, input.Label, first, last, context.Texts);
        report.Banner = input.Banner(context.Texts);
        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The columns of the comparison, in order; the first is the reference.</summary>
    /// <param name="book">The workbook.</param>
    /// <param name="given">The --scenario values.</param>
    /// <param name="withoutBase">--no-base.</param>
    /// <param name="source">How the workbook is named in messages.</param>
    /// <param name="t">The texts of the messages (English when null).</param>
    /// <returns>The labels ("base" or scenario names).</returns>
    /// <exception cref="UserInputException">Unknown or repeated scenario, or fewer than two columns.</exception>
    internal static List<string> ChooseScenarios(Workbook book, IReadOnlyList<string> given, bool withoutBase, string source, Localization.Texts? t = null)
    {
        t ??= Localization.Texts.English;
        var labels = new List<string>();
        if (given.Count == 0)
        {
            labels.AddRange(book.Scenarios.Select(s => s.Name));
        }
        else
        {
            foreach (var name in given)
            {
                ProjectionArguments.ResolveScenario(book, name, source, t);
                if (labels.Contains(name, StringComparer.Ordinal))
                {
                    throw new UserInputException(t.Format("error.scenarioTwice", name));
                }

                labels.Add(name);
            }
        }

        if (withoutBase)
        {
            if (labels.Contains(ProjectionArguments.BaseName, StringComparer.Ordinal))
            {
                throw new UserInputException(t["error.noBaseWithBase"]);
            }
        }
        else if (!labels.Contains(ProjectionArguments.BaseName, StringComparer.Ordinal))
        {
            labels.Insert(0, ProjectionArguments.BaseName);
        }

        if (labels.Count < 2)
        {
            throw new UserInputException(book.Scenarios.Count == 0
                ? t.Format("error.noScenarios", source)
                : t.Format("error.nothingToCompare", string.Join(", ", new[] { ProjectionArguments.BaseName }.Concat(book.Scenarios.Select(s => s.Name)))));
        }

        return labels;
    }
}
