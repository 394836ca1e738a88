using System.Diagnostics;
using System.Globalization;

namespace Diabaly.Benchmarks.Truth;

/// <summary>
/// Issue #13's side by side: every method on the simulator's dossiers, scored against the known truths. Commands:
/// <c>evaluate [questions] [sources] [seed]</c> prints the table; <c>evaluate-speed</c> times the learning on 1 million claims over
/// 100,000 questions and 10,000 sources.
/// </summary>
internal static class Evaluation
{
    private sealed record Score(string Method, double RelativeError, double LogError, double Within10, double Seconds);

    public static int Run(string[] args)
    {
        if (args is ["evaluate-speed", ..])
        {
            return Speed();
        }

        if (args is ["evaluate-regimes", ..])
        {
            return Regimes(args);
        }

        if (args is ["evaluate-real", ..])
        {
            return Real(args.Length > 1 ? args[1] : Path.Combine("tests", "Diabaly.Benchmarks", "data", "tudelft-expert-judgment", "cases"));
        }

        int questions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        int sources = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2013;
        foreach (bool equal in new[] { false, true })
        {
            Simulation sim = Simulator.Make(questions, sources, seed, equal);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\n{(equal ? "Equally reliable sources (×1.3 each, no bias, slips or copiers)" : "The simulator's mix")}: {questions:N0} questions, {sources:N0} sources, {sim.Dossier.Claims.Count:N0} claims, seed {seed}\n"));
            Print(Evaluate(sim, out ReliabilityReport reliability), sim, reliability, equal);
        }

        return 0;
    }

    private static List<Score> Evaluate(Simulation sim, out ReliabilityReport reliability)
    {
        var scores = new List<Score>();
        PointData data = PointData.Of(sim.Dossier);
        double[] truth = sim.Dossier.Questions.Select(q => Math.Log(sim.Truth[q.Id])).ToArray();
        foreach (var (name, method) in new (string, Func<PointData, double[]>)[]
                 {
                     ("Mean", Baselines.Mean), ("Median", Baselines.Median), ("Voting", Baselines.Voting), ("TruthFinder", Baselines.TruthFinder),
                     ("CRH", Baselines.Crh), ("CATD", Baselines.Catd), ("GTM", Baselines.Gtm),
                 })
        {
            var clock = Stopwatch.StartNew();
            double[] estimate = method(data);
            scores.Add(Measure(name, estimate, truth, clock.Elapsed.TotalSeconds));
        }

        var timer = Stopwatch.StartNew();
        ReconciliationReport report = Reconciler.Reconcile(sim.Dossier);
        double seconds = timer.Elapsed.TotalSeconds;
        reliability = report.Reliability;
        foreach (ConsensusMethod m in new[] { ConsensusMethod.WeightedMedian, ConsensusMethod.RandomEffects, ConsensusMethod.Learned })
        {
            double[] estimate = report.Questions.Select(q => q.Estimates[m].Best is double best ? Math.Log(Math.Max(best, 0.5)) : double.NaN).ToArray();
            scores.Add(Measure("Diabaly " + ReportWriter.Label(m).ToLowerInvariant(), estimate, truth, m == ConsensusMethod.Learned ? seconds : double.NaN));
        }

        return scores;
    }

    private static Score Measure(string method, double[] estimate, double[] truth, double seconds)
    {
        var pairs = estimate.Zip(truth).Where(p => !double.IsNaN(p.First)).ToList();
        double relative = pairs.Average(p => Math.Abs(Math.Exp(p.First - p.Second) - 1));
        double log = pairs.Average(p => Math.Abs(p.First - p.Second));
        double within = pairs.Count(p => Math.Abs(Math.Exp(p.First - p.Second) - 1) <= 0.1) / (double)pairs.Count;
        return new Score(method, relative, log, within, seconds);
    }

