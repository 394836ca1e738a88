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
        var stages = new List<(string Stage, double Seconds, long Bytes, int Gcs)>();
        T Time<T>(string stage, Func<T> work)
        {
            int gcs = GC.CollectionCount(0);
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            T result = work();
            stages.Add((stage, clock.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - bytes, GC.CollectionCount(0) - gcs));
            return result;
        }

        ReconcileOptions o = ReconcileOptions.Default with { MaxDegreeOfParallelism = 1 };
        List<QuestionClaims> questions = Time("read and parse", () =>
        {
            using var table = ClaimTableReader.Open(path);
            return table.ReadQuestions().ToList();
        });
        long claims = questions.Sum(q => (long)q.Claims.Count);
        var prepared = Time("prepare (strata, readings)", () => questions.Select(q => QuestionAnalysis.Prepare(q.Question, q.Claims, o, q.Relations)).ToList());
        var learning = Time("learning figures", () => questions.Zip(prepared, (q, p) => (q.Question.Id, p.OnTarget.Select(LearningClaim.Of).ToList())).ToList());
        ReliabilityReport reliability = Time("learn (rounds)", () => ReliabilityLearner.Learn(learning));
        var reports = Time("reconcile", () => questions.Zip(prepared, (q, p) => QuestionAnalysis.Analyze(q.Question, p, o, reliability.Model)).ToList());
        Time("write results", () =>
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            return ResultTable.Write(reports, writer, ResultTableFormat.Csv);
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{claims:N0} claims, {questions.Count:N0} questions, one core; the learning took {reliability.Iterations} rounds\n"));
        Console.WriteLine("| Stage | Time | µs a claim | Allocated a claim | Gen-0 collections |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (stage, seconds, bytes, gcs) in stages)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {stage} | {seconds:0.000} s | {seconds * 1e6 / claims:0.00} | {bytes / (double)claims:N0} B | {gcs:N0} |"));
        }

        return 0;
    }
}
