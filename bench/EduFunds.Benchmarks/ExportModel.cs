using System.Globalization;
using System.Reflection;
using System.Text;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Simulation;

namespace EduFunds.Benchmarks;

/// <summary>
/// Writes the compiled district model as plain numbers for the C baseline in bench/c
/// (<c>... -- export-model FILE [RUNS]</c>): sizes and settings, planned amounts, the draws of each
/// stream, the programs' cells (scheduled, need, minimum), the tie-break order, each restricted
/// stream's scheduled programs per year in that order, and end years. Doubles are written as
/// their 64-bit patterns, so the C reads exactly the same values. Then it runs RUNS runs
/// (default 200) on one thread and prints a checksum of the tallies that the C prints too.
/// </summary>
internal static class ExportModel
{
    /// <summary>Writes the file and prints the checksum.</summary>
    /// <param name="args">The file, and optionally the number of runs for the checksum.</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var model = ProjectionModel.Create(DistrictWorkbook.Create());
        if (model.PolicyIn(model.Years.From).Name != PolicyNames.Proportional)
        {
            throw new InvalidOperationException("The baseline implements the proportional policy only.");
        }

        T Field<T>(string name) => (T)typeof(ProjectionModel).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(model)!;
        var cells = Field<ProgramCell[]>("cellPlan");
        var order = Field<int[]>("order");
        var targetCount = Field<int[]>("yearTargetCount");
        var targets = Field<int[]>("yearTargets");
        var maxTargets = Field<int>("maxTargets");
        var endYearIndex = Field<int[]>("endYearIndex");
        int y = model.YearCount, s = model.StreamCount, p = model.ProgramCount;
        var text = new StringBuilder();
        void Line(IEnumerable<long> values) => text.AppendJoin(' ', values).Append('\n');
        Line([y, s, p, model.Workbook.ShelveAfter, model.Workbook.CarryOverPool ? 1 : 0, model.Workbook.Rounding == RoundingMode.HalfAwayFromZero ? 0 : 1, model.Years.From, maxTargets]);
        Line(model.PlannedAmounts.ToArray());

        // Draws of each stream, as RunSampler compiles them (no uncertain trends or rates here).
        var lastYear = model.Years.To;
        for (var k = 0; k < s; k++)
        {
            var stream = model.Streams[k];
            var q = (double)stream.RenewalProbability;
            var cv = (double)stream.AmountCv;
            var sigma = cv > 0.0 ? Math.Sqrt(DeterministicMath.Log(1.0 + (cv * cv))) : 0.0;
            var from = Math.Max(stream.StartYear, model.Years.From);
            var to = Math.Min(stream.EndYear ?? int.MaxValue, lastYear);
            var draws = !((q >= 1.0 && sigma == 0.0) || from > to);
            Line([draws ? 1 : 0, (long)RandomMapping.StreamKey(stream.Id), stream.Recurrence == Recurrence.Recurring ? 1 : 0, stream.StartYear,
                from - model.Years.From, to - model.Years.From, BitConverter.DoubleToInt64Bits(q), BitConverter.DoubleToInt64Bits(sigma),
                BitConverter.DoubleToInt64Bits(-(sigma * sigma) / 2.0)]);
        }

        Line(cells.Select(c => c.Scheduled ? 1L : 0L));
        Line(cells.Select(c => c.Need));
        Line(cells.Select(c => c.Minimum));
        Line(order.Select(v => (long)v));
        Line(targetCount.Select(v => (long)v));
        Line(targets.Select(v => (long)v));
        Line(endYearIndex.Select(v => (long)v));
        File.WriteAllText(args[0], text.ToString());

        // The checksum: runs with a first stall, runs shelved, and the sum of funding over all cells.
        var sampler = new RunSampler(model, []);
        var scratch = sampler.CreateScratch();
        var amounts = new long[sampler.AmountCount];
        var workspace = model.CreateWorkspace();
        long stalls = 0, shelved = 0, funded = 0;
        for (var run = 0; run < runs; run++)
        {
            sampler.Fill(model.Workbook.MonteCarloSeed, run, amounts, scratch);
            model.Run(amounts, workspace);
            foreach (var first in workspace.FirstStallYearIndex)
            {
                stalls += first >= 0 ? 1 : 0;
            }

            foreach (var at in workspace.ShelvedYearIndex)
            {
                shelved += at >= 0 ? 1 : 0;
            }

            foreach (var f in workspace.Funded)
            {
                funded += f;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checksum over {runs} runs (seed {model.Workbook.MonteCarloSeed}): stalls {stalls} shelved {shelved} funded {funded}"));
        return 0;
    }
}
