namespace EduFunds.Cli.Output;

/// <summary>
/// Text for people to copy as it is (rows to add to a workbook file, a scenario to paste into
/// edufunds.json) under a sentence that says what to do with it. Renderers print the text whole:
/// never wrapped to the width or escaped, so that it pastes unchanged; only the lead wraps.
/// </summary>
/// <param name="Lead">The sentence above the text ("Add these rows to streams.csv:").</param>
/// <param name="Text">The text, lines separated by LF.</param>
/// <param name="Language">What the text is, for a Markdown code fence: <c>csv</c> or <c>json</c>.</param>
internal sealed record ReportSnippet(string Lead, string Text, string Language);
