using EduFunds.Decisions;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;
using EduFunds.Tracking;

namespace EduFunds.Cli.Html;

/// <summary>What the HTML report and the charts are made from: one run of every analysis they show.</summary>
internal sealed class ReportData
{
    /// <summary>The workbook.</summary>
    public required Workbook Workbook { get; init; }

    /// <summary>The workbook's file or folder name (never an absolute path), or the built-in example's label.</summary>
    public required string SourceName { get; init; }

    /// <summary>The risk analysis of the first scenario (with the Monte Carlo simulation unless it was left out).</summary>
    public required RiskResult Risk { get; init; }

    /// <summary>Every scenario given, projected side by side (the first is <see cref="Projection"/>'s scenario).</summary>
    public required ScenarioComparison Scenarios { get; init; }

    /// <summary>The Monte Carlo settings used.</summary>
    public required MonteCarloOptions MonteCarlo { get; init; }

    /// <summary>Budget versus actual for the years with ledger entries, or null without a ledger.</summary>
    public BudgetVersusActual? Budget { get; init; }

    /// <summary>Receipts versus expected for the same years, or null without a ledger.</summary>
    public ReceiptsVersusExpected? Receipts { get; init; }

    /// <summary>The date the ledger is read up to, or null without a ledger.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>A generation time to print (only with <c>--stamp</c>), or null.</summary>
    public string? Stamp { get; init; }

    /// <summary>What would save the programs at risk (<c>edufunds rescue</c> with the same seed and runs), or null when not computed.</summary>
    public RescuePlan? Rescue { get; init; }

    /// <summary>True when the rescue is of the base plan while the risk sections describe something else (a scenario, another policy, a re-forecast).</summary>
    public bool RescueOfBasePlan { get; init; }

    /// <summary>The re-forecast the risk sections describe (<c>--as-of</c>), or null.</summary>
    public Reforecast? Reforecast { get; init; }

    /// <summary>The projection of the first scenario.</summary>
    public ProjectionResult Projection => Risk.Projection;

    /// <summary>The years of the projection.</summary>
    public IReadOnlyList<int> Years => Projection.Years.Select(y => y.Year).ToArray();

    /// <summary>
    /// Runs the analyses.
    /// </summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="sourceName">The workbook's file or folder name.</param>
    /// <param name="scenarios">Scenario names (null = base); at least one.</param>
    /// <param name="policy">The policy override, or null.</param>
    /// <param name="monteCarlo">Monte Carlo settings.</param>
    /// <param name="tornadoRuns">Runs of the tornado's Monte Carlo part.</param>
    /// <param name="asOf">The ledger date, or null for the latest ledger entry.</param>
    /// <param name="withSimulation">False to skip the Monte Carlo (charts that need only the projection).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="rescueLineName">The name of a rescue line in the user's language, to compute what would save the programs at risk; null to leave it out.</param>
    /// <returns>The data.</returns>
    public static ReportData Build(
        Workbook workbook,
        string sourceName,
        IReadOnlyList<string?> scenarios,
        IAllocationPolicy? policy,
        MonteCarloOptions monteCarlo,
        int tornadoRuns,
        DateOnly? asOf,
        bool withSimulation,
        CancellationToken cancellationToken,
        Func<EducationProgram, string>? rescueLineName = null)
    {
        var comparison = ScenarioComparison.Create(workbook, scenarios, policy, cancellationToken);
        var model = ProjectionModel.Create(workbook, scenario: comparison.Results[0].ScenarioName, policy: policy);

        // An explicit as-of date: the risk sections describe the re-forecast from the ledger (simulated as risk --as-of does).
        var reforecast = asOf is { } date0 ? Tracking.Reforecast.Create(model, workbook.Ledger, date0) : null;
        var riskModel = reforecast?.ForecastModel ?? model;
        var analyzer = new RiskAnalyzer();
        var risk = withSimulation
            ? analyzer.Analyze(riskModel, new RiskOptions { MonteCarlo = monteCarlo, TornadoRuns = Math.Min(tornadoRuns, monteCarlo.Runs) }, null, cancellationToken)
            : analyzer.Analyze(reforecast?.Project(cancellationToken) ?? comparison.Results[0]);

        RescuePlan? rescue = null;
        if (withSimulation && rescueLineName is not null)
        {
            // The same plan as edufunds rescue with these seed and runs (a precision target: the runs it took).
            var runs = monteCarlo.Precision is null ? monteCarlo.Runs : checked((int)(risk.Simulation?.Runs ?? monteCarlo.Runs));
            rescue = RescuePlan.Create(
                workbook,
                new RescueOptions { MonteCarlo = monteCarlo with { Precision = null, Runs = runs }, StreamName = rescueLineName, AsOf = reforecast?.AsOf },
                cancellationToken: cancellationToken);
        }

        BudgetVersusActual? budget = null;
        ReceiptsVersusExpected? receipts = null;
        DateOnly? date = null;
        if (workbook.Ledger.Count > 0)
        {
            date = asOf ?? workbook.Ledger.Max(e => e.Date);
            var ledgerYears = workbook.Ledger.Where(e => e.Date <= date)
                .Select(e => workbook.FiscalYearOf(e.Date))
                .Where(workbook.Years.Contains)
                .Distinct().Order().ToArray();
            if (ledgerYears.Length > 0)
            {
                var projection = comparison.Results[0];
                var totals = LedgerTotals.FromEntries(
                    workbook.Ledger,
                    projection.Streams.Select(s => s.Id),
                    projection.Programs.Select(p => p.Program.Id),
                    workbook.Years,
                    workbook.FiscalYearStartMonth,
                    date.Value);
                budget = BudgetVersusActual.Build(projection, totals, date.Value, new BudgetOptions { Years = ledgerYears });
                receipts = ReceiptsVersusExpected.Build(projection, totals, date.Value, ledgerYears);
            }
        }

        return new ReportData
        {
            Workbook = workbook,
            SourceName = sourceName,
            Risk = risk,
            Scenarios = comparison,
            MonteCarlo = monteCarlo,
            Budget = budget,
            Receipts = receipts,
            AsOf = date,
            Rescue = rescue,
            RescueOfBasePlan = rescue is not null && (comparison.Results[0].ScenarioName is not null || policy is not null),
            Reforecast = reforecast,
        };
    }
}
