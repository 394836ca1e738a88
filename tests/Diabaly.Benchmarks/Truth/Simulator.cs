using System.Globalization;

namespace Diabaly.Benchmarks.Truth;

/// <summary>What the simulator knows and the methods do not: each question's true count, each source's behaviour.</summary>
internal sealed record SimulatedSource(string Id, double ErrorFactor, double Bias, string? Copies, bool Bot = false, double Stale = 0);

/// <summary>The kinds of data the simulator makes (issue #26), each the current log-normal sources plus one thing real data does.</summary>
internal enum Regime
{
    /// <summary>Issue #13's mix: a long tail, error factors ×1.02–×3, one biased source in ten, 2 % unit slips, copiers.</summary>
    Mix,

    /// <summary>Every source ×1.3, nothing else: where learning can only add noise.</summary>
    Equal,

    /// <summary>Log-normal errors (×1.02–×3) and nothing else.</summary>
    LogNormal,

    /// <summary>Most sources give one to three claims: half of each question's answers come from occasional sources.</summary>
    LongTail,

    /// <summary>Three prolific bots (about 20 % of the claims) right 90 % of the time and otherwise off by ×2–×20, whose wrong
    /// values five followers copy half the time.</summary>
    Bots,

    /// <summary>5 % of the claims are another object's value: off by ×2–×100 either way, given with full confidence.</summary>
    Confusions,

    /// <summary>A growing count: a third of the sources report an earlier period's value, 5–30 % low.</summary>
    Stale,

    /// <summary>Gross slips: 8 % of the claims ×10 or ×1000 (a digit added, thousands read as units).</summary>
    Slips,
}

/// <summary>A dossier with known truths (issue #13's evaluation).</summary>
internal sealed record Simulation(Dossier Dossier, IReadOnlyDictionary<string, double> Truth, IReadOnlyDictionary<string, SimulatedSource> Sources);

/// <summary>
/// A deterministic simulator of many sources answering many questions:
/// <list type="bullet">
/// <item>a long tail of participation: source k answers a question with probability proportional to 1/k, so a few sources answer
/// thousands of questions and most answer one to five;</item>
/// <item>error factors from ×1.02 to ×3 (log-uniform), the log error normal with σ = ln(factor);</item>
/// <item>a side of biased sources (1 in 10) that inflate by ×1.5;</item>
/// <item>unit slips: 2 % of claims ×10 or ×1000;</item>
/// <item>copiers (1 in 20 of the sources ranked 21 to 300, each of one original among the 20 busiest): on half the questions the
/// original answers, the copier answers too, with the original's figure 80 % of the time;</item>
/// <item>wording: exact figures, figures rounded to two significant digits, "about N", ranges around the figure, vague words;</item>
/// <item>questions with a single claim (about one in eight).</item>
/// </list>
/// With <c>equal</c>, every source has the same error factor (×1.3) and there are no biased sources, slips or copiers: the
/// dossier where learning can only add noise.
/// </summary>
internal static class Simulator
{
    private static readonly (string Words, double Low, double High)[] Vague =
    [
        ("dozens", 24, 99), ("hundreds", 200, 999), ("several hundred", 300, 900), ("thousands", 2000, 9999),
        ("several thousand", 3000, 9000), ("tens of thousands", 20_000, 99_999),
    ];

    public static Simulation Make(int questions, int sources, int seed, bool equal = false, int mostClaims = 12)
        => Make(questions, sources, seed, equal ? Regime.Equal : Regime.Mix, mostClaims);

