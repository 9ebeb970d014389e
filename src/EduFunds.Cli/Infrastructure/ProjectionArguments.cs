using System.CommandLine;
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
        Description = "Project under this scenario of the workbook (default: the base case, also called 'base').",
        HelpName = "NAME",
    };

    /// <summary>Creates <c>--policy</c> (<c>-p</c>), listing the built-in policies.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> CreatePolicyOption()
    {
        var option = new Option<string?>("--policy", "-p")
        {
            Description = "Allocate the pool with this policy in every year, overriding the workbook's and the scenario's: " +
                          string.Join(", ", PolicyNames.Names) + ".",
            HelpName = "NAME",
        };
        option.CompletionSources.Add(PolicyNames.Names.ToArray());
        return option;
    }

    /// <summary>Creates a year option such as <c>--from</c>.</summary>
    /// <param name="name">The option name.</param>
    /// <param name="description">The help text.</param>
    /// <returns>The option.</returns>
    public static Option<int?> CreateYearOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YEAR",
    };

    /// <summary>Checks a policy name (before the workbook is loaded).</summary>
    /// <param name="name">The name given, or null.</param>
    /// <returns>The policy, or null when none was given.</returns>
    /// <exception cref="UserInputException">Unknown name; the message lists the valid ones.</exception>
    public static IAllocationPolicy? ResolvePolicy(string? name)
    {
        if (name is null)
        {
            return null;
        }

        return AllocationPolicies.TryGet(name, out var policy)
            ? policy
            : throw new UserInputException(
                $"unknown allocation policy '{name}'; use one of: {string.Join(", ", PolicyNames.Names)}.");
    }

    /// <summary>Checks a scenario name against the workbook.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="name">The name given; null or "base" = the base case.</param>
    /// <param name="source">How the workbook is named in messages.</param>
    /// <returns>The scenario name for the projection, or null for the base case.</returns>
    /// <exception cref="UserInputException">The workbook has no such scenario; the message lists the valid names.</exception>
    public static string? ResolveScenario(Workbook workbook, string? name, string source)
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
        throw new UserInputException(
            $"the workbook {source} has no scenario '{name}'; use one of: {string.Join(", ", names)}.");
    }

    /// <summary>The label of a scenario in reports: its name, or "base".</summary>
    /// <param name="scenario">The scenario name, or null.</param>
    /// <returns>The label.</returns>
    public static string Label(string? scenario) => scenario ?? BaseName;

    /// <summary>Checks a fiscal year against the workbook's years.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="year">The year.</param>
    /// <param name="option">The option that gave it, for the message.</param>
    /// <exception cref="UserInputException">The year is outside the workbook.</exception>
    public static void CheckYear(Workbook workbook, int year, string option)
    {
        if (!workbook.Years.Contains(year))
        {
            throw new UserInputException(
                $"{option} {year} is outside the workbook's years {workbook.Years.From}-{workbook.Years.To}.");
        }
    }
}
