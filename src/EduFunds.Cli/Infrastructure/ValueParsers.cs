using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// Parses option values with messages a finance officer understands: "--runs 'many' is not a
/// whole number", "-f 'pdf' is not one of: table, csv, json, markdown", instead of the parser's
/// default that names .NET types (System.Nullable`1[System.Int32]).
/// </summary>
internal static class ValueParsers
{
    /// <summary>Gives every number and format option of a command tree a parser with plain messages.</summary>
    /// <param name="command">The root command.</param>
    /// <param name="t">The texts of the messages.</param>
    public static void Apply(Command command, Texts t)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int?> { CustomParser: null } o:
                    o.CustomParser = r => Parse(r, t, "error.notWholeNumber", text =>
                        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (int?)null);
                    break;
                case Option<long?> { CustomParser: null } o:
                    o.CustomParser = r => Parse(r, t, "error.notWholeNumber", text =>
                        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : (long?)null);
                    break;
                case Option<double?> { CustomParser: null } o:
                    o.CustomParser = r => Parse(r, t, "error.notNumber", text =>
                        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null);
                    break;
                case Option<OutputFormat?> { CustomParser: null } o:
                    o.CustomParser = r => ParseFormat(r, t);
                    break;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Apply(sub, t);
        }
    }

    private static T? Parse<T>(ArgumentResult result, Texts t, string key, Func<string, T?> parse)
        where T : struct
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        if (parse(text) is { } value)
        {
            return value;
        }

        result.AddError(t.Format(key, Name(result), text));
        return null;
    }

    private static OutputFormat? ParseFormat(ArgumentResult result, Texts t)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        foreach (var format in Enum.GetValues<OutputFormat>())
        {
            if (string.Equals(format.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        var names = Enum.GetValues<OutputFormat>().Select(f => f.ToString().ToLowerInvariant());
        result.AddError(t.Format("error.notOneOf", Name(result), text, string.Join(", ", names)));
        return null;
    }

    private static string Name(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.IdentifierToken?.Value ?? option.Option.Name : "value";
}
