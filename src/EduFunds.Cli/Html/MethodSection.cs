using System.Globalization;

namespace EduFunds.Cli.Html;

/// <summary>7. The method in one paragraph: policy, Monte Carlo settings and sampling error.</summary>
internal sealed class MethodSection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "method";

    /// <inheritdoc />
    public override string TitleKey => "SectionMethod";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        var risk = data.Risk;
        var runs = risk.Simulation?.Runs ?? 0;
        var halfWidth = risk.Simulation?.MaxStallHalfWidth() ?? 0;
        html.Paragraph(words.Format(
            "MethodText",
            risk.Policy,
            data.Workbook.ShelveAfter,
            ReportText.Count(runs),
            data.MonteCarlo.Seed.ToString(CultureInfo.InvariantCulture),
            halfWidth.ToString("0.000", CultureInfo.InvariantCulture),
            ReportText.Count(risk.TornadoRuns),
            data.Workbook.Currency.Code));
        if (data.Reforecast is { ForecastModel.KnownThrough: { } known } reforecast)
        {
            html.Paragraph(words.Format(
                "MethodReforecast",
                reforecast.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ReportText.Year(known),
                ReportText.Year(known + 1)));
        }
    }
}
