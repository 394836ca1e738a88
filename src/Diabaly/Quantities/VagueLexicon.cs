using System.Collections.ObjectModel;
using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>One vague amount of a <see cref="VagueLexicon"/>: a phrase, the interval it is read as, and its typical value.</summary>
/// <example><code>var term = new VagueTerm("a few dozen", QuantityLanguage.English, Quantity.Vague(24, 60, 36));</code></example>
public sealed record VagueTerm
{
    /// <summary>Creates a term.</summary>
    /// <param name="phrase">The words, for example "several hundred"; matched case-insensitively, accents ignored.</param>
    /// <param name="language">The language the phrase belongs to.</param>
    /// <param name="meaning">What the phrase is read as: its interval (<see cref="Quantity.Lower"/> to <see cref="Quantity.Upper"/>, which may
    /// be open, as "many" is) and typical value (<see cref="Quantity.Central"/>, or null when the phrase implies none); usually
    /// <see cref="Quantity.Vague(double, double, double?)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="meaning"/> is null.</exception>
    /// <exception cref="ArgumentException">The phrase is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not a defined language.</exception>
    public VagueTerm(string phrase, QuantityLanguage language, Quantity meaning)
    {
        Phrase = TextKey.Normalize(Guard.NotBlank(phrase));
        Words = Phrase.Split(' ');
        Language = Guard.Defined(language);
        Guard.NotNull(meaning);
        Lower = meaning.Lower;
        Upper = meaning.Upper;
        Central = meaning.Central;
    }

    /// <summary>The normalized phrase: lower case, accents removed, single spaces.</summary>
    public string Phrase { get; }

    /// <summary>The phrase's words, for the grammar's matching.</summary>
    internal string[] Words { get; }

    /// <summary>The language of the phrase.</summary>
    public QuantityLanguage Language { get; }

    /// <summary>The lowest count the phrase covers.</summary>
    public double Lower { get; }

    /// <summary>The highest count the phrase covers; positive infinity for an open phrase such as "many".</summary>
    public double Upper { get; }

    /// <summary>The typical value, or null.</summary>
    public double? Central { get; }

    /// <summary>The quantity this term stands for.</summary>
    /// <returns>A <see cref="QuantityKind.Vague"/> quantity.</returns>
    public Quantity ToQuantity() => Quantity.Vague(Lower, Upper, Central);

    /// <inheritdoc />
    public bool Equals(VagueTerm? other)
        => other is not null && Phrase == other.Phrase && Language == other.Language
           && Lower.Equals(other.Lower) && Upper.Equals(other.Upper) && Nullable.Equals(Central, other.Central);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Phrase, Language, Lower, Upper, Central);

    /// <inheritdoc />
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Phrase} ({Language}): {Lower}–{Upper}, typically {Central?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
}

/// <summary>
/// The vague amounts the quantity grammar understands, each with the interval and typical value it is read as.
/// </summary>
/// <remarks>
/// <para>The defaults (<see cref="Default"/>) are a documented editorial choice, not a law of language; replace a term with
/// <see cref="With(VagueTerm)"/> when your sources use a phrase differently.</para>
/// <list type="table">
/// <listheader><term>English phrase (French)</term><description>interval, typical value</description></listheader>
/// <item><term>a couple (of)</term><description>2–3, 2</description></item>
/// <item><term>a few (quelques)</term><description>2–5, 3</description></item>
/// <item><term>a handful (une poignée)</term><description>3–8, 5</description></item>
/// <item><term>several (plusieurs)</term><description>3–9, 5</description></item>
/// <item><term>many, numerous (beaucoup, de nombreux, nombreux)</term><description>at least 5, no typical value</description></item>
/// <item><term>dozens (des dizaines)</term><description>24–99, 40</description></item>
/// <item><term>scores</term><description>40–199, 80</description></item>
/// <item><term>a few hundred (quelques centaines)</term><description>200–500, 300</description></item>
/// <item><term>hundreds (des centaines)</term><description>200–999, 400</description></item>
/// <item><term>several hundred (plusieurs centaines)</term><description>300–900, 500</description></item>
/// <item><term>a few thousand (quelques milliers)</term><description>2,000–5,000, 3,000</description></item>
/// <item><term>thousands (des milliers)</term><description>2,000–9,999, 4,000</description></item>
/// <item><term>several thousand (plusieurs milliers)</term><description>3,000–9,000, 5,000</description></item>
/// <item><term>tens of thousands (des dizaines de milliers)</term><description>20,000–99,999, 40,000</description></item>
/// <item><term>hundreds of thousands (des centaines de milliers)</term><description>200,000–999,999, 400,000</description></item>
/// </list>
/// <para>A trailing "of" ("hundreds of Islamists", "des centaines de soldats") is read as part of the unit.</para>
/// </remarks>
public sealed class VagueLexicon
{
    private readonly ReadOnlyCollection<VagueTerm> _terms;

    /// <summary>Creates a lexicon from terms; a later term replaces an earlier one with the same phrase and language.</summary>
    /// <param name="terms">The terms.</param>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null or holds null.</exception>
    public VagueLexicon(IEnumerable<VagueTerm> terms)
    {
        Guard.NotNull(terms);
        var byKey = new Dictionary<(string, QuantityLanguage), VagueTerm>();
        var order = new List<(string, QuantityLanguage)>();
        foreach (VagueTerm term in terms)
        {
            Guard.NotNull(term);
            var key = (term.Phrase, term.Language);
            if (!byKey.ContainsKey(key))
            {
                order.Add(key);
            }

            byKey[key] = term;
        }

        _terms = order.Select(k => byKey[k]).ToList().AsReadOnly();
        _byLanguage = Enum.GetValues<QuantityLanguage>().ToDictionary(l => l, l => _terms.Where(t => t.Language == l).ToArray());
    }

    private readonly Dictionary<QuantityLanguage, VagueTerm[]> _byLanguage;

    /// <summary>The terms of one language, in the order given.</summary>
    internal VagueTerm[] In(QuantityLanguage language) => _byLanguage[language];

    /// <summary>The default lexicon, English and French (see the remarks).</summary>
    public static VagueLexicon Default { get; } = new(DefaultTerms());

    /// <summary>The terms, in the order given.</summary>
    public IReadOnlyList<VagueTerm> Terms => _terms;

    /// <summary>A copy of this lexicon with <paramref name="term"/> added, or replacing the term with the same phrase and language.</summary>
    /// <param name="term">The new term.</param>
    /// <returns>A new lexicon.</returns>
    public VagueLexicon With(VagueTerm term) => new(_terms.Append(Guard.NotNull(term)));

    /// <summary>Finds the term for a phrase.</summary>
    /// <param name="phrase">The phrase; normalized as <see cref="VagueTerm.Phrase"/> is.</param>
    /// <param name="language">The language.</param>
    /// <returns>The term, or null.</returns>
    public VagueTerm? Find(string phrase, QuantityLanguage language)
    {
        string key = TextKey.Normalize(Guard.NotNull(phrase));
        return _terms.FirstOrDefault(t => t.Language == language && t.Phrase == key);
    }

    private static IEnumerable<VagueTerm> DefaultTerms()
        => Enum.GetValues<QuantityLanguage>().SelectMany(l => QuantityWords.For(l).Vague);
}
