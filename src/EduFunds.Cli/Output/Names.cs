using EduFunds.Funding;
using EduFunds.Programs;
using EduFunds.Workbooks;

namespace EduFunds.Cli.Output;

/// <summary>The kebab-case names reports use for kinds, recurrences and categories (as in the workbook files).</summary>
internal static class Names
{
    /// <summary>The kinds in report order.</summary>
    public static IReadOnlyList<StreamKind> Kinds { get; } = Enum.GetValues<StreamKind>();

    /// <summary>The workbook name of a stream kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>district-grant, project-fund, donation, sponsorship, in-kind or other.</returns>
    public static string Of(StreamKind kind) => WorkbookNames.ToName(kind);

    /// <summary>The workbook name of a recurrence.</summary>
    /// <param name="recurrence">The recurrence.</param>
    /// <returns>recurring or one-off.</returns>
    public static string Of(Recurrence recurrence) => WorkbookNames.ToName(recurrence);

    /// <summary>The workbook name of a category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>basic or flagship.</returns>
    public static string Of(ProgramCategory category) => WorkbookNames.ToName(category);

    /// <summary>The snake_case column name of a kind's money (district_grant, in_kind).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The column name.</returns>
    public static string Column(StreamKind kind) => Of(kind).Replace('-', '_');
}
