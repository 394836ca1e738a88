using Diabaly.Benchmarks.Truth;

namespace Diabaly.Tests.Reliability;

/// <summary>#26's safety rule on small instances of every regime of the simulator: the learned method is never worse than the best
/// fixed method (weighted median, agreement) by more than 2 % of mean absolute error on the log scale. On the real data it is also
/// within 2 % of the best of all Diabaly's other methods (linear pool, random effects, conservative too); on the simulator that holds
/// at full size (the benchmarks README, <c>evaluate-regimes</c>) but not on every small instance: at 600 questions the learned
/// method can trail the linear pool on bots (+3.2 % on seed 11) and random effects on equal sources (+0.8 to +1.7 %), the price of
/// a robust estimate where nothing is wrong.</summary>
public class LearnedSafetyTests
{
    public static TheoryData<string> Regimes => [.. Enum.GetNames<Regime>()];

    [Theory]
    [MemberData(nameof(Regimes))]
    public void OnEveryRegime_TheLearnedMethod_IsNeverWorseThanTheBestFixedMethodByMoreThanTwoPercent(string name)
    {
        Regime regime = Enum.Parse<Regime>(name);
        foreach (int seed in new[] { 11, 29 })
        {
            Simulation sim = Simulator.Make(questions: 600, sources: 120, seed, regime);
            Evaluation.RegimeScore score = Evaluation.ScoreRegime(sim);
            score.Learned.Should().BeLessThanOrEqualTo(1.02 * score.BestFixed, $"{regime}, seed {seed}: {score}");
        }
    }

    /// <summary>The rule on real data: the TU Delft expert-judgment cases (the benchmark's <c>data</c> folder), 538 experts on 1,411
    /// items of 47 studies, scored on the 510 items whose true value became known.</summary>
    [Fact]
    public void OnRealExpertJudgments_TheLearnedMethod_IsNeverWorseThanTheBestFixedMethodByMoreThanTwoPercent()
    {
        string folder = Path.Combine(Support.Repository.Root, "tests", "Diabaly.Benchmarks", "data", "tudelft-expert-judgment", "cases");
        Evaluation.RegimeScore score = Evaluation.ScoreReal(folder);
        score.Learned.Should().BeLessThanOrEqualTo(1.02 * score.BestFixed, score.ToString());
        score.Learned.Should().BeLessThanOrEqualTo(1.02 * score.BestOther, $"the learned method is within 2 % of the best of Diabaly's methods ({score})");
        score.WeightedMedian.Should().BeInRange(0.5, 1.0, "experts' medians are typically off by about a factor of two on these items");
    }

    /// <summary>The regimes are what they say: bots make a tenth to a third of the claims, long-tail sources mostly give one to
    /// three claims, confusions and slips put far figures in.</summary>
    [Fact]
    public void TheRegimes_LookAsTheirNamesSay()
    {
        Simulation bots = Simulator.Make(600, 120, 11, Regime.Bots);
        double botShare = bots.Dossier.Claims.Count(c => bots.Sources[c.Source.Id].Bot) / (double)bots.Dossier.Claims.Count;
        botShare.Should().BeInRange(0.10, 0.30);

        Simulation tail = Simulator.Make(600, 120, 11, Regime.LongTail);
        var perSource = tail.Dossier.Claims.GroupBy(c => c.Source.Id).Select(g => g.Count()).ToList();
        perSource.Count(n => n <= 3).Should().BeGreaterThan(perSource.Count / 2, "most sources give one to three claims");

        foreach (Regime far in new[] { Regime.Confusions, Regime.Slips })
        {
            Simulation sim = Simulator.Make(600, 120, 11, far);
            sim.Dossier.Claims.Count(c => c.Value.Central is double v && Math.Abs(Math.Log(v / sim.Truth[c.Question.Id])) > Math.Log(8))
                .Should().BeGreaterThan(sim.Dossier.Claims.Count / 50, $"{far} puts figures far off the truth");
        }
    }
}
