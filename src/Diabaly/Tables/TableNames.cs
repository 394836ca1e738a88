using System.Globalization;
using System.Text;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>The sources and questions a claim table's rows name: ids made from names, one weight per source, and, with a definitions
/// dossier, its sources and questions. What a row registered can be forgotten when the row turns out bad.</summary>
internal sealed class TableNames
{
    private readonly Dossier? _definitions;
    private readonly Dictionary<string, (Source Source, string Name, long Line, bool WeightGiven)> _sources = new(StringComparer.Ordinal);
    private readonly List<string> _sourceOrder = [];
    private readonly Dictionary<string, string> _questionNames = new(StringComparer.Ordinal);
    private (Question Question, long Line)? _last;

    public TableNames(Dossier? definitions) => _definitions = definitions;

    /// <summary>A mark to <see cref="Forget"/> back to: how many sources are registered.</summary>
    public int Mark => _sourceOrder.Count;

    /// <summary>Forgets the sources registered since <paramref name="mark"/> and the question name <paramref name="question"/> registered.</summary>
    public void Forget(int mark, string? question)
    {
        foreach (string id in _sourceOrder.Skip(mark))
        {
            _sources.Remove(id);
        }

        _sourceOrder.RemoveRange(mark, _sourceOrder.Count - mark);
        if (question is not null)
        {
            _questionNames.Remove(question);
            _last = _last?.Question.Id == question ? null : _last;
        }
    }

    /// <summary>The row's question; returns the id it registered a name for, if this row named the question first.</summary>
    public string? QuestionOf(TableColumns cells, TableRow row, long line, out Question question)
    {
        string text = cells.Text(row, "question") ?? throw cells.Error(line, cells.Column(row, "question"), "no question; every row names the question it answers.");
        string id = IdOf(cells, text, line, cells.Column(row, "question"), "question");
        if (_definitions is { } d)
        {
            question = d.TryGetQuestion(id, out Question? q) ? q
                : throw cells.Error(line, cells.Column(row, "question"), $"no question '{Excerpt.Of(id)}' in the definitions dossier.", DiagnosticCodes.Undefined);
            return null;
        }

        string? registered = null;
        if (_questionNames.TryGetValue(id, out string? named))
        {
            if (named != text)
            {
                throw cells.Error(line, cells.Column(row, "question"), $"'{Excerpt.Of(text)}' and '{Excerpt.Of(named)}' make the same question id '{id}'.", DiagnosticCodes.Duplicate);
            }
        }
        else
        {
            _questionNames[id] = text;
            registered = id;
        }

        // The rows of a question share one Question, made from its first row; a later row that gives another subject or unit is
        // refused rather than silently overruled.
        string subject = cells.Text(row, "subject") ?? text, unit = cells.Text(row, "unit") ?? "count";
        if (_last is { } last && last.Question.Id == id)
        {
            if (last.Question.Subject != subject || last.Question.Unit != unit)
            {
                bool bySubject = last.Question.Subject != subject;
                throw cells.Error(line, cells.Column(row, bySubject ? "subject" : "unit"),
                    $"question '{Excerpt.Of(id)}' has {(bySubject ? $"subject '{Excerpt.Of(subject)}'" : $"unit '{Excerpt.Of(unit)}'")} here and "
                    + $"{(bySubject ? $"'{Excerpt.Of(last.Question.Subject)}'" : $"'{Excerpt.Of(last.Question.Unit)}'")} on its first row (line {last.Line}); a question has one subject and one unit.");
            }

            question = last.Question;
            return registered;
        }

        question = new Question(id) { Subject = subject, Unit = unit };
        _last = (question, line);
        return registered;
    }

    public Source SourceOf(TableColumns cells, TableRow row, long line, string column, string? text)
    {
        int at = cells.Column(row, column);
        if (text is null)
        {
            throw cells.Error(line, at, $"no {column}; every row names the source that made the claim.");
        }

        string id = IdOf(cells, text, line, at, "source");
        double? weight = null;
        if (column == "source" && cells.Text(row, "weight") is { } w)
        {
            weight = double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= Source.MinWeight && x <= Source.MaxWeight ? x
                : throw cells.Error(line, cells.Column(row, "weight"), $"'{Excerpt.Of(w)}' is not a weight; expected a number from {Source.MinWeight.ToString(CultureInfo.InvariantCulture)} to {Source.MaxWeight.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (_definitions is { } d)
        {
            if (!d.TryGetSource(id, out Source? defined))
            {
                throw cells.Error(line, at, $"no source '{Excerpt.Of(id)}' in the definitions dossier.", DiagnosticCodes.Undefined);
            }

            return weight is { } w2 && w2 != defined.Weight
                ? throw cells.Error(line, cells.Column(row, "weight"), string.Create(CultureInfo.InvariantCulture,
                    $"source '{id}' has weight {w2} here and {defined.Weight} in the definitions dossier; a source has one weight."))
                : defined;
        }

        if (_sources.TryGetValue(id, out var known))
        {
            if (known.Name != text)
            {
                throw cells.Error(line, at, $"'{Excerpt.Of(text)}' and '{Excerpt.Of(known.Name)}' (line {known.Line}) make the same source id '{id}'.", DiagnosticCodes.Duplicate);
            }

            if (weight is { } given && (!known.WeightGiven || given != known.Source.Weight))
            {
                throw cells.Error(line, cells.Column(row, "weight"), known.WeightGiven
                    ? string.Create(CultureInfo.InvariantCulture, $"source '{id}' has weight {given} here and {known.Source.Weight} before (line {known.Line}); a source has one weight.")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"source '{id}' has weight {given} here, but its first row (line {known.Line}) gave none, so its claims were read with weight 1; give a source's weight on its first row."));
            }

            return known.Source;
        }

        var source = new Source(id, text) { Weight = weight ?? 1 };
        _sources[id] = (source, text, line, weight is not null);
        _sourceOrder.Add(id);
        return source;
    }

    private static string IdOf(TableColumns cells, string text, long line, int column, string what)
    {
        if (Identifier.IsValid(text))
        {
            return text;
        }

        var sb = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '.')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        string id = sb.ToString().TrimEnd('-');
        id = id.Length > 100 ? id[..100].TrimEnd('-') : id;
        return Identifier.IsValid(id) ? id : throw cells.Error(line, column, $"'{Excerpt.Of(text)}' cannot name a {what}: it has no letter or digit.");
    }
}