    private static void Print(List<Score> scores, Simulation sim, ReliabilityReport reliability, bool equal)
    {
        Console.WriteLine("| Method | Mean absolute relative error | MAE, log scale | Within 10 % | Time |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (Score s in scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Method} | {s.RelativeError:0.0000} | {s.LogError:0.0000} | {s.Within10:P1} | {(double.IsNaN(s.Seconds) ? "(same run)" : s.Seconds.ToString("0.00 s", CultureInfo.InvariantCulture))} |"));
        }

        if (equal)
        {
            Console.WriteLine(reliability.Explanation);
            return;
        }

        // The learned error against the true one, over the sources with enough claims to say.
        foreach (int minimum in new[] { 1, 10, 50 })
        {
            // Copiers are left out: 80 % of their figures are another source's, so their own error factor is not what they show.
            var known = reliability.Sources.Where(s => s.ClaimsUsed >= minimum && sim.Sources[s.Source.Id].Copies is null).ToList();
            double rho = Spearman(known.Select(s => s.ErrorFactor).ToArray(), known.Select(s => TrueError(sim.Sources[s.Source.Id])).ToArray());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\nSpearman correlation of learned and true error, {known.Count} sources (not copiers) with at least {minimum} claims used: {rho:0.000}"));
        }

        var truePairs = sim.Sources.Values.Where(s => s.Copies is not null).Select(s => Pair(s.Id, s.Copies!)).ToHashSet();
        var found = reliability.Copies.Select(c => Pair(c.First.Id, c.Second.Id)).ToHashSet();
        int hits = found.Count(truePairs.Contains);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Copiers: {truePairs.Count} true pairs, {found.Count} found, {hits} right: precision {(found.Count == 0 ? 1 : hits / (double)found.Count):P0}, recall {(truePairs.Count == 0 ? 1 : hits / (double)truePairs.Count):P0}"));
        Console.WriteLine(reliability.Explanation);
    }

    /// <summary>Issue #26's table: on every regime of the simulator, every Diabaly method and the published CRH and CATD, as the mean
    /// absolute error on the log scale; the learned method against the best fixed method (weighted median, agreement) and against the
    /// best of all Diabaly's other methods.</summary>
    private static int Regimes(string[] args)
    {
        int questions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        int sources = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        int seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2013;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MAE on the log scale; {questions:N0} questions, {sources:N0} regular sources, seed {seed}\n"));
        ConsensusMethod[] methods = Enum.GetValues<ConsensusMethod>();
        Console.WriteLine("| Regime | Claims | " + string.Join(" | ", methods.Select(m => ReportWriter.Label(m))) +
            " | CRH | CATD | Learned against the best fixed | Learned against the best other Diabaly method | Copying pairs found (right of true) |");
        Console.WriteLine("|---|---|" + string.Concat(methods.Select(_ => "---|")) + "---|---|---|---|---|");
        int worseThanFixed = 0, worseThanAny = 0;
        foreach (Regime regime in Enum.GetValues<Regime>())
        {
            Simulation sim = Simulator.Make(questions, sources, seed, regime);
            RegimeScore r = ScoreRegime(sim);
            worseThanFixed += r.Learned > r.BestFixed * 1.02 ? 1 : 0;
            worseThanAny += r.Learned > r.BestOther * 1.02 ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {regime} | {sim.Dossier.Claims.Count:N0} | {string.Join(" | ", methods.Select(m => r.Diabaly[m].ToString("0.0000", CultureInfo.InvariantCulture)))} | {r.Crh:0.0000} | {r.Catd:0.0000} | {(r.Learned / r.BestFixed) - 1:+0.0 %;-0.0 %} | {(r.Learned / r.BestOther) - 1:+0.0 %;-0.0 %} ({r.BestOtherName}) | {r.Copies} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nRegimes where the learned method is more than 2 % worse than the best fixed method: {worseThanFixed}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Regimes where it is more than 2 % worse than the best other Diabaly method: {worseThanAny}"));
        return 0;
    }

    /// <summary>The real benchmark's scores (MAE on the log scale over the items with a realization).</summary>
    internal static RegimeScore ScoreReal(string folder)
    {
        Simulation sim = ExpertJudgment.Load(folder);
        var gold = sim.Dossier.Questions.Where(q => sim.Truth.ContainsKey(q.Id)).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        ReconciliationReport report = Reconciler.Reconcile(sim.Dossier);
        double Mae(ConsensusMethod m) => report.Questions.Where(q => gold.Contains(q.Question.Id))
            .Average(q => Math.Abs(Math.Log(Math.Max(q.Estimates[m].Best!.Value, 0.5)) - Math.Log(sim.Truth[q.Question.Id])));
        return new RegimeScore(Enum.GetValues<ConsensusMethod>().ToDictionary(m => m, Mae), double.NaN, double.NaN);
    }

    /// <summary>#26's real benchmark: the TU Delft expert-judgment cases (<see cref="ExpertJudgment"/>), every method scored on the
    /// items with a realization.</summary>
    private static int Real(string folder)
    {
        Simulation sim = ExpertJudgment.Load(folder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TU Delft expert judgment, core cases: {sim.Dossier.Questions.Count:N0} items ({sim.Truth.Count:N0} with a realization), {sim.Dossier.Sources.Count:N0} experts, {sim.Dossier.Claims.Count:N0} claims\n"));
        var gold = sim.Dossier.Questions.Select((q, i) => (q, i)).Where(x => sim.Truth.ContainsKey(x.q.Id)).Select(x => x.i).ToArray();
        double[] truth = gold.Select(i => Math.Log(sim.Truth[sim.Dossier.Questions[i].Id])).ToArray();
        var scores = new List<Score>();
        PointData data = PointData.Of(sim.Dossier);
        foreach (var (name, method) in new (string, Func<PointData, double[]>)[]
                 {
                     ("Mean", Baselines.Mean), ("Median", Baselines.Median), ("CRH", Baselines.Crh), ("CATD", Baselines.Catd), ("GTM", Baselines.Gtm),
                 })
        {
            double[] all = method(data);
            scores.Add(Measure(name, gold.Select(i => all[i]).ToArray(), truth, double.NaN));
        }

        ReconciliationReport report = Reconciler.Reconcile(sim.Dossier);
        foreach (ConsensusMethod m in Enum.GetValues<ConsensusMethod>())
        {
            scores.Add(Measure("Diabaly " + ReportWriter.Label(m).ToLowerInvariant(),
                gold.Select(i => report.Questions[i].Estimates[m].Best is double best ? Math.Log(Math.Max(best, 0.5)) : double.NaN).ToArray(), truth, double.NaN));
        }

        Console.WriteLine("| Method | Mean absolute relative error | MAE, log scale | Within 10 % |");
        Console.WriteLine("|---|---|---|---|");
        foreach (Score s in scores)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Method} | {s.RelativeError:0.0000} | {s.LogError:0.0000} | {s.Within10:P1} |"));
        }

        Console.WriteLine("\n" + report.Reliability.Explanation);
        return 0;
    }

    /// <summary>One regime's scores (MAE on the log scale): every Diabaly method, and the published CRH and CATD.</summary>
    internal sealed record RegimeScore(IReadOnlyDictionary<ConsensusMethod, double> Diabaly, double Crh, double Catd, string Copies = "")
    {
        public double WeightedMedian => Diabaly[ConsensusMethod.WeightedMedian];

        public double Agreement => Diabaly[ConsensusMethod.Agreement];

        public double Learned => Diabaly[ConsensusMethod.Learned];

        /// <summary>#26's safety rule compares against these: the fixed methods, weighted median and agreement.</summary>
        public double BestFixed => Math.Min(WeightedMedian, Agreement);

        /// <summary>#26's done-when compares against this: the best of every other Diabaly method.</summary>
        public ConsensusMethod BestOtherMethod => Diabaly.Where(p => p.Key != ConsensusMethod.Learned).MinBy(p => p.Value).Key;

        public double BestOther => Diabaly[BestOtherMethod];

        public string BestOtherName => ReportWriter.Label(BestOtherMethod).ToLowerInvariant();

        /// <summary>Every Diabaly method's score, for a failure message.</summary>
        public override string ToString() => string.Join(", ", Diabaly.Select(p => string.Create(CultureInfo.InvariantCulture, $"{ReportWriter.Label(p.Key).ToLowerInvariant()} {p.Value:0.0000}")));
    }

    internal static RegimeScore ScoreRegime(Simulation sim)
    {
        double[] truth = sim.Dossier.Questions.Select(q => Math.Log(sim.Truth[q.Id])).ToArray();
        ReconciliationReport report = Reconciler.Reconcile(sim.Dossier);
        double Mae(ConsensusMethod m)
            => Measure(m.ToString(), report.Questions.Select(q => q.Estimates[m].Best is double best ? Math.Log(Math.Max(best, 0.5)) : double.NaN).ToArray(), truth, 0).LogError;
        PointData data = PointData.Of(sim.Dossier);
        var truePairs = sim.Sources.Values.Where(s => s.Copies is not null).Select(s => Pair(s.Id, s.Copies!)).ToHashSet();
        var found = report.Reliability.Copies.Select(c => Pair(c.First.Id, c.Second.Id)).ToHashSet();
        string copies = string.Create(CultureInfo.InvariantCulture, $"{found.Count} ({found.Count(truePairs.Contains)} of {truePairs.Count})");
        return new RegimeScore(Enum.GetValues<ConsensusMethod>().ToDictionary(m => m, Mae),
            Measure("CRH", Baselines.Crh(data), truth, 0).LogError, Measure("CATD", Baselines.Catd(data), truth, 0).LogError, copies);
    }

    /// <summary>A source's true typical error on the log scale: its spread and its bias together.</summary>
    private static double TrueError(SimulatedSource s) => Math.Sqrt(Math.Pow(Math.Log(s.ErrorFactor), 2) + (s.Bias * s.Bias));

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static double Spearman(double[] a, double[] b)
    {
        double[] ra = Ranks(a), rb = Ranks(b);
        double ma = ra.Average(), mb = rb.Average();
        double cov = ra.Zip(rb).Sum(p => (p.First - ma) * (p.Second - mb));
        return cov / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(x => (x - mb) * (x - mb)));
    }

    private static double[] Ranks(double[] x)
    {
        var order = x.Select((v, i) => (v, i)).OrderBy(p => p.v).ToArray();
        double[] ranks = new double[x.Length];
        for (int k = 0; k < order.Length;)
        {
            int end = k;
            while (end + 1 < order.Length && order[end + 1].v == order[k].v)
            {
                end++;
            }

            for (int j = k; j <= end; j++)
            {
                ranks[order[j].i] = (k + end) / 2.0;
            }

            k = end + 1;
        }

        return ranks;
    }

    /// <summary>The learning alone on 1 million claims over 100,000 questions and 10,000 sources (issue #13: under 10 s).</summary>
    private static int Speed()
    {
        Simulation sim = Simulator.Make(100_000, 10_000, 7, mostClaims: 18); // about 10 claims a question
        var prepared = sim.Dossier.Claims.GroupBy(c => c.Question.Id)
            .Select(g => new QuestionClaims(g.First().Question, [.. g], StratumRelations.None)).ToList();
        var clock = Stopwatch.StartNew();
        ReliabilityReport r = Reconciler.Learn(prepared);
        double learned = clock.Elapsed.TotalSeconds;
        var whole = Stopwatch.StartNew();
        ReconciliationReport report = Reconciler.Reconcile(sim.Dossier);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reconcile, every method and the learning: {whole.Elapsed.TotalSeconds:0.00} s; learned {report.Reliability.Questions:N0} questions"));
        clock = Stopwatch.StartNew();
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"learn: {sim.Dossier.Claims.Count:N0} claims, {prepared.Count:N0} questions, {sim.Dossier.Sources.Count:N0} sources in {learned:0.00} s ({r.Iterations} rounds), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB"));
        return 0;
    }
}
