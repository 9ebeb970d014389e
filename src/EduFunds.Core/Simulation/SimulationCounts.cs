using EduFunds.Projection;

namespace EduFunds.Simulation;

/// <summary>
/// The mergeable tallies of a set of runs: integer counts only (plus the pool values), so
/// tallies of disjoint run sets add up exactly and in any order.
/// </summary>
internal sealed class SimulationCounts
{
    /// <summary>Funding ratios are tallied to the nearest 1/1000: bins 0..1000.</summary>
    public const int RatioBins = 1001;

    /// <summary>The ratio resolution: 0.001.</summary>
    public const double RatioResolution = 0.001;

    /// <summary>Creates empty tallies.</summary>
    /// <param name="programCount">Programs.</param>
    /// <param name="yearCount">Years.</param>
    public SimulationCounts(int programCount, int yearCount)
    {
        ProgramCount = programCount;
        YearCount = yearCount;
        FirstStall = new int[programCount * (yearCount + 1)];
        Shelved = new int[programCount * (yearCount + 1)];
        RatioHistogram = new int[checked(programCount * yearCount * RatioBins)];
        StalledPrograms = new int[programCount + 1];
        Pool = new ValueDistribution[yearCount];
        for (var y = 0; y < yearCount; y++)
        {
            Pool[y] = new ValueDistribution();
        }
    }

    /// <summary>Programs.</summary>
    public int ProgramCount { get; }

    /// <summary>Years.</summary>
    public int YearCount { get; }

    /// <summary>Runs tallied.</summary>
    public long Runs { get; private set; }

    /// <summary>[program x (years + 1) + first stall year index]; index = years for "never".</summary>
    public int[] FirstStall { get; }

    /// <summary>[program x (years + 1) + shelved year index]; index = years for "never".</summary>
    public int[] Shelved { get; }

    /// <summary>[(year x programs + program) x 1001 + round(1000 F / N)]; shelved years count as 0, inactive years are not counted.</summary>
    public int[] RatioHistogram { get; }

    /// <summary>[k]: runs in which exactly k programs stalled at least once.</summary>
    public int[] StalledPrograms { get; }

    /// <summary>The pool per year.</summary>
    public ValueDistribution[] Pool { get; }

    /// <summary>Tallies one run from a projection workspace.</summary>
    /// <param name="workspace">The workspace after <see cref="ProjectionModel.Run"/>.</param>
    public void Record(ProjectionWorkspace workspace)
    {
        var years = YearCount;
        var programs = ProgramCount;
        var firstStall = workspace.FirstStallYearIndex;
        var shelved = workspace.ShelvedYearIndex;
        var stalled = 0;
        for (var p = 0; p < programs; p++)
        {
            var first = firstStall[p];
            if (first >= 0)
            {
                stalled++;
                FirstStall[(p * (years + 1)) + first]++;
            }
            else
            {
                FirstStall[(p * (years + 1)) + years]++;
            }

            var shelf = shelved[p];
            Shelved[(p * (years + 1)) + (shelf >= 0 ? shelf : years)]++;
        }

        StalledPrograms[stalled]++;

        var status = workspace.Status;
        var need = workspace.Need;
        var funded = workspace.Funded;
        var histogram = RatioHistogram;
        var cells = years * programs;
        for (var i = 0; i < cells; i++)
        {
            var state = status[i];
            int bin;
            switch (state)
            {
                case ProgramStatus.Inactive:
                    continue;
                case ProgramStatus.Stalled:
                case ProgramStatus.Shelved:
                    bin = 0;
                    break;
                default:
                    bin = RatioBin(funded[i], need[i]);
                    break;
            }

            histogram[(i * RatioBins) + bin]++;
        }

        var pool = workspace.Pool;
        for (var y = 0; y < years; y++)
        {
            Pool[y].Add(pool[y]);
        }

        Runs++;
    }

    /// <summary>Adds another set of tallies (of disjoint runs).</summary>
    /// <param name="other">The other tallies, same shape.</param>
    public void Add(SimulationCounts other)
    {
        if (other.ProgramCount != ProgramCount || other.YearCount != YearCount)
        {
            throw new ArgumentException("The simulation results have different programs or years.", nameof(other));
        }

        AddInto(FirstStall, other.FirstStall);
        AddInto(Shelved, other.Shelved);
        AddInto(RatioHistogram, other.RatioHistogram);
        AddInto(StalledPrograms, other.StalledPrograms);
        for (var y = 0; y < YearCount; y++)
        {
            Pool[y].AddAll(other.Pool[y]);
        }

        Runs = checked(Runs + other.Runs);
    }

    /// <summary>The ratio bin of F / N: round(1000 F / N), half up; 1000 when F &gt;= N, 0 when N &lt;= 0.</summary>
    /// <param name="funded">F.</param>
    /// <param name="need">N.</param>
    /// <returns>The bin, 0..1000.</returns>
    internal static int RatioBin(long funded, long need)
    {
        if (need <= 0 || funded <= 0)
        {
            return 0;
        }

        if (funded >= need)
        {
            return RatioBins - 1;
        }

        if (need <= 2_000_000_000_000_000L)
        {
            return (int)(((funded * 2000) + need) / (2 * need));
        }

        return (int)((((Int128)funded * 2000) + need) / (2 * (Int128)need));
    }

    private static void AddInto(int[] target, int[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = checked(target[i] + source[i]);
        }
    }
}
