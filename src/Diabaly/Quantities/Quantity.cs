using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// A number as a source stated it: exact, approximate, a range, a bound or a vague amount, with the interval it covers
/// and, where the words imply one, a typical value.
/// </summary>
/// <remarks>
/// <para>The domain of a count: a number from 0 to <see cref="MaxCount"/> (10¹⁵), with any fraction. Larger numbers are refused,
/// here and by the dossier reader, so that every computation on counts stays finite.</para>
/// <para>Invariants, checked at construction: no NaN; <see cref="Lower"/> is finite and ≥ 0 (Diabaly counts things);
/// <see cref="Lower"/> ≤ <see cref="Upper"/>; <see cref="Lower"/> ≤ <see cref="Central"/> ≤ <see cref="Upper"/>; both bounds are inclusive;
/// <see cref="Upper"/> is positive infinity exactly when the statement has no upper bound.</para>
/// <para>Per kind: <see cref="QuantityKind.Exact"/> has Lower = Upper = Central; <see cref="QuantityKind.Approximate"/> always has a
/// Central; <see cref="QuantityKind.Range"/> and <see cref="QuantityKind.AtMost"/> have a finite Upper;
/// <see cref="QuantityKind.AtLeast"/> has an infinite Upper.</para>
/// <para><see cref="ToString"/> gives a canonical English text that <see cref="Parse(string)"/> reads back to the same kind, bounds and
/// central value. Equality compares the kind, the bounds, the central value and <see cref="Text"/>.</para>
/// </remarks>
public sealed class Quantity : IEquatable<Quantity>, IParsable<Quantity>
{
    private Quantity(QuantityKind kind, double lower, double upper, double? central, string? text)
    {
        Validate(kind, lower, upper, central);
        Kind = kind;

        // -0 is 0: adding 0 turns a negative zero into a positive one, so that no report prints "-0".
        Lower = lower + 0.0;
        Upper = upper + 0.0;
        Central = central + 0.0;
        Text = Guard.WellFormed(text);
    }

    /// <summary>The largest count a quantity may hold, 10¹⁵: a thousand times the people who ever lived, and small enough that
    /// products and ratios of counts stay finite.</summary>
    /// <value>1,000,000,000,000,000.</value>
    public static double MaxCount => 1e15;

    /// <summary>What kind of statement this is.</summary>
    public QuantityKind Kind { get; }

    /// <summary>The lowest count the statement allows (inclusive, finite, ≥ 0).</summary>
    public double Lower { get; }

    /// <summary>The highest count the statement allows (inclusive); positive infinity when the statement is open-ended.</summary>
    public double Upper { get; }

    /// <summary>The typical value the words imply, or null when they imply none ("at least five", "250–300").</summary>
    public double? Central { get; }

    /// <summary>The words as written, or null when the quantity was built in code.</summary>
    public string? Text { get; }

    /// <summary>Whether the statement has no upper bound (<see cref="Upper"/> is positive infinity).</summary>
    public bool IsOpen => double.IsPositiveInfinity(Upper);

    /// <summary>A plain number: "400".</summary>
    /// <param name="value">A finite number ≥ 0.</param>
    /// <returns>An <see cref="QuantityKind.Exact"/> quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN, infinite or above <see cref="MaxCount"/>.</exception>
    public static Quantity Exact(double value)
    {
        Guard.FiniteNonNegative(value);
        return new(QuantityKind.Exact, value, value, value, null);
    }

    /// <summary>"About <paramref name="value"/>", read as roundly as the number is round (see <see cref="RoundnessRule"/>).</summary>
    /// <param name="value">A finite number ≥ 0.</param>
    /// <returns>An <see cref="QuantityKind.Approximate"/> quantity centred on <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite, or "about" it reaches past
    /// <see cref="MaxCount"/> (about 10^15 spans 7.5 × 10^14 to 1.25 × 10^15).</exception>
    public static Quantity About(double value) => About(value, RoundnessRule.Default);

