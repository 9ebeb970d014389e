using System.Globalization;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using EduFunds.Engine;
using EduFunds.Simulation;

namespace EduFunds.Benchmarks;

/// <summary>
/// Fingerprints of everything the year loop and the sampling loop produce, for checking that a
/// change of the loops' code leaves every number as it was
/// (<c>dotnet run -c Release --project bench/EduFunds.Benchmarks -- check</c>): generated
/// workbooks of several sizes, every built-in policy, the same policies behind a wrapper (the
/// path a policy of a user's own takes), carry-over on and off; per case one detailed projection
/// of the planned amounts, detailed projections of drawn amounts and the tallies of a
/// two-thread simulation. Compare the printed lines before and after a change.
/// </summary>
internal static class Check
{
    /// <summary>Prints one fingerprint line per case.</summary>
    /// <param name="args">Optional number of simulation runs per case (default 300).</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        foreach (var (name, policyName, wrapped, model) in CheckCases.All())
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Add(hash, model.Project());
            var sampler = new RunSampler(model, []);
            var amounts = new long[sampler.AmountCount];
            var scratch = sampler.CreateScratch();
            for (var run = 0; run < 20; run++)
            {
                sampler.Fill(5, run, amounts, scratch);
                Add(hash, model.Project(amounts));
            }

            var simulation = new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = runs, Seed = 3, MaxDegreeOfParallelism = 2 });
            var text = new System.Text.StringBuilder();
            for (var p = 0; p < model.ProgramCount; p++)
            {
                for (var y = 0; y < model.YearCount; y++)
                {
                    text.Append(simulation.StalledByAt(p, y).Count).Append(',')
                        .Append(simulation.ShelvedByAt(p, y).Count).Append(',')
                        .Append(simulation.FirstStallInAt(p, y).Count).Append(',');
                    foreach (var q in new[] { 0.1, 0.5, 0.9 })
                    {
                        text.Append(simulation.FundingRatioPercentileAt(p, y, q)?.ToString("R", CultureInfo.InvariantCulture) ?? "-").Append(',');
                    }
                }
            }

            for (var y = 0; y < model.YearCount; y++)
            {
                foreach (var q in new[] { 0.1, 0.5, 0.9 })
                {
                    text.Append(simulation.PoolPercentileAt(y, q)).Append(',');
                }
            }

            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
            Console.WriteLine($"{name,-18} {policyName,-20} {(wrapped ? "wrapped" : "built-in"),-9} {Convert.ToHexString(hash.GetCurrentHash())[..16]}");
        }

        return 0;
    }

    private static void Add(IncrementalHash hash, ProjectionResult result)
    {
        var numbers = new List<long>();
        foreach (var year in result.Years)
        {
            numbers.AddRange([year.Year, year.StreamTotalMinorUnits, year.RestrictedMinorUnits, year.UnrestrictedMinorUnits, year.CarriedInMinorUnits,
                year.PoolMinorUnits, year.AllocatedMinorUnits, year.LapsedMinorUnits, year.CarriedOutMinorUnits, year.StrandedRestrictedMinorUnits,
                year.StrandedReservesMinorUnits]);
            foreach (var p in year.Programs)
            {
                numbers.AddRange([(long)p.Status, p.NeedMinorUnits, p.MinimumMinorUnits, p.Priority, p.ReserveBeforeMinorUnits, p.RestrictedReceivedMinorUnits,
                    p.ReserveUsedMinorUnits, p.RestrictedAppliedMinorUnits, p.PoolShareMinorUnits, p.FundedMinorUnits, p.ReserveAfterMinorUnits]);
            }

            foreach (var a in year.Arrivals)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(a.ToString()));
            }
        }

        foreach (var s in result.Programs)
        {
            numbers.AddRange([s.FirstStallYear ?? 0, s.ShelvedYear ?? 0, s.YearsRun, s.YearsStalled]);
        }

        hash.AppendData(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(numbers)));
    }
}
