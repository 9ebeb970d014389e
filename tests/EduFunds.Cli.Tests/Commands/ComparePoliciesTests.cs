namespace EduFunds.Cli.Tests.Commands;

public class ComparePoliciesTests
{
    [Fact]
    public async Task ComparePolicies_Csv_FivePoliciesWithErrorsAndTheBestMarked()
    {
        var result = await CliRun.RunAsync("risk", "--compare-policies", "--runs", "300", "-f", "csv");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',').ToList();
        Assert.Equal(
            ["policy", "expected_stalled_programs", "expected_stalled_programs_error", "best_stalled", "high_risk_programs", "high_risk_borderline", "best_high_risk",
             "expected_participants_served", "expected_participants_served_error", "best_participants", "expected_money_lapsed", "expected_money_lapsed_error", "best_lapsed", "seed", "runs"],
            header);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["proportional", "priority", "viability-first", "equal", "visibility-weighted"], rows.Select(r => r[0]));
        foreach (var best in new[] { "best_stalled", "best_high_risk", "best_participants", "best_lapsed" })
        {
            Assert.Contains(rows, r => r[header.IndexOf(best)] == "true");
        }

        NonEmpty.All(rows, r => Assert.Equal(["1", "300"], r[^2..]));
    }

    [Theory]
    [InlineData("en", "--compare-policies compares every policy under the same runs; it does not go with --policy.")]
    [InlineData("zh-CN", "--compare-policies 在相同的模拟下比较所有分配策略，不能与 --policy 同时使用。")]
    public async Task ComparePolicies_WithPolicy_UsageError_InTheUsersLanguage(string language, string message)
    {
        var result = await CliRun.RunAsync("risk", "--compare-policies", "--policy", "equal", "--lang", language);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComparePolicies_Table_SaysHowManyProgramsHaveNoParticipantCount()
    {
        var result = await CliRun.RunAsync("risk", "--compare-policies", "--runs", "200", "--lang", "zh-CN");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("没有参与人数", result.Output, StringComparison.Ordinal);
        Assert.Contains("★", result.Output, StringComparison.Ordinal);
    }
}
