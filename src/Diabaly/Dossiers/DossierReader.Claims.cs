using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Dossiers;

/// <summary>Claims: each read whole or reported, given an id from its content when it has none, and compared for possible copies.</summary>
internal sealed partial class DossierReader
{
    private void ReadClaims(YamlNode list, Dictionary<string, Source> sources, Dictionary<string, Question> questions, QuantityLanguage language, List<Claim> claims)
    {
        // Explicit ids first, so that a generated id never takes one a later claim states.
        var taken = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (YamlNode item in list.Items.Where(i => i.Kind == YamlNodeKind.Mapping))
        {
            var id = item.Entries.FirstOrDefault(e => e.Key.Value == "id");
            if (id.Value is { Kind: YamlNodeKind.Scalar, Value: { } text } && Identifier.IsValid(text))
            {
                if (taken.TryGetValue(text, out YamlNode? first))
                {
                    Error(id.Value, $"duplicate claim id '{text}' (first at line {first.Line}, column {first.Column})", DiagnosticCodes.Duplicate);
                }
                else
                {
                    taken.Add(text, id.Value);
                }
            }
        }

        var drafts = new List<(string? Id, Claim Claim)>();
        var read = new List<(Claim Claim, YamlNode Value, string What)>();
        var labels = new List<(string Question, string Key, string Label, YamlNode Node, string What)>();
        int index = 0;
        foreach (YamlNode item in list.Items)
        {
            index++;
            string? statedId = item.Kind == YamlNodeKind.Mapping
                && item.Entries.FirstOrDefault(e => e.Key.Value == "id").Value is { Kind: YamlNodeKind.Scalar, Value: { } stated } && Identifier.IsValid(stated)
                ? stated : null;
            string what = statedId is null ? string.Create(CultureInfo.InvariantCulture, $"claim {index}") : $"claim '{statedId}'";
            if (!ExpectMapping(item, what))
            {
                continue;
            }

            var keys = Keys(item, ClaimKeys, what);
            string? id = null;
            if (keys.TryGetValue("id", out YamlNode? idNode))
            {
                id = Text(idNode, "id");
                if (id is not null && !Identifier.IsValid(id))
                {
                    Error(idNode, $"'{Excerpt.Of(id)}' is not a valid claim id; use letters, digits, '-', '_' or '.', with no spaces", DiagnosticCodes.Identifier);
                    id = null;
                }

                what = id is null || id == statedId ? what : $"claim '{id}'";
            }

            Question? question = Reference(item, keys, "question", questions, what);
            Source? source = Reference(item, keys, "source", sources, what);
            QuantityLanguage claimLanguage = ReadLanguage(keys, "language") ?? language;
            Quantity? value = keys.TryGetValue("value", out YamlNode? valueNode)
                ? ReadValue(valueNode, claimLanguage, what)
                : Missing(item, "value", what, "the number the source gave, in its words (\"about 2,000\") or structured ({low: 250, high: 300})");

            var via = new List<Source>();
            if (keys.TryGetValue("via", out YamlNode? viaNode))
            {
                IEnumerable<YamlNode> ids = viaNode.Kind == YamlNodeKind.Sequence ? viaNode.Items : [viaNode];
                foreach (YamlNode v in ids)
                {
                    string? viaId = Text(v, "via");
                    if (viaId is null && v.Kind == YamlNodeKind.Scalar)
                    {
                        Error(v, $"'via' of {what} is empty; expected the id of the source that relayed the figure", DiagnosticCodes.Undefined);
                    }
                    else if (viaId is not null)
                    {
                        if (sources.TryGetValue(viaId, out Source? relay) && relay == source)
                        {
                            Error(v, $"'via' of {what} names its own source '{Excerpt.Of(viaId)}'; it lists the sources the figure passed through on its way, not the one that gave it", DiagnosticCodes.Setting);
                        }
                        else if (relay is not null)
                        {
                            via.Add(relay);
                        }
                        else
                        {
                            Error(v, $"{what} is relayed via '{Excerpt.Of(viaId)}', which is not a defined source{Suggest(viaId, sources.Keys)}", DiagnosticCodes.Undefined);
                        }
                    }
                }
            }

            PartialDate? said = null;
            if (keys.TryGetValue("said", out YamlNode? saidNode) && Text(saidNode, "said") is { } saidText)
            {
                if (PartialDate.TryParse(saidText, out PartialDate d))
                {
                    said = d;
                }
                else
                {
                    Error(saidNode, $"'{Excerpt.Of(saidText)}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-01-15", DiagnosticCodes.Setting);
                }
            }

            if (question is null || source is null || value is null)
            {
                continue;
            }

            var claim = new Claim(id ?? "unnamed", question, source, value)
            {
                Quote = OptionalText(keys, "quote"),
                Said = said,
                AsOf = OptionalText(keys, "as-of"),
                Scope = OptionalText(keys, "scope"),
                Via = via,
                Note = OptionalText(keys, "note"),
                Language = keys.ContainsKey("language") ? claimLanguage : null,
            };
            read.Add((claim, valueNode!, what));
            drafts.Add((id, claim));
            foreach (string key in (ReadOnlySpan<string>)["scope", "as-of"])
            {
                if (keys.TryGetValue(key, out YamlNode? labelNode) && (key == "scope" ? claim.Scope : claim.AsOf) is { } label)
                {
                    labels.Add((question.Id, key, label, labelNode, what));
                }
            }
        }

        WarnOfCopies(read);
        WarnOfCloseLabels(labels);
        claims.AddRange(ClaimNames.Named(drafts, taken.Keys));
    }

