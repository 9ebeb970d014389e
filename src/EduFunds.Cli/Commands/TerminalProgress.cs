using System.Diagnostics;
using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Simulation;

namespace EduFunds.Cli.Commands;

/// <summary>
/// A one-line percentage on stderr while a simulation runs, only when stderr is a terminal:
/// redirected output and tests see nothing. The line is cleared when done.
/// </summary>
internal sealed class TerminalProgress : IProgress<SimulationProgress>, IDisposable
{
    private static readonly long Interval = Stopwatch.Frequency / 10;
    private readonly TextWriter writer;
    private readonly string label;
    private readonly Localization.Texts texts;
    private readonly bool untilPrecision;
    private readonly object gate = new();
    private long lastWrite;
    private bool written;

    private TerminalProgress(TextWriter writer, Localization.Texts texts, bool untilPrecision)
    {
        this.writer = writer;
        this.texts = texts;
        this.label = texts["progress.simulating"];
        this.untilPrecision = untilPrecision;
    }

    /// <summary>Creates a progress line on the real stderr when it is a terminal, otherwise null.</summary>
    /// <param name="context">The command context.</param>
    /// <param name="untilPrecision">True in "until precision" mode: the planned runs are only a maximum, so runs are counted without a percentage.</param>
    /// <returns>The progress, or null.</returns>
    public static TerminalProgress? Create(CliContext context, bool untilPrecision = false)
    {
        if (!ReferenceEquals(context.Error, Console.Error) || Console.IsErrorRedirected)
        {
            return null;
        }

        return new TerminalProgress(Console.Error, context.Texts, untilPrecision);
    }

    /// <inheritdoc />
    public void Report(SimulationProgress value)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            if (now - lastWrite < Interval && value.RunsDone < value.RunsPlanned)
            {
                return;
            }

            lastWrite = now;
            written = true;
            var done = value.RunsDone.ToString("N0", CultureInfo.InvariantCulture);
            var planned = value.RunsPlanned.ToString("N0", CultureInfo.InvariantCulture);
            writer.Write("\r" + (untilPrecision
                ? texts.Format("progress.precision", label, done, planned)
                : texts.Format("progress.fixed", label, (value.Fraction * 100).ToString("0", CultureInfo.InvariantCulture).PadLeft(3) + "%", done, planned)) + "   ");
            writer.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            if (written)
            {
                writer.Write("\r" + new string(' ', 72) + "\r");
                writer.Flush();
                written = false;
            }
        }
    }
}
