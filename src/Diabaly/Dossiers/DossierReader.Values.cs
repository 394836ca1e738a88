using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Dossiers;

/// <summary>Claim values: words read by the quantity grammar, or the structured forms, and the numbers in them.</summary>
internal sealed partial class DossierReader
{
    private Quantity? ReadValue(YamlNode node, QuantityLanguage language, string what)
    {
        if (node.Kind == YamlNodeKind.Scalar)
        {
            if (node.Value is null)
            {
                Error(node, $"the value of {what} is empty; expected the number the source gave");
                return null;
            }

            QuantityParseOptions options = _options.QuantityOptions.WithLanguage(language);
            QuantityParser.Result read = QuantityParser.Parse(node.Value!, options);
            if (read.Quantity is { } q)
            {
                foreach (Diagnostic w in read.Warnings)
                {
                    _warnings.Add(w.At(_file, node.Line, node.Column + (node.Quoted ? 1 : 0), $"the value of {what}: "));
                }

                return q;
            }

            Error(node, $"the value of {what} is not a quantity: {read.Error}", DiagnosticCodes.NotAQuantity);
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
            // A key the chosen form does not read is refused, never silently ignored: with 'kind' the value is low, high and central;
            // 'central' belongs to a range.
            if (kind is not null && keys.Keys.FirstOrDefault(key => key is not ("kind" or "low" or "high" or "central")) is { } stray)
            {
                Error(keys[stray], $"the value of {what} gives '{stray}' beside 'kind'; with 'kind', give low, high (absent when open) and central", DiagnosticCodes.NotAQuantity);
                return null;
            }

            if (kind is null && central is not null && (low is null || high is null))
            {
                Error(keys["central"], $"the value of {what} gives 'central' without a range; 'central' goes with {{low: A, high: B}} or with 'kind'", DiagnosticCodes.NotAQuantity);
                return null;
            }

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
            Error(node, $"the value of {what} is not a valid quantity: {e.Message}", DiagnosticCodes.NotAQuantity);
            return null;
        }
    }

    private Quantity? InvertedOr(YamlNode node, double low, double high, double? central)
    {
        if (low > high)
        {
            Error(node, $"the range is inverted: low {NumberText.Format(low)} is above high {NumberText.Format(high)}; write {{low: {NumberText.Format(high)}, high: {NumberText.Format(low)}}}", DiagnosticCodes.NotAQuantity);
            return null;
        }

        return Quantity.Create(QuantityKind.Range, low, high, central);
    }

    private Quantity? Invalid(YamlNode node, string what)
    {
        Error(node, $"the value of {what} is not one of the structured forms: {{exact: N}}, {{about: N}}, {{low: A, high: B}}, {{at-least: N}}, {{at-most: N}}, or {{kind: K, low: A, high: B, central: C}}", DiagnosticCodes.NotAQuantity);
        return null;
    }

    private double? ReadNumber(YamlNode node, string key)
    {
        if (node.Kind != YamlNodeKind.Scalar || node.Value is null)
        {
            Error(node, $"'{key}' must be a number, but is {node.Describe()}", DiagnosticCodes.NotAQuantity);
            return null;
        }

        string t = node.Value.Trim();
        if (t is ".inf" or ".Inf" or ".INF" or "+.inf" or "-.inf" or ".nan" or ".NaN" or ".NAN"
            || !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            Error(node, $"'{key}' must be a finite number such as 250 or 1.5, but is '{Excerpt.Of(node.Value)}'", DiagnosticCodes.NotAQuantity);
            return null;
        }

        if (value < 0)
        {
            Error(node, $"'{key}' must not be negative (Diabaly counts things), but is {Excerpt.Of(node.Value)}", DiagnosticCodes.NotAQuantity);
            return null;
        }

        return value;
    }
}
