using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>
/// A re-forecast: the projection run again with the stream money that actually arrived in the
/// years that have closed, so that the years after follow the model from what really happened.
/// <list type="bullet">
/// <item>A fiscal year whose last day is on or before the as-of date uses each stream's actual
/// receipts that year (nothing recorded = nothing arrived).</item>
/// <item>The year containing the as-of date uses, per stream, the larger of its planned amount and
/// what has already arrived: money received counts, money still due is still expected.</item>
/// <item>Later years use the planned amounts (after the scenario).</item>
/// <item>A recurring stream that brought nothing in a closed year in which it was planned to pay,
/// and nothing since, is cut: it counts only what arrived (nothing) from then on, as a cut line
/// does in a Monte Carlo run (<see cref="CutStreams"/>).</item>
/// </list>
/// Only the income side is replaced. Programs' reserves are rebuilt by the engine from the
/// restricted money received, not from recorded expenses: the engine's state is money in, and a
/// program that spent less than the model says keeps no extra reserve here. Compare spending with
/// <see cref="BudgetVersusActual"/>.
/// </summary>
public sealed class Reforecast
{
    private readonly long[] amounts;

    private Reforecast(ProjectionModel model, ProjectionModel forecastModel, DateOnly asOf, long[] amounts, IReadOnlyList<ReforecastAmount> details, int? lastClosedYear, int? currentYear, IReadOnlyList<string> cutStreams)
    {
        Model = model;
        ForecastModel = forecastModel;
        CutStreams = cutStreams;
        AsOf = asOf;
        this.amounts = amounts;
        Details = details;
        LastClosedYear = lastClosedYear;
        CurrentYear = currentYear;
    }

    /// <summary>The model re-forecast (workbook, scenario, policy).</summary>
    public ProjectionModel Model { get; }

    /// <summary>
    /// The model of the re-forecast, to simulate or analyse like any model: its planned amounts
    /// are <see cref="Amounts"/>, the years through the current one (or the last closed one) are
    /// known and certain (<see cref="ProjectionModel.KnownThrough"/>), the later years are drawn
    /// as usual, and the <see cref="CutStreams"/> pay nothing after the known years.
    /// </summary>
    public ProjectionModel ForecastModel { get; }

    /// <summary>
    /// The recurring streams treated as cut: a closed year in which they were planned to pay
    /// brought nothing, and nothing has come from them since. They count what has arrived in the
    /// year containing the as-of date (nothing, or they would not be cut) and 0 in later years.
    /// </summary>
    public IReadOnlyList<string> CutStreams { get; }

    /// <summary>The as-of date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The last fiscal year of the projection that had closed by the as-of date, or null when none had.</summary>
    public int? LastClosedYear { get; }

    /// <summary>The fiscal year of the projection containing the as-of date, or null when the date is outside the projection.</summary>
    public int? CurrentYear { get; }

    /// <summary>The stream amounts of the re-forecast, laid out as <see cref="ProjectionModel.PlannedAmounts"/> (<c>[yearIndex * StreamCount + streamIndex]</c>).</summary>
    public ReadOnlySpan<long> Amounts => amounts;

    /// <summary>Every stream and year with planned, received and used amounts, by year then stream order.</summary>
    /// <remarks>
    /// Internal: what each year uses follows from <see cref="LastClosedYear"/>, <see cref="CurrentYear"/>,
    /// <see cref="CutStreams"/> and <see cref="Amounts"/>; tests read the basis from here.
    /// </remarks>
    internal IReadOnlyList<ReforecastAmount> Details { get; }

