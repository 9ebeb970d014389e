namespace EduFunds.Cli.Charts;

/// <summary>
/// Colours and patterns of the charts: the Okabe-Ito palette, which colour-blind readers tell
/// apart, and every other series hatched or dotted so that a greyscale print keeps them apart too.
/// </summary>
internal static class ChartStyle
{
    /// <summary>The Okabe-Ito colours, darkest and most distinct first.</summary>
    public static readonly string[] Palette =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>Overlay of each series' pattern (null = plain colour).</summary>
    public static readonly string?[] Patterns =
    [
        null,
        "<path d=\"M0 8L8 0M-2 2L2 -2M6 10L10 6\" stroke=\"#000\" stroke-opacity=\"0.45\" stroke-width=\"1.5\"/>",
        "<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#000\" fill-opacity=\"0.45\"/>",
        "<path d=\"M0 0L8 8M-2 6L2 10M6 -2L10 2\" stroke=\"#fff\" stroke-opacity=\"0.8\" stroke-width=\"1.5\"/>",
        "<path d=\"M0 4H8\" stroke=\"#000\" stroke-opacity=\"0.4\" stroke-width=\"1.5\"/>",
        null,
        "<path d=\"M4 0V8\" stroke=\"#000\" stroke-opacity=\"0.4\" stroke-width=\"1.5\"/>",
        null,
    ];

    /// <summary>Dash arrays of lines, so lines differ without colour.</summary>
    public static readonly string?[] Dashes = [null, "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

    /// <summary>The colour of series <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    /// <returns>A colour.</returns>
    public static string Colour(int index) => Palette[index % Palette.Length];

    /// <summary>The dash of line <paramref name="index"/>.</summary>
    /// <param name="index">The index.</param>
    /// <returns>A dash array or null.</returns>
    public static string? Dash(int index) => Dashes[index % Dashes.Length];
}
