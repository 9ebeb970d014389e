using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Projection;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds compare</c>: scenarios side by side on the same years.</summary>
internal sealed class CompareCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string[]> scenarios = new("--scenario", "-s")
    {
        Description = "A scenario to compare; repeat for more. 'base' is the base case, which comes first unless you " +
                      "place it yourself or give --no-base. Default: the base case and every scenario of the workbook.",
        HelpName = "NAME",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<bool> noBase = new("--no-base")
    {
        Description = "Leave the base case out; the first scenario listed is then the one the others are compared with.",
    };

    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly OutputOptions output;
    private readonly YearWindow years;

    /// <summary>Creates the command.</summary>
    public CompareCommand()
        : base(
            "compare",
            "Compare scenarios side by side: each program's first stall and shelved year, and the money of each year " +
            "(streams, pool, allocated, stranded), with every difference from the first column marked.")
    {
        Arguments.Add(workbook);
        Options.Add(scenarios);
        Options.Add(noBase);
        Options.Add(policy);
        output = OutputOptions.AddTo(this, CompareReport.TableNames);
        years = YearWindow.AddTo(this);
        Examples.Add(new("edufunds compare", "the built-in example: the base case and every scenario"));
        Examples.Add(new("edufunds compare my-street -s deeper-cut -s viability-first", "base, then the two scenarios"));
        Examples.Add(new("edufunds compare my-street -s deeper-cut -s base", "base placed second: differences are from deeper-cut"));
        Examples.Add(new("edufunds compare my-street -s deeper-cut -f csv --table years", "money by year and scenario as CSV"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy));
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        var book = loaded.Workbook;
        var labels = ChooseScenarios(book, context.GetValue(scenarios) ?? [], context.GetValue(noBase), loaded.Description);

        var (first, last) = years.Resolve(context, book);

        var comparison = ScenarioComparison.Create(book, labels, policyOverride, context.CancellationToken);
        var compared = comparison.Names.Zip(comparison.Results, (label, result) => new ComparedProjection(label, result)).ToList();
        context.LoggerFactory.CreateLogger<CompareCommand>().LogDebug("Compared {Scenarios}", string.Join(", ", comparison.Names));

        var report = CompareReport.Build(compared, loaded.Description, first, last, context.Texts);
        report.Banner = loaded.Banner(context.Texts);
        await output.WriteAsync(context, report, loaded.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>The columns of the comparison, in order; the first is the reference.</summary>
    /// <param name="book">The workbook.</param>
    /// <param name="given">The --scenario values.</param>
    /// <param name="withoutBase">--no-base.</param>
    /// <param name="source">How the workbook is named in messages.</param>
    /// <returns>The labels ("base" or scenario names).</returns>
    /// <exception cref="UserInputException">Unknown or repeated scenario, or fewer than two columns.</exception>
    internal static List<string> ChooseScenarios(Workbooks.Workbook book, IReadOnlyList<string> given, bool withoutBase, string source)
    {
        var labels = new List<string>();
        if (given.Count == 0)
        {
            labels.AddRange(book.Scenarios.Select(s => s.Name));
        }
        else
        {
            foreach (var name in given)
            {
                ProjectionArguments.ResolveScenario(book, name, source);
                if (labels.Contains(name, StringComparer.Ordinal))
                {
                    throw new UserInputException($"--scenario {name} is given twice.");
                }

                labels.Add(name);
            }
        }

        if (withoutBase)
        {
            if (labels.Contains(ProjectionArguments.BaseName, StringComparer.Ordinal))
            {
                throw new UserInputException("--no-base cannot be combined with --scenario base.");
            }
        }
        else if (!labels.Contains(ProjectionArguments.BaseName, StringComparer.Ordinal))
        {
            labels.Insert(0, ProjectionArguments.BaseName);
        }

        if (labels.Count < 2)
        {
            throw new UserInputException(book.Scenarios.Count == 0
                ? $"the workbook {source} has no scenarios to compare; add one to its edufunds.json."
                : $"nothing to compare: give at least two of: {string.Join(", ", new[] { ProjectionArguments.BaseName }.Concat(book.Scenarios.Select(s => s.Name)))}.");
        }

        return labels;
    }
}
