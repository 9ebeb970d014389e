using System.Text;
using System.Text.Json;
using EduFunds.Model;

namespace EduFunds.IO;

/// <summary>
/// Line and column of every value and property name of a JSON document, by path
/// (<c>scenarios[0].changes[2].factor</c>), so that problems found after parsing can name
/// their place. Columns count characters, not bytes.
/// </summary>
internal sealed class JsonPositions
{
    private readonly byte[] utf8;
    private readonly List<int> lineStarts = [0];
    private readonly Dictionary<string, long> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> names = new(StringComparer.Ordinal);

    private JsonPositions(byte[] utf8)
    {
        this.utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>
    /// The offset of the first string or property name that is not text (an escaped lone
    /// surrogate such as <c>"\uD800"</c>), or -1 when every string is text.
    /// </summary>
    public static long FindInvalidString(byte[] utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
            {
                try
                {
                    _ = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return reader.TokenStartIndex;
                }
            }
        }

        return -1;
    }

    /// <summary>Maps the positions of a document that is known to parse.</summary>
    public static JsonPositions Map(byte[] utf8, JsonReaderOptions options)
    {
        var map = new JsonPositions(utf8);
        var reader = new Utf8JsonReader(utf8, options);
        var path = new Stack<Frame>();
        string? pendingName = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString() ?? string.Empty;
                    map.names[Join(path, pendingName)] = reader.TokenStartIndex;
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    {
                        var here = NextPath(path, ref pendingName);
                        map.values[here] = reader.TokenStartIndex;
                        path.Push(new Frame(here, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    }

                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.Pop();
                    break;
                case JsonTokenType.Comment:
                    break;
                default:
                    map.values[NextPath(path, ref pendingName)] = reader.TokenStartIndex;
                    break;
            }
        }

        return map;
    }

    /// <summary>Where the value at <paramref name="path"/> starts; the nearest enclosing value when unknown.</summary>
    public Pos Value(string path)
    {
        while (true)
        {
            if (values.TryGetValue(path, out var offset))
            {
                return At(offset);
            }

            if (path.Length == 0)
            {
                return new Pos(WorkbookFiles.Settings, 1, 1);
            }

            path = Parent(path);
        }
    }

    /// <summary>Where the property name of <paramref name="path"/> is; its value's place when unknown.</summary>
    public Pos Name(string path) => names.TryGetValue(path, out var offset) ? At(offset) : Value(path);

    /// <summary>Line and column of a byte offset.</summary>
    public Pos At(long offset)
    {
        var line = lineStarts.BinarySearch((int)offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var start = lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(utf8, start, (int)offset - start) + 1;
        return new Pos(WorkbookFiles.Settings, line + 1, column);
    }

    /// <summary>Line and column of a parse error (line and byte position are 0-based in <see cref="JsonException"/>).</summary>
    public static Pos Of(byte[] utf8, JsonException exception)
    {
        var map = new JsonPositions(utf8);
        var line = (int)(exception.LineNumber ?? 0);
        if (line >= map.lineStarts.Count)
        {
            return new Pos(WorkbookFiles.Settings, line + 1, 1);
        }

        var start = map.lineStarts[line];
        var bytes = (int)Math.Min(exception.BytePositionInLine ?? 0, utf8.Length - start);
        return new Pos(WorkbookFiles.Settings, line + 1, Encoding.UTF8.GetCharCount(utf8, start, bytes) + 1);
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private static string Join(Stack<Frame> path, string name) =>
        path.Count == 0 || path.Peek().Path.Length == 0 ? name : path.Peek().Path + "." + name;

    private static string NextPath(Stack<Frame> path, ref string? pendingName)
    {
        if (path.Count == 0)
        {
            return string.Empty;
        }

        var frame = path.Peek();
        if (frame.IsArray)
        {
            return $"{frame.Path}[{frame.NextIndex++}]";
        }

        var name = pendingName ?? string.Empty;
        pendingName = null;
        return Join(path, name);
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}