    /// <summary>"About <paramref name="value"/>" under a given roundness rule.</summary>
    /// <param name="value">A finite number ≥ 0.</param>
    /// <param name="rule">The rule that sets the tolerance.</param>
    /// <returns>An <see cref="QuantityKind.Approximate"/> quantity centred on <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative, NaN or infinite, or "about" it reaches past
    /// <see cref="MaxCount"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    public static Quantity About(double value, RoundnessRule rule)
    {
        Guard.FiniteNonNegative(value);
        double half = Guard.NotNull(rule).HalfWidth(value);
        return new(QuantityKind.Approximate, Math.Max(0, value - half), value + half, value, null);
    }

    /// <summary>A range: "250–300".</summary>
    /// <param name="lower">The low figure, finite and ≥ 0.</param>
    /// <param name="upper">The high figure, finite and ≥ <paramref name="lower"/>.</param>
    /// <returns>A <see cref="QuantityKind.Range"/> quantity with no central value.</returns>
    /// <exception cref="ArgumentException">The bounds are not finite, negative, or inverted.</exception>
    public static Quantity Between(double lower, double upper) => Create(QuantityKind.Range, lower, upper, null);

    /// <summary>A lower bound: "at least five".</summary>
    /// <param name="lower">The bound, finite and ≥ 0.</param>
    /// <returns>An <see cref="QuantityKind.AtLeast"/> quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lower"/> is negative, NaN, infinite or above <see cref="MaxCount"/>.</exception>
    public static Quantity AtLeast(double lower) => Create(QuantityKind.AtLeast, lower, double.PositiveInfinity, null);

    /// <summary>An upper bound: "at most seven" (the lower bound is 0).</summary>
    /// <param name="upper">The bound, finite and ≥ 0.</param>
    /// <returns>An <see cref="QuantityKind.AtMost"/> quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="upper"/> is negative, NaN, infinite or above <see cref="MaxCount"/>.</exception>
    public static Quantity AtMost(double upper) => Create(QuantityKind.AtMost, 0, upper, null);

    /// <summary>A vague amount with the interval and typical value it is read as ("several hundred": 300–900, typically 500).</summary>
    /// <param name="lower">The lowest count covered.</param>
    /// <param name="upper">The highest count covered; may be positive infinity.</param>
    /// <param name="central">The typical value, or null.</param>
    /// <returns>A <see cref="QuantityKind.Vague"/> quantity.</returns>
    /// <exception cref="ArgumentException">The numbers break the invariants.</exception>
    public static Quantity Vague(double lower, double upper, double? central) => Create(QuantityKind.Vague, lower, upper, central);

    /// <summary>Creates a quantity of any kind, checking every invariant listed in the remarks of <see cref="Quantity"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound.</param>
    /// <param name="central">The typical value, or null.</param>
    /// <param name="text">The words as written, or null.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentException">An invariant is broken; the message names it and the values received.</exception>
    public static Quantity Create(QuantityKind kind, double lower, double upper, double? central, string? text = null)
        => new(kind, lower, upper, central, text);

    /// <summary>The same quantity with other words as written.</summary>
    /// <param name="text">The words, or null.</param>
    /// <returns>A new quantity.</returns>
    /// <exception cref="ArgumentException">The text holds half of a surrogate pair or a control character other than a tab or a line break.</exception>
    public Quantity WithText(string? text) => new(Kind, Lower, Upper, Central, text)
    {
        StatedRelation = StatedRelation, StatedFigure = StatedFigure, IsStatedExactly = IsStatedExactly,
    };

    /// <summary>Whether the words said the figure is exact ("exactly 400", "précisément 400"): it is then read as itself, never
    /// widened by its roundness as a bare round figure is.</summary>
    internal bool IsStatedExactly { get; private init; }

    /// <summary>The same quantity, remembering that its words said it is exact.</summary>
    internal Quantity StatedExactly() => new(Kind, Lower, Upper, Central, Text) { IsStatedExactly = true };

    /// <summary>For a bound whose words put it off the figure they name ("more than 3,000" is at least 3,001, "well over 100,000" at
    /// least 125,000): the relation in canonical English ("more than", "fewer than", "well over", "well under"); null otherwise.</summary>
    internal string? StatedRelation { get; private init; }

