using System.Globalization;
using CsCheck;

namespace Diabaly.Tests.Reliability;

/// <summary>Learning each source's error across the questions of a dossier (<see cref="ConsensusMethod.Learned"/>).</summary>
public class ReliabilityTests
{
    private static string Id(string prefix, int i) => prefix + i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>A dossier of <paramref name="questions"/> questions whose truth is 1,000 × 1.07^q; each source gives the truth times its
    /// own factor on each question, the factors cycling through its list (a fixed pattern, so that the test needs no randomness).</summary>
    private static Dossier Make(int questions, params (string Source, double[] Factors)[] sources)
    {
        var qs = Enumerable.Range(0, questions).Select(i => new Question(Id("q", i)) { Subject = "Question " + i, Unit = "people" }).ToArray();
        var ss = sources.Select(s => new Source(s.Source, s.Source)).ToArray();
        var claims = new List<Claim>();
        for (int q = 0; q < questions; q++)
        {
            double truth = 1000 * Math.Pow(1.07, q);
            for (int s = 0; s < sources.Length; s++)
            {
                double[] f = sources[s].Factors;
                claims.Add(new Claim($"{Id("q", q)}-{ss[s].Id}", qs[q], ss[s], Quantity.Exact(Math.Round(truth * f[q % f.Length]) + 0.5)));
            }
        }

        return new Dossier("Reliability", ss, qs, claims);
    }

    private static readonly ReconcileOptions Options = new() { WidenRoundNumbers = false };

    [Fact]
    public void ASourceThatIsAlwaysRight_GetsTheSmallestErrorFactor()
    {
        // Cycles of different lengths, each symmetric on the log scale, so that the errors of the others do not line up.
        Dossier d = Make(30,
            ("exact", [1.0]),
            ("close", [1.05, 1 / 1.05]),
            ("loose", [1.3, 1.0, 1 / 1.3]),
            ("wild", [2.0, 1.0, 1 / 2.0, 1.5, 1 / 1.5]));
        ReliabilityReport r = Reconciler.Reconcile(d, Options).Reliability;
        r.IsLearned.Should().BeTrue();
        r.Questions.Should().Be(30);
        r.Sources.Select(s => s.Source.Id).Should().Equal("close", "exact", "loose", "wild");
        // Each source is judged against the other sources (#26: leave one out), so the source that is always right is judged against
        // the next best, and the two best look alike: they come first, in either order, well ahead of the others.
        var ranked = r.Sources.OrderBy(s => s.ErrorFactor).ToList();
        ranked.Take(2).Select(s => s.Source.Id).Should().BeEquivalentTo(["exact", "close"], string.Join(", ", ranked.Select(s => $"{s.Source.Id} ×{s.ErrorFactor:0.0000}")));
        ranked.Skip(2).Select(s => s.Source.Id).Should().Equal("loose", "wild");
        ranked[1].ErrorFactor.Should().BeLessThan(Math.Sqrt(ranked[2].ErrorFactor), "the two best are far ahead of the third");
        r.Sources.Should().OnlyContain(s => s.ClaimsUsed == 30 && s.ErrorFactorLow <= s.ErrorFactor && s.ErrorFactor <= s.ErrorFactorHigh);
        r.Sources.OrderBy(s => s.WeightFactor).Select(s => s.Source.Id).Should().Equal("wild", "loose", "close", "exact");
    }

    [Fact]
    public void ASourceThatCopiesAnother_GainsNoWeightByIt()
    {
        // "copier" gives exactly what "original" gives; both err the same way, which no independent source does.
        (string, double[])[] independent = [("a", [1.0, 1.02, 0.98]), ("b", [0.97, 1.03, 1.0]), ("original", [1.6, 1.5, 1.7, 1.55])];
        Dossier without = Make(20, independent);
        Dossier with = Make(20, [.. independent, ("copier", [1.6, 1.5, 1.7, 1.55])]);

        ReconciliationReport r = Reconciler.Reconcile(with, Options);
        CopyEvidence copy = r.Reliability.Copies.Should().ContainSingle().Subject;
        (copy.First.Id, copy.Second.Id, copy.SharedValues, copy.SharedErrors, copy.CommonQuestions).Should().Be(("copier", "original", 20, 20, 20));
        copy.PValue.Should().BeLessThan(1e-3);
        r.Reliability.Sources.Single(s => s.Source.Id == "copier").Copies.Should().ContainSingle();

        // The pair counts as one source: the learned consensus moves by under 1 % when the copier is added, on every question.
        ReconciliationReport alone = Reconciler.Reconcile(without, Options);
        foreach (QuestionReport q in r.Questions)
        {
            double before = alone[q.Question.Id].Estimates[ConsensusMethod.Learned].Best!.Value, after = q.Estimates[ConsensusMethod.Learned].Best!.Value;
            Math.Abs(Math.Log(after / before)).Should().BeLessThan(0.01, q.Question.Id);
        }
    }

