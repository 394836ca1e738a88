using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Dossiers;

/// <summary>What every part of the reader shares: keys checked against the allowed ones, text, missing keys, ids, errors with
/// their position, and suggestions for typos.</summary>
internal sealed partial class DossierReader
{
    private Dictionary<string, YamlNode> Keys(YamlNode map, string[] allowed, string what)
    {
        var keys = new Dictionary<string, YamlNode>(map.Entries.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (Array.IndexOf(allowed, key.Value) >= 0)
            {
                keys[key.Value!] = value;
            }
            else if (key.Value!.Length > 0 && key.Value.All(char.IsAsciiDigit))
            {
                Error(key, $"unknown key '{Excerpt.Of(key.Value)}' in {what}: a comma inside {{…}} separates entries, so a number with a thousands "
                           + "separator must be quoted there, as in value: \"about 2,000\"");
            }
            else
            {
                Error(key, $"unknown key '{Excerpt.Of(key.Value)}' in {what}{Suggest(key.Value!, allowed)}; expected one of: {string.Join(", ", allowed)}");
            }
        }

        return keys;
    }

    private string? RequiredText(YamlNode owner, Dictionary<string, YamlNode> keys, string key, string what)
    {
        if (!keys.TryGetValue(key, out YamlNode? node))
        {
            return Missing<string>(owner, key, what, "text");
        }

        string? text = Text(node, key);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Error(node, $"'{key}' of {what} is blank; expected text");
            return null;
        }

        if (text is null && node.Kind == YamlNodeKind.Scalar)
        {
            Error(node, $"'{key}' of {what} is empty; expected text");
        }

        return text;
    }

    private string? OptionalText(Dictionary<string, YamlNode> keys, string key)
        => keys.TryGetValue(key, out YamlNode? node) ? Text(node, key) : null;

    private string? Text(YamlNode node, string key)
    {
        if (node.Kind != YamlNodeKind.Scalar)
        {
            Error(node, $"'{key}' must be text, but is {node.Describe()}");
            return null;
        }

        return node.Value;
    }

    private T? Missing<T>(YamlNode owner, string key, string what, string expected)
        where T : class
    {
        Error(owner, $"{what} has no '{key}'; expected {expected}");
        return null;
    }

    private Quantity? Missing(YamlNode owner, string key, string what, string expected) => Missing<Quantity>(owner, key, what, expected);

    private bool CheckId(YamlNode key, string what)
    {
        if (Identifier.IsValid(key.Value))
        {
            return true;
        }

        Error(key, $"'{Excerpt.Of(key.Value)}' is not a valid {what} id; use letters, digits, '-', '_' or '.', with no spaces", DiagnosticCodes.Identifier);
        return false;
    }

    private bool ExpectMapping(YamlNode node, string what) => Expect(node, YamlNodeKind.Mapping, what, "a mapping of keys to values");

    private bool Expect(YamlNode node, YamlNodeKind kind, string what, string expected)
    {
        if (node.Kind == kind)
        {
            return true;
        }

        Error(node, $"{what} must be {expected}, but is {node.Describe()}");
        return false;
    }

    private void Error(YamlNode node, string message, string code = DiagnosticCodes.Structure)
        => _errors.Add(Diagnostic.Error(code, node.Line, node.Column, message, _file));

    /// <summary>" (did you mean 'x'?)" for a misspelt name, or nothing. Work is bounded whatever the file: each distinct name is
    /// looked up once, at most <see cref="MaxSuggestions"/> names get a suggestion, and each is compared with at most
    /// <see cref="MaxCandidates"/> candidates of a near length, in ordinal order.</summary>
    private string Suggest(string given, IEnumerable<string> candidates)
    {
        if (_suggestions.TryGetValue((candidates, given), out string? known))
        {
            return known;
        }

        if (_suggestionsLeft <= 0)
        {
            return string.Empty;
        }

        _suggestionsLeft--;
        if (!_sortedCandidates.TryGetValue(candidates, out string[]? sorted))
        {
            sorted = candidates.Where(c => c.Length <= MaxNameLength).Order(StringComparer.Ordinal).ToArray();
            _sortedCandidates[candidates] = sorted;
        }

        string result = Closest(given, sorted);
        _suggestions[(candidates, given)] = result;
        return result;
    }

    internal const int MaxSuggestions = 100, MaxCandidates = 1_000, MaxNameLength = 64;

    /// <summary>How many more pairs of claim labels <see cref="WarnOfCloseLabels"/> may compare in this dossier.</summary>
    private int _labelComparisonsLeft = 100_000;

    /// <summary>The closest candidate within a distance of a third of the name (at least 2), compared as lower case.</summary>
    internal static string Closest(string given, IReadOnlyList<string> sortedCandidates)
    {
        if (given.Length > MaxNameLength)
        {
            return string.Empty;
        }

        int limit = Math.Max(2, given.Length / 3);
        string g = given.ToLowerInvariant();
        string? best = null;
        int bestDistance = int.MaxValue, compared = 0;
        foreach (string c in sortedCandidates)
        {
            if (Math.Abs(c.Length - given.Length) > limit)
            {
                continue;
            }

            if (++compared > MaxCandidates)
            {
                break;
            }

            int d = Levenshtein(g, c.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }

        return best is not null && bestDistance <= limit ? $" (did you mean '{best}'?)" : string.Empty;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
