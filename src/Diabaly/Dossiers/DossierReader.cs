using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Dossiers;

/// <summary>Reads the dossier format (see samples/dossiers/README.md) from a <see cref="YamlNode"/> tree, collecting every error it can.</summary>
internal sealed class DossierReader
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
                $"the file has {text.Length:N0} characters, more than the limit of {options.MaxLength:N0} (DossierReadOptions.MaxLength)", file)]);
        }

        int control = text.AsSpan().IndexOfAnyInRange('\0', '\u0008');
        if (control >= 0)
        {
            (int line, int column) = Position(text, control);
            throw new DossierException([new DossierError(line, column,
                $"the file holds a control character (U+{(int)text[control]:X4}); a dossier is UTF-8 text", file)]);
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

        return new Dossier(title, sources.Select(s => s.Source), questions, claims) { Description = description, Language = language, Relations = relations };
    }

    /// <summary>The top-level <c>scopes</c> and <c>times</c>, checked against the labels the claims and targets use, so that a
    /// misspelt label is an error rather than a relation that silently relates nothing.</summary>
    private StratumRelations ReadRelations(Dictionary<string, YamlNode> keys, List<Claim> claims, List<(Question Question, YamlNode Node)> targets)
    {
        var scopesUsed = claims.Select(c => c.Scope).Concat(targets.Select(t => t.Question.Target!.Scope)).OfType<string>()
            .Select(s => Stratum.Key(s)!).ToHashSet(StringComparer.Ordinal);
        var timesUsed = claims.Select(c => c.AsOf).Concat(targets.Select(t => t.Question.Target!.AsOf)).OfType<string>()
            .Select(s => Stratum.Key(s)!).ToHashSet(StringComparer.Ordinal);
        var scopeText = claims.Select(c => c.Scope).Concat(targets.Select(t => t.Question.Target!.Scope)).OfType<string>().Distinct().ToList();
        var timeText = claims.Select(c => c.AsOf).Concat(targets.Select(t => t.Question.Target!.AsOf)).OfType<string>().Distinct().ToList();

        var within = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var relationScopes = new List<(string Label, YamlNode Node)>();
        if (keys.TryGetValue("scopes", out YamlNode? scopesNode) && ExpectMapping(scopesNode, "'scopes'"))
        {
            var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in scopesNode.Entries)
            {
                string what = $"scope '{key.Value}'";
                if (string.IsNullOrWhiteSpace(key.Value))
                {
                    Error(key, "a scope label in 'scopes' is empty; expected the words claims use in 'scope'");
                    continue;
                }

                if (seen.TryGetValue(Stratum.Key(key.Value)!, out YamlNode? first))
                {
                    Error(key, $"{what} is listed twice in 'scopes' (first at line {first.Line}, column {first.Column})");
                    continue;
                }

                seen.Add(Stratum.Key(key.Value)!, key);
                if (!ExpectMapping(value, what))
                {
                    continue;
                }

                var relation = Keys(value, ScopeRelationKeys, what);
                if (!relation.TryGetValue("within", out YamlNode? w))
                {
                    Missing<string>(value, "within", what, "the scope label, or a list of labels, that this scope lies within");
                    continue;
                }

                var containers = new List<string>();
                foreach (YamlNode c in w.Kind == YamlNodeKind.Sequence ? w.Items : [w])
                {
                    if (Text(c, "within") is { } label && !string.IsNullOrWhiteSpace(label))
                    {
                        if (Stratum.Key(label) == Stratum.Key(key.Value))
                        {
                            Error(c, $"{what} cannot lie within itself");
                            continue;
                        }

                        containers.Add(label.Trim());
                        relationScopes.Add((label, c));
                    }
                    else if (c.Kind == YamlNodeKind.Scalar)
                    {
                        Error(c, $"'within' of {what} is empty; expected a scope label");
                    }
                }

                within[key.Value.Trim()] = containers;
                relationScopes.Add((key.Value, key));
            }

            if (StratumRelations.CycleIn(within) is { } cycle)
            {
                Error(scopesNode, $"the scopes form a cycle ({cycle}); a scope cannot lie within a scope that lies within it");
            }
        }

        // A label named once in 'scopes' and by no claim or target relates nothing: most likely a typo.
        var counts = relationScopes.GroupBy(r => Stratum.Key(r.Label)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (label, node) in relationScopes)
        {
            if (!scopesUsed.Contains(Stratum.Key(label)!) && counts[Stratum.Key(label)!] == 1)
            {
                Error(node, $"the scope '{label}' in 'scopes' is not used by any claim or target{Suggest(label, scopeText)}; "
                            + "a relation names the words claims give in 'scope'");
            }
        }

        var times = new List<string>();
        if (keys.TryGetValue("times", out YamlNode? timesNode) && Expect(timesNode, YamlNodeKind.Sequence, "'times'", "a list of time labels, earliest first"))
        {
            var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (YamlNode t in timesNode.Items)
            {
                if (Text(t, "times") is not { } label || string.IsNullOrWhiteSpace(label))
                {
                    if (t.Kind == YamlNodeKind.Scalar)
                    {
                        Error(t, "a label in 'times' is empty; expected the words claims use in 'as-of'");
                    }

                    continue;
                }

                string key = Stratum.Key(label)!;
                if (seen.TryGetValue(key, out YamlNode? first))
                {
                    Error(t, $"the time '{label}' is listed twice in 'times' (first at line {first.Line}, column {first.Column})");
                    continue;
                }

                seen.Add(key, t);
                if (!timesUsed.Contains(key) && !TimeLine.IsDate(label))
                {
                    Error(t, $"the time '{label}' in 'times' is not used by any claim or target{Suggest(label, timeText)}; "
                             + "'times' orders the words claims give in 'as-of'");
                }

                times.Add(label.Trim());
            }
        }

        // A target's label that no claim gives, and no relation names, matches nothing: most likely a typo.
        var relationKeys = relationScopes.Select(r => Stratum.Key(r.Label)!).ToHashSet(StringComparer.Ordinal);
        var claimScopes = claims.Select(c => c.Scope).OfType<string>().Select(x => Stratum.Key(x)!).ToHashSet(StringComparer.Ordinal);
        var claimTimes = claims.Select(c => c.AsOf).OfType<string>().Select(x => Stratum.Key(x)!).ToHashSet(StringComparer.Ordinal);
        var claimScopeText = claims.Select(c => c.Scope).OfType<string>().Distinct().ToList();
        var claimTimeText = claims.Select(c => c.AsOf).OfType<string>().Distinct().ToList();
        var timeKeys = times.Select(t => Stratum.Key(t)!).ToHashSet(StringComparer.Ordinal);
        foreach (var (question, node) in targets)
        {
            if (question.Target!.Scope is { } scope && !claimScopes.Contains(Stratum.Key(scope)!) && !relationKeys.Contains(Stratum.Key(scope)!))
            {
                Error(node, $"the target scope '{scope}' of question '{question.Id}' is not the scope of any claim, nor named in 'scopes'"
                            + Suggest(scope, claimScopeText));
            }

            if (question.Target.AsOf is { } asOf && !claimTimes.Contains(Stratum.Key(asOf)!) && !timeKeys.Contains(Stratum.Key(asOf)!) && !TimeLine.IsDate(asOf))
            {
                Error(node, $"the target time '{asOf}' of question '{question.Id}' is not the as-of of any claim, nor named in 'times'"
                            + Suggest(asOf, claimTimeText));
            }
        }

        return _errors.Count > 0 ? StratumRelations.None : new StratumRelations { Within = within, Times = times };
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
            if (value <= 0)
            {
                Error(w, $"the weight of {what} must be > 0, but is {w.Value}");
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
            if (target.IsAny)
            {
                Error(targetNode, $"the target of {what} gives neither 'as-of' nor 'scope'; expected at least one, as in target: {{scope: assault force}}");
                target = null;
            }
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
                    Error(cumulativeNode, $"'cumulative' of {what} must be true or false, but is '{flag}'");
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

        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
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
                    Error(idNode, $"'{id}' is not a valid claim id; use letters, digits, '-', '_' or '.', with no spaces");
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
                    if (Text(v, "via") is { } viaId)
                    {
                        if (sources.TryGetValue(viaId, out Source? relay))
                        {
                            via.Add(relay);
                        }
                        else
                        {
                            Error(v, $"{what} is relayed via '{viaId}', which is not a defined source{Suggest(viaId, sources.Keys)}");
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
                    Error(saidNode, $"'{saidText}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-01-15");
                }
            }

            if (question is null || source is null || value is null)
            {
                continue;
            }

            if (id is null)
            {
                string baseId = $"{source.Id}-{question.Id}";
                id = baseId;
                int n = nextSuffix.GetValueOrDefault(baseId, 2);
                while (taken.ContainsKey(id))
                {
                    id = string.Create(CultureInfo.InvariantCulture, $"{baseId}-{n++}");
                }

                nextSuffix[baseId] = n;

                taken.Add(id, item);
            }

            claims.Add(new Claim(id, question, source, value)
            {
                Quote = OptionalText(keys, "quote"),
                Said = said,
                AsOf = OptionalText(keys, "as-of"),
                Scope = OptionalText(keys, "scope"),
                Via = via,
                Note = OptionalText(keys, "note"),
                Language = keys.ContainsKey("language") ? claimLanguage : null,
            });
        }
    }

    private Quantity? ReadValue(YamlNode node, QuantityLanguage language, string what)
    {
        if (node.Kind == YamlNodeKind.Scalar)
        {
            if (node.Value is null)
            {
                Error(node, $"the value of {what} is empty; expected the number the source gave");
                return null;
            }

            QuantityParseOptions options = _options.QuantityOptions.Language == language
                ? _options.QuantityOptions
                : new QuantityParseOptions { Language = language, Lexicon = _options.QuantityOptions.Lexicon, Roundness = _options.QuantityOptions.Roundness };
            if (Quantity.TryParse(node.Value, options, out Quantity? q, out string? error))
            {
                return q;
            }

            Error(node, $"the value of {what} is not a quantity: {error}");
            return null;
        }

        if (!ExpectMapping(node, $"the value of {what}"))
        {
            return null;
        }

        var keys = Keys(node, ValueKeys, $"the value of {what}");
        double? Num(string key) => keys.TryGetValue(key, out YamlNode? n) ? ReadNumber(n, key) : null;
        int before = _errors.Count;
        double? exact = Num("exact"), about = Num("about"), low = Num("low"), high = Num("high"), central = Num("central"),
            atLeast = Num("at-least"), atMost = Num("at-most");
        QuantityKind? kind = ReadEnum(keys, "kind", QuantityKinds);
        string? text = keys.TryGetValue("text", out YamlNode? textNode) ? Text(textNode, "text") : null;
        if (_errors.Count > before)
        {
            return null;
        }

        keys.Remove("text");
        return ReadStructured(node, what, keys, kind, exact, about, low, high, central, atLeast, atMost)?.WithText(text);
    }

    private Quantity? ReadStructured(YamlNode node, string what, Dictionary<string, YamlNode> keys, QuantityKind? kind,
        double? exact, double? about, double? low, double? high, double? central, double? atLeast, double? atMost)
    {
        try
        {
            if (kind is { } k)
            {
                if (low is null)
                {
                    return Missing(node, "low", $"the value of {what}", "the lower bound");
                }

                return Quantity.Create(k, low.Value, high ?? double.PositiveInfinity, central);
            }

            string[] forms = keys.Keys.Where(key => key != "central").ToArray();
            return forms switch
            {
                ["exact"] => Quantity.Exact(exact!.Value),
                ["about"] => Quantity.About(about!.Value, _options.QuantityOptions.Roundness),
                ["at-least"] => Quantity.AtLeast(atLeast!.Value),
                ["at-most"] => Quantity.AtMost(atMost!.Value),
                _ when forms.Length == 2 && low is not null && high is not null => InvertedOr(node, low.Value, high.Value, central),
                _ => Invalid(node, what),
            };
        }
        catch (ArgumentException e)
        {
            Error(node, $"the value of {what} is not a valid quantity: {e.Message}");
            return null;
        }
    }

    private Quantity? InvertedOr(YamlNode node, double low, double high, double? central)
    {
        if (low > high)
        {
            Error(node, $"the range is inverted: low {NumberText.Format(low)} is above high {NumberText.Format(high)}; write {{low: {NumberText.Format(high)}, high: {NumberText.Format(low)}}}");
            return null;
        }

        return Quantity.Create(QuantityKind.Range, low, high, central);
    }

    private Quantity? Invalid(YamlNode node, string what)
    {
        Error(node, $"the value of {what} is not one of the structured forms: {{exact: N}}, {{about: N}}, {{low: A, high: B}}, {{at-least: N}}, {{at-most: N}}, or {{kind: K, low: A, high: B, central: C}}");
        return null;
    }

    private double? ReadNumber(YamlNode node, string key)
    {
        if (node.Kind != YamlNodeKind.Scalar || node.Value is null)
        {
            Error(node, $"'{key}' must be a number, but is {node.Describe()}");
            return null;
        }

        string t = node.Value.Trim();
        if (t is ".inf" or ".Inf" or ".INF" or "+.inf" or "-.inf" or ".nan" or ".NaN" or ".NAN"
            || !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error(node, $"'{key}' must be a finite number such as 250 or 1.5, but is '{node.Value}'");
            return null;
        }

        if (value < 0)
        {
            Error(node, $"'{key}' must not be negative (Diabaly counts things), but is {node.Value}");
            return null;
        }

        return value;
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
            return null;
        }

        if (defined.TryGetValue(id, out T? found))
        {
            return found;
        }

        Error(node, $"{what} names {key} '{id}', which is not defined{Suggest(id, defined.Keys)}");
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

        Error(node, $"'{text}' is not a valid {key}; expected one of: {string.Join(", ", values.Keys)}{Suggest(text, values.Keys)}");
        return null;
    }

    private QuantityLanguage? ReadLanguage(Dictionary<string, YamlNode> keys, string key)
    {
        if (!keys.TryGetValue(key, out YamlNode? node) || Text(node, key) is not { } text)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "en" or "english":
                return QuantityLanguage.English;
            case "fr" or "french" or "français" or "francais":
                return QuantityLanguage.French;
            default:
                Error(node, $"'{text}' is not a supported language; expected 'en' or 'fr'");
                return null;
        }
    }

    private Dictionary<string, YamlNode> Keys(YamlNode map, string[] allowed, string what)
    {
        var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                keys[key.Value!] = value;
            }
            else if (key.Value!.Length > 0 && key.Value.All(char.IsAsciiDigit))
            {
                Error(key, $"unknown key '{key.Value}' in {what}: a comma inside {{…}} separates entries, so a number with a thousands "
                           + "separator must be quoted there, as in value: \"about 2,000\"");
            }
            else
            {
                Error(key, $"unknown key '{key.Value}' in {what}{Suggest(key.Value!, allowed)}; expected one of: {string.Join(", ", allowed)}");
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

        Error(key, $"'{key.Value}' is not a valid {what} id; use letters, digits, '-', '_' or '.', with no spaces");
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

    private void Error(YamlNode node, string message) => _errors.Add(new DossierError(node.Line, node.Column, message, _file));

    internal static string Suggest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates.Order(StringComparer.Ordinal))
        {
            int d = Levenshtein(given.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = c;
                bestDistance = d;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, given.Length / 3) ? $" (did you mean '{best}'?)" : string.Empty;
    }

    private static int Levenshtein(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

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
