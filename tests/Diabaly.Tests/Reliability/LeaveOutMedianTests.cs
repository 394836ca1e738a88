using Diabaly.Statistics;

namespace Diabaly.Tests.Reliability;

/// <summary>The learning's leave-one-out reference (#26, made fast in #27): sorting a question's claims once and walking that order
/// without one source must give, bit for bit, the weighted median of the other sources' claims taken alone.</summary>
public class LeaveOutMedianTests
{
    [Fact]
    public void WalkingTheSortedClaimsWithoutASource_GivesTheWeightedMedianOfTheOthers_BitForBit()
    {
        var random = new Random(27);
        int checkedCases = 0, onTheStep = 0;
        for (int trial = 0; trial < 20_000; trial++)
        {
            int n = random.Next(1, 14);
            // Few distinct values and weights, so that ties and sums landing exactly on half (the midpoint rule) are common.
            double[] y = [.. Enumerable.Range(0, n).Select(_ => random.Next(4) == 0 ? Math.Log(random.Next(1, 5)) : random.NextDouble() * 5)];
            double[] w = [.. Enumerable.Range(0, n).Select(_ => random.Next(5) switch { 0 => 0, 1 => 0.5, 2 => 1, 3 => 0.1, _ => random.NextDouble() })];
            int[] from = [.. Enumerable.Range(0, n).Select(_ => random.Next(4))];
            int[] order = [.. Enumerable.Range(0, n)];
            Array.Sort(order, (a, b) => y[a].CompareTo(y[b]) is var c && c != 0 ? c : w[a].CompareTo(w[b]) is var d && d != 0 ? d : a.CompareTo(b));
            foreach (int source in from.Distinct())
            {
                int[] others = [.. Enumerable.Range(0, n).Where(j => from[j] != source && w[j] > 0)];
                if (others.Length == 0)
                {
                    continue;
                }

                double total = 0;
                foreach (int j in others)
                {
                    total += w[j];
                }

                double expected = WeightedStatistics.MedianOf([.. others.Select(j => y[j])], [.. others.Select(j => w[j])]);
                var (_, lower, upper) = WeightedStatistics.LocateOf([.. others.Select(j => y[j])], [.. others.Select(j => w[j])], 0.5);
                onTheStep += lower != upper ? 1 : 0;
                double actual = RobustEstimates.MedianWithout(order, y, w, from, source, total);
                BitConverter.DoubleToInt64Bits(actual).Should().Be(BitConverter.DoubleToInt64Bits(expected),
                    $"trial {trial}, source {source}: y = [{string.Join(", ", y)}], w = [{string.Join(", ", w)}], from = [{string.Join(", ", from)}]");
                checkedCases++;
            }
        }

        checkedCases.Should().BeGreaterThan(40_000);
        onTheStep.Should().BeGreaterThan(500, "the midpoint rule is exercised");
    }
}

/// <summary>#27: the rounds of learning share the questions among the cores; what is learned must not depend on how many.</summary>
public class LearningThreadsTests
{
    [Fact]
    public void LearningOnOneCoreOrTwo_GivesTheSameReliability_BitForBit()
    {
        // More than 2,048 questions, so that the rounds are shared among the threads.
        Dossier dossier = Benchmarks.Truth.Simulator.Make(2_500, 150, 13, Benchmarks.Truth.Regime.Bots).Dossier;
        ReliabilityReport one = Reconciler.Learn(dossier, ReconcileOptions.Default with { MaxDegreeOfParallelism = 1 }, CancellationToken.None);
        ReliabilityReport two = Reconciler.Learn(dossier, ReconcileOptions.Default with { MaxDegreeOfParallelism = 2 }, CancellationToken.None);
        two.ToJson().Should().Be(one.ToJson());
        one.IsLearned.Should().BeTrue("the comparison means something only if something was learned");
        one.Iterations.Should().BeGreaterThan(1);
        one.Copies.Should().NotBeEmpty("the bots' followers are found, on either number of cores");
    }
}

/// <summary>Learning from a stream stops when asked, on one core or two, without reading the rest of the stream.</summary>
public class LearningCancellationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void LearningFromAStream_StopsSoonAfterTheTokenIsCancelled(int threads)
    {
        using var cancel = new CancellationTokenSource();
        int read = 0;
        IEnumerable<QuestionClaims> Endless()
        {
            for (int i = 0; ; i++)
            {
                read++;
                if (read == 1_000)
                {
                    cancel.Cancel();
                }

                var question = new Question($"q{i}") { Subject = "fighters", Unit = "fighters" };
                yield return new QuestionClaims(question,
                    [new Claim($"a{i}", question, new Source("a", "A"), Quantity.Exact(400)), new Claim($"b{i}", question, new Source("b", "B"), Quantity.Exact(500))]);
            }
        }

        Action learn = () => Reconciler.Learn(Endless(), ReconcileOptions.Default with { MaxDegreeOfParallelism = threads }, cancel.Token);
        learn.Should().Throw<OperationCanceledException>();
        read.Should().BeLessThan(2_000, "at most the batches read ahead (two of 256) are read after the cancellation");

        using var already = new CancellationTokenSource();
        already.Cancel();
        read = 0;
        new Action(() => Reconciler.Learn(Endless(), ReconcileOptions.Default with { MaxDegreeOfParallelism = threads }, already.Token))
            .Should().Throw<OperationCanceledException>();
        read.Should().Be(0, "an already cancelled token stops the learning before it reads");
    }
}