    /// <summary>The figure the words named when <see cref="StatedRelation"/> is set (3,000 in "more than 3,000"); null otherwise.</summary>
    internal double? StatedFigure { get; private init; }

    /// <summary>The same quantity, remembering that its words named <paramref name="figure"/> with <paramref name="relation"/>.</summary>
    internal Quantity Said(string relation, double figure) => new(Kind, Lower, Upper, Central, Text) { StatedRelation = relation, StatedFigure = figure };

    /// <summary>Reads what a source said, in English (see <see cref="Parse(string, QuantityParseOptions?)"/>).</summary>
    /// <param name="text">The words.</param>
    /// <returns>The quantity, with <see cref="Text"/> set to <paramref name="text"/>.</returns>
    /// <exception cref="FormatException">The text is not a quantity; the message quotes it and says where it stopped making sense.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Quantity Parse(string text) => Parse(text, QuantityParseOptions.Default);

    /// <summary>Reads what a source said.</summary>
    /// <remarks>
    /// <para>The grammar combines modifiers with number forms. Numbers: digits with thousands separators, decimals, scale words
    /// and suffixes ("1.5 million", "20 thousand", "20k"), number words ("twenty-one", "a hundred", "a dozen"); "N-odd" and
    /// "N or so". Approximation: about, around, approximately, roughly, some, circa, c., ~, close to, next to; nearly and almost
    /// (at or below N). Lower bounds: at least, more than, over, upwards of, no fewer than, N+. Upper bounds: at most, up to,
    /// fewer than, less than, under, no more than. Ranges: 250–300 (hyphen, en or em dash), 250 to 300, between 250 and 300,
    /// from 250 to 300, and a modifier applied to a range ("about 250–300"). Vague amounts through <see cref="QuantityParseOptions.Lexicon"/>.
    /// French: environ, quelque, près de, plus d'un millier, au moins, une douzaine, une centaine, entre 250 et 300, 1 200.</para>
    /// <para>Words after the quantity that are not part of the grammar ("400 men", "47 pick-ups", "1,052 excess deaths", "hundreds
    /// of Islamists") are read as the unit and ignored. A number is never changed in silence: a scale word or multiplier that the
    /// language does not read ("13 lakh", "10G", "1 trillion" in French) is refused by name, never taken for the unit. "A dozen",
    /// "a score" and the French collective nouns (une centaine, un millier) are approximate. A figure with its interval ("4,645 (95%
    /// CI 793–8,498)") is a range with that central value.</para>
    /// <para>Parsing never depends on the current culture.</para>
    /// </remarks>
    /// <param name="text">The words.</param>
    /// <param name="options">The language, lexicon and roundness rule; null means <see cref="QuantityParseOptions.Default"/>.</param>
    /// <returns>The quantity, with <see cref="Text"/> set to <paramref name="text"/>.</returns>
    /// <exception cref="FormatException">The text is not a quantity; the message quotes it and says where it stopped making sense.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Quantity Parse(string text, QuantityParseOptions? options)
    {
        Guard.NotNull(text);
        QuantityParser.Result result = QuantityParser.Parse(text, options ?? QuantityParseOptions.Default);
        return result.Quantity ?? throw new FormatException(result.Error);
    }

    /// <summary>Reads what a source said, in a language, with the default lexicon and roundness rule.</summary>
    /// <param name="text">The words.</param>
    /// <param name="language">The language of the words and of the number format.</param>
    /// <returns>The quantity, with <see cref="Text"/> set to <paramref name="text"/>.</returns>
    /// <exception cref="FormatException">The text is not a quantity; the message quotes it and says where it stopped making sense.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not a defined language.</exception>
    public static Quantity Parse(string text, QuantityLanguage language) => Parse(text, QuantityParseOptions.For(language));

