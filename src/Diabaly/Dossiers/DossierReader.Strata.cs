using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Dossiers;

/// <summary>The strata keys of a dossier: the top-level <c>scopes</c> and <c>times</c>, checked against the labels claims and targets use.</summary>
internal sealed partial class DossierReader
{
    /// <summary>The top-level <c>scopes</c> and <c>times</c>, checked against the labels the claims and targets use, so that a
    /// misspelt label is an error rather than a relation that silently relates nothing.</summary>
    private StratumRelations ReadRelations(Dictionary<string, YamlNode> keys, List<Claim> claims, List<(Question Question, YamlNode Node)> targets)
    {
        var scopesUsed = claims.Select(c => c.Scope).Concat(targets.Select(t => t.Question.Target!.Scope)).OfType<string>()
            .Select(s => Stratum.Key(s)!).ToHashSet(StringComparer.Ordinal);
        var timesUsed = claims.Select(c => c.AsOf).Concat(targets.Select(t => t.Question.Target!.AsOf)).OfType<string>()
            .Select(s => Stratum.Key(s)!).ToHashSet(StringComparer.Ordinal);
        var scopeText = claims.Select(c => c.Scope).Concat(targets.Select(t => t.Question.Target!.Scope)).OfType<string>().Distinct().ToList();
        var timeText = claims.Select(c => c.AsOf).Concat(targets.Select(t => t.Question.Target!.AsOf)).OfType<string>().Distinct().ToList();

        var within = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var relationScopes = new List<(string Label, YamlNode Node)>();
        if (keys.TryGetValue("scopes", out YamlNode? scopesNode) && ExpectMapping(scopesNode, "'scopes'"))
        {
            var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in scopesNode.Entries)
            {
                string what = $"scope '{Excerpt.Of(key.Value)}'";
                if (string.IsNullOrWhiteSpace(key.Value))
                {
                    Error(key, "a scope label in 'scopes' is empty; expected the words claims use in 'scope'", DiagnosticCodes.Relations);
                    continue;
                }

                if (seen.TryGetValue(Stratum.Key(key.Value)!, out YamlNode? first))
                {
                    Error(key, $"{what} is listed twice in 'scopes' (first at line {first.Line}, column {first.Column})", DiagnosticCodes.Duplicate);
                    continue;
                }

                seen.Add(Stratum.Key(key.Value)!, key);
                if (!ExpectMapping(value, what))
                {
                    continue;
                }

                var relation = Keys(value, ScopeRelationKeys, what);
                if (!relation.TryGetValue("within", out YamlNode? w))
                {
                    Missing<string>(value, "within", what, "the scope label, or a list of labels, that this scope lies within");
                    continue;
                }

                var containers = new List<string>();
                foreach (YamlNode c in w.Kind == YamlNodeKind.Sequence ? w.Items : [w])
                {
                    if (Text(c, "within") is { } label && !string.IsNullOrWhiteSpace(label))
                    {
                        if (Stratum.Key(label) == Stratum.Key(key.Value))
                        {
                            Error(c, $"{what} cannot lie within itself", DiagnosticCodes.Relations);
                            continue;
                        }

                        containers.Add(label.Trim());
                        relationScopes.Add((label, c));
                    }
                    else if (c.Kind == YamlNodeKind.Scalar)
                    {
                        Error(c, $"'within' of {what} is empty; expected a scope label", DiagnosticCodes.Relations);
                    }
                }

                within[key.Value.Trim()] = containers;
                relationScopes.Add((key.Value, key));
            }

            if (StratumRelations.CycleIn(within) is { } cycle)
            {
                Error(scopesNode, $"the scopes form a cycle ({Excerpt.Of(cycle)}); a scope cannot lie within a scope that lies within it", DiagnosticCodes.Relations);
            }
        }

        // A label named once in 'scopes' and by no claim or target relates nothing. Close to a label in use, it is most likely a
        // typo that would leave the bound meant silently unset: an error. Otherwise the claims that used it may simply have been
        // left out of this file: a warning, so that a dossier cut down to some of its claims still reads.
        var counts = relationScopes.GroupBy(r => Stratum.Key(r.Label)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (label, node) in relationScopes)
        {
            if (!scopesUsed.Contains(Stratum.Key(label)!) && counts[Stratum.Key(label)!] == 1)
            {
                Unused(node, $"the scope '{Excerpt.Of(label)}' in 'scopes' is not used by any claim or target", Suggest(label, scopeText),
                    "a relation names the words claims give in 'scope'");
            }
        }

