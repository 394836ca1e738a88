using System.Globalization;
using Parquet;
using Parquet.Meta;

namespace Diabaly;

/// <summary>
/// Checks the pages of a Parquet row group before Parquet.Net reads them. Parquet.Net allocates what a page header declares before
/// it finds the bytes missing: a file of 851 bytes whose header says 268,435,442 made it allocate 3.4 GB. Each column chunk must lie
/// within the file, each page within its chunk, and a page may not declare more than <see cref="MaxPageBytes"/> once uncompressed,
/// nor more than 1,024 times its compressed size above 1 MiB. Page headers are Thrift compact structs, read here as far as their
/// sizes and skipped otherwise.
/// </summary>
internal static class ParquetPages
{
    /// <summary>The most a page may hold uncompressed: 256 MiB (writers' pages are about 1 MiB).</summary>
    public const int MaxPageBytes = 256 * 1024 * 1024;

    /// <summary>Why the row group's pages cannot be read safely, or null when they can.</summary>
    public static string? Problem(ParquetReader reader, int group, Stream stream)
    {
        if (!stream.CanSeek || reader.Metadata is not { } meta || group >= meta.RowGroups.Count)
        {
            return null;
        }

        long fileEnd = stream.Length - 8;
        foreach (ColumnChunk chunk in meta.RowGroups[group].Columns)
        {
            if (chunk.MetaData is not { } c)
            {
                return "a column chunk has no metadata";
            }

            long start = c.DictionaryPageOffset is > 0 and var d && d < c.DataPageOffset ? d : c.DataPageOffset;
            long end = start + c.TotalCompressedSize;
            if (start < 4 || c.TotalCompressedSize < 0 || end > fileEnd)
            {
                return string.Create(CultureInfo.InvariantCulture, $"a column chunk says it lies at bytes {start:N0}–{end:N0}, outside the file's {fileEnd:N0}");
            }

            byte[] bytes = new byte[(int)Math.Min(c.TotalCompressedSize, int.MaxValue)];
            stream.Position = start;
            stream.ReadExactly(bytes);
            int at = 0;
            while (at < bytes.Length)
            {
                if (Header(bytes, at) is not { } h)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"a page header at byte {start + at:N0} cannot be read");
                }

                long pageEnd = (long)at + h.Length + h.Compressed;
                if (h.Compressed < 0 || h.Uncompressed < 0 || pageEnd > bytes.Length)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"a page at byte {start + at:N0} says it holds {h.Compressed:N0} bytes, more than its column chunk has left");
                }

                if (h.Uncompressed > MaxPageBytes || (h.Uncompressed > 1024 * 1024 && h.Uncompressed / 1024 > h.Compressed))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"a page at byte {start + at:N0} says it holds {h.Uncompressed:N0} bytes uncompressed from {h.Compressed:N0}");
                }

                at = (int)pageEnd;
            }
        }

        stream.Position = 0;
        return null;
    }

    /// <summary>Whether bytes are one well-formed Thrift compact struct, every length within them: a footer whose string or list
    /// says it is longer than the footer made Parquet.Net allocate 268 MB for a file of 250 bytes.</summary>
    public static bool WellFormed(byte[] bytes)
    {
        int at = 0;
        return Struct(bytes, ref at, 0, null) && at == bytes.Length;
    }

    /// <summary>Whether a footer's schema is a tree: the file's schema is a list of elements in depth-first order, each saying how
    /// many children it has (Thrift field 5 of SchemaElement, field 2 of FileMetaData), and the counts must use up the list
    /// exactly. A file of 639 bytes whose counts did not made Parquet.Net loop forever.</summary>
    public static bool SchemaIsATree(byte[] b)
    {
        int at = 0, id = 0;
        int[]? children = null;
        while (at < b.Length)
        {
            byte head = b[at++];
            if (head == 0)
            {
                break;
            }

            int type = head & 0x0F;
            if (head >> 4 != 0)
            {
                id += head >> 4;
            }
            else if (Varint(b, ref at) is { } explicitId)
            {
                id = (int)Zigzag(explicitId);
            }
            else
            {
                return false;
            }

            if (id == 2 && type == 9 && at < b.Length)
            {
                byte list = b[at++];
                ulong? size = (ulong)(list >> 4);
                if (size == 15)
                {
                    size = Varint(b, ref at);
                }

                if (size is null || (list & 0x0F) != 12 || size > (ulong)b.Length)
                {
                    return false;
                }

                children = new int[size.Value];
                for (int i = 0; i < children.Length; i++)
                {
                    long count = 0;
                    if (!Struct(b, ref at, 1, (field, value) => count = field == 5 ? value : count))
                    {
                        return false;
                    }

                    children[i] = (int)Math.Clamp(count, -1, int.MaxValue);
                }
            }
            else if (!Value(b, ref at, type, 0))
            {
                return false;
            }
        }

        if (children is null || children.Length == 0)
        {
            return false;
        }

        int next = 0;
        bool Walk(int depth)
        {
            if (next >= children.Length || depth > 64 || children[next] < 0)
            {
                return false;
            }

            int count = children[next++];
            for (int j = 0; j < count; j++)
            {
                if (!Walk(depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        return Walk(0) && next == children.Length;
    }

    /// <summary>A page header's length and its two sizes (Thrift fields 2 and 3), or null when it is not a well-formed struct.</summary>
    private static (int Length, long Uncompressed, long Compressed)? Header(byte[] b, int start)
    {
        int at = start;
        long uncompressed = -1, compressed = -1;
        return Struct(b, ref at, 0, (id, value) =>
        {
            if (id == 2)
            {
                uncompressed = value;
            }
            else if (id == 3)
            {
                compressed = value;
            }
        }) && uncompressed >= 0 && compressed >= 0
            ? (at - start, uncompressed, compressed)
            : null;
    }

    /// <summary>Reads (skips) a Thrift compact struct, reporting its top-level integer fields; false when it is malformed or nested
    /// deeper than a page header is.</summary>
    private static bool Struct(byte[] b, ref int at, int depth, Action<int, long>? integer)
    {
        if (depth > 64)
        {
            return false;
        }

        int id = 0;
        while (true)
        {
            if (at >= b.Length)
            {
                return false;
            }

            byte head = b[at++];
            if (head == 0)
            {
                return true;
            }

            int type = head & 0x0F, delta = head >> 4;
            if (delta != 0)
            {
                id += delta;
            }
            else if (Varint(b, ref at) is { } explicitId)
            {
                id = (int)Zigzag(explicitId);
            }
            else
            {
                return false;
            }

            if (type is 4 or 5 or 6)
            {
                if (Varint(b, ref at) is not { } v)
                {
                    return false;
                }

                integer?.Invoke(id, Zigzag(v));
            }
            else if (!Value(b, ref at, type, depth))
            {
                return false;
            }
        }
    }

    private static bool Value(byte[] b, ref int at, int type, int depth)
    {
        switch (type)
        {
            case 1 or 2:
                return true;
            case 3:
                at++;
                return at <= b.Length;
            case 4 or 5 or 6:
                return Varint(b, ref at) is not null;
            case 7:
                at += 8;
                return at <= b.Length;
            case 8:
                if (Varint(b, ref at) is not { } length || length > (ulong)(b.Length - at))
                {
                    return false;
                }

                at += (int)length;
                return true;
            case 9 or 10:
                if (at >= b.Length)
                {
                    return false;
                }

                byte list = b[at++];
                ulong size = (ulong)(list >> 4);
                if (size == 15 && Varint(b, ref at) is { } longer)
                {
                    size = longer;
                }

                int element = list & 0x0F;
                for (ulong i = 0; i < size; i++)
                {
                    if (!Element(b, ref at, element, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case 11:
                if (Varint(b, ref at) is not { } entries)
                {
                    return false;
                }

                if (entries == 0)
                {
                    return true;
                }

                if (at >= b.Length)
                {
                    return false;
                }

                byte kinds = b[at++];
                for (ulong i = 0; i < entries; i++)
                {
                    if (!Element(b, ref at, kinds >> 4, depth + 1) || !Element(b, ref at, kinds & 0x0F, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case 12:
                return Struct(b, ref at, depth + 1, null);
            default:
                return false;
        }
    }

    /// <summary>A value inside a list, set or map. No list in a footer or a page header holds booleans, and Parquet.Net skips such
    /// a list's booleans as taking no byte where Thrift gives each one: its reading and this one would part ways (a file of 639
    /// bytes made it read list headers past the end for ever), so a list of booleans is refused.</summary>
    private static bool Element(byte[] b, ref int at, int type, int depth)
        => type is not (1 or 2) && Value(b, ref at, type, depth);

    private static ulong? Varint(byte[] b, ref int at)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (at >= b.Length)
            {
                return null;
            }

            byte x = b[at++];
            value |= (ulong)(x & 0x7F) << shift;
            if ((x & 0x80) == 0)
            {
                return value;
            }
        }

        return null;
    }

    private static long Zigzag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
}
