namespace EduFunds.Cli.Output;

/// <summary>How a human-readable cell should stand out.</summary>
internal enum Tone
{
    /// <summary>No emphasis.</summary>
    Plain,

    /// <summary>All is well (funded).</summary>
    Good,

    /// <summary>Needs attention (underfunded, a change).</summary>
    Warning,

    /// <summary>A problem (stalled, shelved, stranded money).</summary>
    Bad,

    /// <summary>Not applicable (inactive).</summary>
    Muted,
}

/// <summary>Text with a tone, for the cells of human views (table, Markdown).</summary>
/// <param name="Text">The text.</param>
/// <param name="Tone">The emphasis.</param>
internal sealed record StyledText(string Text, Tone Tone)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
