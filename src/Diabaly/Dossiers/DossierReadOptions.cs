using Diabaly.Internal;

namespace Diabaly;

/// <summary>Limits and settings for reading dossiers. Immutable; change a setting with <c>with</c>
/// (<c>DossierReadOptions.Default with { MaxErrors = 10 }</c>), which checks the new value.</summary>
public sealed record DossierReadOptions
{
    private readonly int _maxLength = 16 * 1024 * 1024, _maxDepth = 32, _maxErrors = 100;
    private readonly QuantityParseOptions _quantityOptions = QuantityParseOptions.Default;

    /// <summary>The defaults.</summary>
    public static DossierReadOptions Default { get; } = new();

    /// <summary>The largest file read, in characters (about bytes for most files): from 1 to 1 GiB.</summary>
    /// <value>16 MiB (16,777,216).</value>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 1,073,741,824.</exception>
    public int MaxLength { get => _maxLength; init => _maxLength = (int)Guard.InRange(value, 1, 1 << 30, nameof(MaxLength)); }

    /// <summary>The deepest nesting of mappings and sequences accepted (a dossier needs 5): from 1 to 1,000.</summary>
    /// <value>32.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 1,000.</exception>
    public int MaxDepth { get => _maxDepth; init => _maxDepth = (int)Guard.InRange(value, 1, 1000, nameof(MaxDepth)); }

    /// <summary>How many errors are collected before reading stops: at least 1.</summary>
    /// <value>100.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above 1,000,000.</exception>
    public int MaxErrors { get => _maxErrors; init => _maxErrors = (int)Guard.InRange(value, 1, 1_000_000, nameof(MaxErrors)); }

    /// <summary>How values in words are read; the dossier's <c>language</c> key and a claim's own <c>language</c> override the language.</summary>
    /// <value><see cref="QuantityParseOptions.Default"/>.</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public QuantityParseOptions QuantityOptions { get => _quantityOptions; init => _quantityOptions = Guard.NotNull(value, nameof(QuantityOptions)); }
}
