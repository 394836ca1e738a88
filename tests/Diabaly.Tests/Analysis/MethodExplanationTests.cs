using Diabaly.Tests.Support;
using Diabaly.Statistics;

namespace Diabaly.Tests.Analysis;

/// <summary>Each method's explanation, the random-effects pooling by hand for both estimators of τ², the camps, and what the result
/// types print: on one small question, a: "100 to 200", b: 300, c: 1,000 with twice the weight.</summary>
public class MethodExplanationTests
{
    private const double Z90 = 1.6448536269514722, Z975 = 1.959963984540054;

    private static QuestionReport Reconcile(Tau2Estimator tau2 = Tau2Estimator.DerSimonianLaird)
    {
        Source a = Some.Source("a"), b = Some.Source("b"), c = Some.Source("c", weight: 2);
        var d = new Dossier("T", [a, b, c], [Some.Question()],
        [
            new Claim("a1", Some.Question(), a, Quantity.Parse("100 to 200")),
            new Claim("b1", Some.Question(), b, Quantity.Exact(300)),
            new Claim("c1", Some.Question(), c, Quantity.Exact(1000)),
        ]);
        return Reconciler.Reconcile(d, new ReconcileOptions { WidenRoundNumbers = false, Tau2Estimator = tau2 })["q"];
    }

    [Fact]
    public void EveryMethod_ExplainsItself()
    {
        var e = Reconcile().Estimates;
        e[ConsensusMethod.WeightedMedian].Explanation.Should().Be(
            "weighted median of 3 central values; low and high are the weighted 10 % quantile of the lower bounds and 90 % quantile of the upper bounds");
        e[ConsensusMethod.LinearPool].Explanation.Should().Be(
            "median of the weighted mixture of 3 distributions on the log scale; low and high are its 10 % and 90 % quantiles");
        e[ConsensusMethod.Conservative].Explanation.Should().Be(
            "the lowest figure stated, 100, by Source a (a1: \"100 to 200\"); low and high are that claim's bounds");
        e[ConsensusMethod.Agreement].Explanation.Should().Be(
            "the interval supported by the most weight (50 % of it, 1 claim); best is its geometric midpoint");
        e[ConsensusMethod.RandomEffects].Explanation.Should().StartWith(
            "random-effects meta-analysis (DerSimonian–Laird) of 3 sources on the log scale; low and high are the 95 % confidence interval; τ² = ");
        Reconcile(Tau2Estimator.Reml).Estimates[ConsensusMethod.RandomEffects].Explanation.Should().StartWith("random-effects meta-analysis (REML) of 3 sources");
    }

    [Fact]
    public void Conservative_IsTheLowestStatedFigure_WithItsClaimsBounds()
    {
        Consensus c = Reconcile().Estimates[ConsensusMethod.Conservative];
        (c.Low, c.Best, c.High, c.Assumed).Should().Be((100.0, 100.0, 200.0, EstimateParts.None));
    }

    [Fact]
    public void Agreement_IsTheHeaviestPoint()
    {
        // c alone carries 2 of the 4 units of weight; no interval is supported by more.
        Consensus c = Reconcile().Estimates[ConsensusMethod.Agreement];
        (c.Low, c.Best, c.High).Should().Be((1000.0, 1000.0, 1000.0));
    }

    /// <summary>One estimate per source on the log scale, y = ln √(100 · 200), ln 300, ln 1000; variances: a's range read as a 90 %
    /// interval, sd = ln 2 / (2 · 1.645); b and c exact, at the smallest sd 0.01; each divided by the source's weight relative to the
    /// heaviest (1/2, 1/2, 1).</summary>
    private static (double[] Y, double[] V) Inputs()
    {
        double sdA = Math.Log(2) / (2 * Z90);
        return ([Math.Log(Math.Sqrt(100 * 200)), Math.Log(300), Math.Log(1000)], [sdA * sdA / 0.5, 0.01 * 0.01 / 0.5, 0.01 * 0.01 / 1]);
    }

