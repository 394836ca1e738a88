using Diabaly.Internal;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Diabaly.Dossiers;

internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>A YAML node with its position; the only YAML the dossier reader sees.</summary>
internal sealed class YamlNode
{
    public required YamlNodeKind Kind { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    /// <summary>The text of a scalar; null for a YAML null (an empty plain value, "~" or "null").</summary>
    public string? Value { get; init; }

    /// <summary>Whether a scalar was written in quotes, so that its text starts one column after the node.</summary>
    public bool Quoted { get; init; }

    // Made when first asked for: most nodes are scalars, which have neither.
    private List<(YamlNode Key, YamlNode Value)>? _entries;
    private List<YamlNode>? _items;

    public List<(YamlNode Key, YamlNode Value)> Entries => _entries ??= [];

    public List<YamlNode> Items => _items ??= [];

    public string Describe() => Kind switch
    {
        YamlNodeKind.Mapping => "a mapping",
        YamlNodeKind.Sequence => "a list",
        _ => Value is null ? "nothing" : $"'{Excerpt.Of(Value)}'",
    };
}

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's event parser, refusing what a dossier never needs and an attacker
/// might use: anchors and aliases (alias-expansion bombs), tags, several documents, duplicate keys, deep nesting.
/// </summary>
internal static class YamlTree
{
    public static YamlNode? Build(string text, int maxDepth, List<Diagnostic> errors, string? file)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            YamlNode root = ReadNode(parser, 1, maxDepth, errors, file);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out DocumentStart? second))
            {
                errors.Add(Diagnostic.Error(DiagnosticCodes.Syntax, (int)second.Start.Line, (int)second.Start.Column,
                    "a second YAML document starts here; a dossier is one document (remove the '---' or split the file)", file));
            }

            return root;
        }
        catch (YamlException e)
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.Syntax, (int)e.Start.Line, (int)e.Start.Column, "YAML syntax error: " + Clean(e.Message), file));
            return null;
        }
#pragma warning disable CA1031 // The YAML scanner throws other exceptions on some malformed input; a dossier error is the contract.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or FormatException)
#pragma warning restore CA1031
        {
            Mark at = parser.Current?.End ?? Mark.Empty;
            errors.Add(Diagnostic.Error(DiagnosticCodes.Syntax, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column),
                "YAML syntax error: the YAML cannot be read past this point (check quotes, brackets and indentation)", file));
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, int depth, int maxDepth, List<Diagnostic> errors, string? file)
    {
        ParsingEvent ev = parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        int line = (int)ev.Start.Line, column = (int)ev.Start.Column;
        if (ev is AnchorAlias alias)
        {
            throw new YamlException(ev.Start, ev.End,
                $"the alias '*{Excerpt.Of(alias.Value.ToString())}' is not allowed: dossiers refuse YAML anchors and aliases; write the value out");
        }

        if (ev is NodeEvent node)
        {
            if (!node.Anchor.IsEmpty)
            {
                throw new YamlException(ev.Start, ev.End,
                    $"the anchor '&{Excerpt.Of(node.Anchor.ToString())}' is not allowed: dossiers refuse YAML anchors and aliases; write the value out");
            }

            if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
            {
                throw new YamlException(ev.Start, ev.End, $"the tag '{Excerpt.Of(node.Tag.ToString())}' is not allowed: dossiers refuse YAML type tags");
            }
        }

        if (depth > maxDepth)
        {
            throw new YamlException(ev.Start, ev.End, $"the nesting is deeper than {maxDepth} levels; a dossier needs 5");
        }

        switch (ev)
        {
            case Scalar scalar:
                parser.MoveNext();
                if (Guard.Malformed(scalar.Value) is var bad and >= 0)
                {
                    // The text itself was checked, but a double-quoted escape ("\e", "\0", "\uD800") makes such a character.
                    throw new YamlException(ev.Start, ev.End,
                        $"the value holds {Guard.Describe(scalar.Value[bad])}, written as an escape; a dossier holds no control characters but tabs and line breaks, and no bidirectional controls");
                }

                bool isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                return new YamlNode
                {
                    Kind = YamlNodeKind.Scalar, Line = line, Column = column, Value = isNull ? null : scalar.Value,
                    Quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted,
                };

            case SequenceStart:
            {
                parser.MoveNext();
                var seq = new YamlNode { Kind = YamlNodeKind.Sequence, Line = line, Column = column };
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    seq.Items.Add(ReadNode(parser, depth + 1, maxDepth, errors, file));
                }

                return seq;
            }

            case MappingStart:
            {
                parser.MoveNext();
                var map = new YamlNode { Kind = YamlNodeKind.Mapping, Line = line, Column = column };
                // Duplicate keys: a look along the few keys of a claim, a dictionary for the long mappings (sources, questions).
                Dictionary<string, YamlNode>? seen = null;
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    YamlNode key = ReadNode(parser, depth + 1, maxDepth, errors, file);
                    YamlNode value = ReadNode(parser, depth + 1, maxDepth, errors, file);
                    if (key.Kind != YamlNodeKind.Scalar || key.Value is null)
                    {
                        errors.Add(Diagnostic.Error(DiagnosticCodes.Structure, key.Line, key.Column, $"a key must be a word, but found {key.Describe()}", file));
                        continue;
                    }

                    if (map.Entries.Count == 16)
                    {
                        seen = map.Entries.ToDictionary(e => e.Key.Value!, e => e.Key, StringComparer.Ordinal);
                    }

                    YamlNode? first = seen is not null ? seen.GetValueOrDefault(key.Value)
                        : map.Entries.Find(e => string.Equals(e.Key.Value, key.Value, StringComparison.Ordinal)).Key;
                    if (first is not null)
                    {
                        errors.Add(Diagnostic.Error(DiagnosticCodes.Structure, key.Line, key.Column,
                            $"duplicate key '{Excerpt.Of(key.Value)}' (first at line {first.Line}, column {first.Column})", file));
                        continue;
                    }

                    seen?.Add(key.Value, key);
                    map.Entries.Add((key, value));
                }

                return map;
            }

            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        int at = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && at >= 0 ? message[(at + 3)..] : message;
    }
}
