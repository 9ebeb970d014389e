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
    private readonly bool untilPrecision;
    private readonly object gate = new();
    private long lastWrite;
    private bool written;

    private TerminalProgress(TextWriter writer, string label, bool untilPrecision)
    {
        this.writer = writer;
        this.label = label;
        this.untilPrecision = untilPrecision;
    }

    /// <summary>Creates a progress line on the real stderr when it is a terminal, otherwise null.</summary>
    /// <param name="context">The command context.</param>
    /// <param name="label">What is being done ("Simulating").</param>
    /// <param name="untilPrecision">True in "until precision" mode: the planned runs are only a maximum, so runs are counted without a percentage.</param>
    /// <returns>The progress, or null.</returns>
    public static TerminalProgress? Create(CliContext context, string label, bool untilPrecision = false)
    {
        if (!ReferenceEquals(context.Error, Console.Error) || Console.IsErrorRedirected)
        {
            return null;
        }

        return new TerminalProgress(Console.Error, label, untilPrecision);
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
            writer.Write(untilPrecision
                ? string.Create(CultureInfo.InvariantCulture, $"\r{label}: {value.RunsDone:N0} runs (until precision, at most {value.RunsPlanned:N0})   ")
                : string.Create(CultureInfo.InvariantCulture, $"\r{label}: {value.Fraction * 100,3:0}% ({value.RunsDone:N0} of {value.RunsPlanned:N0} runs)   "));
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