        var times = new List<string>();
        var timeNodes = new List<YamlNode>();
        if (keys.TryGetValue("times", out YamlNode? timesNode) && Expect(timesNode, YamlNodeKind.Sequence, "'times'", "a list of time labels, earliest first"))
        {
            var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (YamlNode t in timesNode.Items)
            {
                if (Text(t, "times") is not { } label || string.IsNullOrWhiteSpace(label))
                {
                    if (t.Kind == YamlNodeKind.Scalar)
                    {
                        Error(t, "a label in 'times' is empty; expected the words claims use in 'as-of'", DiagnosticCodes.Relations);
                    }

                    continue;
                }

                string key = Stratum.Key(label)!;
                if (seen.TryGetValue(key, out YamlNode? first))
                {
                    Error(t, $"the time '{Excerpt.Of(label)}' is listed twice in 'times' (first at line {first.Line}, column {first.Column})", DiagnosticCodes.Duplicate);
                    continue;
                }

                seen.Add(key, t);
                if (!timesUsed.Contains(key) && !TimeLine.IsDate(label))
                {
                    Unused(t, $"the time '{Excerpt.Of(label)}' in 'times' is not used by any claim or target", Suggest(label, timeText),
                        "'times' orders the words claims give in 'as-of'");
                }

                times.Add(label.Trim());
                timeNodes.Add(t);
            }

            // Dates listed out of their own order, with the dates between them unlisted, would order time in a circle.
            if (StratumRelations.DisorderIn(times) is { } disorder)
            {
                Error(timeNodes[disorder.Index], disorder.Message, DiagnosticCodes.Relations);
            }
        }

        // A target's label that no claim gives, and no relation names, matches nothing: most likely a typo.
        var relationKeys = relationScopes.Select(r => Stratum.Key(r.Label)!).ToHashSet(StringComparer.Ordinal);
        var claimScopes = claims.Select(c => c.Scope).OfType<string>().Select(x => Stratum.Key(x)!).ToHashSet(StringComparer.Ordinal);
        var claimTimes = claims.Select(c => c.AsOf).OfType<string>().Select(x => Stratum.Key(x)!).ToHashSet(StringComparer.Ordinal);
        var claimScopeText = claims.Select(c => c.Scope).OfType<string>().Distinct().ToList();
        var claimTimeText = claims.Select(c => c.AsOf).OfType<string>().Distinct().ToList();
        var timeKeys = times.Select(t => Stratum.Key(t)!).ToHashSet(StringComparer.Ordinal);
        foreach (var (question, node) in targets)
        {
            if (question.Target!.Scope is { } scope && !claimScopes.Contains(Stratum.Key(scope)!) && !relationKeys.Contains(Stratum.Key(scope)!))
            {
                Error(node, $"the target scope '{Excerpt.Of(scope)}' of question '{question.Id}' is not the scope of any claim, nor named in 'scopes'"
                            + Suggest(scope, claimScopeText), DiagnosticCodes.UnknownTargetLabel);
            }

            if (question.Target.AsOf is { } asOf && !claimTimes.Contains(Stratum.Key(asOf)!) && !timeKeys.Contains(Stratum.Key(asOf)!) && !TimeLine.IsDate(asOf))
            {
                Error(node, $"the target time '{Excerpt.Of(asOf)}' of question '{question.Id}' is not the as-of of any claim, nor named in 'times'"
                            + Suggest(asOf, claimTimeText), DiagnosticCodes.UnknownTargetLabel);
            }
        }

        return _errors.Count > 0 ? StratumRelations.None : new StratumRelations { Within = within, Times = times };
    }

    /// <summary>A relation's label that nothing uses: an error when it is close to a label in use (<paramref name="suggestion"/>
    /// is not empty), a warning otherwise.</summary>
    private void Unused(YamlNode node, string what, string suggestion, string hint)
    {
        if (suggestion.Length > 0 || _suggestionsLeft <= 0)
        {
            // With the suggestions' budget spent, closeness to a label in use cannot be checked: the label stays an error, so that
            // whether it is one never depends on how many came before it.
            Error(node, $"{what}{suggestion}; {hint}", DiagnosticCodes.UnknownTargetLabel);
        }
        else
        {
            _warnings.Add(Diagnostic.Warning(DiagnosticCodes.UnusedLabel, node.Line, node.Column, $"{what}, so it relates nothing here; {hint}", _file));
        }
    }
}
