using System.Globalization;
using EduFunds.Cli.Html;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;

namespace EduFunds.Cli.Charts;

/// <summary>The kinds of chart <c>edufunds chart</c> draws and the report shows.</summary>
internal enum ChartKind
{
    /// <summary>Where the money comes from: stream money by kind per year, the pool line, the end of one-off money.</summary>
    Funding,

    /// <summary>Programs by year: the status heat map with the funding ratios.</summary>
    Status,

    /// <summary>Probability of having stalled by each year, for the programs at risk.</summary>
    StallCurves,

    /// <summary>The pool's P10/P50/P90 fan over the years.</summary>
    PoolFan,

    /// <summary>The effect of losing each stream on one program.</summary>
    Tornado,
}

/// <summary>Turns the analyses into the charts' data and words: one method per chart, used by the report and by <c>edufunds chart</c>.</summary>
internal static class ReportCharts
{
    /// <summary>The chart names on the command line, in the order of <see cref="ChartKind"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["funding", "status", "stall-curves", "pool-fan", "tornado"];

    /// <summary>Stream money per year, stacked by kind (or by recurring and one-off), with the pool line and the year one-off money ends.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="data">The analyses.</param>
    /// <param name="words">The words.</param>
    /// <param name="byRecurrence">Stack recurring and one-off money instead of kinds.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Funding(string id, ReportData data, ReportText words, bool byRecurrence)
    {
        var projection = data.Projection;
        var years = data.Years;
        var currency = projection.Currency;
        List<ChartSeries> stacks;
        if (byRecurrence)
        {
            stacks =
            [
                new(words.Recurrence(Recurrence.Recurring), projection.Years.Select(y => (double?)Thousands(y.RecurringMinorUnits, currency.MinorUnits)).ToArray()),
                new(words.Recurrence(Recurrence.OneOff), projection.Years.Select(y => (double?)Thousands(y.OneOffMinorUnits, currency.MinorUnits)).ToArray()),
            ];
        }
        else
        {
            stacks = Enum.GetValues<StreamKind>()
                .Where(k => projection.Years.Any(y => y.ByKindMinorUnits.TryGetValue(k, out var v) && v > 0))
                .Select(k => new ChartSeries(
                    words.Kind(k),
                    projection.Years.Select(y => (double?)Thousands(y.ByKindMinorUnits.GetValueOrDefault(k), currency.MinorUnits)).ToArray()))
                .ToList();
        }

        var pool = new ChartSeries(words["ChartPoolLine"], projection.Years.Select(y => (double?)Thousands(y.PoolMinorUnits, currency.MinorUnits)).ToArray());
        var oneOffEnds = OneOffEndYear(projection);
        var first = projection.Years[0];
        var last = projection.Years[^1];
        var description = words.Format(
            "ChartFundingDesc",
            first.Year,
            ReportText.Money(first.StreamTotalMinorUnits, currency),
            last.Year,
            ReportText.Money(last.StreamTotalMinorUnits, currency),
            currency.Code,
            ReportText.Money(first.PoolMinorUnits, currency),
            ReportText.Money(last.PoolMinorUnits, currency));
        if (oneOffEnds is { } end)
        {
            description += " " + words.Format("ChartOneOffEndsDesc", end);
        }

        return StackedBarChart.Render(
            id,
            new ChartText(words[byRecurrence ? "ChartFundingByRecurrenceTitle" : "ChartFundingTitle"], description),
            years,
            stacks,
            pool,
            oneOffEnds,
            words["ChartOneOffEnds"],
            words["AxisFiscalYear"],
            words.Format("AxisThousands", currency.Code));
    }

    /// <summary>The first year without one-off money after years with it, or null when it lasts to the end (or never comes).</summary>
    /// <param name="projection">The projection.</param>
    /// <returns>The year.</returns>
    public static int? OneOffEndYear(ProjectionResult projection)
    {
        var lastWith = -1;
        for (var i = 0; i < projection.Years.Count; i++)
        {
            if (projection.Years[i].OneOffMinorUnits > 0)
            {
                lastWith = i;
            }
        }

        return lastWith >= 0 && lastWith < projection.Years.Count - 1 ? projection.Years[lastWith + 1].Year : null;
    }

