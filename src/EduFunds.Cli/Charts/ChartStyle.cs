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

    /// <summary>Overlay of each series' pattern over its colour (null = plain colour).</summary>
    public static readonly ChartPattern?[] Patterns =
    [
        null,
        new("M0 8L8 0M-2 2L2 -2M6 10L10 6", "#000", 0.45),
        new(null, "#000", 0.45),
        new("M0 0L8 8M-2 6L2 10M6 -2L10 2", "#fff", 0.8),
        new("M0 4H8", "#000", 0.4),
        null,
        new("M4 0V8", "#000", 0.4),
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

/// <summary>A hatch drawn over a series' colour in an 8 by 8 pixel tile: strokes along a path, or a dot in the middle.</summary>
/// <param name="PathData">The strokes as SVG path data, or null for a dot.</param>
/// <param name="Colour">The colour of the strokes or the dot.</param>
/// <param name="Opacity">Their opacity.</param>
internal sealed record ChartPattern(string? PathData, string Colour, double Opacity)
{
    /// <summary>The side of the tile.</summary>
    public const double TileSize = 8;

    /// <summary>The width of the strokes.</summary>
    public const double StrokeWidth = 1.5;

    /// <summary>The radius of the dot.</summary>
    public const double DotRadius = 1.6;
}
