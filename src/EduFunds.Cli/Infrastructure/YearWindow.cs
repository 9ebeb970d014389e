using System.CommandLine;
using EduFunds.Model;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// The <c>--from</c> and <c>--to</c> options that limit the years a report shows (the projection
/// itself always runs over all the workbook's years: reserves and shelving depend on earlier years).
/// </summary>
internal sealed class YearWindow
{
    private readonly Option<int?> from = ProjectionArguments.CreateYearOption("--from");

    private readonly Option<int?> to = ProjectionArguments.CreateYearOption("--to");

    /// <summary>Adds both options to a command, with the check that --from is not after --to.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The window, to resolve when the command runs.</returns>
    public static YearWindow AddTo(Command command)
    {
        var window = new YearWindow();
        command.Options.Add(window.from);
        command.Options.Add(window.to);
        command.Validators.Add(result =>
        {
            if (result.GetValue(window.from) is { } first && result.GetValue(window.to) is { } last && first > last)
            {
                result.AddError(ParseTexts.Of(result).Format("error.fromAfterTo", first, last));
            }
        });
        return window;
    }

    /// <summary>The years to show, within the workbook's years.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="workbook">The workbook.</param>
    /// <returns>The first and last year to show.</returns>
    /// <exception cref="UserInputException">The window lies outside the workbook's years.</exception>
    public (int First, int Last) Resolve(CliContext context, Workbook workbook)
    {
        var first = context.GetValue(from) ?? workbook.Years.From;
        var last = context.GetValue(to) ?? workbook.Years.To;
        if (last < workbook.Years.From || first > workbook.Years.To)
        {
            throw new UserInputException(context.Texts.Format("error.noYears", first, last, workbook.Years.From, workbook.Years.To));
        }

        return (Math.Max(first, workbook.Years.From), Math.Min(last, workbook.Years.To));
    }
}