    /// <summary>The status heat map: one row per program, one cell per year with its status and funding ratio.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="projection">The projection.</param>
    /// <param name="words">The words.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Status(string id, ProjectionResult projection, ReportText words)
    {
        ProgramStatus[] order = [ProgramStatus.Funded, ProgramStatus.Underfunded, ProgramStatus.Stalled, ProgramStatus.Shelved, ProgramStatus.Inactive];
        HeatStyle[] styles =
        [
            new("#0072B2", "#fff", "● " + words.Status(ProgramStatus.Funded)),
            new("#56B4E9", "#000", "◐ " + words.Status(ProgramStatus.Underfunded)),
            new("#E69F00", "#000", "✗ " + words.Status(ProgramStatus.Stalled)),
            new("#8C2D04", "#fff", "⊘ " + words.Status(ProgramStatus.Shelved)),
            new("#EEEEEE", "#555", "· " + words.Status(ProgramStatus.Inactive)),
        ];
        var rows = projection.Programs.Select(p => p.Program.Name).ToArray();
        var cells = projection.Programs.Select(p => (IReadOnlyList<HeatCell>)projection.Years.Select(y =>
        {
            var cell = projection.Get(p.Program.Id, y.Year);
            var label = cell.Status switch
            {
                ProgramStatus.Funded or ProgramStatus.Underfunded => Output.CellFormat.Percent(cell.Ratio ?? 0),
                ProgramStatus.Stalled => "✗",
                ProgramStatus.Shelved => "⊘",
                _ => "·",
            };
            return new HeatCell(Array.IndexOf(order, cell.Status), label);
        }).ToArray()).ToArray();
        var stalls = projection.Programs.Where(p => p.FirstStallYear is not null)
            .Select(p => words.Format("ChartStatusStall", p.Program.Name, p.FirstStallYear, ReportText.Year(p.ShelvedYear)))
            .ToArray();
        var description = words.Format("ChartStatusDesc", projection.Programs.Count, projection.Years[0].Year, projection.Years[^1].Year)
            + (stalls.Length == 0 ? " " + words["ChartStatusNoStall"] : " " + string.Join(" ", stalls));
        return HeatMapChart.Render(id, new ChartText(words["ChartStatusTitle"], description), rows,
            projection.Years.Select(y => y.Year).ToArray(), cells, styles, words["AxisFiscalYear"]);
    }

    /// <summary>The probability of having stalled by each year, for every program at risk.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="risk">The risk analysis (with its simulation).</param>
    /// <param name="words">The words.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing StallCurves(string id, RiskResult risk, ReportText words)
    {
        var years = risk.Projection.Years.Select(y => y.Year).ToArray();
        var simulation = risk.Simulation;
        var atRisk = risk.Programs.Where(p => p.Level != RiskLevel.Low).ToArray();
        var series = simulation is null
            ? []
            : atRisk.Select(p =>
                new ChartSeries(p.Program.Name, years.Select(year => (double?)simulation.StalledBy(p.Program.Id, year).Value).ToArray()))
            .ToList();
        var description = simulation is null
            ? words["ChartNoSimulation"]
            : words.Format("ChartStallCurvesDesc", atRisk.Length, years[^1], Runs(simulation.Runs),
                string.Join(words["ListSeparator"], atRisk.Where(p => p.StallProbability is not null)
                    .Select(p => $"{p.Program.Name} {ReportText.Percent(p.StallProbability!.Value.Value)}")));
        return LineChart.Render(id, new ChartText(words["ChartStallCurvesTitle"], description), years, series, words["AxisFiscalYear"], words["AxisStalledBy"]);
    }

