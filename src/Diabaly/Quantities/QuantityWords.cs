using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>What a modifier before a number, or a postfix after it, does to the number.</summary>
internal enum Modifier
{
    None,
    About,
    Nearly,
    AtLeast,
    AtMost,
    Odd,

    /// <summary>A strict lower bound, "more than N": at least N + 1 when N is whole.</summary>
    MoreThan,

    /// <summary>A strict upper bound, "fewer than N": at most N − 1 when N is whole.</summary>
    FewerThan,

    /// <summary>"Just over N": from N to the top of "about N".</summary>
    JustOver,

    /// <summary>"Well over N": beyond the top of "about N".</summary>
    WellOver,

    /// <summary>"Well under N": below the bottom of "about N".</summary>
    WellUnder,

    /// <summary>"Exactly N", "equal to N": N itself, never widened by its roundness.</summary>
    Exactly,
}

/// <summary>
/// The words of one language of the quantity grammar, read from its embedded data file (<c>Quantities/Languages/CODE.json</c>):
/// number words, modifiers, range words and the vague amounts with their intervals. The grammar itself knows no word of any
/// language; adding a language is adding a file, a <see cref="QuantityLanguage"/> member and its tests.
/// </summary>
internal sealed class QuantityWords
{
    private static readonly FrozenDictionary<QuantityLanguage, QuantityWords> All = Enum.GetValues<QuantityLanguage>()
        .ToFrozenDictionary(l => l, Load);

