using System.Reflection;

namespace EduFunds.IO;

/// <summary>
/// Where the files of a workbook come from: a folder on disk, resources embedded in an
/// assembly, or files held in memory (<see cref="FromFolder"/>, <see cref="FromResources"/>,
/// <see cref="FromMemory"/>), or a source of your own. <see cref="WorkbookReader"/> reads through it.
/// A workbook is the files <see cref="SettingsFileName"/>, <see cref="StreamsFileName"/>,
/// <see cref="ProgramsFileName"/> and, optionally, <see cref="LedgerFileName"/> (see docs/workbook-format.md);
/// <see cref="WorkbookWriter.WriteFiles"/> gives them by these names.
/// </summary>
public interface IWorkbookFileSource
{
    /// <summary>The settings file, <c>edufunds.json</c> (a folder that holds it is a workbook).</summary>
    const string SettingsFileName = "edufunds.json";

    /// <summary>The funding streams, <c>streams.csv</c>.</summary>
    const string StreamsFileName = "streams.csv";

    /// <summary>The programs, <c>programs.csv</c>.</summary>
    const string ProgramsFileName = "programs.csv";

    /// <summary>The optional ledger of actual receipts and expenses, <c>ledger.csv</c>.</summary>
    const string LedgerFileName = "ledger.csv";

    /// <summary>Where the workbook is, for messages ("/data/x-street", "built-in example").</summary>
    string Location { get; }

    /// <summary>True when the source holds a file of that name.</summary>
    /// <param name="fileName">A file name such as <see cref="StreamsFileName"/>.</param>
    /// <returns>Whether the file exists.</returns>
    bool Exists(string fileName);

    /// <summary>Opens a file for reading.</summary>
    /// <param name="fileName">A file name such as <see cref="StreamsFileName"/>.</param>
    /// <returns>A readable stream; the caller disposes it.</returns>
    /// <exception cref="FileNotFoundException">The source has no such file.</exception>
    Stream Open(string fileName);

    /// <summary>The files of a workbook folder.</summary>
    /// <param name="folder">The folder that holds <c>edufunds.json</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is empty.</exception>
    public static IWorkbookFileSource FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return new WorkbookFileSources.FolderSource(folder);
    }

    /// <summary>Files held in memory, by file name (for tests and for workbooks made on the fly).</summary>
    /// <param name="files">File name to content (UTF-8 bytes).</param>
    /// <param name="location">How the workbook is named in messages.</param>
    /// <returns>The source.</returns>
    public static IWorkbookFileSource FromMemory(IReadOnlyDictionary<string, byte[]> files, string location = "in-memory workbook")
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(location);
        return new WorkbookFileSources.MemorySource(new Dictionary<string, byte[]>(files, StringComparer.Ordinal), location);
    }

    /// <summary>
    /// Files embedded as manifest resources of an assembly, whose logical names are
    /// <paramref name="prefix"/> followed by the file name (<c>EduFunds.Cli.Example.streams.csv</c>).
    /// </summary>
    /// <param name="assembly">The assembly that holds the resources.</param>
    /// <param name="prefix">The common prefix of the resource names, for example <c>EduFunds.Cli.Example.</c>.</param>
    /// <param name="location">How the workbook is named in messages, for example "built-in example".</param>
    /// <returns>The source.</returns>
    public static IWorkbookFileSource FromResources(Assembly assembly, string prefix, string location)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(location);
        return new WorkbookFileSources.ResourceSource(assembly, prefix, location);
    }
}

/// <summary>The built-in kinds of <see cref="IWorkbookFileSource"/>, made by its factories.</summary>
internal static class WorkbookFileSources
{
    internal sealed class FolderSource(string folder) : IWorkbookFileSource, IEntryCheck
    {
        public string Location => folder;

        // Only a file that can be read counts: a folder, a broken link or a FIFO is reported by Problem.
        public bool Exists(string fileName) => File.Exists(Path.Combine(folder, fileName)) && Problem(fileName) is null;

        public EntryProblem? Problem(string fileName) => FileKinds.ProblemOf(Path.Combine(folder, fileName));

        public Stream Open(string fileName) =>
            new FileStream(Path.Combine(folder, fileName), FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    internal sealed class MemorySource(Dictionary<string, byte[]> files, string location) : IWorkbookFileSource
    {
        public string Location => location;

        public bool Exists(string fileName) => files.ContainsKey(fileName);

        public Stream Open(string fileName) =>
            files.TryGetValue(fileName, out var bytes)
                ? new MemoryStream(bytes, writable: false)
                : throw new FileNotFoundException($"The workbook {location} has no file {fileName}.", fileName);
    }

    internal sealed class ResourceSource(Assembly assembly, string prefix, string location) : IWorkbookFileSource
    {
        public string Location => location;

        public bool Exists(string fileName) => assembly.GetManifestResourceInfo(prefix + fileName) is not null;

        public Stream Open(string fileName) =>
            assembly.GetManifestResourceStream(prefix + fileName)
            ?? throw new FileNotFoundException($"The workbook {location} has no file {fileName}.", fileName);
    }
}

/// <summary>A source whose entries may be something other than a readable file (a folder on disk).</summary>
internal interface IEntryCheck
{
    /// <summary>Why the entry cannot be read as a file, or null when it can or does not exist.</summary>
    /// <param name="fileName">A file name such as <c>ledger.csv</c>.</param>
    /// <returns>The problem, or null.</returns>
    EntryProblem? Problem(string fileName);
}