    /// <summary>
    /// A claim's scope or time that is one or two letters away from another label the claims of its question give ("San Fransisco"
    /// and "San Francisco" twice; "assault forces" and "assault force") is most likely a slip: as written, it puts the claim in a
    /// stratum of its own, reconciled apart from the others, in silence. Warned (DY3101) on the rarer of the two, with the other named;
    /// dates, and labels that differ in their digits ("day 1", "day 2"), are different on purpose and never warned of.
    /// </summary>
    private void WarnOfCloseLabels(List<(string Question, string Key, string Label, YamlNode Node, string What)> labels)
    {
        foreach (var group in labels.GroupBy(l => (l.Question, l.Key)))
        {
            // Each distinct label (as strata compare them: case, accents and spacing aside), how many claims give it, and its first use.
            var distinct = group.GroupBy(l => Stratum.Key(l.Label)!, StringComparer.Ordinal)
                .Select(g => (Key: g.Key, Count: g.Count(), First: g.First()))
                .Where(d => d.Key.Length is >= 4 and <= MaxNameLength && !PartialDate.TryParse(d.First.Label.Trim(), out _))
                .OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
            foreach (var rare in distinct)
            {
                // Bounded work, as suggestions are: a dossier of thousands of distinct labels (a table's worth) stops being checked.
                if (_labelComparisonsLeft <= 0)
                {
                    return;
                }

                _labelComparisonsLeft -= distinct.Count;
                int limit = Math.Min(2, Math.Max(1, rare.Key.Length / 5));
                var close = distinct
                    .Where(other => other.Key != rare.Key && (other.Count > rare.Count || (other.Count == rare.Count && string.CompareOrdinal(other.Key, rare.Key) < 0))
                                    && Math.Abs(other.Key.Length - rare.Key.Length) <= limit && Digits(other.Key) == Digits(rare.Key)
                                    && Levenshtein(other.Key, rare.Key) <= limit)
                    .OrderByDescending(other => other.Count).ThenBy(other => other.Key, StringComparer.Ordinal).FirstOrDefault();
                if (close.Key is null)
                {
                    continue;
                }

                var (question, key, label, node, what) = rare.First;
                string uses = close.Count == 1 ? "another claim gives" : string.Create(CultureInfo.InvariantCulture, $"{close.Count} claims give");
                _warnings.Add(Diagnostic.Warning(DiagnosticCodes.UnusedLabel, node.Line, node.Column,
                    $"the {key} '{Excerpt.Of(label)}' of {what} is close to '{Excerpt.Of(close.First.Label)}', which {uses} on question '{question}': "
                    + $"if they mean the same, write them alike; as written, the claim counts something else and is reconciled apart", _file));
            }
        }

        static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));
    }

    /// <summary>At most MaxErrors warnings, and a last one that counts the rest.</summary>
    private Diagnostic[] Bounded(List<Diagnostic> warnings)
    {
        if (warnings.Count <= _options.MaxErrors)
        {
            return [.. warnings];
        }

        Diagnostic last = warnings[^1];
        return [.. warnings.Take(_options.MaxErrors), Diagnostic.Warning(DiagnosticCodes.MoreWarnings, last.Line, last.Column,
            string.Create(CultureInfo.InvariantCulture, $"and {warnings.Count - _options.MaxErrors:N0} more warnings like these (DossierReadOptions.MaxErrors is {_options.MaxErrors:N0})"), _file)];
    }

    private static bool IsBefore(YamlNode a, YamlNode b) => a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column);

    /// <summary>Copy warnings listed one by one for a question; beyond them, one warning counts the rest.</summary>
    internal const int MaxCopyWarningsPerQuestion = 5;

    /// <summary>
    /// Warns of a figure that two sources give alike, to the unit, when it is precise enough to be unlikely to meet by chance: three
    /// significant digits or more, the third not a 0 or a 5 (347, 1,249, 2,975; not 47, 350, 1,200 or 1,250, which sources often
    /// reach apart), and not one off a
    /// round figure (a strict bound, "more than a million", reads as the next whole count). It is a possible copy, unless one names
    /// the other as its relay with 'via'. The warning stands at the later claim in the file; beyond
    /// <see cref="MaxCopyWarningsPerQuestion"/> for a question, one warning counts the others.
    /// </summary>
    private void WarnOfCopies(List<(Claim Claim, YamlNode Value, string What)> read)
    {
        static bool Precise(double v) => double.IsFinite(v) && v > 1 && Digits(v) && !Coarse(v + 1) && !Coarse(v - 1);
        static bool Coarse(double v) => v / RoundnessRule.Step(v) < 100;

        // Three significant digits, the third not a 0 or a 5 (1,250 and 345 are reached apart as often as 1,200).
        static bool Digits(double v)
        {
            double half = 5 * Math.Pow(10, Math.Floor(Math.Log10(v)) - 2), ratio = v / half;
            return !Coarse(v) && Math.Abs(ratio - Math.Round(ratio)) > 1e-9 * ratio;
        }
        var copies = new List<(string Question, Diagnostic Warning)>();
        foreach (var group in read
                     .Where(r => r.Claim.Value.Kind != QuantityKind.Vague
                                 && Figures.Stated(r.Claim.Value).Any(Precise))
                     .GroupBy(r => (r.Claim.Question.Id, Stratum.Key(r.Claim.AsOf), Stratum.Key(r.Claim.Scope),
                                    r.Claim.Value.Kind, r.Claim.Value.Lower, r.Claim.Value.Upper, r.Claim.Value.Central))
                     .Where(g => g.Skip(1).Any()))
        {
            // Each later claim is compared with the first claim of the figure, or, when that is its own source's, with the first
            // claim of another source: one comparison per claim, however many give the figure.
            var inOrder = group.OrderBy(r => r.Value.Line).ThenBy(r => r.Value.Column).ToList();
            var head = inOrder[0];
            var other = inOrder.FirstOrDefault(r => r.Claim.Source.Id != head.Claim.Source.Id);
            for (int i = 1; i < inOrder.Count; i++)
            {
                Claim later = inOrder[i].Claim;
                var first = later.Source.Id != head.Claim.Source.Id ? head : other;
                if (first.Claim is not null && first.Claim != later && IsBefore(first.Value, inOrder[i].Value)
                    && !later.Via.Contains(first.Claim.Source) && !first.Claim.Via.Contains(later.Source) && !later.Via.Intersect(first.Claim.Via).Any())
                {
                    copies.Add((later.Question.Id, Diagnostic.Warning(DiagnosticCodes.SharedFigure, inOrder[i].Value.Line, inOrder[i].Value.Column,
                        $"{inOrder[i].What} gives the same figure as {first.What} (line {first.Value.Line}) from {first.Claim.Source.Name}: {later.Value}; "
                        + "a possible copy: if one source took it from the other, name the relay with 'via'", _file)));
                }
            }
        }

        foreach (var question in copies.GroupBy(c => c.Question, StringComparer.Ordinal))
        {
            var inOrder = question.Select(c => c.Warning).OrderBy(w => w.Line).ThenBy(w => w.Column).ToList();
            _warnings.AddRange(inOrder.Take(MaxCopyWarningsPerQuestion));
            if (inOrder.Count > MaxCopyWarningsPerQuestion)
            {
                Diagnostic next = inOrder[MaxCopyWarningsPerQuestion];
                _warnings.Add(Diagnostic.Warning(DiagnosticCodes.MoreWarnings, next.Line, next.Column, string.Create(CultureInfo.InvariantCulture,
                    $"and {Flags.Count(inOrder.Count - MaxCopyWarningsPerQuestion, "more claim")} on question '{question.Key}' from here on {(inOrder.Count - MaxCopyWarningsPerQuestion == 1 ? "gives" : "give")} a precise figure another source gave before: possible copies; name each relay with 'via'"), _file));
            }
        }
    }
}
