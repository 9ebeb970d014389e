using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Localization;

namespace EduFunds.Cli;

/// <summary>Builds the <c>edufunds</c> root command; tests parse and invoke it with captured output.</summary>
public static class EduFundsApp
{
    /// <summary>
    /// How the command line is parsed: no response files, so that an argument starting with
    /// <c>@</c> (a scenario named <c>@2026</c>, a file <c>@home.csv</c>) is taken as written and
    /// never replaced by the lines of a file.
    /// </summary>
    internal static ParserConfiguration Parsing { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>Creates the root command with every verb, its help in English.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand() => CreateRootCommand(UiLanguage.English, CliEnvironment.Process);

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="configuration">Output streams (tests pass their own).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null) =>
        RunAsync(args, configuration, CliEnvironment.Process);

    /// <summary>Parses and runs a command line in an environment (tests pass their own variables and folder).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="configuration">Output streams.</param>
    /// <param name="environment">Variables and the current folder.</param>
    /// <returns>The exit code.</returns>
    internal static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration, CliEnvironment environment)
    {
        // The language is needed before parsing: help and descriptions are built in it.
        var language = LanguageChoice.Resolve(
            UiLanguage.TryParse(LanguageChoice.Prescan(args), out _) ? LanguageChoice.Prescan(args) : null,
            environment).Language;
        var root = CreateRootCommand(language, environment);
        var previousUiCulture = CultureInfo.CurrentUICulture;
        try
        {
            // System.CommandLine's own words (Usage, Options, parse errors) follow the chosen language.
            CultureInfo.CurrentUICulture = language.Culture;
            var parseResult = root.Parse(args, Parsing);
            configuration ??= new InvocationConfiguration();
            if (language.IsChinese && parseResult.Errors.Count > 0)
            {
                // Some of System.CommandLine's parse errors stay English in its Chinese resources.
                var t = Texts.For(language);
                using var output = new ParseMessages(configuration.Output, t);
                using var error = new ParseMessages(configuration.Error, t);
                configuration.Output = output;
                configuration.Error = error;
                return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
            }

            return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    /// <summary>Creates the root command with its help in a language.</summary>
    /// <param name="language">The language of the help.</param>
    /// <param name="environment">Variables and the current folder the commands see.</param>
    /// <returns>The root command.</returns>
    internal static RootCommand CreateRootCommand(UiLanguage language, CliEnvironment environment)
    {
        var t = Texts.For(language);
        var root = new EduFundsRootCommand(t["app.description"], environment, t);
        root.Options.Add(GlobalOptions.CreateVerbosityOption(t));
        root.Options.Add(GlobalOptions.CreateLanguageOption(t));
        root.Options.Add(GlobalOptions.CreateVerboseOption(t));
        root.Options.Add(GlobalOptions.CreateWorkbookEncodingOption(t));
        root.Options.Add(GlobalOptions.CreateEncodingOption(t));
        root.Subcommands.Add(new Commands.ValidateCommand());
        root.Subcommands.Add(new Commands.InitCommand());
        root.Subcommands.Add(new Commands.TrackCommand());
        root.Subcommands.Add(new Commands.ImportCommand());
        root.Subcommands.Add(new Commands.ExportCommand());
        root.Subcommands.Add(new Commands.RiskCommand());
        root.Subcommands.Add(new Commands.RescueCommand(t));
        root.Subcommands.Add(new Commands.SimulateCommand());
        root.Subcommands.Add(new Commands.ReportCommand());
        root.Subcommands.Add(new Commands.ChartCommand());
        root.Subcommands.Add(new Commands.MergeCommand());
        root.Subcommands.Add(new Commands.ConvertCommand());
        root.Examples.Add(new("edufunds validate", t["app.example.validate"]));
        root.Examples.Add(new("edufunds init my-street", t["app.example.init"]));
        root.Examples.Add(new("edufunds project", t["app.example.project"]));
        root.Examples.Add(new("edufunds allocate --year 2025", t["app.example.allocate"]));
        root.Examples.Add(new("edufunds compare -s viability-first", t["app.example.compare"]));
        root.Examples.Add(new("edufunds risk --lang zh-CN", t["app.example.risk"]));
        root.Examples.Add(new("edufunds <command> --help", t["app.example.help"]));

        root.Subcommands.Add(new Commands.ProjectCommand());
        root.Subcommands.Add(new Commands.AllocateCommand());
        root.Subcommands.Add(new Commands.CompareCommand());

        HelpText.Apply(root, t);
        ValueParsers.Apply(root, t);
        AddHelpExamples(root, t);
        return root;
    }

    private static void AddHelpExamples(RootCommand root, Texts t)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Description = t["option.help"];
                helpOption.Action = new HelpWithExamplesAction(help, t);
            }
            else if (option is VersionOption version)
            {
                version.Description = t["option.version"];
            }
        }
    }

    /// <summary>The standard help followed by the command's examples.</summary>
    private sealed class HelpWithExamplesAction(HelpAction help, Texts t) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => help.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            // System.CommandLine's Chinese resources leave its "Description:" title in English: the
            // help is written to a buffer and that title put in the run's language.
            var configuration = parseResult.InvocationConfiguration;
            var output = configuration.Output;
            using var buffer = new StringWriter();
            configuration.Output = buffer;
            int result;
            try
            {
                result = help.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }

            output.Write(buffer.ToString().Replace("Description:" + Environment.NewLine, t["help.description"] + Environment.NewLine, StringComparison.Ordinal));
            if (parseResult.CommandResult.Command is IHasExamples { Examples.Count: > 0 } withExamples)
            {
                output.WriteLine(t["help.examples"]);
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

    private sealed class EduFundsRootCommand(string description, CliEnvironment environment, Texts texts)
        : RootCommand(description), IHasExamples, IHasEnvironment
    {
        public IList<CommandExample> Examples { get; } = new List<CommandExample>();

        public CliEnvironment Environment { get; } = environment;

        public Texts Texts { get; } = texts;
    }
}