    /// <summary>Builds the re-forecast amounts from a ledger.</summary>
    /// <param name="model">The compiled workbook (its scenario's planned amounts are the plan).</param>
    /// <param name="ledger">The ledger; entries after the as-of date are ignored.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>The re-forecast.</returns>
    /// <exception cref="ArgumentException">A receipt names a stream the model does not have.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An entry on or before the as-of date falls outside the model's years.</exception>
    public static Reforecast Create(ProjectionModel model, IEnumerable<LedgerEntry> ledger, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ledger);
        var startMonth = model.Workbook.FiscalYearStartMonth;
        var totals = LedgerTotals.FromEntries(
            ledger.Where(e => e.Type == LedgerEntryType.Receipt),
            model.Streams.Select(s => s.Id),
            model.Programs.Select(p => p.Id),
            model.Years,
            startMonth,
            asOf);
        var planned = model.PlannedAmounts;
        var years = model.YearCount;
        var streams = model.StreamCount;
        var bases = new ReforecastBasis[years];
        int? lastClosed = null;
        int? current = null;
        for (var y = 0; y < years; y++)
        {
            var year = model.Years.From + y;
            bases[y] = LedgerCalendar.LastDay(year, startMonth) <= asOf
                ? ReforecastBasis.Actual
                : LedgerCalendar.FirstDay(year, startMonth) <= asOf ? ReforecastBasis.InProgress : ReforecastBasis.Planned;
            if (bases[y] == ReforecastBasis.Actual)
            {
                lastClosed = year;
            }
            else if (bases[y] == ReforecastBasis.InProgress)
            {
                current = year;
            }
        }

        var received = new long[planned.Length];
        for (var y = 0; y < years; y++)
        {
            for (var s = 0; s < streams; s++)
            {
                received[(y * streams) + s] = totals.ReceiptsMinorUnits(model.Streams[s].Id, model.Years.From + y);
            }
        }

        var closedCount = lastClosed is { } closed ? closed - model.Years.From + 1 : 0;
        var cut = new bool[streams];
        for (var s = 0; s < streams; s++)
        {
            cut[s] = IsCut(model, s, planned, received, closedCount);
        }

        var amounts = new long[planned.Length];
        var details = new List<ReforecastAmount>(planned.Length);
        for (var y = 0; y < years; y++)
        {
            for (var s = 0; s < streams; s++)
            {
                var i = (y * streams) + s;
                var basis = cut[s] && bases[y] != ReforecastBasis.Actual ? ReforecastBasis.Cut : bases[y];
                var used = basis switch
                {
                    ReforecastBasis.Actual or ReforecastBasis.Cut => received[i],
                    ReforecastBasis.InProgress => Math.Max(planned[i], received[i]),
                    _ => planned[i],
                };
                amounts[i] = used;
                details.Add(new ReforecastAmount(model.Years.From + y, model.Streams[s].Id, basis, planned[i], received[i], used));
            }
        }

        var cutIds = Enumerable.Range(0, streams).Where(s => cut[s]).Select(s => model.Streams[s].Id).ToArray();
        var knownThrough = current ?? lastClosed ?? model.Years.From - 1;
        var forecast = model.WithKnownAmounts(amounts, knownThrough, cutIds);
        return new Reforecast(model, forecast, asOf, amounts, details, lastClosed, current, cutIds);
    }

    /// <summary>
    /// A recurring line is cut when a closed year in which it was planned to pay brought nothing
    /// and nothing has arrived from it since (up to the as-of date), while it still had money
    /// planned after the closed years: in the model a recurring line that pays nothing has been
    /// cut, and a cut is for good, so a careful officer stops counting on it until it pays again.
    /// </summary>
    private static bool IsCut(ProjectionModel model, int s, ReadOnlySpan<long> planned, long[] received, int closedCount)
    {
        if (model.Streams[s].Recurrence != Recurrence.Recurring)
        {
            return false;
        }

        var streams = model.StreamCount;
        var missing = -1;
        for (var y = 0; y < closedCount; y++)
        {
            var i = (y * streams) + s;
            if (planned[i] > 0 && received[i] == 0)
            {
                missing = y;
            }
        }

        if (missing < 0)
        {
            return false;
        }

        var plannedLater = false;
        for (var y = missing + 1; y < model.YearCount; y++)
        {
            var i = (y * streams) + s;
            if (received[i] > 0)
            {
                return false; // it paid again
            }

            plannedLater |= y >= closedCount && planned[i] > 0;
        }

        return plannedLater;
    }

    /// <summary>Projects with the re-forecast amounts (the deterministic projection of <see cref="ForecastModel"/>).</summary>
    /// <param name="cancellationToken">Cancels between years.</param>
    /// <returns>The re-forecast projection (a <see cref="ProjectionResult"/> like any other; the risk report can run on it).</returns>
    public ProjectionResult Project(CancellationToken cancellationToken = default) => Model.Project(amounts, cancellationToken);
}
