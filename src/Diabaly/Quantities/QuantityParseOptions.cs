using Diabaly.Internal;

namespace Diabaly;

/// <summary>How <see cref="Quantity.Parse(string, QuantityParseOptions)"/> reads text. Immutable; change a setting with <c>with</c>
/// (<c>QuantityParseOptions.French with { Roundness = ... }</c>).</summary>
public sealed record QuantityParseOptions
{
    private readonly VagueLexicon _lexicon = VagueLexicon.Default;
    private readonly RoundnessRule _roundness = RoundnessRule.Default;

    /// <summary>English, the default lexicon and the default roundness rule.</summary>
    public static QuantityParseOptions Default { get; } = new();

    /// <summary>French, the default lexicon and the default roundness rule.</summary>
    public static QuantityParseOptions French { get; } = new() { Language = QuantityLanguage.French };

    /// <summary>Spanish, the default lexicon and the default roundness rule.</summary>
    public static QuantityParseOptions Spanish { get; } = new() { Language = QuantityLanguage.Spanish };

    /// <summary>These options in another language, with the same lexicon and roundness: how a dossier or a claim table reads a
    /// claim that names its language.</summary>
    internal QuantityParseOptions WithLanguage(QuantityLanguage language)
        => language == Language ? this : new QuantityParseOptions { Language = language, Lexicon = Lexicon, Roundness = Roundness };

    /// <summary>The options for a language, with the default lexicon and roundness rule.</summary>
    /// <param name="language">The language.</param>
    /// <returns><see cref="Default"/>, <see cref="French"/> or <see cref="Spanish"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The language is not a member of <see cref="QuantityLanguage"/>.</exception>
    public static QuantityParseOptions For(QuantityLanguage language) => language switch
    {
        QuantityLanguage.English => Default,
        QuantityLanguage.French => French,
        QuantityLanguage.Spanish => Spanish,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not a language of the grammar."),
    };

    /// <summary>The language of the words and of the number format.</summary>
    /// <value><see cref="QuantityLanguage.English"/>.</value>
    public QuantityLanguage Language { get; init => field = Guard.Defined(value, nameof(Language)); } = QuantityLanguage.English;

    /// <summary>The vague amounts and how they are read.</summary>
    /// <value><see cref="VagueLexicon.Default"/>.</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public VagueLexicon Lexicon
    {
        get => _lexicon;
        init => _lexicon = Guard.NotNull(value, nameof(Lexicon));
    }

    /// <summary>How loosely approximate numbers are read.</summary>
    /// <value><see cref="RoundnessRule.Default"/>.</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public RoundnessRule Roundness
    {
        get => _roundness;
        init => _roundness = Guard.NotNull(value, nameof(Roundness));
    }
}