    /// <summary>Tries to read what a source said, in English; never throws.</summary>
    /// <param name="text">The words; null gives false.</param>
    /// <param name="quantity">The quantity, or null.</param>
    /// <returns>Whether the text is a quantity.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Quantity? quantity)
        => TryParse(text, QuantityParseOptions.Default, out quantity);

    /// <summary>Tries to read what a source said in a language, with the default lexicon and roundness rule; never throws on text.</summary>
    /// <param name="text">The words; null gives false.</param>
    /// <param name="language">The language of the words and of the number format.</param>
    /// <param name="quantity">The quantity, or null.</param>
    /// <returns>Whether the text is a quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not a defined language (a caller's bug, not a text's).</exception>
    public static bool TryParse([NotNullWhen(true)] string? text, QuantityLanguage language, [NotNullWhen(true)] out Quantity? quantity)
        => TryParse(text, QuantityParseOptions.For(language), out quantity);

    /// <summary>Tries to read what a source said; never throws.</summary>
    /// <param name="text">The words; null gives false.</param>
    /// <param name="options">The language, lexicon and roundness rule; null means <see cref="QuantityParseOptions.Default"/>.</param>
    /// <param name="quantity">The quantity, or null.</param>
    /// <returns>Whether the text is a quantity.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, QuantityParseOptions? options, [NotNullWhen(true)] out Quantity? quantity)
    {
        quantity = text is null ? null : QuantityParser.Parse(text, options ?? QuantityParseOptions.Default).Quantity;
        return quantity is not null;
    }

