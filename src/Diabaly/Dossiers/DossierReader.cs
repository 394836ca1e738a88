using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Dossiers;

/// <summary>Reads the dossier format (see docs/dossiers.md) from a <see cref="YamlNode"/> tree, collecting every error it can.</summary>
internal sealed partial class DossierReader
{
    // "$schema" lets a JSON dossier name its schema, as JSON editors expect; the reader checks it is text and otherwise ignores it.
    private static readonly string[] RootKeys = ["title", "description", "language", "scopes", "times", "sources", "questions", "claims", "$schema"];
    private static readonly string[] SourceKeys = ["name", "kind", "role", "outlet", "side", "access", "weight"];
    private static readonly string[] QuestionKeys = ["subject", "unit", "target", "cumulative", "measure"];
    private static readonly string[] TargetKeys = ["as-of", "scope"];
    private static readonly string[] ScopeRelationKeys = ["within"];
    private static readonly string[] ClaimKeys = ["id", "question", "source", "value", "quote", "said", "as-of", "scope", "via", "note", "language"];
    private static readonly string[] ValueKeys = ["exact", "about", "low", "high", "central", "at-least", "at-most", "kind", "text"];

    private static readonly IReadOnlyDictionary<string, SourceKind> Kinds = EnumText.ByKebab<SourceKind>();
    private static readonly IReadOnlyDictionary<string, SourceAccess> Accesses = EnumText.ByKebab<SourceAccess>();
    private static readonly IReadOnlyDictionary<string, QuantityKind> QuantityKinds = EnumText.ByKebab<QuantityKind>();

    private readonly List<Diagnostic> _errors;
    private readonly List<Diagnostic> _warnings = [];
    private readonly Dictionary<(object Candidates, string Given), string> _suggestions = [];
    private readonly Dictionary<object, string[]> _sortedCandidates = new(ReferenceEqualityComparer.Instance);
    private int _suggestionsLeft = MaxSuggestions;
    private readonly string? _file;
    private readonly DossierReadOptions _options;

    private DossierReader(List<Diagnostic> errors, string? file, DossierReadOptions options)
    {
        _errors = errors;
        _file = file;
        _options = options;
    }

    public static Dossier Read(string text, string? file, DossierReadOptions options)
    {
        var errors = new List<Diagnostic>();
        if (text.Length > options.MaxLength)
        {
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.TooLarge, 0, 0,
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
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Malformed, line, column,
                $"the text holds {Guard.Describe(text[bad])}; a dossier is Unicode text with no control characters but tabs and line breaks, and no bidirectional controls", file)]);
        }

        YamlNode? root = YamlTree.Build(text, options.MaxDepth, errors, file);
        Dossier? dossier = null;
        if (root is null && errors.Count == 0)
        {
            errors.Add(Diagnostic.Error(DiagnosticCodes.Structure, 1, 1, "the dossier is empty; expected a mapping with 'title', 'sources', 'questions' and 'claims'", file));
        }
        else if (root is not null)
        {
            dossier = new DossierReader(errors, file, options).ReadRoot(root);
        }

        if (errors.Count > 0 || dossier is null)
        {
            throw new UnreadableInputException(errors
                .OrderBy(e => e.Line).ThenBy(e => e.Column)
                .Take(options.MaxErrors)
                .DefaultIfEmpty(Diagnostic.Error(DiagnosticCodes.Unreadable, 0, 0, "the dossier could not be read", file))
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
        _ = OptionalText(keys, "$schema");
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
            if (value < Source.MinWeight || value > Source.MaxWeight)
            {
                Error(w, $"the weight of {what} must be between 0.000001 and 1,000,000, but is {Excerpt.Of(w.Value)}", DiagnosticCodes.Setting);
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
            target = new Stratum { AsOf = OptionalText(targetKeys, "as-of"), Scope = OptionalText(targetKeys, "scope") };
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
                    Error(cumulativeNode, $"'cumulative' of {what} must be true or false, but is '{Excerpt.Of(flag)}'", DiagnosticCodes.Setting);
                    break;
            }
        }

        Measure measure = Measure.Count;
        if (keys.TryGetValue("measure", out YamlNode? measureNode) && Text(measureNode, "measure") is { } measureText)
        {
            switch (measureText.Trim().ToLowerInvariant())
            {
                case "count":
                    break;
                case "amount":
                    measure = Measure.Amount;
                    break;
                default:
                    Error(measureNode, $"'measure' of {what} must be count or amount, but is '{Excerpt.Of(measureText)}'", DiagnosticCodes.Setting);
                    break;
            }
        }

        return subject is null || unit is null ? null : new Question(idNode.Value!) { Subject = subject, Unit = unit, Target = target, Cumulative = cumulative, Measure = measure };
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
                Error(node, $"'{key}' of {what} is empty; expected the id of one of the dossier's {key}s", DiagnosticCodes.Undefined);
            }

            return null;
        }

        if (defined.TryGetValue(id, out T? found))
        {
            return found;
        }

        // With no name close enough to suggest, a short list of the names defined says what was meant (as --question does).
        string suggestion = Suggest(id, defined.Keys);
        if (suggestion.Length == 0 && defined.Count is > 0 and <= 20)
        {
            suggestion = $"; the {key}s defined are {string.Join(", ", defined.Keys.Order(StringComparer.Ordinal).Select(k => $"'{Excerpt.Of(k)}'"))}";
        }

        Error(node, $"{what} names {key} '{Excerpt.Of(id)}', which is not defined{suggestion}", DiagnosticCodes.Undefined);
        return null;
    }

    private T? ReadEnum<T>(Dictionary<string, YamlNode> keys, string key, IReadOnlyDictionary<string, T> values)
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

        Error(node, $"'{Excerpt.Of(text)}' is not a valid {key}; expected one of: {string.Join(", ", values.Keys)}{Suggest(text, values.Keys)}", DiagnosticCodes.Setting);
        return null;
    }

    private QuantityLanguage? ReadLanguage(Dictionary<string, YamlNode> keys, string key)
    {
        if (!keys.TryGetValue(key, out YamlNode? node) || Text(node, key) is not { } text)
        {
            return null;
        }

        if (QuantityWords.Named(text) is { } language)
        {
            return language;
        }

        Error(node, $"'{Excerpt.Of(text)}' is not a supported language; expected one of: {QuantityWords.Codes}", DiagnosticCodes.Setting);
        return null;
    }
}
