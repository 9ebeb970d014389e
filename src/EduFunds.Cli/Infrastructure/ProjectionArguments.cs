using System.CommandLine;
using EduFunds.Cli.Localization;
using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Cli.Infrastructure;

/// <summary>The options that choose what to project (<c>--scenario</c>, <c>--policy</c>, years) and their checks.</summary>
internal static class ProjectionArguments
{
    /// <summary>The name that always means the base case (the workbook without scenario changes).</summary>
    public const string BaseName = ScenarioComparison.BaseName;

    /// <summary>Creates <c>--scenario</c> (<c>-s</c>) for one scenario.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreateScenarioOption() => new("--scenario", "-s")
    {
        HelpName = "NAME",
    };

    /// <summary>Creates <c>--policy</c> (<c>-p</c>), listing the built-in policies.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreatePolicyOption()
    {
        var option = new Option<string?>("--policy", "-p")
        {
            HelpName = "NAME",
        };
        option.CompletionSources.Add(IAllocationPolicy.BuiltInNames.ToArray());
        return option;
    }

    /// <summary>Creates a year option such as <c>--from</c> (its help comes from the resources).</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The option.</returns>
    public static Option<int?> CreateYearOption(string name) => new(name)
    {
        HelpName = "YEAR",
    };

    /// <summary>Checks a policy name (before the workbook is loaded).</summary>
    /// <param name="name">The name given, or null.</param>
    /// <param name="t">The texts of the message.</param>
    /// <returns>The policy, or null when none was given.</returns>
    /// <exception cref="UserInputException">Unknown name; the message lists the valid ones.</exception>
    public static IAllocationPolicy? ResolvePolicy(string? name, Texts t)
    {
        if (name is null)
        {
            return null;
        }

        return IAllocationPolicy.TryGetBuiltIn(name, out var policy)
            ? policy
            : throw new UserInputException(t.Format("error.unknownPolicy", name, string.Join(", ", IAllocationPolicy.BuiltInNames)));
    }

    /// <summary>Checks a scenario name against the workbook.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="name">The name given; null or "base" = the base case.</param>
    /// <param name="source">How the workbook is named in messages.</param>
    /// <param name="t">The texts of the message.</param>
    /// <returns>The scenario name for the projection, or null for the base case.</returns>
    /// <exception cref="UserInputException">The workbook has no such scenario; the message lists the valid names.</exception>
    public static string? ResolveScenario(Workbook workbook, string? name, string source, Texts t)
    {
        if (name is null)
        {
            return null;
        }

        // As in ScenarioComparison: a scenario of the workbook named "base" wins over the base case.
        if (workbook.FindScenario(name) is not null)
        {
            return name;
        }

        if (name == BaseName)
        {
            return null;
        }

        var names = new List<string> { BaseName };
        names.AddRange(workbook.Scenarios.Select(s => s.Name));
        throw new UserInputException(t.Format("error.unknownScenario", source, name, string.Join(", ", names)));
    }

    /// <summary>The label of a scenario in reports: its name, or "base".</summary>
    /// <param name="scenario">The scenario name, or null.</param>
    /// <returns>The label.</returns>
    public static string Label(string? scenario) => scenario ?? BaseName;

    /// <summary>Checks a fiscal year against the workbook's years.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="year">The year.</param>
    /// <param name="option">The option that gave it, for the message.</param>
    /// <param name="t">The texts of the message.</param>
    /// <exception cref="UserInputException">The year is outside the workbook.</exception>
    public static void CheckYear(Workbook workbook, int year, string option, Texts t)
    {
        if (!workbook.Years.Contains(year))
        {
            throw new UserInputException(t.Format("error.yearOutside", option, year, workbook.Years.From, workbook.Years.To));
        }
    }
}
