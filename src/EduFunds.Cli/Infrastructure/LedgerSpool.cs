using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// Ledger entries kept on disk, not in memory, between the read that checks them and a
/// command that writes them out (<c>export</c>): one compact record per entry in a temporary
/// file (deleted when disposed), ids as numbers into a table of the ids seen. Reading them back
/// is much cheaper than parsing and checking the CSV a second time.
/// </summary>
internal sealed class LedgerSpool : IDisposable
{
    private readonly FileStream file;
    private readonly BinaryWriter writer;
    private readonly Dictionary<string, int> idIndex = new(StringComparer.Ordinal);
    private readonly List<string> ids = [];
    private Currency? currency;
    private bool reading;

    /// <summary>Creates an empty spool.</summary>
    public LedgerSpool()
    {
        file = new FileStream(
            Path.Combine(Path.GetTempPath(), "edufunds-ledger-" + Guid.NewGuid().ToString("N") + ".tmp"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            1 << 16,
            FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        writer = new BinaryWriter(file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Entries added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds an entry.</summary>
    /// <param name="entry">The entry.</param>
    public void Add(LedgerEntry entry)
    {
        System.Diagnostics.Debug.Assert(!reading);
        currency ??= entry.Currency;
        writer.Write(entry.Date.DayNumber);
        writer.Write((byte)entry.Type);
        writer.Write(Id(entry.StreamId));
        writer.Write(Id(entry.ProgramId));
        writer.Write(entry.AmountMinorUnits);
        WriteOptional(entry.Reference);
        WriteOptional(entry.Memo);
        Count++;
    }

    /// <summary>The entries in the order they were added (read once).</summary>
    /// <returns>The entries.</returns>
    public IEnumerable<LedgerEntry> Entries()
    {
        reading = true;
        writer.Flush();
        file.Position = 0;
        using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
        for (long i = 0; i < Count; i++)
        {
            var day = reader.ReadInt32();
            var type = (LedgerEntryType)reader.ReadByte();
            var stream = IdAt(reader.ReadInt32());
            var program = IdAt(reader.ReadInt32());
            var amount = reader.ReadInt64();
            var reference = ReadOptional(reader);
            var memo = ReadOptional(reader);
            yield return new LedgerEntry(DateOnly.FromDayNumber(day), type, stream, program, Money.FromMinorUnits(amount, currency.GetValueOrDefault()), reference, memo);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        writer.Dispose();
        file.Dispose();
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private int Id(string? id)
    {
        if (id is null)
        {
            return -1;
        }

        if (!idIndex.TryGetValue(id, out var index))
        {
            index = ids.Count;
            ids.Add(id);
            idIndex[id] = index;
        }

        return index;
    }

    private string? IdAt(int index) => index < 0 ? null : ids[index];

    private void WriteOptional(string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }
}
