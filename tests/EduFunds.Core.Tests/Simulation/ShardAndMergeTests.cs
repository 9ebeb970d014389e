using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Simulation;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Simulation;

/// <summary>Shards (K of M), merging results of run ranges, and what a merge refuses (issue 12).</summary>
public sealed class ShardAndMergeTests
{
    [Property(MaxTest = 200)]
    public bool Range_ShardsOfAnyStudy_TileTheItemsInOrder(ushort totalSeed, byte countSeed)
    {
        long total = totalSeed;
        var count = 1 + (countSeed % 40);
        long next = 0;
        for (var k = 1; k <= count; k++)
        {
            var (first, n) = new Shard(k, count).Range(total);
            if (first != next || n < 0 || first != (k - 1) * total / count)
            {
                return false;
            }

            for (var item = first; item < first + n; item++)
            {
                if (Shard.ShardOf(item, total, count) != k)
                {
                    return false;
                }
            }

            next = first + n;
        }

        return next == total;
    }

    [Fact]
    public void Range_TenRunsInFourShards_FollowsTheFloorRule()
    {
        Assert.Equal((0L, 2L), new Shard(1, 4).Range(10));
        Assert.Equal((2L, 3L), new Shard(2, 4).Range(10));
        Assert.Equal((5L, 2L), new Shard(3, 4).Range(10));
        Assert.Equal((7L, 3L), new Shard(4, 4).Range(10));
    }

