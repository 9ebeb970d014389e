using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Benchmarks;

/// <summary>
/// Fingerprints of every figure a risk analysis reports, for checking that a change of its code
/// leaves the report as it was (<c>dotnet run -c Release --project bench/EduFunds.Benchmarks --
/// check-risk [RUNS]</c>): the generated workbooks of <c>check</c>, every built-in policy, the same
/// behind a wrapper (a policy of a user's own), a model with known years (a re-forecast) and one
/// thread against two; per case the ranking, every indicator, reason, source and tornado entry.
/// Compare the printed lines before and after a change.
/// </summary>
internal static class CheckRisk
{
    /// <summary>Prints one fingerprint line per case.</summary>
    /// <param name="args">Optional number of simulation runs per case (default 120; the tornado takes 60 of them).</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
        foreach (var (name, policyName, wrapped, model) in CheckCases.All())
        {
            Print(name, policyName, wrapped ? "wrapped" : "built-in", model, runs, 2);
            if (!wrapped && policyName == PolicyNames.Names[0])
            {
                Print(name, policyName, "1-thread", model, runs, 1);
                Print(name, policyName, "known-2", Known(model, 2), runs, 2);
            }
        }

        return 0;
    }

    private static void Print(string name, string policy, string variant, ProjectionModel model, int runs, int threads)
    {
        var options = new RiskOptions
        {
            MonteCarlo = new MonteCarloOptions { Runs = runs, Seed = 11, MaxDegreeOfParallelism = threads },
            TornadoRuns = runs / 2,
            TornadoMaxStreams = 12,
        };
        var risk = new RiskAnalyzer().Analyze(model, options);
        var deterministic = new RiskAnalyzer().Analyze(model, RiskOptions.WithoutSimulation);
        Console.WriteLine($"{name,-18} {policy,-20} {variant,-9} {Fingerprint(risk)} {Fingerprint(deterministic)}");
    }

    /// <summary>A re-forecast-like model: the first <paramref name="years"/> years known as planned, the first restricted recurring stream cut.</summary>
    private static ProjectionModel Known(ProjectionModel model, int years)
    {
        var cut = model.Streams.First(s => s.IsRestricted && s.Recurrence == Recurrence.Recurring).Id;
        return model.WithKnownAmounts(model.PlannedAmounts, model.Years.From + years - 1, [cut]);
    }

    private static string Fingerprint(RiskResult risk)
    {
        var text = new StringBuilder();
        text.Append(risk.HighCount).Append(',').Append(risk.ElevatedCount).Append(',').Append(risk.LowCount).Append(',')
            .Append(risk.TornadoRuns).Append(',').Append(risk.TornadoStreams).Append('\n');
        foreach (var p in risk.Programs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Rank}|{p.Program.Id}|{p.Level}|{p.ReceivedMinorUnits}|{R(p.OneOffShare)}|{R(p.Concentration)}|{p.FirstYear}|{R(p.FirstCoverage)}|{R(p.LowestCoverage)}|{p.LowestCoverageYear}|{R(p.Headroom)}|{p.StructuralGapMinorUnits}|{p.Cliff}|{p.FirstStallYear}|{p.ShelvedYear}|{p.StallProbability}|{p.ShelveProbability}|{p.KeyDependency}|{p.DigitalSkillsPattern}\n");
            foreach (var r in p.Reasons)
            {
                text.Append("  r ").Append(r.Kind).Append('|').Append(r.Text).Append('|').Append(R(r.Value)).Append('|').Append(R(r.HalfWidth95)).Append('|')
                    .Append(r.Year).Append('|').Append(r.SecondYear).Append('|').Append(r.StreamId).Append('|').Append(r.AmountMinorUnits).Append('\n');
            }

            foreach (var s in p.Sources)
            {
                text.Append("  s ").Append(s).Append('\n');
            }

            foreach (var e in p.Tornado)
            {
                text.Append("  t ").Append(e).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string R(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";
}
