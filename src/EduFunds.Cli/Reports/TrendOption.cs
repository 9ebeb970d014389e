using System.CommandLine;
using System.Globalization;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Cli.Reports;

/// <summary>The <c>--trend</c> and <c>--rate KIND:SHAPE:MIN:MODE:MAX[:FROM]</c> options of the simulation commands.</summary>
internal static class TrendOption
{
    /// <summary>Creates the option (repeatable).</summary>
    /// <returns>The option.</returns>
    public static Option<UncertainTrend[]> Create() => Create(
        "--trend",
        false,
        "An uncertain extra annual change for every stream of a kind, drawn once per run: " +
        "KIND:SHAPE:MIN:MODE:MAX[:FROM], SHAPE triangular or pert, for example " +
        "district-grant:pert:-0.15:-0.05:0.02:2024 (amount x (1+g)^(year-FROM+1) from FROM, default the first year). " +
        "Repeat for other kinds.");

    /// <summary>Creates the <c>--rate KIND:SHAPE:MIN:MODE:MAX[:FROM]</c> option (repeatable): an uncertain replacement of the annual change.</summary>
    /// <returns>The option.</returns>
    public static Option<UncertainTrend[]> CreateRate() => Create(
        "--rate",
        true,
        "An uncertain annual change that replaces the own change of every stream of a kind from FROM on " +
        "(as a scenario's rate change), drawn once per run: KIND:SHAPE:MIN:MODE:MAX[:FROM], for example " +
        "district-grant:pert:-0.20:-0.15:-0.05:2027. Repeat for other kinds.");

    private static Option<UncertainTrend[]> Create(string name, bool replacesAnnualChange, string description)
    {
        var option = new Option<UncertainTrend[]>(name)
        {
            Description = description,
            HelpName = "SPEC",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => [],
            CustomParser = result =>
            {
                var trends = new List<UncertainTrend>();
                foreach (var token in result.Tokens)
                {
                    if (TryParse(token.Value, out var trend, out var error))
                    {
                        trends.Add(trend with { ReplacesAnnualChange = replacesAnnualChange });
                    }
                    else
                    {
                        result.AddError($"{name} '{token.Value}': {error}");
                    }
                }

                return [.. trends];
            },
        };
        return option;
    }

    /// <summary>The kebab-case name of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string KindName(StreamKind kind) => WorkbookNames.ToName(kind);

    /// <summary>Parses one trend.</summary>
    /// <param name="text">KIND:SHAPE:MIN:MODE:MAX[:FROM].</param>
    /// <param name="trend">The trend.</param>
    /// <param name="error">What is wrong, for the user.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string text, out UncertainTrend trend, out string error)
    {
        trend = null!;
        var parts = text.Split(':');
        if (parts.Length is < 5 or > 6)
        {
            error = "expected KIND:SHAPE:MIN:MODE:MAX[:FROM], for example district-grant:triangular:-0.15:-0.05:0.02";
            return false;
        }

        if (!WorkbookNames.TryParse<StreamKind>(parts[0], out var kind))
        {
            error = $"unknown kind '{parts[0]}'; use one of: {string.Join(", ", WorkbookNames.Names<StreamKind>())}";
            return false;
        }

        TrendShape shape;
        switch (parts[1])
        {
            case "triangular":
                shape = TrendShape.Triangular;
                break;
            case "pert":
                shape = TrendShape.Pert;
                break;
            default:
                error = $"unknown shape '{parts[1]}'; use triangular or pert";
                return false;
        }

        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[2 + i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = $"'{parts[2 + i]}' is not a number (write annual changes as fractions: -0.05 = 5% less a year)";
                return false;
            }
        }

        int? from = null;
        if (parts.Length == 6)
        {
            if (!int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                error = $"'{parts[5]}' is not a year";
                return false;
            }

            from = year;
        }

        trend = new UncertainTrend(kind, shape, values[0], values[1], values[2], from);
        try
        {
            trend.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            error = e.Message.Split(" (Parameter", StringSplitOptions.None)[0];
            return false;
        }

        error = string.Empty;
        return true;
    }
}
