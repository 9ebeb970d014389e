namespace EduFunds.Engine;

/// <summary>
/// The programs inside their start-end years, listed once when the model is compiled: a Monte
/// Carlo run visits only these (about half of the program-years of a typical workbook) and
/// leaves the others inactive.
/// </summary>
public sealed partial class ProjectionModel
{
    private readonly int[] scheduledOrder;    // [scheduledFrom[y] + k]: the programs scheduled in year y, in tie-break order
    private readonly int[] scheduledFrom;     // [y]: where year y's programs start in scheduledOrder; [Y] = its length
    private readonly int[] scheduledCells;    // the cells with scheduled[cell], ascending
    private readonly ScheduledCell[] positions; // [scheduledFrom[y] + k]: that program's cell, need and minimum

    /// <summary>The cells (year x programs + program) of the programs' start-end years, ascending: the only ones a run does not leave inactive.</summary>
    private int[] ScheduledCells => scheduledCells;

    /// <summary>The programs scheduled in year index <paramref name="y"/>, in its tie-break order.</summary>
    private ReadOnlySpan<int> ScheduledIn(int y) => scheduledOrder.AsSpan(scheduledFrom[y], scheduledFrom[y + 1] - scheduledFrom[y]);

    /// <summary>The scheduled program-years in <see cref="ScheduledIn"/> order, year by year: program, cell, need and minimum side by side.</summary>
    private static ScheduledCell[] ListPositions(int[] scheduledOrder, int[] scheduledFrom, ProgramCell[] cellPlan, int programs)
    {
        var positions = new ScheduledCell[scheduledOrder.Length];
        for (var y = 0; y + 1 < scheduledFrom.Length; y++)
        {
            for (var j = scheduledFrom[y]; j < scheduledFrom[y + 1]; j++)
            {
                var p = scheduledOrder[j];
                var cell = (y * programs) + p;
                positions[j] = new ScheduledCell(p, cell, cellPlan[cell].Need, cellPlan[cell].Minimum);
            }
        }

        return positions;
    }

    /// <summary>Each year's tie-break order without the programs outside their start-end years, and the scheduled cells.</summary>
    private static (int[] Order, int[] From, int[] Cells) ListScheduled(int[] order, bool[] scheduled, int years, int programs)
    {
        var from = new int[years + 1];
        var inOrder = new List<int>();
        for (var y = 0; y < years; y++)
        {
            from[y] = inOrder.Count;
            var row = y * programs;
            foreach (var p in order.AsSpan(row, programs))
            {
                if (scheduled[row + p])
                {
                    inOrder.Add(p);
                }
            }
        }

        from[years] = inOrder.Count;
        return ([.. inOrder], from, Enumerable.Range(0, scheduled.Length).Where(cell => scheduled[cell]).ToArray());
    }
}
