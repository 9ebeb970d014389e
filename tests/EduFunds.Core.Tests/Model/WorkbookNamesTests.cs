using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.Model;

public sealed class WorkbookNamesTests
{
    [Fact]
    public void ToName_EveryEnum_IsKebabCase()
    {
        Assert.Equal(["district-grant", "project-fund", "donation", "sponsorship", "in-kind", "other"], WorkbookNames.Names<StreamKind>());
        Assert.Equal(["recurring", "one-off"], WorkbookNames.Names<Recurrence>());
        Assert.Equal(["basic", "flagship"], WorkbookNames.Names<ProgramCategory>());
        Assert.Equal(["receipt", "expense"], WorkbookNames.Names<LedgerEntryType>());
        Assert.Equal(["half-even", "half-away-from-zero"], WorkbookNames.Names<RoundingMode>());
        Assert.Equal("in-kind", WorkbookNames.ToName(StreamKind.InKind));
    }

    [Fact]
    public void ToName_EveryEnumOfTheFiles_IsWhatJsonKebabCaseGives()
    {
        // docs/workbook-format.md tells library users that JsonNamingPolicy.KebabCaseLower spells the names.
        static void Same<TEnum>()
            where TEnum : struct, Enum
        {
            foreach (var value in Enum.GetValues<TEnum>())
            {
                Assert.Equal(System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()), WorkbookNames.ToName(value));
            }
        }

        Same<StreamKind>();
        Same<Recurrence>();
        Same<ProgramCategory>();
        Same<LedgerEntryType>();
        Same<RoundingMode>();
    }

    [Theory]
    [InlineData("district-grant", StreamKind.DistrictGrant)]
    [InlineData(" In-Kind ", StreamKind.InKind)]
    [InlineData("OTHER", StreamKind.Other)]
    public void TryParse_KnownNameAnyCase_ReturnsTheValue(string text, StreamKind expected)
    {
        Assert.True(WorkbookNames.TryParse<StreamKind>(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("districtgrant")]
    [InlineData("DistrictGrant")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0")]
    public void TryParse_UnknownName_ReturnsFalse(string? text)
    {
        Assert.False(WorkbookNames.TryParse<StreamKind>(text, out _));
    }

    [Fact]
    public void Parse_UnknownName_ListsTheValidNames()
    {
        var e = Assert.Throws<FormatException>(() => WorkbookNames.Parse<ProgramCategory>("core"));

        Assert.Contains("basic, flagship", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToName_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkbookNames.ToName((StreamKind)42));
    }

    [Fact]
    public void ParseOfToName_EveryValue_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<StreamKind>())
        {
            Assert.Equal(kind, WorkbookNames.Parse<StreamKind>(WorkbookNames.ToName(kind)));
        }

        foreach (var mode in Enum.GetValues<RoundingMode>())
        {
            Assert.Equal(mode, WorkbookNames.Parse<RoundingMode>(WorkbookNames.ToName(mode)));
        }
    }
}
