using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Dossiers;

/// <summary>Reads the dossier format (see samples/dossiers/README.md) from a <see cref="YamlNode"/> tree, collecting every error it can.</summary>
internal sealed partial class DossierReader
{
    private static readonly string[] RootKeys = ["title", "description", "language", "scopes", "times", "sources", "questions", "claims"];
    private static readonly string[] SourceKeys = ["name", "kind", "role", "outlet", "side", "access", "weight"];
    private static readonly string[] QuestionKeys = ["subject", "unit", "target", "cumulative"];
    private static readonly string[] TargetKeys = ["as-of", "scope"];
    private static readonly string[] ScopeRelationKeys = ["within"];
    private static readonly string[] ClaimKeys = ["id", "question", "source", "value", "quote", "said", "as-of", "scope", "via", "note", "language"];
    private static readonly string[] ValueKeys = ["exact", "about", "low", "high", "central", "at-least", "at-most", "kind", "text"];

    private static readonly Dictionary<string, SourceKind> Kinds = Enum.GetValues<SourceKind>().ToDictionary(EnumText.Kebab, k => k, StringComparer.Ordinal);
    private static readonly Dictionary<string, SourceAccess> Accesses = Enum.GetValues<SourceAccess>().ToDictionary(EnumText.Kebab, k => k, StringComparer.Ordinal);
    private static readonly Dictionary<string, QuantityKind> QuantityKinds = Enum.GetValues<QuantityKind>().ToDictionary(EnumText.Kebab, k => k, StringComparer.Ordinal);

    private readonly List<DossierError> _errors;
    private readonly List<DossierWarning> _warnings = [];
    private readonly Dictionary<(object Candidates, string Given), string> _suggestions = [];
    private readonly Dictionary<object, string[]> _sortedCandidates = new(ReferenceEqualityComparer.Instance);
    private int _suggestionsLeft = MaxSuggestions;
    private readonly string? _file;
    private readonly DossierReadOptions _options;

    private DossierReader(List<DossierError> errors, string? file, DossierReadOptions options)
    {
        _errors = errors;
        _file = file;
        _options = options;
    }

    public static Dossier Read(string text, string? file, DossierReadOptions options)
    {
        var errors = new List<DossierError>();
        if (text.Length > options.MaxLength)
        {
            throw new DossierException([new DossierError(0, 0,
                string.Create(CultureInfo.InvariantCulture, $"the file has {text.Length:N0} characters, more than the limit of {options.MaxLength:N0} (DossierReadOptions.MaxLength)"), file)]);
        }

        // A byte order mark is not part of the text, as Load already knows.
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        int bad = Guard.Malformed(text);
        if (bad >= 0)
        {
            (int line, int column) = Position(text, bad);
            throw new DossierException([new DossierError(line, column,
                $"the text holds {Guard.Describe(text[bad])}; a dossier is Unicode text with no control characters but tabs and line breaks", file)]);
        }

        YamlNode? root = YamlTree.Build(text, options.MaxDepth, errors, file);
        Dossier? dossier = null;
        if (root is null && errors.Count == 0)
        {
            errors.Add(new DossierError(1, 1, "the dossier is empty; expected a mapping with 'title', 'sources', 'questions' and 'claims'", file));
        }
        else if (root is not null)
        {
            dossier = new DossierReader(errors, file, options).ReadRoot(root);
        }

        if (errors.Count > 0 || dossier is null)
        {
            throw new DossierException(errors
                .OrderBy(e => e.Line).ThenBy(e => e.Column)
                .Take(options.MaxErrors)
                .DefaultIfEmpty(new DossierError(0, 0, "the dossier could not be read", file))
                .ToArray());
        }

        return dossier;
    }

