using System.CommandLine;
using EduFunds.Cli.Html;

namespace EduFunds.Cli.Commands;

/// <summary><c>--lang</c> of the report and chart commands: English or Simplified Chinese.</summary>
internal static class LanguageOption
{
    /// <summary>Creates the option.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--lang")
        {
            Description = $"The language of the words: {string.Join(" or ", ReportText.Languages)} (default en). Numbers are written the same way in both.",
            HelpName = "en|zh-CN",
        };
        option.CompletionSources.Add(ReportText.Languages.ToArray());
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !ReportText.Languages.Contains(r.Tokens[0].Value, StringComparer.OrdinalIgnoreCase)
                && !r.Tokens[0].Value.Equals("zh", StringComparison.OrdinalIgnoreCase))
            {
                r.AddError($"--lang '{r.Tokens[0].Value}' is not a language of EduFunds; use one of: {string.Join(", ", ReportText.Languages)}.");
            }
        });
        return option;
    }
}
