using System.Runtime.InteropServices;

namespace EduFunds.IO;

/// <summary>
/// What kind of file a path is and who owns it, from the operating system (the .NET runtime's own
/// <c>stat</c> shim on Unix). Used so that an output path at a device, FIFO or socket is written
/// directly, never replaced by a regular file, and a replaced file keeps its owner.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>True when the path (links followed) exists and is neither a regular file nor a folder: a device, a FIFO or a socket.</summary>
    public static bool IsSpecial(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return Stat(path) is { } s && (s.Mode & TypeMask) is not (Regular or Directory);
    }

    /// <summary>
    /// Why a path cannot be read as a regular file, or null when it can (or does not exist): a
    /// folder, a symbolic link that leads nowhere (a loop or a missing target), or a FIFO, device
    /// or socket (opening a FIFO without a writer would wait forever).
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The problem, or null.</returns>
    public static EntryProblem? ProblemOf(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return EntryProblem.Folder;
        }

        if (File.Exists(path) && new FileInfo(path).LinkTarget is not null && !OperatingSystem.IsWindows() && Stat(path) is null)
        {
            return EntryProblem.BrokenLink;
        }

        return IsSpecial(path) ? EntryProblem.Special : null;
    }

    /// <summary>The owner (user and group ids) of an existing file, or null when unknown.</summary>
    public static (uint Uid, uint Gid)? Owner(string path) =>
        OperatingSystem.IsWindows() ? null : Stat(path) is { } s ? (s.Uid, s.Gid) : null;

    /// <summary>Gives a file an owner; false when not allowed (then it keeps the writer's).</summary>
    public static bool TryChown(string path, uint uid, uint gid)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return Chown(path, uid, gid) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static (int Mode, uint Uid, uint Gid)? Stat(string path)
    {
        try
        {
            // FileStatus of System.Native: int Flags, int Mode, uint Uid, uint Gid, then more; 256 bytes hold it.
            Span<byte> status = stackalloc byte[256];
            if (SystemNativeStat(path, ref MemoryMarshal.GetReference(status)) != 0)
            {
                return null;
            }

            return (BitConverter.ToInt32(status[4..]), BitConverter.ToUInt32(status[8..]), BitConverter.ToUInt32(status[12..]));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativeStat(string path, ref byte status);

    [DllImport("libc", EntryPoint = "chown", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Chown(string path, uint owner, uint group);
}

/// <summary>Why a path cannot be read as a regular file.</summary>
internal enum EntryProblem
{
    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A symbolic link whose target does not exist or loops back.</summary>
    BrokenLink,

    /// <summary>A FIFO, a device or a socket.</summary>
    Special,
}
