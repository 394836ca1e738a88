using System.Globalization;

namespace Diabaly;

/// <summary>Ids for the claims a dossier or a claim table leaves unnamed, the same from either.</summary>
internal static class ClaimNames
{
    /// <summary>
    /// The claims with an id for each that has none, derived from its content, never from its place in the file: the source and the
    /// question ("mayor-islamist-fighters") when the source makes one unnamed claim on the question, else with a hash of the claim's
    /// words and labels ("mayor-islamist-fighters-3f2a9c1e"); identical claims are told apart by "-2", "-3", which, since they are
    /// identical, changes nothing in any report. A generated id never takes an id a claim states.
    /// </summary>
    public static IEnumerable<Claim> Named(IReadOnlyList<(string? Id, Claim Claim)> drafts, IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        string?[] generated = new string?[drafts.Count]; // by the draft's place
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, drafts.Count).Where(i => drafts[i].Id is null)
                     .GroupBy(i => (Source: drafts[i].Claim.Source.Id, Question: drafts[i].Claim.Question.Id))
                     .OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Question, StringComparer.Ordinal))
        {
            string baseId = $"{group.Key.Source}-{group.Key.Question}";
            // A lone claim of its source on the question needs no content: its id is the pair (the usual case, and the cheap one).
            var members = group.Take(2).Count() == 1 ? [(Index: group.First(), Content: string.Empty)]
                : group.Select(i => (Index: i, Content: Content(drafts[i].Claim))).OrderBy(m => m.Content, StringComparer.Ordinal).ToList();
            foreach (var (index, content) in members)
            {
                string stem = members.Count == 1 ? Fit(baseId, string.Empty) : Fit(baseId, "-" + Hash(content));
                string id = stem;

                // Each stem counts on from where it stopped, so that a hundred thousand identical claims cost a hundred thousand steps.
                for (int n = next.GetValueOrDefault(stem, 2); !used.Add(id); n++)
                {
                    id = Fit(stem, string.Create(CultureInfo.InvariantCulture, $"-{n}"));
                    next[stem] = n + 1;
                }

                generated[index] = id;
            }
        }

        for (int i = 0; i < drafts.Count; i++)
        {
            var (id, c) = drafts[i];
            yield return id is not null ? c : new Claim(generated[i]!, c.Question, c.Source, c.Value)
            {
                Quote = c.Quote, Said = c.Said, AsOf = c.AsOf, Scope = c.Scope, Via = c.Via, Note = c.Note, Language = c.Language,
            };
        }
    }

    /// <summary>The claims, with those built without an id (<see cref="Claim.IsUnnamed"/>) named as <see cref="Named"/> names them; the
    /// same array when every claim has an id.</summary>
    public static Claim[] NameUnnamed(Claim[] claims)
        => claims.Any(c => c.IsUnnamed)
            ? [.. Named([.. claims.Select(c => (c.IsUnnamed ? null : c.Id, c))], claims.Where(c => !c.IsUnnamed).Select(c => c.Id))]
            : claims;

    /// <summary>An id of at most 100 characters: the stem cut to leave room for the suffix.</summary>
    private static string Fit(string stem, string suffix)
        => stem.Length + suffix.Length <= 100 ? stem + suffix : stem[..(100 - suffix.Length)].TrimEnd('-') + suffix;

    private static string Content(Claim c)
        => string.Join("\u0001", c.Source.Id, c.Question.Id, c.Value.Kind, c.Value.Lower.ToString("R", CultureInfo.InvariantCulture), c.Value.Upper.ToString("R", CultureInfo.InvariantCulture),
            c.Value.Central?.ToString("R", CultureInfo.InvariantCulture), c.Value.Text, c.Quote, c.Said?.ToString(), c.AsOf, c.Scope, c.Note,
            string.Join(",", c.Via.Select(v => v.Id)), c.Language?.ToString());

    /// <summary>FNV-1a, 32 bits, over the text's UTF-16 code units: the same on every machine and every run.</summary>
    private static string Hash(string text)
    {
        uint h = 2166136261;
        foreach (char ch in text)
        {
            h = (h ^ ch) * 16777619;
        }

        return h.ToString("x8", CultureInfo.InvariantCulture);
    }
}
