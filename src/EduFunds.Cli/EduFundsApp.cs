using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using EduFunds.Cli.Infrastructure;

namespace EduFunds.Cli;

/// <summary>Builds the <c>edufunds</c> root command; tests parse and invoke it with captured output.</summary>
public static class EduFundsApp
{
    /// <summary>Creates the root command with every verb.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand()
    {
        var root = new EduFundsRootCommand(
            "EduFunds: funding and budget tracking for community education. " +
            "Projects recurring and one-off funding over the years, finds the programs at risk of stalling, " +
            "and tracks budget against actual money. Without WORKBOOK, commands use the built-in X Street example.");
        root.Options.Add(GlobalOptions.CreateVerbosityOption());
        root.Subcommands.Add(new Commands.ValidateCommand());
        root.Subcommands.Add(new Commands.InitCommand());
        root.Subcommands.Add(new Commands.TrackCommand());
        root.Subcommands.Add(new Commands.ImportCommand());
        root.Subcommands.Add(new Commands.ExportCommand());
        root.Subcommands.Add(new Commands.RiskCommand());
        root.Subcommands.Add(new Commands.SimulateCommand());
        root.Subcommands.Add(new Commands.ReportCommand());
        root.Subcommands.Add(new Commands.ChartCommand());
        root.Examples.Add(new("edufunds validate", "check the built-in X Street example workbook"));
        root.Examples.Add(new("edufunds init my-street", "write the example workbook into my-street/ to edit"));
        root.Examples.Add(new("edufunds project my-street", "project every program's funding year by year"));
        root.Examples.Add(new("edufunds allocate my-street --year 2025", "who gets what in one year"));
        root.Examples.Add(new("edufunds compare my-street -s viability-first", "a scenario next to the base case"));
        root.Examples.Add(new("edufunds <command> --help", "show a command's options and examples"));

        root.Subcommands.Add(new Commands.ProjectCommand());
        root.Subcommands.Add(new Commands.AllocateCommand());
        root.Subcommands.Add(new Commands.CompareCommand());

        AddHelpExamples(root);
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="configuration">Output streams (tests pass their own).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        var root = CreateRootCommand();
        return await root.Parse(args).InvokeAsync(configuration ?? new InvocationConfiguration());
    }

    private static void AddHelpExamples(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithExamplesAction(help);
            }
        }
    }

    /// <summary>The standard help followed by the command's examples.</summary>
    private sealed class HelpWithExamplesAction(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => help.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            var result = help.Invoke(parseResult);
            if (parseResult.CommandResult.Command is IHasExamples { Examples.Count: > 0 } withExamples)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                var width = withExamples.Examples.Max(e => e.CommandLine.Length);
                foreach (var example in withExamples.Examples)
                {
                    output.WriteLine($"  {example.CommandLine.PadRight(width)}  # {example.Explanation}");
                }

                output.WriteLine();
            }

            return result;
        }
    }

    private sealed class EduFundsRootCommand(string description) : RootCommand(description), IHasExamples
    {
        public IList<CommandExample> Examples { get; } = new List<CommandExample>();
    }
}
