using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Risk;

public class AttributionPropertyTests
{
    /// <summary>
    /// No minor unit is created or lost by the attribution: what a program received by source
    /// adds up to its restricted arrivals plus its pool shares over its active years.
    /// </summary>
    [Property(MaxTest = 60)]
    public bool Analyze_AnyWorkbook_SourcesAddUpToArrivalsPlusPoolShares(PositiveInt seed, bool carryOver)
    {
        var random = new Random(seed.Get);
        var streams = new List<FundingStream>();
        var programIds = new[] { "A", "B", "C" };
        for (var s = 0; s < random.Next(1, 5); s++)
        {
            var oneOff = random.Next(2) == 0;
            var restricted = random.Next(3) == 0 ? new[] { programIds[random.Next(3)] } : null;
            streams.Add(Stream(
                $"S{s}",
                random.Next(1, 200_000),
                start: 2024 + random.Next(0, 2),
                change: -random.Next(0, 30) / 100m,
                recurrence: oneOff ? Recurrence.OneOff : Recurrence.Recurring,
                restrictedTo: restricted));
        }

        var programs = programIds.Select(id => Program(id, random.Next(10_000, 150_000), priority: random.Next(1, 3))).ToArray();
        var projection = ProjectionModel.Create(Workbook(streams, programs, to: 2027, carryOver: carryOver)).Project();
        var report = new RiskAnalyzer().Analyze(projection);
        foreach (var risk in report.Programs)
        {
            long expected = 0;
            foreach (var year in projection.Years)
            {
                var result = year.Programs.Single(p => p.ProgramId == risk.Program.Id);
                if (!result.IsActive)
                {
                    continue;
                }

                expected += result.PoolShareMinorUnits + year.Arrivals.Where(a => a.ProgramId == risk.Program.Id).Sum(a => a.AmountMinorUnits);
            }

            if (risk.ReceivedMinorUnits != expected || risk.Sources.Sum(s => s.AmountMinorUnits) != expected)
            {
                return false;
            }

            var shares = risk.Sources.Sum(s => s.Share);
            if (expected > 0 && Math.Abs(shares - 1.0) > 1e-9)
            {
                return false;
            }
        }

        return true;
    }
}
