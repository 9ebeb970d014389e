using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.Tracking;

public class BudgetFileTests
{
    [Fact]
    public void BudgetTable_Read_ParsesAndNamesBadLines()
    {
        var table = BudgetFile.Read(new StringReader("program,year,amount\nP1,2024,1000.50\nP2,2024,0\n"), "budgets.csv", EduFunds.Monetary.Currency.Cny, ["P1", "P2"], new(2023, 2025));
        Assert.Equal([((2024, "P1"), new Money(1000.50m, Currency.Cny)), ((2024, "P2"), Money.Zero(Currency.Cny))], table.Select(b => (b.Key, b.Value)));

        var e = Assert.Throws<InputValidationException>(() => BudgetFile.Read(
            new StringReader("year,program,amount\n2024,P1,1\n2024,P1,2\n2040,P1,1\n2024,PX,1\n2024,P2,-5\n"), "budgets.csv", EduFunds.Monetary.Currency.Cny, ["P1", "P2"], new(2023, 2025)));
        Assert.Equal([(3, 2), (4, 1), (5, 2), (6, 3)], e.Issues.Select(x => (x.Line, x.Column)));
        Assert.Contains("already given on line 2", e.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InGb18030WithTheEncodingNamed_ReadsChineseIds()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding("gb18030").GetBytes("year,program,amount\n2024,课程一,10\n");
        var table = BudgetFile.Read(new MemoryStream(bytes), "budgets.csv", "gb18030", EduFunds.Monetary.Currency.Cny, ["课程一"], new(2023, 2025));
        Assert.Equal(1000, table[(2024, "课程一")].ToMinorUnits());

        var e = Assert.Throws<InputValidationException>(() =>
            BudgetFile.Read(new MemoryStream(bytes), "budgets.csv", null, EduFunds.Monetary.Currency.Cny, ["课程一"], new(2023, 2025)));
        var issue = Assert.Single(e.Issues);
        Assert.Equal((2, 6), (issue.Line, issue.Column));
        Assert.Contains("not valid UTF-8", issue.Message, StringComparison.Ordinal);
        Assert.Contains("--encoding gb18030", issue.Message, StringComparison.Ordinal);
    }
}
