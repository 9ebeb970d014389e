using System.Globalization;

namespace EduFunds.Cli.Localization;

/// <summary>
/// What the CLI reads from the process around it: environment variables, the current folder and,
/// on Windows, the user's UI language. Tests pass their own so that a developer's locale or
/// folder never changes a test's outcome.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Creates an environment.</summary>
    /// <param name="variable">Reads an environment variable (null when unset).</param>
    /// <param name="currentDirectory">The current folder.</param>
    /// <param name="windowsUiCulture">The UI culture to use on Windows when no variable decides the language, or null elsewhere.</param>
    public CliEnvironment(Func<string, string?> variable, Func<string> currentDirectory, Func<CultureInfo?> windowsUiCulture)
    {
        Variable = variable;
        CurrentDirectory = currentDirectory;
        WindowsUiCulture = windowsUiCulture;
    }

    /// <summary>The real process: its variables, its current folder and, on Windows, its UI culture.</summary>
    public static CliEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory,
        () => OperatingSystem.IsWindows() ? CultureInfo.CurrentUICulture : null);

    /// <summary>Reads an environment variable (null when unset).</summary>
    public Func<string, string?> Variable { get; }

    /// <summary>The current folder.</summary>
    public Func<string> CurrentDirectory { get; }

    /// <summary>The Windows UI culture, or null when not on Windows.</summary>
    public Func<CultureInfo?> WindowsUiCulture { get; }

    /// <summary>An environment with the given variables and current folder, nothing else (for tests).</summary>
    /// <param name="variables">The variables.</param>
    /// <param name="currentDirectory">The current folder (default: the process's).</param>
    /// <returns>The environment.</returns>
    public static CliEnvironment With(IReadOnlyDictionary<string, string>? variables = null, string? currentDirectory = null)
    {
        var copy = new Dictionary<string, string>(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var folder = currentDirectory ?? Directory.GetCurrentDirectory();
        return new CliEnvironment(name => copy.TryGetValue(name, out var value) ? value : null, () => folder, () => null);
    }
}