    internal static (int Line, int Column) Position(string text, int index)
    {
        int line = 1, column = 1;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private Dossier? ReadRoot(YamlNode root)
    {
        if (!ExpectMapping(root, "the dossier"))
        {
            return null;
        }

        var keys = Keys(root, RootKeys, "the dossier");
        string? title = RequiredText(root, keys, "title", "the dossier");
        string? description = OptionalText(keys, "description");
        QuantityLanguage language = ReadLanguage(keys, "language") ?? QuantityLanguage.English;

        var sources = new List<(Source Source, YamlNode Node)>();
        if (keys.TryGetValue("sources", out YamlNode? sourcesNode) && ExpectMapping(sourcesNode, "'sources'"))
        {
            foreach (var (key, value) in sourcesNode.Entries)
            {
                if (CheckId(key, "source") && ReadSource(key, value) is { } s)
                {
                    sources.Add((s, key));
                }
            }
        }
        else if (sourcesNode is null)
        {
            Error(root, "the dossier has no 'sources'; expected a mapping of source ids to sources");
        }

        var questions = new List<Question>();
        var targets = new List<(Question Question, YamlNode Node)>();
        if (keys.TryGetValue("questions", out YamlNode? questionsNode) && ExpectMapping(questionsNode, "'questions'"))
        {
            foreach (var (key, value) in questionsNode.Entries)
            {
                if (CheckId(key, "question") && ReadQuestion(key, value) is { } q)
                {
                    questions.Add(q);
                    if (q.Target is not null)
                    {
                        targets.Add((q, value.Entries.First(e => e.Key.Value == "target").Value));
                    }
                }
            }
        }
        else if (questionsNode is null)
        {
            Error(root, "the dossier has no 'questions'; expected a mapping of question ids to questions");
        }

        var claims = new List<Claim>();
        if (keys.TryGetValue("claims", out YamlNode? claimsNode) && Expect(claimsNode, YamlNodeKind.Sequence, "'claims'", "a list of claims"))
        {
            if (claimsNode.Items.Count == 0)
            {
                Error(claimsNode, "'claims' is empty; a dossier needs at least one claim");
            }

            ReadClaims(claimsNode, sources.ToDictionary(s => s.Source.Id, s => s.Source, StringComparer.Ordinal),
                questions.ToDictionary(q => q.Id, StringComparer.Ordinal), language, claims);
        }
        else if (claimsNode is null)
        {
            Error(root, "the dossier has no 'claims'; expected a list of claims");
        }

        StratumRelations relations = ReadRelations(keys, claims, targets);
        if (title is null || _errors.Count > 0)
        {
            return null;
        }

        return new Dossier(title, sources.Select(s => s.Source), questions, claims)
        {
            Description = description, Language = language, Relations = relations,
            Warnings = Bounded(_warnings.OrderBy(w => w.Line).ThenBy(w => w.Column).ThenBy(w => w.Message, StringComparer.Ordinal).ToList()),
        };
    }

    private Source? ReadSource(YamlNode idNode, YamlNode node)
    {
        string what = $"source '{idNode.Value}'";
        if (!ExpectMapping(node, what))
        {
            return null;
        }

        var keys = Keys(node, SourceKeys, what);
        string? name = RequiredText(node, keys, "name", what);
        SourceKind kind = ReadEnum(keys, "kind", Kinds) ?? SourceKind.Unknown;
        SourceAccess access = ReadEnum(keys, "access", Accesses) ?? SourceAccess.Unknown;
        double weight = 1;
        if (keys.TryGetValue("weight", out YamlNode? w) && ReadNumber(w, "weight") is { } value)
        {
            if (value is < Source.MinWeight or > Source.MaxWeight)
            {
                Error(w, $"the weight of {what} must be between 0.000001 and 1,000,000, but is {Excerpt.Of(w.Value)}");
            }
            else
            {
                weight = value;
            }
        }

        return name is null ? null : new Source(idNode.Value!, name)
        {
            Kind = kind,
            Role = OptionalText(keys, "role"),
            Outlet = OptionalText(keys, "outlet"),
            Side = OptionalText(keys, "side"),
            Access = access,
            Weight = weight,
        };
    }

    private Question? ReadQuestion(YamlNode idNode, YamlNode node)
    {
        string what = $"question '{idNode.Value}'";
        if (!ExpectMapping(node, what))
        {
            return null;
        }

        var keys = Keys(node, QuestionKeys, what);
        string? subject = RequiredText(node, keys, "subject", what);
        string? unit = RequiredText(node, keys, "unit", what);
        Stratum? target = null;
        if (keys.TryGetValue("target", out YamlNode? targetNode) && ExpectMapping(targetNode, $"the target of {what}"))
        {
            var targetKeys = Keys(targetNode, TargetKeys, $"the target of {what}");
            target = new Stratum(OptionalText(targetKeys, "as-of"), OptionalText(targetKeys, "scope"));
            if (target.IsAny && targetNode.Entries.All(e => TargetKeys.Contains(e.Key.Value)))
            {
                Error(targetNode, $"the target of {what} gives neither 'as-of' nor 'scope'; expected at least one, as in target: {{scope: assault force}}");
            }

            target = target.IsAny ? null : target;
        }

        bool cumulative = false;
        if (keys.TryGetValue("cumulative", out YamlNode? cumulativeNode) && Text(cumulativeNode, "cumulative") is { } flag)
        {
            switch (flag.Trim().ToLowerInvariant())
            {
                case "true":
                    cumulative = true;
                    break;
                case "false":
                    break;
                default:
                    Error(cumulativeNode, $"'cumulative' of {what} must be true or false, but is '{Excerpt.Of(flag)}'");
                    break;
            }
        }

        return subject is null || unit is null ? null : new Question(idNode.Value!, subject, unit) { Target = target, Cumulative = cumulative };
    }

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
                    Error(id.Value, $"duplicate claim id '{text}' (first at line {first.Line}, column {first.Column})");
                }
                else
                {
                    taken.Add(text, id.Value);
                }
            }
        }

        var drafts = new List<(string? Id, Claim Claim)>();
        var read = new List<(Claim Claim, YamlNode Value, string What)>();
        int index = 0;
        foreach (YamlNode item in list.Items)
        {
            index++;
            string what = $"claim {index}";
            if (!ExpectMapping(item, what))
            {
                continue;
            }

            if (item.Entries.FirstOrDefault(e => e.Key.Value == "id").Value is { Kind: YamlNodeKind.Scalar, Value: { } statedId } && Identifier.IsValid(statedId))
            {
                what = $"claim '{statedId}'";
            }

            var keys = Keys(item, ClaimKeys, what);
            string? id = null;
            if (keys.TryGetValue("id", out YamlNode? idNode))
            {
                id = Text(idNode, "id");
                if (id is not null && !Identifier.IsValid(id))
                {
                    Error(idNode, $"'{Excerpt.Of(id)}' is not a valid claim id; use letters, digits, '-', '_' or '.', with no spaces");
                    id = null;
                }

                what = id is null ? what : $"claim '{id}'";
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
                        Error(v, $"'via' of {what} is empty; expected the id of the source that relayed the figure");
                    }
                    else if (viaId is not null)
                    {
                        if (sources.TryGetValue(viaId, out Source? relay))
                        {
                            via.Add(relay);
                        }
                        else
                        {
                            Error(v, $"{what} is relayed via '{Excerpt.Of(viaId)}', which is not a defined source{Suggest(viaId, sources.Keys)}");
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
                    Error(saidNode, $"'{Excerpt.Of(saidText)}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-01-15");
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
        }

        WarnOfCopies(read);
        claims.AddRange(Named(drafts, taken));
    }

    /// <summary>
    /// Warns of a figure that two sources give alike, to the unit, when it is not round (a round figure is often reached apart): a
    /// possible copy, unless one names the other as its relay with 'via'. The warning stands at the later claim in the file.
    /// </summary>
    /// <summary>At most MaxErrors warnings, and a last one that counts the rest.</summary>
    private DossierWarning[] Bounded(List<DossierWarning> warnings)
    {
        if (warnings.Count <= _options.MaxErrors)
        {
            return [.. warnings];
        }

        DossierWarning last = warnings[^1];
        return [.. warnings.Take(_options.MaxErrors), new DossierWarning(last.Line, last.Column,
            string.Create(CultureInfo.InvariantCulture, $"and {warnings.Count - _options.MaxErrors:N0} more warnings like these (DossierReadOptions.MaxErrors is {_options.MaxErrors:N0})"), _file)];
    }

    private static bool IsBefore(YamlNode a, YamlNode b) => a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column);

    private void WarnOfCopies(List<(Claim Claim, YamlNode Value, string What)> read)
    {
        // Round, or one off a round figure: a strict bound ("more than a million") reads as the next whole count.
        static bool Round(double v) => !double.IsFinite(v) || RoundnessRule.Step(v) >= 100 || RoundnessRule.Step(v + 1) >= 100
                                       || (v >= 1 && RoundnessRule.Step(v - 1) >= 100);
        foreach (var group in read
                     .Where(r => r.Claim.Value.Kind != QuantityKind.Vague
                                 && !(Round(r.Claim.Value.Lower) && Round(r.Claim.Value.Upper) && (r.Claim.Value.Central is not { } c || Round(c))))
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
                    _warnings.Add(new DossierWarning(inOrder[i].Value.Line, inOrder[i].Value.Column,
                        $"{inOrder[i].What} gives the same figure as {first.What} (line {first.Value.Line}) from {first.Claim.Source.Name}: {later.Value}; "
                        + "a possible copy: if one source took it from the other, name the relay with 'via'", _file));
                }
            }
        }
    }

    /// <summary>
    /// The claims with an id for each that has none, derived from its content, never from its place in the file: the source and the
    /// question ("mayor-islamist-fighters") when the source makes one unnamed claim on the question, else with a hash of the claim's
    /// words and labels ("mayor-islamist-fighters-3f2a9c1e"); identical claims are told apart by "-2", "-3", which, since they are
    /// identical, changes nothing in any report. A generated id never takes an id a claim states.
    /// </summary>
    private static IEnumerable<Claim> Named(List<(string? Id, Claim Claim)> drafts, Dictionary<string, YamlNode> taken)
    {
        var used = new HashSet<string>(taken.Keys, StringComparer.Ordinal);
        var generated = new Dictionary<Claim, string>(ReferenceEqualityComparer.Instance);
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in drafts.Where(d => d.Id is null).Select(d => d.Claim)
                     .GroupBy(c => (Source: c.Source.Id, Question: c.Question.Id))
                     .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Question, StringComparer.Ordinal))
        {
            string baseId = $"{group.Key.Source}-{group.Key.Question}";
            var members = group.Select(c => (Claim: c, Content: Content(c))).OrderBy(m => m.Content, StringComparer.Ordinal).ToList();
            foreach (var (claim, content) in members)
            {
                string stem = members.Count == 1 ? Fit(baseId, string.Empty) : Fit(baseId, "-" + Hash(content));
                string id = stem;

                // Each stem counts on from where it stopped, so that a hundred thousand identical claims cost a hundred thousand steps.
                for (int n = next.GetValueOrDefault(stem, 2); !used.Add(id); n++)
                {
                    id = Fit(stem, string.Create(CultureInfo.InvariantCulture, $"-{n}"));
                    next[stem] = n + 1;
                }

                generated[claim] = id;
            }
        }

        foreach (var (id, c) in drafts)
        {
            yield return id is not null ? c : new Claim(generated[c], c.Question, c.Source, c.Value)
            {
                Quote = c.Quote, Said = c.Said, AsOf = c.AsOf, Scope = c.Scope, Via = c.Via, Note = c.Note, Language = c.Language,
            };
        }
    }

    /// <summary>An id of at most 100 characters: the stem cut to leave room for the suffix.</summary>
    private static string Fit(string stem, string suffix)
        => stem.Length + suffix.Length <= 100 ? stem + suffix : stem[..(100 - suffix.Length)].TrimEnd('-') + suffix;

    private static string Content(Claim c)
        => string.Join("\u0001", c.Source.Id, c.Question.Id, c.Value.Kind, c.Value.Lower.ToString("R", CultureInfo.InvariantCulture), c.Value.Upper.ToString("R", CultureInfo.InvariantCulture),
            c.Value.Central?.ToString("R", CultureInfo.InvariantCulture), c.Value.Text, c.Quote, c.Said?.ToString(), c.AsOf, c.Scope, c.Note,
            string.Join(",", c.Via.Select(v => v.Id)), c.Language?.ToString());

    /// <summary>FNV-1a, 32 bits, over the text's UTF-16 code units: the same on every machine and every run.</summary>
    private static string Hash(string text)
    {
        uint h = 2166136261;
        foreach (char ch in text)
        {
            h = (h ^ ch) * 16777619;
        }

        return h.ToString("x8", CultureInfo.InvariantCulture);
    }

    private T? Reference<T>(YamlNode item, Dictionary<string, YamlNode> keys, string key, Dictionary<string, T> defined, string what)
        where T : class
    {
        if (!keys.TryGetValue(key, out YamlNode? node))
        {
            return Missing<T>(item, key, what, $"the id of one of the dossier's {key}s");
        }

        if (Text(node, key) is not { } id)
        {
            if (node.Kind == YamlNodeKind.Scalar)
            {
                Error(node, $"'{key}' of {what} is empty; expected the id of one of the dossier's {key}s");
            }

            return null;
        }

        if (defined.TryGetValue(id, out T? found))
        {
            return found;
        }

        Error(node, $"{what} names {key} '{Excerpt.Of(id)}', which is not defined{Suggest(id, defined.Keys)}");
        return null;
    }

    private T? ReadEnum<T>(Dictionary<string, YamlNode> keys, string key, Dictionary<string, T> values)
        where T : struct
    {
        if (!keys.TryGetValue(key, out YamlNode? node) || Text(node, key) is not { } text)
        {
            return null;
        }

        if (values.TryGetValue(text.Trim().ToLowerInvariant(), out T value))
        {
            return value;
        }

        Error(node, $"'{Excerpt.Of(text)}' is not a valid {key}; expected one of: {string.Join(", ", values.Keys)}{Suggest(text, values.Keys)}");
        return null;
    }

    private QuantityLanguage? ReadLanguage(Dictionary<string, YamlNode> keys, string key)
    {
        if (!keys.TryGetValue(key, out YamlNode? node) || Text(node, key) is not { } text)
        {
            return null;
        }

        string name = TextKey.Normalize(text.Trim());
        foreach (QuantityLanguage language in Enum.GetValues<QuantityLanguage>())
        {
            if (QuantityWords.For(language).Names.Contains(name))
            {
                return language;
            }
        }

        Error(node, $"'{Excerpt.Of(text)}' is not a supported language; expected one of: {string.Join(", ", Enum.GetValues<QuantityLanguage>().Select(l => $"'{QuantityWords.For(l).Code}'"))}");
        return null;
    }
}
