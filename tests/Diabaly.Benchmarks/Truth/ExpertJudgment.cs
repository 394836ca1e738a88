using System.Globalization;
using System.Text;

namespace Diabaly.Benchmarks.Truth;

/// <summary>
/// The TU Delft expert-judgment cases (Cooke and Goossens 2008; the copy shipped with Anduryl, <c>data/tudelft-expert-judgment</c>) as
/// one dossier with known truths: #26's real benchmark. Each expert of a case is a source, each item a question, each line a claim
/// (its 5 % to 95 % quantiles a range, its 50 % quantile the central value), and the items with a realization are the gold.
/// </summary>
/// <remarks>
/// <para>What is left out, and why: the 11 cases the data's README does not count as core (synthetic demonstrations, a case without
/// realizations, and copies that would count the same judgments twice); items whose realization or any claim is negative (changes
/// and differences: Diabaly reads counts and amounts, which are not); claims with a missing value.</para>
/// <para>Each item has its own unit, from 1e-8 to 1e9: every item's claims and truth are multiplied by 1,000 over the median of its
/// claims' 50 % values, a change of unit that every method here answers in kind (they work on the log scale), so that no method's
/// floor for small numbers (0.5 for a count) bites.</para>
/// </remarks>
internal static class ExpertJudgment
{
    private static readonly HashSet<string> NotCore = new(StringComparer.OrdinalIgnoreCase)
    {
        "7quants", "user quants", "spain", "CDC ROI_s", "CWD_s", "iqearnings_s", "PHAC 2009 final 13SEED", "PoliticalViolence_seeds_CW_seeds",
        "Food_prices_seeds", "florida_A", "Raveem4OoS",
    };

    public static Simulation Load(string folder)
    {
        var sources = new List<Source>();
        var questions = new List<Question>();
        var claims = new List<Claim>();
        var truths = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string dtt in Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f).Equals(".dtt", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            string stem = Path.GetFileNameWithoutExtension(dtt);
            string? rls = Directory.EnumerateFiles(folder).FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == stem && Path.GetExtension(f).Equals(".rls", StringComparison.OrdinalIgnoreCase));
            if (NotCore.Contains(stem) || rls is null)
            {
                continue;
            }

            string[] lines = File.ReadAllLines(dtt, Encoding.Latin1).Where(l => l.Trim().Length > 0).ToArray();
            int[] levels = lines[0][(lines[0].IndexOf("QU=", StringComparison.Ordinal) + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            int low = Array.IndexOf(levels, levels.Min()), mid = Array.IndexOf(levels, 50), high = Array.IndexOf(levels, levels.Max());
            int scale = ScaleColumn(lines.Skip(1));
            var gold = new Dictionary<string, double>(StringComparer.Ordinal);
            string[] goldLines = File.ReadAllLines(rls, Encoding.Latin1).Where(l => l.Trim().Length > 0).ToArray();
            int goldScale = ScaleColumn(goldLines);
            foreach (string line in goldLines)
            {
                string name = line[5..goldScale].Trim();
                string[] parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // The realization is the last field before the scale; the name is what comes before it.
                double value = double.Parse(parts[^1], CultureInfo.InvariantCulture);
                name = name[..name.LastIndexOf(parts[^1], StringComparison.Ordinal)].Trim();
                if (!Missing(value))
                {
                    gold[name] = value;
                }
            }

            var byItem = new Dictionary<string, List<(string Expert, double[] Q)>>(StringComparer.Ordinal);
            foreach (string line in lines.Skip(1))
            {
                string expert = line[5..14].Trim();
                string item = line[20..scale].Trim();
                double[] q = line[(scale + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(levels.Length)
                    .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                if (q.Length == levels.Length && !q.Any(Missing))
                {
                    (byItem.TryGetValue(item, out var list) ? list : byItem[item] = []).Add((expert, q));
                }
            }

            var experts = new Dictionary<string, Source>(StringComparer.Ordinal);
            int itemIndex = 0;
            foreach (var (item, said) in byItem)
            {
                itemIndex++;
                bool hasGold = gold.TryGetValue(item, out double truth);
                if (said.Any(s => s.Q.Any(v => v < 0)) || (hasGold && truth <= 0))
                {
                    continue;
                }

                double median = said.Select(s => s.Q[mid]).Order().ElementAt(said.Count / 2);
                double unit = median > 0 ? 1000 / median : 1;
                string qid = Id(stem) + "-" + itemIndex.ToString("D3", CultureInfo.InvariantCulture);
                var question = new Question(qid) { Subject = Printable($"{stem}: {item}"), Unit = "units", Measure = Measure.Amount };
                questions.Add(question);
                if (hasGold)
                {
                    truths[qid] = truth * unit;
                }

                foreach (var (expert, q) in said)
                {
                    if (!experts.TryGetValue(expert, out Source? source))
                    {
                        source = new Source(Id(stem) + "-e" + (experts.Count + 1).ToString("D2", CultureInfo.InvariantCulture), Printable($"{stem}, expert {expert}"));
                        experts[expert] = source;
                        sources.Add(source);
                    }

                    double lo = q[low] * unit, c = q[mid] * unit, hi = q[high] * unit;
                    Quantity value = lo == hi ? Quantity.Exact(c) : Quantity.Create(QuantityKind.Range, lo, hi, c);
                    claims.Add(new Claim($"{qid}-{source.Id}", question, source, value));
                }
            }
        }

        return new Simulation(new Dossier("TU Delft expert judgment cases", sources, questions, claims), truths, new Dictionary<string, SimulatedSource>());
    }

    /// <summary>A Windows-1252 character read as Latin-1 (the euro sign of one item name is 0x80, a C1 control there) as '?'.</summary>
    private static string Printable(string text) => new([.. text.Select(c => c is >= '\u0080' and <= '\u009F' ? '?' : c)]);

    private static bool Missing(double v) => v is >= -1000 and <= -990;

    private static string Id(string stem) => new([.. stem.Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>The column where every line's scale word (UNI or LOG) starts: the most frequent position of either, as Anduryl finds it.</summary>
    private static int ScaleColumn(IEnumerable<string> lines)
        => lines.SelectMany(l => new[] { " UNI ", " LOG " }.SelectMany(word => Positions(l.ToUpperInvariant() + " ", word)))
            .GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    private static IEnumerable<int> Positions(string line, string word)
    {
        for (int i = line.IndexOf(word, StringComparison.Ordinal); i >= 0; i = line.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            yield return i + 1;
        }
    }
}