    [Fact]
    public void TheResult_DoesNotDependOnTheOrderOfClaimsOrSources()
        => Gen.Int.Sample(seed =>
        {
            Dossier d = Make(12, ("a", [1.0, 1.1]), ("b", [0.8, 1.3, 0.9]), ("c", [2.0, 0.6]), ("d", [1.05]));
            var random = new Random(seed);
            var shuffled = new Dossier(d.Title, d.Sources.OrderBy(_ => random.Next()), d.Questions, d.Claims.OrderBy(_ => random.Next()));
            ReconciliationReport a = Reconciler.Reconcile(d, Options), b = Reconciler.Reconcile(shuffled, Options);
            b.Reliability.Sources.Select(s => s.ToString()).Should().Equal(a.Reliability.Sources.Select(s => s.ToString()));
            b.Reliability.Explanation.Should().Be(a.Reliability.Explanation);
            b.Questions.Select(q => q.Estimates[ConsensusMethod.Learned].Best).Should().Equal(a.Questions.Select(q => q.Estimates[ConsensusMethod.Learned].Best));
        }, iter: Support.Runs.Of(20));

    [Fact]
    public void ADossierOfOneQuestion_FallsBackToThePriors_AndSaysSo()
    {
        ReconciliationReport r = Reconciler.Reconcile(Make(1, ("a", [1.0]), ("b", [2.0]), ("c", [1.1])), Options);
        r.Reliability.IsLearned.Should().BeFalse();
        r.Reliability.Explanation.Should().StartWith("Too few shared questions to learn reliability");
        r.Reliability.Sources.Should().OnlyContain(s => s.ErrorFactor == 1 && s.WeightFactor == 1 && s.ClaimsUsed == 0);
        Consensus learned = r.Questions[0].Estimates[ConsensusMethod.Learned];
        learned.Explanation.Should().StartWith("nothing was learned of the sources").And.Contain("so this is the weighted median's answer");

        // Where it cannot learn, the learned method gives the fixed method's answer (#26): the weighted median of 1000.5, 2000.5 and
        // 1100.5 with equal priors is the middle one.
        learned.Best.Should().Be(1100.5);
        learned.Best.Should().Be(r.Questions[0].Estimates[ConsensusMethod.WeightedMedian].Best);
    }

    /// <summary>Dossiers where every source errs alike (×1.3, log-normal): learning can only add noise.</summary>
    private static Dossier Equal(int seed)
    {
        var random = new Random(seed);
        var ss = Enumerable.Range(0, 15).Select(i => new Source(Id("s", i), "S" + i)).ToArray();
        var qs = Enumerable.Range(0, 400).Select(i => new Question(Id("q", i)) { Subject = "Q" + i, Unit = "people" }).ToArray();
        var claims = new List<Claim>();
        foreach (Question q in qs)
        {
            double truth = Math.Exp(3 + (random.NextDouble() * 6));
            foreach (Source s in ss.OrderBy(_ => random.Next()).Take(2 + random.Next(6)))
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                claims.Add(new Claim($"{q.Id}-{s.Id}", q, s, Quantity.Exact(Math.Round(truth * Math.Exp(z * Math.Log(1.3))) + 0.5)));
            }
        }

        return new Dossier("Equal", ss, qs, claims);
    }

    private static double Error(ReconciliationReport r, ConsensusMethod m, Dictionary<string, double> truth)
        => r.Questions.Average(q => Math.Abs(Math.Log(q.Estimates[m].Best!.Value / truth[q.Question.Id])));

    [Fact]
    public void WhereEverySourceIsEquallyReliable_TheLearnedConsensusIsNeverWorseThanTheWeightedMedianByMoreThanTwoPercent()
        => Gen.Int[0, 1_000_000].Sample(seed =>
        {
            Dossier d = Equal(seed);

            // The truths again, from the same seed: the first draw of each question.
            var random = new Random(seed);
            var truth = new Dictionary<string, double>();
            foreach (Question q in d.Questions)
            {
                truth[q.Id] = Math.Exp(3 + (random.NextDouble() * 6));
                int n = 0;
                foreach (Source _ in d.Sources.OrderBy(_ => random.Next()).Take(2 + random.Next(6)))
                {
                    random.NextDouble();
                    random.NextDouble();
                    n++;
                }
            }

            ReconciliationReport r = Reconciler.Reconcile(d, Options);
            // #26's safety rule: never worse than the best fixed method by more than 2 % MAE. Here learning can only add noise; the
            // robust (Huber) consensus gives up a little of the mean's efficiency for its resistance to confusions and slips.
            Error(r, ConsensusMethod.Learned, truth).Should().BeLessThanOrEqualTo(1.02 * Error(r, ConsensusMethod.WeightedMedian, truth));
        }, iter: Support.Runs.Of(25), threads: 1);
}
