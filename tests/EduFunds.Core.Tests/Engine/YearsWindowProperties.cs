using EduFunds.Engine;
using EduFunds.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Engine;

/// <summary>DESIGN.md "The years are a window": rows that pay nothing in the window change nothing.</summary>
public class YearsWindowProperties
{
    [Property(MaxTest = 300)]
    public Property RowsOutsideTheWindow_ChangeNoMinorUnit(int seed)
    {
        var workbook = RandomWorkbooks.Create(seed);
        var random = new Random(seed ^ 0x5eed);
        var first = workbook.Years.From;
        var last = workbook.Years.To;

        // Programs that ended before the first year or start after the last.
        var extraPrograms = new List<EducationProgram>();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            var before = random.Next(2) == 0;
            var start = before ? first - random.Next(2, 8) : last + random.Next(1, 5);
            extraPrograms.Add(Program($"X{k}", random.Next(1, 1000), priority: random.Next(1, 4), start: start, end: before ? first - 1 : null, costChange: random.Next(-20, 21) / 100m));
        }

        // Streams that ended before the first year or start after the last, pooled or restricted
        // to any program (in the window or not).
        var allPrograms = workbook.Programs.Concat(extraPrograms).Select(p => p.Id).ToArray();
        var extraStreams = new List<FundingStream>();
        for (var k = random.Next(1, 5); k > 0; k--)
        {
            var before = random.Next(2) == 0;
            var start = before ? first - random.Next(2, 8) : last + random.Next(1, 5);
            var oneOff = random.Next(3) == 0;
            string[] restrictedTo = random.Next(2) == 0 ? [allPrograms[random.Next(allPrograms.Length)]] : [];
            extraStreams.Add(Stream(
                $"Z{k}",
                random.Next(1, 1500),
                start: start,
                end: before ? first - 1 : (oneOff ? start : null),
                change: random.Next(-20, 21) / 100m,
                kind: (StreamKind)random.Next(0, 4),
                recurrence: oneOff ? Recurrence.OneOff : Recurrence.Recurring,
                restrictedTo: restrictedTo));
        }

        // A scenario whose every change is dated after the last year.
        var after = last + 1 + random.Next(0, 3);
        var kind = StreamTarget.OfKind((StreamKind)random.Next(0, 4));
        var window = Scenario(
            "window",
            new ScaleChange(after, kind, 0m),
            new TrendChange(after, kind, -0.5m),
            new RateChange(after, kind, 0.3m),
            new StopChange(after, kind),
            new SetPolicyChange(after, PolicyNames.Priority),
            new SetPriorityChange(after, workbook.Programs[0].Id, 3),
            new AddStreamChange(after, Stream("ADDED", 999, start: after)));

        var wide = workbook with
        {
            Streams = [.. workbook.Streams.Concat(extraStreams)],
            Programs = [.. workbook.Programs.Concat(extraPrograms)],
            Scenarios = [window],
        };

        var narrow = ProjectionModel.Create(workbook).Project();
        var projected = ProjectionModel.Create(wide, scenario: "window").Project();

        var samePrograms = narrow.Years.All(year => year.Programs.All(p => p == projected.Get(p.ProgramId, year.Year)));
        var extrasInactive = projected.Years.All(year => extraPrograms.All(p =>
            projected.Get(p.Id, year.Year) is { Status: ProgramStatus.Inactive, FundedMinorUnits: 0, RestrictedReceivedMinorUnits: 0 }));
        var sameYears = narrow.Years.Zip(projected.Years).All(pair =>
            pair.First.StreamTotalMinorUnits == pair.Second.StreamTotalMinorUnits &&
            pair.First.RestrictedMinorUnits == pair.Second.RestrictedMinorUnits &&
            pair.First.UnrestrictedMinorUnits == pair.Second.UnrestrictedMinorUnits &&
            pair.First.CarriedInMinorUnits == pair.Second.CarriedInMinorUnits &&
            pair.First.PoolMinorUnits == pair.Second.PoolMinorUnits &&
            pair.First.AllocatedMinorUnits == pair.Second.AllocatedMinorUnits &&
            pair.First.LapsedMinorUnits == pair.Second.LapsedMinorUnits &&
            pair.First.StrandedRestrictedMinorUnits == pair.Second.StrandedRestrictedMinorUnits &&
            pair.First.StrandedReservesMinorUnits == pair.Second.StrandedReservesMinorUnits &&
            pair.First.Policy == pair.Second.Policy);
        var sameSummaries = narrow.Programs.All(s =>
            projected.GetSummary(s.Program.Id) is var w && w.FirstStallYear == s.FirstStallYear && w.ShelvedYear == s.ShelvedYear && w.YearsRun == s.YearsRun);
        return (samePrograms && extrasInactive && sameYears && sameSummaries).Label($"seed {seed}");
    }
}
