namespace EduFunds.Cli;

/// <summary>The exit codes of <c>edufunds</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong (unknown option, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>An input file is invalid; every problem is listed on stderr.</summary>
    public const int InvalidInput = 2;

    /// <summary>Something unexpected failed (a bug or an environment problem).</summary>
    public const int Unexpected = 3;

    /// <summary>Cancelled by the user (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
