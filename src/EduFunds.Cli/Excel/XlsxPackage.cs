using System.IO.Compression;

namespace EduFunds.Cli.Excel;

/// <summary>
/// Makes an .xlsx file's bytes depend on its content only: the ZIP entries are written again in
/// the same order with one fixed timestamp, so the same report is the same file.
/// </summary>
internal static partial class XlsxPackage
{
    /// <summary>The time stamped on every entry (the ZIP format's dates start in 1980).</summary>
    public static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rewrites a package with fixed entry times.</summary>
    /// <param name="package">The package as written by the Open XML SDK.</param>
    /// <returns>The normalised bytes.</returns>
    public static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        var count = 0;
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                {
                    // The SDK names the package's relationships at random; nothing else refers to them.
                    using var reader = new StreamReader(from);
                    var relationships = RandomId().Replace(reader.ReadToEnd(), m => $"Id=\"rIdPackage{++count}\"");
                    to.Write(new System.Text.UTF8Encoding(false).GetBytes(relationships));
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("Id=\"R[0-9a-f]{16}\"")]
    private static partial System.Text.RegularExpressions.Regex RandomId();
}
