namespace EduFunds.Core.Tests;

/// <summary>Keeps the test suites from checking "every item" of what may be nothing.</summary>
public sealed class NonEmptyUseTests
{
    // Split so that this file does not match itself.
    private const string AllOfAssert = "Assert." + "All(";

    [Fact]
    public void TestSources_UseNonEmptyAllInsteadOfAssertAll()
    {
        var tests = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
        var sources = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.EndsWith($"{Path.DirectorySeparatorChar}NonEmpty.cs", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, f => f.EndsWith("NonEmptyUseTests.cs", StringComparison.Ordinal));

        var offenders = sources.Where(f => File.ReadAllText(f).Contains(AllOfAssert, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(tests, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Use NonEmpty.All (Assert.All passes on nothing) in: " + string.Join(", ", offenders));
    }
}
