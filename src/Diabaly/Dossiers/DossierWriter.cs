using System.Globalization;
using Diabaly.Internal;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Diabaly.Dossiers;

/// <summary>Writes a dossier in the format <see cref="DossierReader"/> reads, so that reading it back gives an equal dossier.</summary>
internal static class DossierWriter
{
    public static string Write(Dossier dossier)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var e = new Emitter(writer, 2, int.MaxValue, false);
        e.Emit(new StreamStart());
        e.Emit(new DocumentStart());
        e.Emit(new MappingStart());
        Pair(e, "title", dossier.Title);
        Pair(e, "description", dossier.Description);
        if (dossier.Language != QuantityLanguage.English)
        {
            Pair(e, "language", Code(dossier.Language));
        }

        if (dossier.Relations.Within.Count > 0)
        {
            Key(e, "scopes");
            e.Emit(new MappingStart());
            foreach (var (scope, containers) in dossier.Relations.Within)
            {
                // A scope is free text used as a key: anything but plain words is written quoted, which YAML reads back whole.
                bool plain = scope.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '\'') && !char.IsDigit(scope[0]) && scope[0] != '-'
                             && scope is not ("null" or "Null" or "NULL");
                e.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scope, plain ? ScalarStyle.Any : ScalarStyle.DoubleQuoted, true, true));
                e.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                Key(e, "within");
                FlowList(e, containers);
                e.Emit(new MappingEnd());
            }

            e.Emit(new MappingEnd());
        }

        if (dossier.Relations.Times.Count > 0)
        {
            Key(e, "times");
            FlowList(e, dossier.Relations.Times);
        }

        Key(e, "sources");
        e.Emit(new MappingStart());
        foreach (Source s in dossier.Sources)
        {
            Key(e, s.Id);
            e.Emit(new MappingStart());
            Pair(e, "name", s.Name);
            Pair(e, "kind", EnumText.Kebab(s.Kind));
            Pair(e, "role", s.Role);
            Pair(e, "outlet", s.Outlet);
            Pair(e, "side", s.Side);
            Pair(e, "access", EnumText.Kebab(s.Access));
            if (s.Weight != 1)
            {
                Pair(e, "weight", Number(s.Weight));
            }

            e.Emit(new MappingEnd());
        }

        e.Emit(new MappingEnd());
        Key(e, "questions");
        e.Emit(new MappingStart());
        foreach (Question q in dossier.Questions)
        {
            Key(e, q.Id);
            e.Emit(new MappingStart());
            Pair(e, "subject", q.Subject);
            Pair(e, "unit", q.Unit);
            if (q.Target is { } target)
            {
                Key(e, "target");
                e.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
                Pair(e, "as-of", target.AsOf);
                Pair(e, "scope", target.Scope);
                e.Emit(new MappingEnd());
            }

            if (q.Cumulative)
            {
                Pair(e, "cumulative", "true");
            }

            if (q.Measure == Measure.Amount)
            {
                Pair(e, "measure", "amount");
            }

            e.Emit(new MappingEnd());
        }

        e.Emit(new MappingEnd());
        Key(e, "claims");
        e.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        foreach (Claim c in dossier.Claims)
        {
            e.Emit(new MappingStart());
            Pair(e, "id", c.Id);
            Pair(e, "question", c.Question.Id);
            Pair(e, "source", c.Source.Id);
            Key(e, "value");
            WriteValue(e, c.Value, dossier.LanguageOf(c));
            Pair(e, "quote", c.Quote);
            Pair(e, "said", c.Said?.ToString());
            Pair(e, "as-of", c.AsOf);
            Pair(e, "scope", c.Scope);
            if (c.Via.Count > 0)
            {
                Key(e, "via");
                FlowList(e, c.Via.Select(v => v.Id));
            }

            Pair(e, "note", c.Note);
            if (c.Language is { } language)
            {
                Pair(e, "language", Code(language));
            }

            e.Emit(new MappingEnd());
        }

        e.Emit(new SequenceEnd());
        e.Emit(new MappingEnd());
        e.Emit(new DocumentEnd(true));
        e.Emit(new StreamEnd());
        return writer.ToString();
    }

    /// <summary>Whether <c>{about: central}</c> reads back as <paramref name="q"/>. "About" a count near <see cref="Quantity.MaxCount"/>
    /// reaches past it, so that is checked before <see cref="Quantity.About(double)"/>, which would refuse it.</summary>
    private static bool IsPlainAbout(Quantity q)
        => q.Central is { } c && c + RoundnessRule.Default.HalfWidth(c) <= Quantity.MaxCount && Quantity.About(c).SameNumbers(q);

    private static void WriteValue(Emitter e, Quantity q, QuantityLanguage language)
    {
        var options = QuantityParseOptions.For(language);
        if (q.Text is { } text && Quantity.TryParse(text, options, out Quantity? back) && back.Kind == q.Kind && back.SameNumbers(q))
        {
            Scalar(e, text);
            return;
        }

        e.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow));
        switch (q.Kind)
        {
            case QuantityKind.Exact:
                Pair(e, "exact", Number(q.Lower));
                break;
            case QuantityKind.Approximate when IsPlainAbout(q):
                Pair(e, "about", Number(q.Central!.Value));
                break;
            case QuantityKind.Range when q.Central is null:
                Pair(e, "low", Number(q.Lower));
                Pair(e, "high", Number(q.Upper));
                break;
            case QuantityKind.AtLeast when q.Central is null:
                Pair(e, "at-least", Number(q.Lower));
                break;
            case QuantityKind.AtMost when q.Central is null && q.Lower == 0:
                Pair(e, "at-most", Number(q.Upper));
                break;
            default:
                Pair(e, "kind", EnumText.Kebab(q.Kind));
                Pair(e, "low", Number(q.Lower));
                if (!q.IsOpen)
                {
                    Pair(e, "high", Number(q.Upper));
                }

                if (q.Central is { } central)
                {
                    Pair(e, "central", Number(central));
                }

                break;
        }

        // Words that do not read back as these numbers are kept as they are, beside the numbers.
        Pair(e, "text", q.Text);
        e.Emit(new MappingEnd());
    }

    private static string Code(QuantityLanguage language) => QuantityWords.For(language).Code;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Pair(Emitter e, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        Key(e, key);
        Scalar(e, value);
    }

    private static void Key(Emitter e, string key) => Scalar(e, key);

    private static void FlowList(Emitter e, IEnumerable<string> items)
    {
        e.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
        foreach (string item in items)
        {
            Scalar(e, item);
        }

        e.Emit(new SequenceEnd());
    }

    private static void Scalar(Emitter e, string value)
    {
        // The reader takes an empty plain value, "~" and "null" for nothing: such text is written quoted.
        bool mustQuote = value.Length == 0 || value is "~" or "null" or "Null" or "NULL" || value.Trim() != value;
        e.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, mustQuote ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
    }
}