    private QuantityWords(QuantityLanguage language, JsonElement root)
    {
        Language = language;
        Code = String(root, "code");
        Name = String(root, "name");
        Names = Strings(root, "names").ToFrozenSet(StringComparer.Ordinal);
        JsonElement numbers = root.GetProperty("numbers");
        DecimalMark = String(numbers, "decimal")[0];
        GroupMark = String(numbers, "group")[0];
        Units = Numbers(root, "units");
        Hundreds = Numbers(root, "hundreds");
        Scales = Numbers(root, "scales");
        Collectives = Numbers(root, "collectives");
        Articles = Strings(root, "articles").ToFrozenSet(StringComparer.Ordinal);
        Multipliers = root.GetProperty("multipliers").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        Fractions = Numbers(root, "fractions");
        AndAHalf = Strings(root, "and-a-half").Select(p => p.Split(' ')).ToArray();
        Plurals = root.GetProperty("plurals").EnumerateObject()
            .ToFrozenDictionary(p => double.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture), p => p.Value.GetString()!);
        Zero = Strings(root, "zero").Select(p => p.Split(' ')).OrderByDescending(p => p.Length).ToArray();
        Modifiers = Phrases(root.GetProperty("modifiers"));
        Postfixes = Phrases(root.GetProperty("postfixes"));
        Prefixes = Strings(root, "prefixes");
        Between = String(root.GetProperty("between"), "word");
        BetweenConnectors = Strings(root.GetProperty("between"), "connectors");
        From = String(root.GetProperty("from"), "word");
        FromAlso = Strings(root.GetProperty("from"), "also").ToFrozenSet(StringComparer.Ordinal);
        FromConnectors = Strings(root.GetProperty("from"), "connectors");
        RangeConnectors = Strings(root, "range").ToFrozenSet(StringComparer.Ordinal);
        And = String(root, "and");
        Of = Strings(root, "of").ToFrozenSet(StringComparer.Ordinal);
        IntervalLabels = Strings(root, "interval-labels").Select(p => p.Split(' ')).OrderByDescending(p => p.Length).ToArray();
        Vague = root.GetProperty("vague").EnumerateArray()
            .SelectMany(row => Strings(row, "phrases").Select(phrase => new VagueTerm(phrase, language, Quantity.Vague(row.GetProperty("lower").GetDouble(), row.GetProperty("upper").ValueKind == JsonValueKind.Null ? double.PositiveInfinity : row.GetProperty("upper").GetDouble(), row.GetProperty("central").ValueKind == JsonValueKind.Null ? null : row.GetProperty("central").GetDouble()))))
            .ToArray();
    }

    public QuantityLanguage Language { get; }

    /// <summary>The code a dossier names the language by ("en").</summary>
    public string Code { get; }

    /// <summary>The language's name in English, for messages ("French").</summary>
    public string Name { get; }

    /// <summary>Every name a dossier may give the language ("en", "english").</summary>
    public FrozenSet<string> Names { get; }

    public char DecimalMark { get; }

    public char GroupMark { get; }

    public FrozenDictionary<string, double> Units { get; }

    public FrozenDictionary<string, double> Hundreds { get; }

    public FrozenDictionary<string, double> Scales { get; }

    public FrozenDictionary<string, double> Collectives { get; }

    public FrozenSet<string> Articles { get; }

    /// <summary>Multipliers after a number, glued or spaced, matched as written ("1.2m", "2.5 bn", "3 Md"): case matters.</summary>
    public FrozenDictionary<string, double> Multipliers { get; }

    /// <summary>Fractions before a scale word: "half" a million, "demi"-million.</summary>
    public FrozenDictionary<string, double> Fractions { get; }

    /// <summary>"and a half" after a number or a scale word: one and a half million, un million et demi.</summary>
    public string[][] AndAHalf { get; }

    /// <summary>Other words that open a range as <c>From</c> does ("desde 20 hasta 100").</summary>
    public FrozenSet<string> FromAlso { get; }

    /// <summary>What may name the interval a study gives beside its figure ("95% CI 793–8,498"): "ci", "confidence interval",
    /// longest first; the level ("95%") before it is read and kept only in the words as written.</summary>
    public string[][] IntervalLabels { get; }

    /// <summary>Round numbers written as plurals ("100s", "1000s"), and the vague phrase of the lexicon each stands for.</summary>
    public FrozenDictionary<double, string> Plurals { get; }

    /// <summary>Words for no one at all ("none", "nobody"), longest first.</summary>
    public string[][] Zero { get; }

    /// <summary>Modifiers before a number, longest first.</summary>
    public (string[] Words, Modifier Modifier)[] Modifiers { get; }

    /// <summary>Postfixes after a number, longest first.</summary>
    public (string[] Words, Modifier Modifier)[] Postfixes { get; }

    public string[] Prefixes { get; }

    public string Between { get; }

    public string[] BetweenConnectors { get; }

    public string From { get; }

    public string[] FromConnectors { get; }

    public FrozenSet<string> RangeConnectors { get; }

    public string And { get; }

    public FrozenSet<string> Of { get; }

    /// <summary>The vague amounts of the language, in the file's order.</summary>
    public VagueTerm[] Vague { get; }

    public static QuantityWords For(QuantityLanguage language) => All[language];

    /// <summary>The language a dossier or a claim table names ("en", "English", "français"), or null.</summary>
    public static QuantityLanguage? Named(string name)
    {
        string key = TextKey.Normalize(name.Trim());
        foreach (QuantityLanguage language in Enum.GetValues<QuantityLanguage>())
        {
            if (For(language).Names.Contains(key))
            {
                return language;
            }
        }

        return null;
    }

    /// <summary>Every scale word, collective and multiplier of every language, and the common ones no language here reads (lakh,
    /// crore, MM, G: <c>Languages/scale-words.json</c>): after a figure, a word of this set that the claim's language does not read
    /// is refused by name, never taken for the unit, so that no figure is changed in silence.</summary>
    /// <returns>For a word (normalized) or a multiplier (as written), the number it stands for.</returns>
    public static (FrozenDictionary<string, double> Words, FrozenDictionary<string, double> Multipliers) ForeignScales => Refused.Scales;

    /// <summary>Denominators ("fifths", "quintos") and decimal words ("point", "virgule") of every language
    /// (<c>Languages/scale-words.json</c>): after a number they are refused, never taken for the unit.</summary>
    public static (FrozenSet<string> Fractions, FrozenSet<string> Decimals) FractionWords => Refused.Fractions;

    private static readonly ((FrozenDictionary<string, double>, FrozenDictionary<string, double>) Scales, (FrozenSet<string>, FrozenSet<string>) Fractions) Refused = LoadRefused();

    /// <summary>Reads <c>Languages/scale-words.json</c> once, and adds every language's own scale words, collectives (and their
    /// plurals) and multipliers.</summary>
    private static ((FrozenDictionary<string, double>, FrozenDictionary<string, double>), (FrozenSet<string>, FrozenSet<string>)) LoadRefused()
    {
        using Stream stream = typeof(QuantityWords).Assembly.GetManifestResourceStream("Diabaly.Quantities.Languages.scale-words.json")
                              ?? throw new InvalidOperationException("The scale words file is not embedded in the assembly.");
        using JsonDocument document = JsonDocument.Parse(stream);
        JsonElement root = document.RootElement;
        var words = root.GetProperty("words").EnumerateObject().ToDictionary(p => TextKey.Normalize(p.Name), p => p.Value.GetDouble(), StringComparer.Ordinal);
        var multipliers = root.GetProperty("multipliers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        foreach (QuantityWords w in All.Values)
        {
            foreach (var (k, v) in w.Scales.Concat(w.Collectives))
            {
                words.TryAdd(k, v);
                words.TryAdd(k + "s", v); // "douzaines", "dozens": a plural is no unit either
            }

            foreach (var (k, v) in w.Multipliers)
            {
                multipliers.TryAdd(k, v);
            }
        }

        FrozenSet<string> Set(string key) => root.GetProperty(key).EnumerateArray().Select(x => TextKey.Normalize(x.GetString()!)).ToFrozenSet(StringComparer.Ordinal);
        return ((words.ToFrozenDictionary(StringComparer.Ordinal), multipliers.ToFrozenDictionary(StringComparer.Ordinal)),
            (Set("fraction-words"), Set("decimal-words")));
    }

    /// <summary>The codes of the supported languages, for messages: "'en', 'fr', 'es'".</summary>
    public static string Codes => string.Join(", ", Enum.GetValues<QuantityLanguage>().Select(l => $"'{For(l).Code}'"));

    private static QuantityWords Load(QuantityLanguage language)
    {
        string code = language switch
        {
            QuantityLanguage.English => "en",
            QuantityLanguage.French => "fr",
            QuantityLanguage.Spanish => "es",
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No data file for this language."),
        };
        string name = $"Diabaly.Quantities.Languages.{code}.json";
        using Stream stream = typeof(QuantityWords).Assembly.GetManifestResourceStream(name)
                              ?? throw new InvalidOperationException($"The language file {name} is not embedded in the assembly.");
        using JsonDocument document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return new QuantityWords(language, document.RootElement);
    }

    private static string String(JsonElement e, string key) => e.GetProperty(key).GetString()!;

    private static string[] Strings(JsonElement e, string key)
        => e.TryGetProperty(key, out JsonElement list) ? list.EnumerateArray().Select(x => TextKey.Normalize(x.GetString()!)).ToArray() : [];

    private static FrozenDictionary<string, double> Numbers(JsonElement e, string key)
        => e.GetProperty(key).EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);

    private static (string[] Words, Modifier Modifier)[] Phrases(JsonElement e)
        => e.EnumerateObject()
            .SelectMany(group => group.Value.EnumerateArray().Select(p => (Words: p.GetString()!.Split(' '), Modifier: group.Name switch
            {
                "about" => Modifier.About,
                "nearly" => Modifier.Nearly,
                "at-least" => Modifier.AtLeast,
                "at-most" => Modifier.AtMost,
                "odd" => Modifier.Odd,
                "more-than" => Modifier.MoreThan,
                "fewer-than" => Modifier.FewerThan,
                "just-over" => Modifier.JustOver,
                "well-over" => Modifier.WellOver,
                "well-under" => Modifier.WellUnder,
                "exactly" => Modifier.Exactly,
                _ => throw new InvalidOperationException($"Unknown modifier group '{group.Name}' in a language file."),
            })))
            .OrderByDescending(p => p.Words.Length)
            .ToArray();
}
