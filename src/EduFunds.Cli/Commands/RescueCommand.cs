using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Decisions;
using EduFunds.Model;
using EduFunds.Simulation;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds rescue</c>: what would save the programs at risk: for each, the smallest extra
/// certain recurring line restricted to it that brings its stall probability to the target; the
/// joint plan; the rows and scenario to adopt it; the alternatives.
/// </summary>
internal sealed class RescueCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<decimal?> target;
    private readonly Option<string[]> programs;
    private readonly Option<int?> from;
    private readonly Option<string?> kind;
    private readonly Option<string?> asOf = LedgerArguments.CreateAsOfOption();
    private readonly SimulationArguments simulation;
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    /// <param name="t">The language of the help.</param>
    public RescueCommand(Texts t)
        : base("rescue", t["rescue.description"])
    {
        target = new Option<decimal?>("--target") { Description = t["rescue.option.target"], HelpName = "P" };
        programs = new Option<string[]>("--program") { Description = t["rescue.option.program"], HelpName = "ID", Arity = ArgumentArity.ZeroOrMore };
        from = new Option<int?>("--from") { Description = t["rescue.option.from"], HelpName = "YEAR" };
        kind = new Option<string?>("--kind") { Description = t["rescue.option.kind"], HelpName = "KIND" };
        Arguments.Add(workbook);
        Options.Add(target);
        Options.Add(programs);
        Options.Add(from);
        Options.Add(kind);
        Options.Add(asOf);
        simulation = SimulationArguments.AddTo(this);
        output = OutputOptions.AddTo(this, RescueReport.TableNames);
        target.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && (!decimal.TryParse(r.Tokens[0].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) || p < 0m || p > 1m))
            {
                r.AddError(t.Format("rescue.error.target", r.Tokens[0].Value));
            }
        });
        kind.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !Names.TryParse(r.Tokens[0].Value, out _))
            {
                r.AddError(t.Format("rescue.error.kind", r.Tokens[0].Value, string.Join(", ", Names.Kinds.Select(Names.Of))));
            }
        });
        Validators.Add(r =>
        {
            if (r.GetResult(simulation.Precision) is { Tokens.Count: > 0 })
            {
                r.AddError(t["rescue.error.precision"]);
            }
        });
        Examples.Add(new("edufunds rescue", t["rescue.example.default"]));
        Examples.Add(new("edufunds rescue --program P-DIGITAL --runs 2000", t["rescue.example.program"]));
        Examples.Add(new("edufunds rescue my-street --target 0.05 --from 2025 --kind donation", t["rescue.example.target"]));
        Examples.Add(new("edufunds rescue my-street -f csv -o rescue.csv", t["rescue.example.csv"]));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var t = context.Texts;
        var input = CommandInput.Resolve(context, context.GetValue(workbook));
        var book = input.Workbook;
        var monteCarlo = simulation.Build(context, book);
        var ids = context.GetValue(programs) ?? [];
        foreach (var id in ids)
        {
            if (!book.Programs.Any(p => p.Id == id))
            {
                throw new UserInputException(t.Format("rescue.error.program", id, string.Join(", ", book.Programs.Select(p => p.Id))));
            }
        }

        var fromYear = context.GetValue(from);
        if (fromYear is { } year && !book.Years.Contains(year))
        {
            throw new UserInputException(t.Format("rescue.error.from", year, book.Years.From, book.Years.To));
        }

        var streamKind = context.GetValue(kind) is { } kindText && Names.TryParse(kindText, out var named) ? named : StreamKind.DistrictGrant;
        var options = new RescueOptions
        {
            Target = context.GetValue(target) ?? RescueOptions.DefaultTarget,
            Programs = ids,
            From = fromYear,
            Kind = streamKind,
            MonteCarlo = monteCarlo,
            StreamName = program => t.Format("rescue.stream-name", program.Name),
            AsOf = context.GetValue(asOf) is { } asOfText ? LedgerArguments.ParseAsOf(asOfText, default, t) : null,
        };
        var logger = context.LoggerFactory.CreateLogger<RescuePlan>();
        var simulator = new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>());
        var plan = await Task.Run(() => RescuePlan.Create(book, options, logger, simulator, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        var report = RescueReport.Build(plan, input.Description, t);
        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
