using System.Text;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.IO;

public sealed class WorkbookWriterTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "edufunds-io-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WriteFolder_Example_ReadsBackEqual()
    {
        var original = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());

        new WorkbookWriter().WriteFolder(original, folder);
        var copy = new WorkbookReader().ReadFolder(folder);

        Assert.Equal(original, copy);
    }

    [Fact]
    public void WriteFolder_WritesUtf8WithoutBomAndLeavesNoTemporaryFiles()
    {
        var original = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());

        new WorkbookWriter().WriteFolder(original, folder);

        Assert.Equal(["edufunds.json", "ledger.csv", "programs.csv", "streams.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var bytes = File.ReadAllBytes(Path.Combine(folder, "programs.csv"));
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()));
        Assert.Contains("数字技能普及计划", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFolder_TextThatLooksLikeAFormula_IsProtectedAndReadBack()
    {
        var workbook = Sample() with
        {
            Programs = new EquatableArray<EducationProgram>([new EducationProgram("P1", "=HYPERLINK(\"x\")", ProgramCategory.Basic, "-社区", Cny(80000), 0m, 0.6m, 1, 2020, null, null)]),
        };

        new WorkbookWriter().WriteFolder(workbook, folder);
        var text = File.ReadAllText(Path.Combine(folder, "programs.csv"));
        var copy = new WorkbookReader().ReadFolder(folder);

        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("'-社区", text, StringComparison.Ordinal);
        Assert.Equal(workbook, copy);
    }

    [Fact]
    public void WriteFolder_EveryChangeAndLedger_ReadsBackEqual()
    {
        var added = new FundingStream("NEW", "新 \"资金\", 两行\n第二行", StreamKind.Donation, Recurrence.OneOff, Cny(12345), 2026, 2027, 0.1m, new EquatableArray<string>(["COURSE"]), 0.5m, 0.25m);
        var workbook = Sample() with
        {
            FiscalYearStartMonth = 4,
            Rounding = RoundingMode.HalfAwayFromZero,
            Policy = "equal",
            FlagshipWeight = 2.5m,
            ShelveAfter = 0,
            CarryOverPool = true,
            MonteCarloRuns = 123,
            MonteCarloSeed = -7,
            Scenarios = new EquatableArray<Scenario>(
            [
                new Scenario("all", "每一种变化", new EquatableArray<ScenarioChange>(
                [
                    new ScaleChange(2026, StreamTarget.Stream("DG"), 1.25m),
                    new TrendChange(2025, StreamTarget.OfKind(StreamKind.DistrictGrant), -0.10m),
                    new StopChange(2027, StreamTarget.OfKind(StreamKind.Donation)),
                    new AddStreamChange(2026, added),
                    new AddProgramChange(2026, new EducationProgram("COURSE", "COURSE", ProgramCategory.Basic, null, Cny(80000), 0m, 0.6m, 1, 2026, 2028, 30)),
                    new SetPolicyChange(2026, "viability-first"),
                    new SetFlagshipWeightChange(2026, 1.5m),
                    new SetMinFundingRatioChange(2026, "P1", 0.35m),
                    new SetPriorityChange(2026, "P1", 2),
                ])),
                new Scenario("empty", null, EquatableArray<ScenarioChange>.Empty),
            ]),
            Ledger = new EquatableArray<LedgerEntry>(
            [
                new LedgerEntry(new DateOnly(2020, 4, 1), LedgerEntryType.Receipt, "DG", null, Money.FromMinorUnits(100, Currency.Cny), "V-1", "memo, \"quoted\""),
                new LedgerEntry(new DateOnly(2031, 3, 31), LedgerEntryType.Expense, null, "P1", Money.FromMinorUnits(5, Currency.Cny), null, null),
            ]),
        };

        new WorkbookWriter().WriteFolder(workbook, folder);
        var copy = new WorkbookReader().ReadFolder(folder);

        Assert.Equal(workbook, copy);
    }

    [Fact]
    public void WriteFolder_EmptyLedgerOverAnExistingLedgerFile_EmptiesIt()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ledger.csv"), "date,type,stream,program,amount\n2020-01-01,receipt,DG,,1\n");

        new WorkbookWriter().WriteFolder(Sample(), folder);

        Assert.Empty(new WorkbookReader().ReadFolder(folder).Ledger);
    }

    [Property(MaxTest = 60)]
    public Property WriteThenRead_VariedWorkbooks_GiveEqualWorkbooks()
    {
        return Prop.ForAll(Arb.From(VariedWorkbooks()), workbook =>
        {
            var files = new WorkbookWriter().WriteFiles(workbook);
            var copy = new WorkbookReader().Read(IWorkbookFileSource.FromMemory(files));
            return copy.Equals(workbook);
        });
    }

    internal static Gen<Workbook> VariedWorkbooks()
    {
        var text = Gen.Elements("课程", "A, B", "say \"hi\"", "two\nlines", "=1+1", "-x", "@home", "naïve", "𝄞 music");
        var rate = Gen.Choose(-100, 300).Select(i => i / 100m);
        var currency = Gen.Elements("CNY", "JPY", "KWD", "EUR").Select(Currency.FromCode);
        return
            from cur in currency
            from first in Gen.Choose(2000, 2040)
            from length in Gen.Choose(0, 15)
            from programCount in Gen.Choose(1, 5)
            from streamCount in Gen.Choose(0, 6)
            from programs in Gen.ListOf(
                from name in text
                from cost in Gen.Choose(1, 1_000_000)
                from change in rate
                from ratio in Gen.Choose(1, 100)
                from priority in Gen.Choose(1, 5)
                from startOffset in Gen.Choose(0, length)
                from end in Gen.Elements<int?>(null, first + length, first + length + 3)
                from community in Gen.Elements<string?>(null, "东村", "x;y")
                from participants in Gen.Elements<int?>(null, 0, 250)
                from category in Gen.Elements(ProgramCategory.Basic, ProgramCategory.Flagship)
                select (name, cost, change, ratio, priority, startOffset, end, community, participants, category), programCount)
            from streams in Gen.ListOf(
                from name in text
                from amount in Gen.Choose(0, 5_000_000)
                from kind in Gen.Elements(Enum.GetValues<StreamKind>())
                from oneOff in Gen.Elements(true, false)
                from start in Gen.Choose(first - 5, first + length)
                from span in Gen.Choose(0, 4)
                from change in rate
                from restrict in Gen.Choose(0, programCount)
                from renewal in Gen.Choose(0, 100)
                from cv in Gen.Choose(0, 80)
                select (name, amount, kind, oneOff, start, span, change, restrict, renewal, cv), streamCount)
            from month in Gen.Choose(1, 12)
            from changeCount in Gen.Choose(0, 9)
            from changeCodes in Gen.ListOf(Gen.Choose(0, 8).SelectMany(kind => Gen.Choose(0, 1000).Select(x => (kind, x))), changeCount)
            from ledgerCodes in Gen.ListOf(Gen.Choose(0, 100_000).SelectMany(a => Gen.Choose(0, 400 * (length + 1)).Select(d => (a, d))), streamCount > 0 ? 5 : 0)
            select new Workbook
            {
                Name = "Generated",
                Currency = cur,
                FiscalYearStartMonth = month,
                Scenarios = new EquatableArray<Scenario>(
                    [new Scenario("generated", "各种变化", new EquatableArray<ScenarioChange>(changeCodes.Select((c, n) => Change(c.kind, c.x, n, first, length, streamCount, cur))))]),
                Ledger = new EquatableArray<LedgerEntry>(ledgerCodes.Select((l, n) => new LedgerEntry(
                    DateOnly.FromDateTime(new DateTime(first, month, 1).AddDays(l.d % ((365 * (length + 1)) - 1))),
                    n % 2 == 0 ? LedgerEntryType.Receipt : LedgerEntryType.Expense,
                    n % 2 == 0 || n % 3 == 0 ? "S0" : null,
                    n % 2 == 0 ? null : "P0",
                    Money.FromMinorUnits(l.a + 1, cur),
                    n % 4 == 0 ? null : $"V-{n}",
                    n % 5 == 0 ? "memo, \"quoted\"" : null))),
                Years = new YearRange(first, first + length),
                Programs = new EquatableArray<EducationProgram>(programs.Select((p, i) => new EducationProgram(
                    $"P{i}", p.name, p.category, p.community, Money.FromMinorUnits(p.cost, cur), p.change, p.ratio / 100m, p.priority,
                    first + p.startOffset, p.end is { } e && e >= first + p.startOffset ? e : null, p.participants))),
                Streams = new EquatableArray<FundingStream>(streams.Select((s, i) =>
                {
                    var restricted = s.kind == StreamKind.InKind ? Math.Max(1, s.restrict) : s.restrict;
                    var start = s.start;
                    int? end = s.oneOff || s.span > 2 ? Math.Max(start + s.span, first) : null;
                    return new FundingStream(
                        $"S{i}", s.name, s.kind, s.oneOff ? Recurrence.OneOff : Recurrence.Recurring, Money.FromMinorUnits(s.amount, cur), start, end, s.change,
                        new EquatableArray<string>(Enumerable.Range(0, restricted).Select(r => $"P{r}")), s.renewal / 100m, s.cv / 100m);
                })),
            };
    }

    private static ScenarioChange Change(int kind, int x, int n, int first, int length, int streamCount, Currency cur)
    {
        var from = first + (x % (length + 1));
        var target = streamCount > 0 && x % 2 == 0 ? StreamTarget.Stream($"S{x % streamCount}") : StreamTarget.OfKind((StreamKind)(x % 6));
        return kind switch
        {
            0 => new ScaleChange(from, target, x / 100m),
            1 => new TrendChange(from, target, (x - 500) / 1000m),
            2 => new StopChange(from, target),
            3 => new SetPolicyChange(from, AllocationNames[x % AllocationNames.Length]),
            4 => new SetFlagshipWeightChange(from, 1 + (x / 100m)),
            5 => new SetMinFundingRatioChange(from, "P0", (1 + (x % 100)) / 101m),
            6 => new SetPriorityChange(from, "P0", 1 + (x % 4)),
            7 => new AddProgramChange(from, new EducationProgram($"NEWP{n}", "新项目", ProgramCategory.Flagship, null, Money.FromMinorUnits(1 + x, cur), 0.01m, 0.5m, 2, from, null, 10)),
            _ => new AddStreamChange(from, new FundingStream($"NEWS{n}", "新资金", StreamKind.Sponsorship, Recurrence.OneOff, Money.FromMinorUnits(x, cur), from, from + 1, 0m, new EquatableArray<string>(["P0"]), 0.9m, 0.1m)),
        };
    }

    private static readonly string[] AllocationNames = ["proportional", "priority", "viability-first", "equal", "visibility-weighted"];

    private static EducationProgram Program(string id) =>
        new(id, id, ProgramCategory.Basic, null, Cny(80000), 0m, 0.6m, 1, 2020, null, null);

    private static Money Cny(long minorUnits) => Money.FromMinorUnits(minorUnits, Currency.Cny);

    private static Workbook Sample() => new()
    {
        Name = "Sample",
        Currency = Currency.Cny,
        Years = new YearRange(2020, 2030),
        Streams = new EquatableArray<FundingStream>(
            [new FundingStream("DG", "Budget", StreamKind.DistrictGrant, Recurrence.Recurring, Cny(100000), 2019, null, -0.08m, EquatableArray<string>.Empty, 1m, 0m)]),
        Programs = new EquatableArray<EducationProgram>([Program("P1")]),
    };
}
