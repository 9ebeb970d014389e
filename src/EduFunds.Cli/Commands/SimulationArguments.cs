using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Reports;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Cli.Commands;

/// <summary>The Monte Carlo options shared by <c>risk</c> and <c>simulate</c>: runs or precision, seed, threads, trends.</summary>
internal sealed class SimulationArguments
{
    private SimulationArguments(Command command)
    {
        Runs = new Option<int?>("--runs", "-n")
        {
            HelpName = "N",
        };
        Precision = new Option<double?>("--precision")
        {
            HelpName = "P",
        };
        MaxRuns = new Option<int?>("--max-runs")
        {
            HelpName = "N",
        };
        Seed = new Option<long?>("--seed")
        {
            HelpName = "S",
        };
        Threads = new Option<int?>("--threads")
        {
            HelpName = "N",
        };
        Trends = TrendOption.Create();
        Rates = TrendOption.CreateRate();
        command.Options.Add(Runs);
        command.Options.Add(Precision);
        command.Options.Add(MaxRuns);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
        command.Options.Add(Trends);
        command.Options.Add(Rates);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Runs) is { Tokens.Count: > 0 } && result.GetResult(Precision) is { Tokens.Count: > 0 })
            {
                result.AddError(ParseTexts.Of(result)["error.runsAndPrecision"]);
            }

            if (result.GetResult(MaxRuns) is { Tokens.Count: > 0 } && result.GetResult(Precision) is not { Tokens.Count: > 0 })
            {
                result.AddError(ParseTexts.Of(result)["error.maxRunsNeedsPrecision"]);
            }
        });
        Runs.Validators.Add(r => Positive(r, "--runs"));
        MaxRuns.Validators.Add(r => Positive(r, "--max-runs"));
        Threads.Validators.Add(r => Positive(r, "--threads"));
        Precision.Validators.Add(r =>
        {
            // The token is read here, not through GetValueOrDefault: a value that does not parse already has its error.
            if (r.Tokens.Count > 0
                && double.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p)
                && !(p > 0 && p < 1))
            {
                r.AddError(ParseTexts.Of(r).Format("error.precision", r.Tokens[0].Value));
            }
        });
    }

    /// <summary><c>--runs</c>.</summary>
    public Option<int?> Runs { get; }

    /// <summary><c>--precision</c>.</summary>
    public Option<double?> Precision { get; }

    /// <summary><c>--max-runs</c>.</summary>
    public Option<int?> MaxRuns { get; }

    /// <summary><c>--seed</c>.</summary>
    public Option<long?> Seed { get; }

    /// <summary><c>--threads</c>.</summary>
    public Option<int?> Threads { get; }

    /// <summary><c>--trend</c>.</summary>
    public Option<UncertainTrend[]> Trends { get; }

    /// <summary><c>--rate</c> (repeatable): uncertain replacements of the annual change of a kind.</summary>
    public Option<UncertainTrend[]> Rates { get; }

    /// <summary>Creates the options and adds them to a command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The options.</returns>
    public static SimulationArguments AddTo(Command command) => new(command);

    /// <summary>The simulation options: the command line over the workbook's <c>monteCarlo</c> settings.</summary>
    /// <param name="context">The command context.</param>
    /// <param name="workbook">The workbook.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UserInputException">A trend's year is outside the workbook.</exception>
    public MonteCarloOptions Build(CliContext context, Workbook workbook)
    {
        UncertainTrend[] trends = [.. context.GetValue(Trends) ?? [], .. context.GetValue(Rates) ?? []];
        foreach (var trend in trends)
        {
            if (trend.From is { } from && !workbook.Years.Contains(from))
            {
                throw new UserInputException(context.Texts.Format(
                    "error.trendYear", SimulationSettings.TrendText(trend), from, workbook.Years.From, workbook.Years.To, trend.ReplacesAnnualChange ? "--rate" : "--trend"));
            }
        }

        var options = new MonteCarloOptions
        {
            Runs = context.GetValue(Runs) ?? workbook.MonteCarloRuns,
            Seed = context.GetValue(Seed) ?? workbook.MonteCarloSeed,
            Precision = context.GetValue(Precision),
            MaxRuns = context.GetValue(MaxRuns) ?? MonteCarloOptions.DefaultMaxRuns,
            MaxDegreeOfParallelism = context.GetValue(Threads),
            Trends = [.. trends],
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UserInputException(context.Texts.Format("error.trendInvalid", e.Message.Split(" (Parameter", StringSplitOptions.None)[0]));
        }

        return options;
    }

    private static void Positive(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value < 1)
        {
            result.AddError(ParseTexts.Of(result).Format("error.atLeastOne", name, value));
        }
    }
}
