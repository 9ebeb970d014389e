namespace EduFunds.IO;

/// <summary>
/// The Chinese names a workbook's CSV headers (and the header rows of its .xlsx sheets) may use
/// instead of the English ones, as offices working in Chinese Excel or WPS write them: 编号, 名称,
/// 类型, 金额, ... (docs/workbook-format.md, "Column names in Chinese"). Each file has its own
/// table, because one word can name different columns (类型 is a stream's kind and a ledger
/// entry's type). EduFunds writes the English names.
/// </summary>
internal static class ColumnAliases
{
    private static readonly Dictionary<string, (string Column, string Alias)[]> Tables = new(StringComparer.Ordinal)
    {
        [WorkbookFiles.Streams] =
        [
            ("id", "编号"), ("name", "名称"), ("kind", "类型"), ("recurrence", "周期"), ("amount", "金额"),
            ("start_year", "起始年度"), ("end_year", "结束年度"), ("annual_change", "年变化率"),
            ("restricted_to", "限定用途"), ("renewal_probability", "续拨概率"), ("amount_cv", "金额变异系数"),
        ],
        [WorkbookFiles.Programs] =
        [
            ("id", "编号"), ("name", "名称"), ("category", "类别"), ("community", "社区"), ("cost", "成本"),
            ("cost_change", "成本变化率"), ("min_funding_ratio", "最低资金比例"), ("priority", "优先级"),
            ("start_year", "起始年度"), ("end_year", "结束年度"), ("participants", "参与人数"),
        ],
        [WorkbookFiles.Ledger] =
        [
            ("date", "日期"), ("type", "类型"), ("stream", "资金流"), ("program", "项目"), ("amount", "金额"),
            ("reference", "凭证号"), ("memo", "摘要"),
        ],
    };

    /// <summary>The English column and its Chinese name, for each column of a workbook file (empty for other files).</summary>
    /// <param name="file">A workbook file name such as <c>streams.csv</c>.</param>
    /// <returns>The aliases, in the file's column order.</returns>
    public static IReadOnlyList<(string Column, string Alias)> Of(string file) => Tables.TryGetValue(file, out var table) ? table : [];

    /// <summary>The column a header cell names, by its English name (any case) or its Chinese name, surrounding spaces and a byte order mark ignored; null when none.</summary>
    /// <param name="file">The workbook file.</param>
    /// <param name="header">The header cell.</param>
    /// <param name="columns">The file's columns.</param>
    /// <returns>The index in <paramref name="columns"/>, or -1.</returns>
    public static int IndexOf(string file, string header, IReadOnlyList<string> columns)
    {
        var name = header.Trim().TrimStart('\uFEFF').Trim();
        for (var c = 0; c < columns.Count; c++)
        {
            if (string.Equals(columns[c], name, StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        foreach (var (column, alias) in Of(file))
        {
            if (string.Equals(alias, name, StringComparison.Ordinal))
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (string.Equals(columns[c], column, StringComparison.Ordinal))
                    {
                        return c;
                    }
                }
            }
        }

        return -1;
    }
}
