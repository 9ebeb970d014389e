using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.CompilerServices;
using EduFunds.Cli.Infrastructure;
using EduFunds.Engine;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Cli.Localization;

/// <summary>
/// Gives every command, option, argument and help example its text in the language of the run,
/// from the resources: <c>help.COMMAND</c>, <c>help.COMMAND.--OPTION</c> (else the shared
/// <c>help.option.--OPTION</c>), <c>help.COMMAND.arg.NAME</c> (else <c>help.arg.NAME</c>) and
/// <c>help.COMMAND.example.N</c>. Commands are built without prose; this pass adds it.
/// </summary>
internal static class HelpText
{
    private static readonly ConditionalWeakTable<Option, string[]> TableNames = new();

    /// <summary>Remembers the table names an option lists in its help (<c>--table</c>).</summary>
    /// <param name="option">The option.</param>
    /// <param name="names">The names, main first.</param>
    public static void SetTableNames(Option option, string[] names) => TableNames.AddOrUpdate(option, names);

    /// <summary>Sets the help text of a command tree.</summary>
    /// <param name="root">The root command.</param>
    /// <param name="t">The texts.</param>
    /// <exception cref="KeyNotFoundException">A command, option or example has no text (a bug; the help tests catch it).</exception>
    public static void Apply(Command root, Texts t)
    {
        foreach (var command in root.Subcommands)
        {
            ApplyTo(command, t);
        }
    }

    private static void ApplyTo(Command command, Texts t)
    {
        var name = command.Name;
        command.Description = t.Find($"help.{name}") ?? command.Description;
        foreach (var option in command.Options)
        {
            if (option is HelpOption or VersionOption)
            {
                continue;
            }

            var key = t.Find($"help.{name}.{option.Name}") is not null ? $"help.{name}.{option.Name}" : $"help.option.{option.Name}";
            if (t.Find(key) is null)
            {
                if (option.Description is null)
                {
                    throw new KeyNotFoundException($"No help text for {name} {option.Name}.");
                }

                continue;
            }

            option.Description = t.Format(key, Arguments(option));
        }

        foreach (var argument in command.Arguments)
        {
            var key = t.Find($"help.{name}.arg.{argument.Name}") is not null ? $"help.{name}.arg.{argument.Name}" : $"help.arg.{argument.Name}";
            argument.Description = t.Find(key) ?? argument.Description;
        }

        if (command is IHasExamples withExamples)
        {
            for (var i = 0; i < withExamples.Examples.Count; i++)
            {
                var example = withExamples.Examples[i];
                if (t.Find($"help.{name}.example.{i}") is { } explanation)
                {
                    withExamples.Examples[i] = example with { Explanation = explanation };
                }
            }
        }

        foreach (var sub in command.Subcommands)
        {
            ApplyTo(sub, t);
        }
    }

    /// <summary>The values a help text may name: {0} policies, {1} default runs, {3} tables, {4} the main table.</summary>
    private static object?[] Arguments(Option option)
    {
        var tables = TableNames.TryGetValue(option, out var names) ? names : [];
        var maxRuns = option.Name == "--tornado-runs" ? RiskOptions.DefaultTornadoRuns : MonteCarloOptions.DefaultMaxRuns;
        return
        [
            string.Join(", ", IAllocationPolicy.BuiltInNames),
            maxRuns.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            null,
            string.Join(", ", tables),
            tables.Length > 0 ? tables[0] : string.Empty,
        ];
    }
}
