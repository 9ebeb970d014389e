using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Cli.Tests.Infrastructure;

/// <summary>A report command for testing the shared infrastructure: it fails on request or writes a small report.</summary>
internal sealed class FakeReportCommand : EduFundsCommand
{
    private readonly Option<string> fail = new("--fail") { DefaultValueFactory = _ => "none" };
    private readonly Option<DirectoryInfo?> input = new("--input");
    private readonly Option<string> currency = new("--currency") { DefaultValueFactory = _ => "CNY" };
    private readonly OutputOptions output;

    public FakeReportCommand()
        : base("fake", "A test report.")
    {
        Options.Add(fail);
        Options.Add(input);
        Options.Add(currency);
        output = OutputOptions.AddTo(this, "rows", "other");
        Examples.Add(new("edufunds fake --format csv", "write the fake report as CSV"));
    }

    public static RootCommand CreateRoot()
    {
        var root = EduFundsApp.CreateRootCommand();
        root.Subcommands.Add(new FakeReportCommand());
        return root;
    }

    public static Report CreateReport(Currency currency)
    {
        var report = new Report("edufunds.fake", 1, "Fake report", currency)
            .Set("workbook", "Workbook", "X Street 街道")
            .Set("ratio_setting", "Ratio", 0.5m)
            .Set("scenarios", "Scenarios", new[] { "base", "cut" });
        report.Notes.Add("A note | with a pipe");
        var rows = new ReportTable("rows", "Rows", [
            new ReportColumn("name", "Name", ColumnKind.Text),
            new ReportColumn("count", "Count", ColumnKind.Integer),
            new ReportColumn("amount", "Amount", ColumnKind.Money),
            new ReportColumn("ratio", "Ratio", ColumnKind.Ratio),
            new ReportColumn("year", "Year", ColumnKind.Year),
            new ReportColumn("status", "Status", ColumnKind.Status),
            new ReportColumn("changed", "Changed", ColumnKind.Flag),
        ]);
        rows.Add("=SUM(A1:A9)", 1, 123450L, 0.72345m, 2025, ProgramStatus.Stalled, true);
        rows.Add("+1", 2, -5L, 1m, null, ProgramStatus.Funded, false);
        rows.Add("-2", 3, 0L, null, 2030, ProgramStatus.Underfunded, false);
        rows.Add("@cmd", 4, long.MaxValue, 0m, 2020, ProgramStatus.Shelved, false);
        rows.Add("\tTab", 5, long.MinValue, 0.5m, 2021, ProgramStatus.Inactive, true);
        rows.Add("\rCR", 6, 100L, 0.5m, 2022, ProgramStatus.Inactive, true);
        rows.Add("a, \"quoted\"\nline | pipe", 7, 1L, 0.5m, 2023, ProgramStatus.Funded, false);
        rows.Add("数字技能", 8, 1234567L, 0.99999m, 2024, ProgramStatus.Underfunded, false);
        report.Tables.Add(rows);
        var other = new ReportTable("other", "Other", [new ReportColumn("key", "Key", ColumnKind.Text)]);
        other.Add("value");
        report.Tables.Add(other);
        return report;
    }

    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        switch (context.GetValue(fail))
        {
            case "user":
                throw new UserInputException("the scenario 'nope' does not exist; use one of: base, cut.");
            case "validation":
                var location = context.GetValue(input)?.FullName ?? "built-in example";
                throw new InputValidationException(
                    [
                        new ValidationIssue("streams.csv", 3, 5, IssueSeverity.Error, "amount 'abc' is not a number"),
                        new ValidationIssue("programs.csv", 7, 2, IssueSeverity.Error, "duplicate id 'P01'"),
                    ],
                    location);
            case "cancel":
                throw new OperationCanceledException();
            case "unexpected":
                throw new InvalidOperationException("boom");
        }

        var report = CreateReport(Currency.FromCode(context.GetValue(currency)!));
        await output.WriteAsync(context, report, context.GetValue(input)?.FullName);
        return ExitCodes.Ok;
    }
}
