using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EduFunds.Cli.Tests.Charts;

/// <summary>
/// A small PNG reader for the tests, independent of SkiaSharp: checks the signature and every
/// chunk's CRC, and decodes 8-bit RGB or RGBA images without interlacing (what the charts write).
/// </summary>
internal sealed class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngFile(int width, int height, IReadOnlyList<string> chunks, byte[] rgb, uint? pixelsPerMetre)
    {
        Width = width;
        Height = height;
        Chunks = chunks;
        Rgb = rgb;
        PixelsPerMetre = pixelsPerMetre;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The chunk types in file order.</summary>
    public IReadOnlyList<string> Chunks { get; }

    /// <summary>Three bytes per pixel, row by row.</summary>
    public byte[] Rgb { get; }

    /// <summary>The pHYs resolution, when the file has one.</summary>
    public uint? PixelsPerMetre { get; }

    /// <summary>The pixel at (x, y) as 0xRRGGBB.</summary>
    public int Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return (Rgb[i] << 16) | (Rgb[i + 1] << 8) | Rgb[i + 2];
    }

    /// <summary>Pixels that are not pure white.</summary>
    public int NonWhite() => Enumerable.Range(0, Width * Height).Count(i => Rgb[3 * i] != 255 || Rgb[(3 * i) + 1] != 255 || Rgb[(3 * i) + 2] != 255);

    /// <summary>Pixels in a rectangle that are not near-white (ink).</summary>
    public int InkIn(int left, int top, int right, int bottom)
    {
        var ink = 0;
        for (var y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
        {
            for (var x = Math.Max(0, left); x < Math.Min(Width, right); x++)
            {
                var i = ((y * Width) + x) * 3;
                if (Rgb[i] + Rgb[i + 1] + Rgb[i + 2] < 3 * 200)
                {
                    ink++;
                }
            }
        }

        return ink;
    }

    public static PngFile Read(byte[] bytes)
    {
        Assert.True(bytes.AsSpan().StartsWith(Signature), "not a PNG signature");
        var position = Signature.Length;
        var chunks = new List<string>();
        using var idat = new MemoryStream();
        int width = 0, height = 0, colourType = -1;
        uint? pixelsPerMetre = null;
        while (position < bytes.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position));
            var type = Encoding.ASCII.GetString(bytes, position + 4, 4);
            var data = bytes.AsSpan(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position + 8 + length));
            Assert.Equal(Crc(bytes.AsSpan(position + 4, 4 + length)), crc);
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    colourType = data[9];
                    Assert.Contains(colourType, new[] { 2, 6 });
                    Assert.Equal(0, data[12]);
                    break;
                case "pHYs":
                    pixelsPerMetre = BinaryPrimitives.ReadUInt32BigEndian(data);
                    Assert.Equal(pixelsPerMetre, BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                    Assert.Equal(1, data[8]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            position += 12 + length;
        }

        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);
        var channels = colourType == 6 ? 4 : 3;
        var stride = width * channels;
        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        inflate.ReadExactly(raw);
        var rgb = new byte[width * height * 3];
        var previous = new byte[stride];
        var row = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            raw.AsSpan((y * (stride + 1)) + 1, stride).CopyTo(row);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? row[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                row[i] = unchecked((byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                }));
            }

            for (var x = 0; x < width; x++)
            {
                Array.Copy(row, x * channels, rgb, ((y * width) + x) * 3, 3);
            }

            (previous, row) = (row, previous);
        }

        return new PngFile(width, height, chunks, rgb, pixelsPerMetre);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