    [Fact]
    public void Pieces_ShardAcrossWorkbooks_SplitsAtTheWorkbookBorder()
    {
        // Items: workbook 0 has 0..5, workbook 1 has 6..9, workbook 2 has 10..14 (15 items, 3 shards of 5).
        var pieces = new Shard(2, 3).Pieces([6, 4, 5]);
        Assert.Equal([(0, 5L, 1L), (1, 0L, 4L)], pieces);
        Assert.Equal([(2, 0L, 5L)], new Shard(3, 3).Pieces([6, 4, 5]));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 0)]
    public void Constructor_IndexOutsideOneToCount_Throws(int index, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shard(index, count));

    [Fact]
    public void Merge_DifferentPolicy_IsRefusedNamingThePolicy()
    {
        var workbook = MonteCarloSimulatorTests.NoisyModel().Workbook;
        var head = Simulate(ProjectionModel.Create(workbook), 0, 100);
        var tail = Simulate(ProjectionModel.Create(workbook, policy: AllocationPolicies.Get("priority")), 100, 100);

        var error = Assert.Throws<SimulationMergeException>(() => SimulationResult.Merge(head, tail));
        Assert.Equal("policy", error.Field);
    }

    [Theory]
    [InlineData("streams", "workbook streams")]
    [InlineData("programs", "workbook programs")]
    [InlineData("settings", "workbook settings")]
    public void Merge_ChangedWorkbook_IsRefusedNamingThePart(string change, string field)
    {
        var workbook = MonteCarloSimulatorTests.NoisyModel().Workbook;
        var changed = change switch
        {
            "streams" => workbook with { Streams = [.. workbook.Streams.Select((s, i) => i == 0 ? new FundingStream(s.Id, s.Name, s.Kind, s.Recurrence, s.Amount, s.StartYear, s.EndYear, s.AnnualChange, s.RestrictedTo, 0.5m, s.AmountCv) : s)] },
            "programs" => workbook with { Programs = [.. workbook.Programs.Select((p, i) => i == 2 ? new EducationProgram(p.Id, p.Name, p.Category, p.Community, p.Cost + Money.FromMinorUnits(1, p.Currency), p.CostChange, p.MinFundingRatio, p.Priority, p.StartYear, p.EndYear, p.Participants) : p)] },
            _ => workbook with { ShelveAfter = 3 },
        };
        var head = Simulate(ProjectionModel.Create(workbook), 0, 100);
        var tail = Simulate(ProjectionModel.Create(changed), 100, 100);

        Assert.Equal(field, Assert.Throws<SimulationMergeException>(() => SimulationResult.Merge(head, tail)).Field);
    }

    [Fact]
    public void Merge_RenamedWorkbookWithTheSameNumbers_Merges()
    {
        var workbook = MonteCarloSimulatorTests.NoisyModel().Workbook;
        var head = Simulate(ProjectionModel.Create(workbook), 0, 100);
        var tail = Simulate(ProjectionModel.Create(workbook with { Name = "Renamed" }), 100, 100);

        Assert.Equal(200, SimulationResult.Merge(head, tail).Runs);
    }

    [Fact]
    public void Merge_OverlappingRanges_IsRefused()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var error = Assert.Throws<SimulationMergeException>(() => SimulationResult.Merge(Simulate(model, 0, 100), Simulate(model, 50, 100)));
        Assert.Equal("run range", error.Field);
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_RecordTheRandomMappingAndLibraryVersion()
    {
        var result = Simulate(MonteCarloSimulatorTests.NoisyModel(), 0, 10);
        Assert.Equal(RandomMapping.Version, result.Inputs.RandomMappingVersion);
        Assert.Equal(SimulationInputs.CurrentVersion, result.Inputs.EduFundsVersion);
        Assert.Matches("^[0-9a-f]{64}$", result.Inputs.ModelHash);

        var other = result.Inputs with { RandomMappingVersion = RandomMapping.Version + 1 };
        Assert.Equal("random-mapping version", result.Inputs.FirstDifference(other)?.Field);
    }

    [Fact]
    public void ResultFile_WriteThenRead_GivesTheSameResultAndMergesLikeTheOriginal()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var whole = Simulate(model, 0, 300);
        var head = RoundTrip(Simulate(model, 0, 120), model);
        var tail = RoundTrip(Simulate(model, 120, 180), model);

        var merged = SimulationResult.Merge(tail, head);

        Assert.Equal(MonteCarloSimulatorTests.Snapshot(whole), MonteCarloSimulatorTests.Snapshot(merged));
        Assert.Equal(whole.Inputs, merged.Inputs);
    }

    [Fact]
    public void ResultFile_ReadHeader_GivesShardAndStudyWithoutTheCounts()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var result = Simulate(model, 40, 60);
        var file = new ResultFile
        {
            Command = "simulate",
            Shard = new Shard(2, 3),
            FirstItem = 40,
            ItemCount = 60,
            StudyItems = 150,
            ListName = "a \",\"results\": b.txt",
            ListHash = "00",
            Parts = [WorkbookResultPart.Create(model, result, "t", totalRuns: 150)],
        };
        using var buffer = new MemoryStream();
        file.Write(buffer);
        buffer.Position = 0;

        var header = ResultFile.ReadHeader(buffer, "t");

        Assert.Equal(new Shard(2, 3), header.Shard);
        Assert.Equal(40, header.FirstItem);
        Assert.Equal(60, header.ItemCount);
        Assert.Equal((150L, 1, "a \",\"results\": b.txt", "00", (string?)null, (long?)null), (header.StudyItems, header.WorkbookCount, header.ListName, header.ListHash, header.AsOf, header.TornadoRuns));
        Assert.Empty(header.Parts);
    }

    [Fact]
    public void WorkbookResultPart_Create_NamesTheModelsWorkbookAndItsProjectionStalls()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var result = Simulate(model, 0, 50);

        var part = WorkbookResultPart.Create(model, result, "street", totalRuns: 200);

        Assert.Equal((1, "street", "street", model.Workbook.Name, model.Workbook.Currency, model.PolicyIn(model.Years.From).Name, 200L), (part.Position, part.Entry, part.Source, part.Name, part.Currency, part.Policy, part.TotalRuns));
        Assert.Equal(model.Project().Programs.Select(p => p.FirstStallYear), part.ProjectionFirstStall);
        Assert.Null(part.Simulation.Tornado);
        Assert.Empty(part.TornadoStreamIds);
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkbookResultPart.Create(model, result, "street", totalRuns: 49));
    }

    [Fact]
    public void ResultFile_SaveShardsThenReadAndMerge_EqualsTheWholeSimulation()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var folder = Directory.CreateTempSubdirectory("edufunds-results-");
        try
        {
            var paths = new List<string>();
            foreach (var shard in new[] { new Shard(1, 2), new Shard(2, 2) })
            {
                var (first, count) = shard.Range(120);
                var file = new ResultFile
                {
                    Command = "simulate",
                    Shard = shard,
                    FirstItem = first,
                    ItemCount = count,
                    StudyItems = 120,
                    Parts = [WorkbookResultPart.Create(model, Simulate(model, first, (int)count), "t", totalRuns: 120)],
                };
                var path = Path.Combine(folder.FullName, $"shard-{shard.Index}" + ResultFile.Extension);
                file.Save(path);
                paths.Add(path);
            }

            var parts = paths.Select(path =>
            {
                using var stream = File.OpenRead(path);
                return Assert.Single(ResultFile.Read(stream, path).Parts);
            }).ToList();
            var merged = SimulationResult.Merge(parts[0].Simulation, parts[1].Simulation);

            Assert.Equal(Simulate(model, 0, 120).StallProbability(merged.Programs[0].Id), merged.StallProbability(merged.Programs[0].Id));
            Assert.Equal(120, merged.Runs);
            Assert.Empty(folder.GetFiles("*.edufunds-tmp", SearchOption.AllDirectories));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ResultFile_NewerFormat_IsRefusedAsNewer()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("{\"format\":\"edufunds-result\",\"formatVersion\":99}"u8);
        }

        buffer.Position = 0;
        var error = Assert.Throws<InputValidationException>(() => ResultFile.Read(buffer, "future.result.json.gz"));
        var issue = Assert.Single(error.Issues);
        Assert.Equal("ResultFileNewerFormat", issue.Code);
        Assert.Equal("future.result.json.gz", issue.File);
        Assert.Equal(["99", "1"], issue.Arguments);
        Assert.Equal("future.result.json.gz: result file format 99 is newer than this EduFunds reads (1); update edufunds.", error.Message);
    }

    [Fact]
    public void ResultFile_NotGzipJson_IsRefusedAsDamaged()
    {
        using var buffer = new MemoryStream("not a result"u8.ToArray());
        var error = Assert.Throws<InputValidationException>(() => ResultFile.Read(buffer, "x"));
        Assert.Equal("ResultFileUnreadable", Assert.Single(error.Issues).Code);
        Assert.NotNull(error.InnerException);
    }

    private static SimulationResult Simulate(ProjectionModel model, long first, int runs) =>
        new MonteCarloSimulator().Simulate(model, new MonteCarloOptions { Runs = runs, Seed = 21, FirstRun = first });

    private static SimulationResult RoundTrip(SimulationResult result, ProjectionModel model)
    {
        var file = new ResultFile
        {
            Command = "simulate",
            ItemCount = result.Runs,
            StudyItems = result.Runs,
            Parts = [WorkbookResultPart.Create(model, result, "t", totalRuns: 300)],
        };
        using var buffer = new MemoryStream();
        file.Write(buffer);
        buffer.Position = 0;
        var read = ResultFile.Read(buffer, "t");
        return Assert.Single(read.Parts).Simulation;
    }
}
