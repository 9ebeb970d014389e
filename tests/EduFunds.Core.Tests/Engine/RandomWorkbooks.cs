using EduFunds.Model;
using EduFunds.Monetary;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Engine;

/// <summary>Random but valid workbooks for property tests, made from a seed that FsCheck generates (and shrinks).</summary>
internal static class RandomWorkbooks
{
    public static Workbook Create(int seed)
    {
        var random = new Random(seed);
        var years = random.Next(1, 6);
        var programCount = random.Next(1, 7);
        var programs = new List<EducationProgram>();
        for (var p = 0; p < programCount; p++)
        {
            var start = 2024 + random.Next(0, years);
            int? end = random.Next(4) == 0 ? start + random.Next(0, years) : null;
            programs.Add(Program(
                $"P{p}",
                random.Next(1, 1000),
                priority: random.Next(1, 4),
                minRatio: random.Next(1, 101) / 100m,
                category: random.Next(3) == 0 ? ProgramCategory.Flagship : ProgramCategory.Basic,
                start: start,
                end: end,
                costChange: random.Next(-20, 21) / 100m));
        }

        var streams = new List<FundingStream>();
        var streamCount = random.Next(0, 7);
        for (var s = 0; s < streamCount; s++)
        {
            var oneOff = random.Next(3) == 0;
            var start = 2022 + random.Next(0, years + 2);
            string[] restrictedTo = random.Next(3) == 0
                ? programs.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(3, programCount) + 1)).Select(p => p.Id).ToArray()
                : [];
            streams.Add(Stream(
                $"S{s}",
                random.Next(0, 1500),
                start: start,
                end: oneOff ? start + random.Next(0, 2) : (random.Next(4) == 0 ? start + random.Next(0, years) : null),
                change: random.Next(-20, 21) / 100m,
                kind: (StreamKind)random.Next(0, 4),
                recurrence: oneOff ? Recurrence.OneOff : Recurrence.Recurring,
                restrictedTo: restrictedTo));
        }

        return Workbook(
            streams,
            programs,
            PolicyNames.Names[random.Next(PolicyNames.Names.Count)],
            to: 2024 + years - 1,
            carryOver: random.Next(2) == 0,
            shelveAfter: random.Next(0, 4),
            rounding: random.Next(2) == 0 ? RoundingMode.HalfEven : RoundingMode.HalfAwayFromZero,
            flagshipWeight: new[] { 1m, 1.5m, 3m, 0.5m }[random.Next(4)]);
    }

    /// <summary>The same workbook with its stream and program rows in another order.</summary>
    public static Workbook Shuffle(Workbook workbook, int seed)
    {
        var random = new Random(seed);
        return workbook with
        {
            Streams = [.. workbook.Streams.OrderBy(_ => random.Next())],
            Programs = [.. workbook.Programs.OrderBy(_ => random.Next())],
        };
    }
}