    /// <summary>Tries to read what a source said, and says why it failed or what it doubts; never throws.</summary>
    /// <param name="text">The words; null gives false, with an error.</param>
    /// <param name="options">The language, lexicon and roundness rule; null means <see cref="QuantityParseOptions.Default"/>.</param>
    /// <param name="quantity">The quantity, or null.</param>
    /// <param name="diagnostics">On failure, one error (code <c>DY2001</c>) saying where the text stopped making sense; on success, the
    /// warnings about what the grammar read but doubts (<c>DY2101</c>: "1.200" read as 1.2; <c>DY2102</c>: words after the figure
    /// ignored), each with the column where the doubtful words start (line 1) and their length; empty when nothing is doubtful.</param>
    /// <returns>Whether the text is a quantity.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, QuantityParseOptions? options, [NotNullWhen(true)] out Quantity? quantity,
        out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            (quantity, diagnostics) = (null, [Diagnostic.Error(DiagnosticCodes.NotAQuantity, 0, 0, "The text is null.")]);
            return false;
        }

        QuantityParser.Result result = QuantityParser.Parse(text, options ?? QuantityParseOptions.Default);
        quantity = result.Quantity;
        diagnostics = quantity is not null ? ReadOnly.List(result.Warnings.ToArray())
            : [Diagnostic.Error(DiagnosticCodes.NotAQuantity, 1, 1, result.Error!)];
        return quantity is not null;
    }

    /// <inheritdoc cref="Parse(string, QuantityParseOptions?)" />
    /// <remarks>For <see cref="IParsable{TSelf}"/>: the provider is ignored, since parsing never depends on a culture; the words are
    /// read in English. Use <see cref="Parse(string, QuantityLanguage)"/> for another language.</remarks>
    static Quantity IParsable<Quantity>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc cref="TryParse(string?, out Quantity?)" />
    /// <remarks>For <see cref="IParsable{TSelf}"/>: the provider is ignored, as in <see cref="IParsable{TSelf}.Parse"/>.</remarks>
    static bool IParsable<Quantity>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out Quantity result)
        => TryParse(s, out result);

    /// <summary>A canonical English text that <see cref="Parse(string)"/> reads back to the same kind, bounds and central value.</summary>
    /// <returns>For example "400", "about 2,000", "250–300", "at least 5", "several hundred", or, where the bounds are not the
    /// ones the words alone imply, the words followed by the bounds: "about 100 (90–100)".</returns>
    public override string ToString()
    {
        string head = Kind switch
        {
            QuantityKind.Exact => NumberText.Format(Lower),
            QuantityKind.Approximate => "about " + NumberText.Format(Central!.Value),
            QuantityKind.Range => NumberText.Format(Lower) + "–" + NumberText.Format(Upper),
            QuantityKind.AtLeast => "at least " + NumberText.Format(Lower),
            QuantityKind.AtMost => "at most " + NumberText.Format(Upper),
            _ => VagueLexicon.Default.Terms.FirstOrDefault(t => t.Language == QuantityLanguage.English && SameNumbers(t.ToQuantity()))?.Phrase
                 ?? "unspecified",
        };
        QuantityParser.Result implied = QuantityParser.Parse(head, QuantityParseOptions.Default);
        if (implied.Quantity is { } q && q.Kind == Kind && SameNumbers(q))
        {
            return head;
        }

        string bounds = IsOpen
            ? "at least " + NumberText.Format(Lower)
            : NumberText.Format(Lower) + "–" + NumberText.Format(Upper);
        double? impliedCentral = implied.Quantity?.Central;
        string central = Nullable.Equals(Central, impliedCentral)
            ? string.Empty
            : Central is { } c ? ", typically " + NumberText.Format(c) : ", no typical value";
        return $"{head} ({bounds}{central})";
    }

    /// <inheritdoc />
    public bool Equals(Quantity? other)
        => other is not null && Kind == other.Kind && SameNumbers(other) && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Quantity);

    /// <summary>Whether two values are equal, as <see cref="Equals(Quantity?)"/> says (value equality, not reference).</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether both are null or they are equal.</returns>
    public static bool operator ==(Quantity? left, Quantity? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two values differ, as <see cref="Equals(Quantity?)"/> says.</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether they are not equal.</returns>
    public static bool operator !=(Quantity? left, Quantity? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Lower, Upper, Central, Text);

    internal bool SameNumbers(Quantity other)
        => Lower.Equals(other.Lower) && Upper.Equals(other.Upper) && Nullable.Equals(Central, other.Central);

    internal static void Validate(QuantityKind kind, double lower, double upper, double? central)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown quantity kind.");
        }

        if (double.IsNaN(lower) || double.IsNaN(upper) || (central is { } c0 && double.IsNaN(c0)))
        {
            throw new ArgumentException("A quantity has no NaN bound or central value.");
        }

        if (!double.IsFinite(lower) || lower < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lower), lower, Invariant($"The lower bound must be finite and >= 0; received {lower}."));
        }

        if (lower > MaxCount || (double.IsFinite(upper) && upper > MaxCount) || central > MaxCount)
        {
            // Name the figure that is too large: the typical value alone can be, under an open upper bound.
            (string name, double received) = lower > MaxCount ? (nameof(lower), lower)
                : double.IsFinite(upper) && upper > MaxCount ? (nameof(upper), upper)
                : (nameof(central), central!.Value);
            throw new ArgumentOutOfRangeException(name, received,
                Invariant($"A count must be at most 1,000,000,000,000,000 (Quantity.MaxCount); received {received:R}."));
        }

        if (upper < lower)
        {
            throw new ArgumentException(Invariant($"The lower bound {lower} is above the upper bound {upper}."));
        }

        if (central is { } c && (c < lower || c > upper || !double.IsFinite(c)))
        {
            throw new ArgumentOutOfRangeException(nameof(central), c, Invariant($"The central value must lie in [{lower}, {upper}]; received {c}."));
        }

        switch (kind)
        {
            case QuantityKind.Exact when !(lower == upper && central == lower):
                throw new ArgumentException(Invariant($"An exact quantity has lower = upper = central; received {lower}, {upper}, {central}."));
            case QuantityKind.Approximate when central is null:
                throw new ArgumentException("An approximate quantity has a central value.");
            case QuantityKind.Range or QuantityKind.AtMost or QuantityKind.Approximate when double.IsPositiveInfinity(upper):
                throw new ArgumentException(Invariant($"A quantity of kind {kind} has a finite upper bound."));
            case QuantityKind.AtLeast when !double.IsPositiveInfinity(upper):
                throw new ArgumentException(Invariant($"An at-least quantity has no upper bound; received {upper}."));
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
