namespace EduFunds.Cli.Tests.Commands;

/// <summary>The repository's examples/x-street workbook.</summary>
internal static class ExampleFolder
{
    public static string Path { get; } = Find();

    /// <summary>Copies the example's workbook files into <paramref name="target"/>.</summary>
    public static void CopyTo(string target)
    {
        foreach (var file in Directory.GetFiles(Path))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)), overwrite: true);
        }
    }

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.Combine(dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found."), "examples", "x-street");
    }
}
