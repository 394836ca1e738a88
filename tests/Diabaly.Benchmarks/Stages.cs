using System.Diagnostics;
using System.Globalization;

namespace Diabaly.Benchmarks;

/// <summary>
/// <c>stages table.csv</c>: the table path's cost per stage, one stage at a time on one core, each timed apart with the bytes it
/// allocates and the garbage collections it causes: read (Sep and the grammar, into claims), prepare (strata and readings), learn
/// (the rounds over the compact figures), reconcile (every method, the agreement, contradictions and camps) and write (the result
/// rows). A table is held whole in memory for this, so use one of a million claims or fewer.
/// </summary>
internal static class Stages
{
    public static int Run(string path)
    {
        ReconcileOptions o = ReconcileOptions.Default with { MaxDegreeOfParallelism = 1 };
        var clock = new Dictionary<string, (double Seconds, long Bytes)>();
        T Part<T>(string stage, Func<T> work)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            T result = work();
            var (seconds, allocated) = clock.GetValueOrDefault(stage);
            clock[stage] = (seconds + Stopwatch.GetElapsedTime(start).TotalSeconds, allocated + GC.GetAllocatedBytesForCurrentThread() - bytes);
            return result;
        }

        // As the pipeline streams: a batch of questions at a time, read, prepared and dropped; the first pass keeps what learning needs.
        long claims = 0;
        int questionCount = 0;
        var learning = new List<(string, List<LearningClaim>)>();
        int gcs = GC.CollectionCount(0);
        using (var table = ClaimTableReader.Open(path))
        {
            using IEnumerator<QuestionClaims> e = table.ReadQuestions().GetEnumerator();
            while (Part("1. read and parse", () => e.MoveNext()))
            {
                QuestionClaims q = e.Current;
                claims += q.Claims.Count;
                questionCount++;
                var p = Part("1. prepare (strata, readings)", () => QuestionAnalysis.Prepare(q.Question, q.Claims, o, q.Relations));
                learning.Add(Part("1. learning figures", () => (q.Question.Id, p.OnTarget.Select(LearningClaim.Of).ToList())));
            }
        }

        ReliabilityReport reliability = Part("learn (rounds)", () => ReliabilityLearner.Learn(learning));
        long before = Stopwatch.GetTimestamp();
        ReliabilityLearner.Learn(learning, Environment.ProcessorCount);
        double everyCore = Stopwatch.GetElapsedTime(before).TotalSeconds;
        learning = null;
        var sample = new List<(QuestionClaims, QuestionAnalysis.Prepared)>();
        using (var table = ClaimTableReader.Open(path))
        using (var writer = new StreamWriter(Stream.Null))
        {
            using IEnumerator<QuestionClaims> e = table.ReadQuestions().GetEnumerator();
            var batch = new List<QuestionReport>(256);
            while (Part("2. read and parse", () => e.MoveNext()))
            {
                QuestionClaims q = e.Current;
                var p = Part("2. prepare (strata, readings)", () => QuestionAnalysis.Prepare(q.Question, q.Claims, o, q.Relations));
                batch.Add(Part("2. reconcile", () => QuestionAnalysis.Analyze(q.Question, p, o, reliability.Model)));
                if (sample.Count < 20_000)
                {
                    sample.Add((q, QuestionAnalysis.Prepare(q.Question, q.Claims, o, q.Relations)));
                }

                if (batch.Count == 256)
                {
                    Part("2. write results", () => ResultTable.Write(batch, writer, ResultTableFormat.Csv));
                    batch.Clear();
                }
            }

            Part("2. write results", () => ResultTable.Write(batch, writer, ResultTableFormat.Csv));
        }

        var stages = clock.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value.Seconds, c.Value.Bytes)).ToList();
        var questions = sample.Select(x => x.Item1).ToList();
        var prepared = sample.Select(x => x.Item2).ToList();
        long sampleClaims = questions.Sum(q => (long)q.Claims.Count);
        gcs = GC.CollectionCount(0) - gcs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{claims:N0} claims, {questionCount:N0} questions, one core, two passes as the pipeline makes them (1: learn, 2: reconcile); the learning took {reliability.Iterations} rounds ({everyCore:0.000} s on {Environment.ProcessorCount} cores); {gcs:N0} gen-0 collections\n"));
        Console.WriteLine("| Stage | Time | µs a claim | Allocated a claim |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (stage, seconds, bytes) in stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {stage} | {seconds:0.000} s | {seconds * 1e6 / claims:0.00} | {bytes / (double)claims:N0} B |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| all | {stages.Sum(x => x.Seconds):0.000} s | {stages.Sum(x => x.Seconds) * 1e6 / claims:0.00} | {stages.Sum(x => x.Bytes) / (double)claims:N0} B |"));
        Breakdown(questions, prepared, o, reliability, sampleClaims);
        return 0;
    }

    /// <summary>The reconcile stage's parts, each timed over the first 20,000 questions (the same calls <c>QuestionAnalysis.Analyze</c> makes).</summary>
    private static void Breakdown(List<QuestionClaims> questions, List<QuestionAnalysis.Prepared> prepared, ReconcileOptions o, ReliabilityReport reliability, long claims)
    {
        var ticks = new Dictionary<string, long>();
        void Time(string part, Action work)
        {
            long start = Stopwatch.GetTimestamp();
            work();
            ticks[part] = ticks.GetValueOrDefault(part) + (Stopwatch.GetTimestamp() - start);
        }

        for (int k = 0; k < questions.Count; k++)
        {
            var p = prepared[k];
            Comparisons? comparisons = null;
            Time("comparisons", () => comparisons = Comparisons.Of(p.Readings, p.Plan, o));
            List<Reading> onTarget = p.OnTarget;
            Time("apply learned weights", () => reliability.Model?.Apply(onTarget));
            foreach (ConsensusMethod m in ConsensusMethods.Methods)
            {
                Time("estimate: " + m, () => ConsensusMethods.Estimate(m, onTarget, o, null));
                Time("estimate without its explanation: " + m, () => ConsensusMethods.Estimate(m, onTarget, o, null, explain: false));
            }

            Time("agreement interval", () => AgreementInterval.Of(onTarget));
            Time("camps", () => Camps.Of(onTarget, o));
            Time("(the whole question again)", () => QuestionAnalysis.Analyze(questions[k].Question, p, o, reliability.Model));
            Time("envelope", () => QuestionAnalysis.Envelope(onTarget));
            Time("prepare (strata, readings)", () => QuestionAnalysis.Prepare(questions[k].Question, questions[k].Claims, o, questions[k].Relations));
            Time("claims by value", () => GC.KeepAlive(QuestionAnalysis.ByValue(onTarget).ToList()));
        }

        Console.WriteLine("\n| Part of reconcile | µs a claim |\n|---|---|");
        foreach (var (part, t) in ticks)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | {t * 1e6 / Stopwatch.Frequency / claims:0.00} |"));
        }
    }
}
