using EduFunds.Engine;
using EduFunds.Model;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Engine;

/// <summary>The scenario change <c>rate</c> (DESIGN.md "Scenarios"), computed by hand.</summary>
public class RateChangeTests
{
    private static long[] Planned(Workbook workbook) =>
        ProjectionModel.Create(workbook, scenario: "s").PlannedAmounts.ToArray();

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Rate_DesignExample_DistrictGrantFalls15PercentFrom2027(int firstYear)
    {
        // DG-01 600,000.00 from 2019 with c = -0.08, rate -0.05 from 2025 and -0.15 from 2027:
        // 2025 = 600,000 x 0.92^5 x 0.95 = 375,676.47; 2026 = 356,892.64; 2027 = 303,358.75;
        // 2028 = 257,854.94. A window starting in 2026 (the first rate dated before it) gives the same years.
        var workbook = Workbook(
            [Stream("DG-01", 60_000_000, start: 2019, change: -0.08m)],
            [],
            from: firstYear,
            to: 2028,
            scenarios:
            [
                Scenario(
                    "s",
                    new RateChange(2025, StreamTarget.Stream("DG-01"), -0.05m),
                    new RateChange(2027, StreamTarget.Stream("DG-01"), -0.15m)),
            ]);
        long[] expected = [37_567_647, 35_689_264, 30_335_875, 25_785_494];
        Assert.Equal(expected[(firstYear - 2025)..], Planned(workbook));
    }

    [Fact]
    public void Rate_ReplacesTheOwnChange_NotAddedToIt()
    {
        // Own change +10%; rate 0 from 2025: 1000, 1000, 1000 (a trend of 0 would keep 1100, 1210).
        var workbook = Workbook(
            [Stream("DG", 1000, change: 0.10m)],
            [],
            to: 2026,
            scenarios: [Scenario("s", new RateChange(2025, StreamTarget.Stream("DG"), 0m))]);
        Assert.Equal([1000L, 1000L, 1000L], Planned(workbook));
    }

    [Fact]
    public void Rate_StreamAndKindCompete_LatestYearWins()
    {
        // Stream rate 0 from 2025, kind rate -0.5 from 2026 (listed first): 2025 grows by 0, 2026
        // and 2027 by -0.5: 1000, 1000, 500, 250.
        var workbook = Workbook(
            [Stream("DG", 1000, change: 0.10m)],
            [],
            to: 2027,
            scenarios:
            [
                Scenario(
                    "s",
                    new RateChange(2026, StreamTarget.OfKind(StreamKind.DistrictGrant), -0.5m),
                    new RateChange(2025, StreamTarget.Stream("DG"), 0m)),
            ]);
        Assert.Equal([1000L, 1000L, 500L, 250L], Planned(workbook));
    }

    [Theory]
    [InlineData(true, 900, 810)]
    [InlineData(false, 1200, 1440)]
    public void Rate_SameYear_TheLaterInTheListWins(bool streamLast, long y2025, long y2026)
    {
        var kind = new RateChange(2025, StreamTarget.OfKind(StreamKind.DistrictGrant), 0.2m);
        var stream = new RateChange(2025, StreamTarget.Stream("DG"), -0.1m);
        var workbook = Workbook(
            [Stream("DG", 1000, change: 0.10m)],
            [],
            to: 2026,
            scenarios: [Scenario("s", streamLast ? [kind, stream] : [stream, kind])]);
        Assert.Equal([1000L, y2025, y2026], Planned(workbook));
    }

    [Fact]
    public void Rate_FromBeforeTheStreamStart_GrowsFromTheStartAndKeepsTheStartAmount()
    {
        // Y <= s: a x (1 + g)^(y - s): 1000, 1500, 2250.
        var workbook = Workbook(
            [Stream("DG", 1000, change: 0.10m)],
            [],
            to: 2026,
            scenarios: [Scenario("s", new RateChange(2020, StreamTarget.Stream("DG"), 0.5m))]);
        Assert.Equal([1000L, 1500L, 2250L], Planned(workbook));
    }

    [Fact]
    public void Rate_ScaleAndTrendMultiplyThePath_StopWins()
    {
        // 2025: 1000 x 0.8 x 2 = 1600; 2026: 1000 x 0.8^2 x 2 x 0.5 = 640; 2027: stopped.
        var workbook = Workbook(
            [Stream("DG", 1000, change: 0.10m)],
            [],
            to: 2027,
            scenarios:
            [
                Scenario(
                    "s",
                    new StopChange(2027, StreamTarget.Stream("DG")),
                    new TrendChange(2026, StreamTarget.Stream("DG"), -0.5m),
                    new ScaleChange(2025, StreamTarget.Stream("DG"), 2m),
                    new RateChange(2025, StreamTarget.Stream("DG"), -0.2m)),
            ]);
        Assert.Equal([1000L, 1600L, 640L, 0L], Planned(workbook));
    }

    [Fact]
    public void Rate_ForAKind_AppliesToStreamsTheScenarioAdds()
    {
        // The added district grant (start 2025, +50%) grows by the kind's rate -0.5 instead: 2025 800, 2026 400.
        var added = Stream("NEW", 800, start: 2025, change: 0.5m);
        var workbook = Workbook(
            [],
            [],
            to: 2026,
            scenarios:
            [
                Scenario(
                    "s",
                    new AddStreamChange(2025, added),
                    new RateChange(2024, StreamTarget.OfKind(StreamKind.DistrictGrant), -0.5m)),
            ]);
        Assert.Equal([0L, 800L, 400L], Planned(workbook));
    }

    [Fact]
    public void Trend_DatedBeforeTheFirstYear_KeepsItsOwnYear()
    {
        // A trend from 2018 is already (1 + g)^3 in 2020: 1000 x 1.1^3 = 1331.
        var workbook = Workbook(
            [Stream("DG", 1000, start: 2015)],
            [],
            from: 2020,
            to: 2020,
            scenarios: [Scenario("s", new TrendChange(2018, StreamTarget.Stream("DG"), 0.1m))]);
        Assert.Equal([1331L], Planned(workbook));
    }
}