    [Fact]
    public void RandomEffects_DerSimonianLaird_ByTheTextbookFormula()
    {
        var (y, v) = Inputs();
        double[] w = v.Select(x => 1 / x).ToArray();
        double sw = w.Sum(), fixedMean = w.Zip(y, (wi, yi) => wi * yi).Sum() / sw;
        double q = w.Zip(y, (wi, yi) => wi * (yi - fixedMean) * (yi - fixedMean)).Sum();
        double tau2 = Math.Max(0, (q - 2) / (sw - (w.Sum(x => x * x) / sw)));
        double[] ws = v.Select(x => 1 / (x + tau2)).ToArray();
        double mu = ws.Zip(y, (wi, yi) => wi * yi).Sum() / ws.Sum(), se = Math.Sqrt(1 / ws.Sum());

        Consensus re = Reconcile().Estimates[ConsensusMethod.RandomEffects];
        re.Best.Should().BeApproximately(Math.Exp(mu), Math.Exp(mu) * 1e-9);
        re.Low.Should().BeApproximately(Math.Exp(mu - (Z975 * se)), Math.Exp(mu) * 1e-9);
        re.High.Should().BeApproximately(Math.Exp(mu + (Z975 * se)), Math.Exp(mu) * 1e-9);
        re.RandomEffects!.Tau2.Should().BeApproximately(tau2, 1e-12);
    }

    [Fact]
    public void RandomEffects_Reml_IsTheRestrictedLikelihoodsEstimate()
    {
        // REML (checked against metafor in MetaAnalysisTests) differs from DerSimonian–Laird here: the method must use the one asked for.
        var (y, v) = Inputs();
        MetaAnalysisResult reml = MetaAnalysis.Reml(y, v);
        Consensus re = Reconcile(Tau2Estimator.Reml).Estimates[ConsensusMethod.RandomEffects];
        re.Best.Should().BeApproximately(Math.Exp(reml.Estimate), Math.Exp(reml.Estimate) * 1e-9);
        re.RandomEffects!.Tau2.Should().BeApproximately(reml.Tau2, 1e-12);
        reml.Tau2.Should().NotBeApproximately(Reconcile().Estimates[ConsensusMethod.RandomEffects].RandomEffects!.Tau2, 1e-3, "the two estimators differ here");
    }

    [Fact]
    public void Camps_HoldTheirClaimsBoundsAndWeight()
    {
        // No two of 100–200, 300 and 1,000 are within the tolerance ×1.1: three camps, lowest first.
        var camps = Reconcile().Camps;
        camps.Select(c => (c.Lower, c.Upper, c.Weight)).Should().Equal((100.0, 200.0, 1.0), (300.0, 300.0, 1.0), (1000.0, 1000.0, 2.0));
        camps[0].Central.Should().BeApproximately(Math.Sqrt(100 * 200), 1e-9);
    }

    [Fact]
    public void ResultTypes_PrintTheirNumbersToThreeSignificantFigures()
    {
        QuestionReport q = Reconcile();
        // A range's middle, √(100 · 200) = 141, is the engine's assumption; a camp of one claim is the claim as stated.
        q.Claims.Single(c => c.Claim.Id == "a1").ToString().Should().Be("a1: 100–200 (central 141 (assumed), weight 1)");
        q.Camps[0].ToString().Should().Be("a1: 100–200");
        q.Conflicts.First(c => c.First.Claim.Id == "a1" && c.Second.Claim.Id == "c1").ToString().Should().Be("a1 vs c1: ×5, Contradiction");
        q.Estimates[ConsensusMethod.Conservative].ToString().Should().Be("Conservative: 100 (100–200)");
        q.ToString().Should().Be(q.Summary);
    }

    [Fact]
    public void OneClaim_IsNamedInTheSingular()
    {
        var d = Some.Dossier(("a", Quantity.Exact(5), null, null));
        var e = Reconciler.Reconcile(d)["q"].Estimates;
        // One claim is not pooled by any method: each says so, and gives the claim.
        e.Values.Should().OnlyContain(c => c.Explanation == "one claim: the estimate is Source a's \"5\" (c01-a), its ends as low and high and its figure as best");
        e.Values.Should().OnlyContain(c => c.Low == 5 && c.Best == 5 && c.High == 5 && c.Stated == (EstimateParts.Low | EstimateParts.Best | EstimateParts.High));
    }
}