    /// <summary>The pool's P10-P90 band and median over the years, with the deterministic projection's pool.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="risk">The risk analysis (with its simulation).</param>
    /// <param name="words">The words.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing PoolFan(string id, RiskResult risk, ReportText words)
    {
        var projection = risk.Projection;
        var decimals = projection.Currency.MinorUnits;
        var years = projection.Years.Select(y => y.Year).ToArray();
        var simulation = risk.Simulation;
        ChartSeries Percentile(string label, double p) => new(label, years.Select((_, i) =>
            (double?)Thousands(simulation?.PoolPercentileMinorUnits(years[i], p) ?? projection.Years[i].PoolMinorUnits, decimals)).ToArray());
        var reference = new ChartSeries(words["ChartPoolProjection"], projection.Years.Select(y => (double?)Thousands(y.PoolMinorUnits, decimals)).ToArray());
        var last = years.Length - 1;
        var description = simulation is null
            ? words["ChartNoSimulation"]
            : words.Format("ChartPoolFanDesc", years[last],
                ReportText.Money(simulation.PoolPercentileMinorUnits(years[last], 0.1), projection.Currency),
                ReportText.Money(simulation.PoolPercentileMinorUnits(years[last], 0.5), projection.Currency),
                ReportText.Money(simulation.PoolPercentileMinorUnits(years[last], 0.9), projection.Currency),
                projection.Currency.Code, Runs(simulation.Runs));
        return FanChart.Render(id, new ChartText(words["ChartPoolFanTitle"], description), years,
            Percentile("P10", 0.1), Percentile(words["ChartMedian"], 0.5), Percentile("P90", 0.9), reference,
            words["AxisFiscalYear"], words.Format("AxisThousands", projection.Currency.Code));
    }

    /// <summary>The tornado of one program: what losing each stream does to its stall probability (or, without a simulation, to its first stall).</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="risk">The risk analysis.</param>
    /// <param name="program">The program.</param>
    /// <param name="words">The words.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Tornado(string id, RiskResult risk, ProgramRisk program, ReportText words)
    {
        // A program that stalls in every run whatever is lost shows no change of probability: then
        // how much earlier it first stalls tells what each stream means to it.
        var byProbability = program.Tornado.Any(e => e.StallProbabilityEffect is { } effect && Math.Abs(effect) >= 0.005);
        var horizon = risk.Projection.Years[^1].Year + 1;
        var bars = program.Tornado
            .Select(e =>
            {
                var label = $"{e.StreamName} ({e.StreamId})";
                if (byProbability)
                {
                    var effect = e.StallProbabilityEffect ?? 0;
                    return (label, effect, Signed(effect * 100));
                }

                var earlier = (double)((program.FirstStallYear ?? horizon) - (e.FirstStallYear ?? horizon));
                return (label, earlier, Signed(earlier));
            })
            .OrderByDescending(b => Math.Abs(b.Item2)).ThenBy(b => b.label, StringComparer.Ordinal)
            .ToArray();
        var top = bars.FirstOrDefault();
        var description = bars.Length == 0
            ? words["ChartTornadoEmpty"]
            : words.Format(byProbability ? "ChartTornadoDescProbability" : "ChartTornadoDescYears", program.Program.Name, top.label, top.Item3);
        return TornadoChart.Render(
            id,
            new ChartText(words.Format("ChartTornadoTitle", program.Program.Name), description),
            bars,
            words[byProbability ? "AxisTornadoProbability" : "AxisTornadoYears"],
            byProbability ? v => Tick(v * 100) : Tick,
            words["ChartTornadoLegendUp"],
            words["ChartTornadoLegendDown"]);
    }

    private static string Signed(double value) =>
        Math.Round(value, 1) switch
        {
            > 0 and var v => "+" + Tick(v),
            < 0 and var v => "−" + Tick(-v),
            _ => "0",
        };

    private static string Tick(double value) =>
        (Math.Round(value, 1) is var rounded && rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);

    private static double Thousands(long minorUnits, int decimals) => minorUnits / Math.Pow(10, decimals) / 1000.0;

    private static string Runs(long runs) => ReportText.Count(runs);
}
