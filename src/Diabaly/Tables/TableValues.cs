using Diabaly.Internal;

namespace Diabaly;

/// <summary>A claim table row's value: the words of the <c>value</c> column, read by the grammar in the row's language, or the numbers
/// of <c>low</c>, <c>high</c>, <c>central</c> and <c>kind</c>, read as a dossier's structured values are.</summary>
internal static class TableValues
{
    private static readonly string[] NumberColumns = ["kind", "low", "high", "central"];

    /// <summary>The language the row's <c>language</c> column names, or null when it names none.</summary>
    public static QuantityLanguage? LanguageOf(TableColumns cells, TableRow row, long line)
    {
        if (cells.Text(row, "language") is not { } name)
        {
            return null;
        }

        return QuantityWords.Named(name) ?? throw cells.Error(line, cells.Column(row, "language"),
            $"'{Excerpt.Of(name)}' is not a supported language; expected one of: {QuantityWords.Codes}.");
    }

    /// <summary>The row's value; the grammar's warnings about its words go <paramref name="into"/>.</summary>
    public static Quantity ValueOf(TableColumns cells, TableRow row, long line, QuantityLanguage? language, QuantityParseOptions defaults, List<Diagnostic> into)
    {
        if (cells.Text(row, "value") is { } words)
        {
            foreach (string number in NumberColumns)
            {
                if (cells.Text(row, number) is not null)
                {
                    throw cells.Error(line, cells.Column(row, number), $"this row gives both 'value' (words) and '{number}'; give one or the other.");
                }
            }

            // As a dossier does: the claim's language, with the lexicon and roundness of the options.
            QuantityParseOptions options = language is { } l ? defaults.WithLanguage(l) : defaults;
            QuantityParser.Result read = QuantityParser.Parse(words, options);
            if (read.Quantity is not { } q)
            {
                throw cells.Error(line, cells.Column(row, "value"), read.Error!, DiagnosticCodes.NotAQuantity);
            }

            foreach (Diagnostic w in read.Warnings)
            {
                into.Add(w.At(cells.File, line, cells.Column(row, "value"), "value: "));
            }

            return q;
        }

        double? low = cells.Number(row, line, "low"), high = cells.Number(row, line, "high"), central = cells.Number(row, line, "central");
        QuantityKind? kind = null;
        if (cells.Text(row, "kind") is { } kindText)
        {
            kind = EnumText.ByKebab<QuantityKind>().TryGetValue(kindText.ToLowerInvariant(), out QuantityKind k) ? k
                : throw cells.Error(line, cells.Column(row, "kind"),
                    $"'{Excerpt.Of(kindText)}' is not a kind; expected one of: {string.Join(", ", EnumText.ByKebab<QuantityKind>().Keys)}.");
        }

        // The same forms as a dossier's structured values: {exact}, {low, high, central?}, {at-least}, {at-most}, or a kind with its numbers.
        try
        {
            return (kind, low, high, central) switch
            {
                (QuantityKind.AtMost, _, null, _) => throw cells.Error(line, cells.Column(row, "high"), "a value of kind at-most needs 'high'."),
                (QuantityKind.AtMost, _, { } h, var c) => Quantity.Create(QuantityKind.AtMost, low ?? 0, h, c),
                ({ } k, null, _, _) => throw cells.Error(line, cells.Column(row, "low"), $"a value of kind {EnumText.Kebab(k)} needs 'low'."),
                ({ } k, { } l, var h, var c) => Quantity.Create(k, l, h ?? double.PositiveInfinity, c),
                (null, null, null, null) => throw cells.Error(line, 1, "no value; give 'value' (the words as written) or 'low'/'high'/'central'."),
                (null, null, null, { } c) => Quantity.Exact(c),
                (null, { } l, { } h, var c) => Quantity.Create(QuantityKind.Range, l, h, c),
                (null, { } l, null, var c) => Quantity.Create(QuantityKind.AtLeast, l, double.PositiveInfinity, c),
                (null, null, { } h, var c) => Quantity.Create(QuantityKind.AtMost, 0, h, c),
            };
        }
        catch (ArgumentException e)
        {
            throw cells.Error(line, cells.Column(row, "low"), e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
