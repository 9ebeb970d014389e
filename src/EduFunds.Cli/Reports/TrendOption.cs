using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Cli.Reports;

/// <summary>The <c>--trend</c> and <c>--rate KIND:SHAPE:MIN:MODE:MAX[:FROM]</c> options of the simulation commands.</summary>
internal static class TrendOption
{
    /// <summary>Creates the option (repeatable).</summary>
    /// <returns>The option.</returns>
    public static Option<UncertainTrend[]> Create() => Create("--trend", false);

    /// <summary>Creates the <c>--rate KIND:SHAPE:MIN:MODE:MAX[:FROM]</c> option (repeatable): an uncertain replacement of the annual change.</summary>
    /// <returns>The option.</returns>
    public static Option<UncertainTrend[]> CreateRate() => Create("--rate", true);

    private static Option<UncertainTrend[]> Create(string name, bool replacesAnnualChange)
    {
        var option = new Option<UncertainTrend[]>(name)
        {
            HelpName = "SPEC",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => [],
            CustomParser = result =>
            {
                var trends = new List<UncertainTrend>();
                foreach (var token in result.Tokens)
                {
                    if (TryParse(token.Value, out var trend, out var error, ParseTexts.Of(result)))
                    {
                        trends.Add(trend with { ReplacesAnnualChange = replacesAnnualChange });
                    }
                    else
                    {
                        result.AddError(ParseTexts.Of(result).Format("error.trend", token.Value, error).Replace("--trend", name, StringComparison.Ordinal));
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
    public static string KindName(StreamKind kind) => Output.Names.Of(kind);

    /// <summary>Parses one trend.</summary>
    /// <param name="text">KIND:SHAPE:MIN:MODE:MAX[:FROM].</param>
    /// <param name="trend">The trend.</param>
    /// <param name="error">What is wrong, for the user.</param>
    /// <param name="t">The texts of the error (English when null).</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string text, out UncertainTrend trend, out string error, Localization.Texts? t = null)
    {
        t ??= Localization.Texts.English;
        trend = null!;
        var parts = text.Split(':');
        if (parts.Length is < 5 or > 6)
        {
            error = t["error.trend.shape"];
            return false;
        }

        if (!Output.Names.TryParse(parts[0], out var kind))
        {
            error = t.Format("error.trend.kind", parts[0], string.Join(", ", Output.Names.Kinds.Select(Output.Names.Of)));
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
                error = t.Format("error.trend.unknownShape", parts[1]);
                return false;
        }

        var values = new double[3];
        for (var i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[2 + i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = t.Format("error.trend.number", parts[2 + i]);
                return false;
            }
        }

        int? from = null;
        if (parts.Length == 6)
        {
            if (!int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                error = t.Format("error.trend.year", parts[5]);
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
