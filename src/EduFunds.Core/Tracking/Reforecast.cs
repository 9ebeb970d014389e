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
/// </list>
/// Only the income side is replaced. Programs' reserves are rebuilt by the engine from the
/// restricted money received, not from recorded expenses: the engine's state is money in, and a
/// program that spent less than the model says keeps no extra reserve here. Compare spending with
/// <see cref="BudgetVersusActual"/>.
/// </summary>
public sealed class Reforecast
{
    private readonly long[] amounts;

    private Reforecast(ProjectionModel model, DateOnly asOf, long[] amounts, IReadOnlyList<ReforecastAmount> details, int? lastClosedYear, int? currentYear)
    {
        Model = model;
        AsOf = asOf;
        this.amounts = amounts;
        Details = details;
        LastClosedYear = lastClosedYear;
        CurrentYear = currentYear;
    }

    /// <summary>The model re-forecast (workbook, scenario, policy).</summary>
    public ProjectionModel Model { get; }

    /// <summary>The as-of date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The last fiscal year of the projection that had closed by the as-of date, or null when none had.</summary>
    public int? LastClosedYear { get; }

    /// <summary>The fiscal year of the projection containing the as-of date, or null when the date is outside the projection.</summary>
    public int? CurrentYear { get; }

    /// <summary>The stream amounts of the re-forecast, laid out as <see cref="ProjectionModel.PlannedAmounts"/> (<c>[yearIndex * StreamCount + streamIndex]</c>).</summary>
    public ReadOnlySpan<long> Amounts => amounts;

    /// <summary>Every stream and year with planned, received and used amounts, by year then stream order.</summary>
    public IReadOnlyList<ReforecastAmount> Details { get; }

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
        var amounts = new long[planned.Length];
        var details = new List<ReforecastAmount>(planned.Length);
        int? lastClosed = null;
        int? current = null;
        for (var y = 0; y < model.YearCount; y++)
        {
            var year = model.Years.From + y;
            var basis = LedgerCalendar.LastDay(year, startMonth) <= asOf
                ? ReforecastBasis.Actual
                : LedgerCalendar.FirstDay(year, startMonth) <= asOf ? ReforecastBasis.InProgress : ReforecastBasis.Planned;
            if (basis == ReforecastBasis.Actual)
            {
                lastClosed = year;
            }
            else if (basis == ReforecastBasis.InProgress)
            {
                current = year;
            }

            for (var s = 0; s < model.StreamCount; s++)
            {
                var i = (y * model.StreamCount) + s;
                var received = totals.ReceiptsMinorUnits(model.Streams[s].Id, year);
                var used = basis switch
                {
                    ReforecastBasis.Actual => received,
                    ReforecastBasis.InProgress => Math.Max(planned[i], received),
                    _ => planned[i],
                };
                amounts[i] = used;
                details.Add(new ReforecastAmount(year, model.Streams[s].Id, basis, planned[i], received, used));
            }
        }

        return new Reforecast(model, asOf, amounts, details, lastClosed, current);
    }

    /// <summary>Projects with the re-forecast amounts.</summary>
    /// <param name="cancellationToken">Cancels between years.</param>
    /// <returns>The re-forecast projection (a <see cref="ProjectionResult"/> like any other; the risk report can run on it).</returns>
    public ProjectionResult Project(CancellationToken cancellationToken = default) => Model.Project(amounts, cancellationToken);
}
