using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EduFunds.Engine;

/// <summary>
/// SHA-256 fingerprints of everything a projection run reads from a compiled model, in three
/// parts so that a mismatch can be named: the settings (years, policies and flagship weights
/// per year, shelving, carry-over), the streams (ids, kinds, terms, restrictions, Monte Carlo
/// inputs and every planned amount after the scenario) and the programs (ids, categories and
/// every need, minimum and priority per year after the scenario). Two models with equal
/// fingerprints give the same runs; files, paths and the workbook's name do not enter.
/// </summary>
/// <param name="Settings">Hex SHA-256 of the settings.</param>
/// <param name="Streams">Hex SHA-256 of the streams.</param>
/// <param name="Programs">Hex SHA-256 of the programs.</param>
internal sealed record ModelFingerprint(string Settings, string Streams, string Programs)
{
    /// <summary>One hash of the three parts.</summary>
    public string Combined
    {
        get
        {
            using var hash = new FingerprintHash();
            hash.Add(Settings).Add(Streams).Add(Programs);
            return hash.Finish();
        }
    }
}

/// <summary>An incremental SHA-256 over length-prefixed, culture-invariant values.</summary>
internal sealed class FingerprintHash : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] buffer = new byte[8];

    public FingerprintHash Add(long value)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
        return this;
    }

    public FingerprintHash AddOptional(int? value) => value is { } v ? Add(1L).Add((long)v) : Add(0L);

    public FingerprintHash AddFlag(bool value) => Add(value ? 1L : 0L);

    public FingerprintHash Add(string? value)
    {
        if (value is null)
        {
            return Add(-1L);
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        Add((long)bytes.Length);
        hash.AppendData(bytes);
        return this;
    }

    /// <summary>A decimal by value, whatever its scale (1.0 and 1.00 hash alike).</summary>
    public FingerprintHash Add(decimal value) => Add((value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture));

    public string Finish() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();
}