    public static Simulation Make(int questions, int sources, int seed, Regime regime, int mostClaims = 12)
    {
        bool equal = regime == Regime.Equal;
        bool mix = regime == Regime.Mix;
        var random = new Random(seed);
        var truths = new Dictionary<string, double>(StringComparer.Ordinal);
        var behaviour = new Dictionary<string, SimulatedSource>(StringComparer.Ordinal);
        var sourceList = new List<Source>();
        for (int k = 1; k <= sources; k++)
        {
            string id = "s" + k.ToString("D5", CultureInfo.InvariantCulture);
            double factor = equal ? 1.3 : Math.Exp(Math.Log(1.02) + (random.NextDouble() * (Math.Log(3) - Math.Log(1.02))));
            double bias = mix && random.Next(10) == 0 ? Math.Log(1.5) : 0;
            // Copiers among the first 300 sources (about 14 of them, whatever the number of sources), each of one of the 20 busiest.
            string? copies = mix && k > 20 && k <= 300 && random.Next(20) == 0 ? "s" + (1 + random.Next(20)).ToString("D5", CultureInfo.InvariantCulture) : null;
            // Bots: the three busiest sources; their followers copy their wrong values.
            bool bot = regime == Regime.Bots && k <= 3;
            if (regime == Regime.Bots && k is > 20 and <= 25)
            {
                copies = "s" + (1 + random.Next(3)).ToString("D5", CultureInfo.InvariantCulture);
            }

            double stale = regime == Regime.Stale && random.Next(3) == 0 ? 0.05 + (random.NextDouble() * 0.25) : 0;
            behaviour[id] = new SimulatedSource(id, bot ? 1.02 : factor, bias, copies, bot, stale);
            sourceList.Add(new Source(id, "Source " + k.ToString(CultureInfo.InvariantCulture)));
        }

        double harmonic = Enumerable.Range(1, sources).Sum(k => 1.0 / k);
        var byId = sourceList.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var copiersOf = behaviour.Values.Where(b => b.Copies is not null).GroupBy(b => b.Copies!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var questionList = new List<Question>();
        var claims = new List<Claim>();
        int occasionalLeft = 0;
        for (int q = 0; q < questions; q++)
        {
            string qid = "q" + q.ToString("D6", CultureInfo.InvariantCulture);
            var question = new Question(qid) { Subject = "Question " + qid, Unit = "people" };
            questionList.Add(question);
            double truth = Math.Round(Math.Exp(Math.Log(10) + (random.NextDouble() * (Math.Log(1e5) - Math.Log(10)))));
            truths[qid] = truth;

            // How many answer: one in eight questions has a single claim, the others 2 to mostClaims (12 by default).
            int n = random.Next(8) == 0 ? 1 : 2 + random.Next(mostClaims - 1);
            var answering = new SortedSet<int>();
            while (answering.Count < Math.Min(n, sources))
            {
                // Source k with probability 1/(k H): the long tail.
                double u = random.NextDouble() * harmonic, c = 0;
                int k = 1;
                for (; k < sources && (c += 1.0 / k) < u; k++)
                {
                }

                answering.Add(k);
            }

            var given = new Dictionary<string, double>(StringComparer.Ordinal);
            if (regime == Regime.LongTail)
            {
                // Half the answers from occasional sources, each of whom speaks on one to three questions in all.
                foreach (int k in answering.Where(_ => random.Next(2) == 0).ToList())
                {
                    answering.Remove(k);
                    Source occasional = Occasional(random, sourceList, byId, behaviour, ref occasionalLeft);
                    given[occasional.Id] = Figure(truth, behaviour[occasional.Id], random, regime);
                }
            }

            if (regime == Regime.Bots)
            {
                // Each bot answers about 30 % of the questions: about a fifth of all claims between them.
                for (int k = 1; k <= 3; k++)
                {
                    if (random.NextDouble() < 0.3)
                    {
                        answering.Add(k);
                    }
                }
            }

            foreach (int k in answering)
            {
                given[sourceList[k - 1].Id] = Figure(truth, behaviour[sourceList[k - 1].Id], random, regime);
            }

            // Copiers answer their original's questions too, with its figure 80 % of the time; a bot's followers copy it when it
            // is wrong, half the time, as the bot wrote it, and otherwise keep to their own questions.
            var copiedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (SimulatedSource copier in given.Keys.ToList().Where(copiersOf.ContainsKey).SelectMany(o => copiersOf[o]))
            {
                if (regime == Regime.Bots)
                {
                    double botFigure = given[copier.Copies!];
                    if (Math.Abs(Math.Log(botFigure / truth)) > Math.Log(1.5) && random.NextDouble() < 0.5)
                    {
                        given[copier.Id] = botFigure;
                        copiedFrom[copier.Id] = copier.Copies!;
                    }
                }
                else if (random.NextDouble() < 0.5 || given.ContainsKey(copier.Id))
                {
                    given[copier.Id] = random.NextDouble() < 0.8 ? given[copier.Copies!] : Figure(truth, copier, random, regime);
                }
            }

            int index = 0;
            var worded = new Dictionary<string, Quantity>(StringComparer.Ordinal);
            foreach (var (sid, figure) in given.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                // The bots (s00001 to s00003) come before their followers, so a copied wording is there to copy.
                Quantity value = copiedFrom.TryGetValue(sid, out string? from) && worded.TryGetValue(from, out Quantity? copied) ? copied : Word(figure, random);
                worded[sid] = value;
                claims.Add(new Claim($"{qid}-{index++}", question, byId[sid], value));
            }
        }

        return new Simulation(new Dossier("Simulated", sourceList, questionList, claims), truths, behaviour);
    }

    private static Source Occasional(Random random, List<Source> sources, Dictionary<string, Source> byId, Dictionary<string, SimulatedSource> behaviour, ref int left)
    {
        // The last occasional source speaks again (on a later question) until its quota of one to three claims is spent.
        if (sources.Count > 0 && sources[^1].Id.StartsWith('o') && left > 0)
        {
            left--;
            return sources[^1];
        }

        string id = "o" + sources.Count.ToString("D6", CultureInfo.InvariantCulture);
        var source = new Source(id, "Occasional " + sources.Count.ToString(CultureInfo.InvariantCulture));
        sources.Add(source);
        byId[id] = source;
        behaviour[id] = new SimulatedSource(id, Math.Exp(Math.Log(1.02) + (random.NextDouble() * (Math.Log(3) - Math.Log(1.02)))), 0, null);
        left = random.Next(3);
        return source;
    }

    private static double Figure(double truth, SimulatedSource s, Random random, Regime regime)
    {
        double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double x = truth * (1 - s.Stale) * Math.Exp(s.Bias + (z * Math.Log(s.ErrorFactor)));
        double slips = regime switch { Regime.Mix => 0.02, Regime.Slips => 0.08, _ => 0 };
        if (random.NextDouble() < slips)
        {
            x *= random.Next(2) == 0 ? 10 : 1000; // a unit slip
        }

        if (s.Bot && random.NextDouble() < 0.1)
        {
            x *= Math.Exp((random.Next(2) == 0 ? 1 : -1) * (Math.Log(2) + (random.NextDouble() * Math.Log(10)))); // a bot's wrong value
        }

        if (regime == Regime.Confusions && random.NextDouble() < 0.05)
        {
            x *= Math.Exp((random.Next(2) == 0 ? 1 : -1) * (Math.Log(2) + (random.NextDouble() * Math.Log(50)))); // another object's value
        }

        return Math.Min(Math.Max(Math.Round(x), 1), 1e14);
    }

    /// <summary>How a source words its figure: as it is (40 %), rounded to two significant digits (20 %), "about" (20 %), a range
    /// (10 %), or the vague words that cover it (10 %).</summary>
    private static Quantity Word(double x, Random random)
    {
        double Round2(double v)
        {
            double step = Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(v)) - 1));
            return Math.Max(step, Math.Round(v / step) * step);
        }

        int r = random.Next(10);
        return r switch
        {
            < 4 => Quantity.Exact(x),
            < 6 => Quantity.Exact(Round2(x)),
            < 8 => Quantity.About(Round2(x)),
            8 => Quantity.Between(Math.Round(x / 1.2), Math.Max(Math.Round(x / 1.2), Math.Round(x * 1.2))),
            _ => Vague.FirstOrDefault(v => x >= v.Low && x <= v.High) is { Words: not null } v ? Quantity.Parse(v.Words) : Quantity.Exact(x),
        };
    }
}
