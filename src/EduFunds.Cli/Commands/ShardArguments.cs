using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Infrastructure;

namespace EduFunds.Cli.Commands;

/// <summary><c>--shard K/M|auto/M|auto</c> and <c>--save FILE</c> of <c>simulate</c> and <c>risk</c> (docs/scale-out.md).</summary>
internal sealed class ShardArguments
{
    private ShardArguments(Command command, Option<double?> precision)
    {
        Shard = new Option<string?>("--shard")
        {
            HelpName = "K/M|auto/M|auto",
        };
        Save = new Option<FileInfo?>("--save")
        {
            HelpName = "FILE",
        };
        command.Options.Add(Shard);
        command.Options.Add(Save);
        Shard.Validators.Add(result =>
        {
            // Only the shape is a parse error (exit 1); numbers outside 1 <= K <= M are invalid input (exit 2), see Resolve.
            if (result.Tokens.Count > 0 && !TryParse(result.Tokens[0].Value, out _, out _))
            {
                result.AddError(ParseTexts.Of(result).Format("shard.syntax", result.Tokens[0].Value));
            }
        });
        command.Validators.Add(result =>
        {
            var precise = result.GetResult(precision) is { Tokens.Count: > 0 };
            if (precise && result.GetResult(Shard) is { Tokens.Count: > 0 })
            {
                result.AddError(ParseTexts.Of(result)["error.shardAndPrecision"]);
            }
            else if (precise && result.GetResult(Save) is { Tokens.Count: > 0 })
            {
                result.AddError(ParseTexts.Of(result)["error.saveAndPrecision"]);
            }
        });
    }

    /// <summary><c>--shard</c>.</summary>
    public Option<string?> Shard { get; }

    /// <summary><c>--save</c>.</summary>
    public Option<FileInfo?> Save { get; }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="precision">The command's <c>--precision</c>, which excludes <c>--shard</c>.</param>
    /// <returns>The options.</returns>
    public static ShardArguments AddTo(Command command, Option<double?> precision) => new(command, precision);

    /// <summary>The shard asked for, with auto taken from the scheduler's variables; null without <c>--shard</c>.</summary>
    /// <param name="context">The command context (its environment).</param>
    /// <returns>The shard, or null.</returns>
    /// <exception cref="UsageException">auto without the scheduler's variables.</exception>
    /// <exception cref="UserInputException">An index outside 1..M (given, or from the scheduler's variables).</exception>
    public Simulation.Shard? Resolve(CliContext context)
    {
        var text = context.GetValue(Shard);
        if (text is null)
        {
            return null;
        }

        _ = TryParse(text, out var parsed, out _); // the validator already reported text that does not parse
        var (index, count) = parsed;
        var t = context.Texts;
        if (count is < 1 || index is { } i && (i < 1 || i > count))
        {
            throw new UserInputException(t.Format("shard.outside", text, count!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (index is not null)
        {
            return new Simulation.Shard(index.Value, count!.Value);
        }

        var variable = context.Environment.Variable;
        int k;
        if (Number(variable("SLURM_ARRAY_TASK_ID")) is { } slurmTask)
        {
            k = slurmTask;
            if (count is null)
            {
                var taskCount = Number(variable("SLURM_ARRAY_TASK_COUNT"));
                var min = Number(variable("SLURM_ARRAY_TASK_MIN"));
                var max = Number(variable("SLURM_ARRAY_TASK_MAX"));
                if (taskCount is null || min != 1 || max != taskCount)
                {
                    throw new UsageException(t.Format(
                        "shard.auto-array",
                        variable("SLURM_ARRAY_TASK_MIN") ?? "?",
                        variable("SLURM_ARRAY_TASK_MAX") ?? "?",
                        variable("SLURM_ARRAY_TASK_COUNT") ?? "?"));
                }

                count = taskCount;
            }
        }
        else if (Number(variable("JOB_COMPLETION_INDEX")) is { } completionIndex)
        {
            k = completionIndex + 1;
            if (count is null)
            {
                throw new UsageException(t["shard.auto-kubernetes"]);
            }
        }
        else
        {
            throw new UsageException(t["shard.auto-missing"]);
        }

        if (k < 1 || k > count)
        {
            throw new UserInputException(t.Format("shard.auto-outside", k.ToString(CultureInfo.InvariantCulture), count.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return new Simulation.Shard(k, count.Value);
    }

    /// <summary>Parses K/M, auto/M or auto.</summary>
    /// <param name="text">The option's text.</param>
    /// <param name="shard">K (null for auto) and M (null for plain auto).</param>
    /// <param name="error">The parse error, or null.</param>
    /// <returns>Whether it parsed.</returns>
    internal static bool TryParse(string text, out (int? Index, int? Count) shard, out string? error)
    {
        shard = default;
        error = null;
        if (text == "auto")
        {
            return true;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var count = slash > 0 ? Number(text[(slash + 1)..]) : null;
        if (slash <= 0 || count is null)
        {
            error = "syntax";
            return false;
        }

        var head = text[..slash];
        if (head == "auto")
        {
            shard = (null, count);
            return true;
        }

        if (Number(head) is not { } index)
        {
            error = "syntax";
            return false;
        }

        // K and M are whole numbers; whether 1 <= K <= M holds is checked by Resolve (exit 2, not a parse error).
        shard = (index, count);
        return true;
    }

    private static int? Number(string? text) =>
        text is not null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
