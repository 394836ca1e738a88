using Diabaly.Statistics;

namespace Diabaly.Tests.Statistics;

/// <summary>Against R's metafor 3.8 on dat.bcg (log risk ratios of the 13 BCG vaccine trials), to 1e-6 absolute.</summary>
public class MetaAnalysisTests
{
    private const double Tolerance = 1e-6;

    private static readonly double[] Yi =
    [
        -0.8893113339, -1.5853886572, -1.3480731483, -1.4415511900, -0.2175473222, -0.7861155858, -1.6208982236,
        0.0119523335, -0.4694176487, -1.3713448035, -0.3393588283, 0.4459134006, -0.0173139482,
    ];

    private static readonly double[] Vi =
    [
        0.3255847650, 0.1945811214, 0.4153679654, 0.0200100319, 0.0512101722, 0.0069056185, 0.2230172476,
        0.0039615793, 0.0564342105, 0.0730247936, 0.0124122140, 0.5325058452, 0.0714046597,
    ];

    private static void ShouldMatch(MetaAnalysisResult r, double estimate, double se, double tau2, double i2, double q,
        double ciLower, double ciUpper, double piLower, double piUpper)
    {
        r.Estimate.Should().BeApproximately(estimate, Tolerance);
        r.StandardError.Should().BeApproximately(se, Tolerance);
        r.Tau2.Should().BeApproximately(tau2, Tolerance);
        r.I2.Should().BeApproximately(i2, Tolerance);
        r.Q.Should().BeApproximately(q, Tolerance);
        r.CiLower.Should().BeApproximately(ciLower, Tolerance);
        r.CiUpper.Should().BeApproximately(ciUpper, Tolerance);
        r.PiLower.Should().BeApproximately(piLower, Tolerance);
        r.PiUpper.Should().BeApproximately(piUpper, Tolerance);
    }

    [Fact]
    public void DerSimonianLaird_MatchesMetafor_OnDatBcg()
        => ShouldMatch(MetaAnalysis.DerSimonianLaird(Yi, Vi),
            -0.7141172221, 0.1787420895, 0.3087602629, 0.9211734685, 152.2330080824, -1.0644452801, -0.3637891641, -1.8581537527, 0.4299193086);

    [Fact]
    public void Reml_MatchesMetafor_OnDatBcg()
        => ShouldMatch(MetaAnalysis.Reml(Yi, Vi),
            -0.7145323484, 0.1797815318, 0.3132433260, 0.9222138607, 152.2330080824, -1.0668976757, -0.3621670210, -1.8666923466, 0.4376276499);

    [Fact]
    public void Homogeneous_TruncatesTau2AtZero_AndPoolsAsFixedEffect()
    {
        // Hand calculation: y = 1, 1.1, 0.9 with v = 0.04 each. Fixed-effect mean 1; Q = (0 + 0.01 + 0.01)/0.04 = 0.5 < df = 2,
        // so τ² = 0, I² = 0, SE = √(0.04/3) = 0.115470054, CI = 1 ± 1.959964 × 0.115470054 = [0.773683, 1.226317] and PI = CI.
        double[] y = [1, 1.1, 0.9], v = [0.04, 0.04, 0.04];
        foreach (MetaAnalysisResult r in new[] { MetaAnalysis.DerSimonianLaird(y, v), MetaAnalysis.Reml(y, v) })
        {
            ShouldMatch(r, 1, 0.1154700538, 0, 0, 0.5, 0.7736830404, 1.2263169596, 0.7736830404, 1.2263169596);
        }
    }

    [Fact]
    public void TwoEstimates_DerSimonianLaird_ByHand()
    {
        // y = 0, 1 with v = 0.1, 0.1. w = 10, 10; ȳ = 0.5; Q = 10·0.25 + 10·0.25 = 5; C = 20 − 200/20 = 10;
        // τ² = (5 − 1)/10 = 0.4; w* = 1/0.5 = 2 each; μ = 0.5; SE = √(1/4) = 0.5;
        // I² = 0.4 / (0.4 + 1·20/(400 − 200)) = 0.4/0.5 = 0.8; CI = 0.5 ± 0.979982; PI = 0.5 ± 1.959964·√(0.25 + 0.4).
        MetaAnalysisResult r = MetaAnalysis.DerSimonianLaird([0, 1], [0.1, 0.1]);
        ShouldMatch(r, 0.5, 0.5, 0.4, 0.8, 5, 0.5 - 0.979982, 0.5 + 0.979982, 0.5 - (1.959964 * Math.Sqrt(0.65)), 0.5 + (1.959964 * Math.Sqrt(0.65)));
    }

    [Fact]
    public void TwoEstimates_Reml_ByHand()
    {
        // With equal variances the REML estimate has a closed form: τ² = Σ(yᵢ − ȳ)²/(k − 1) − v = 0.5 − 0.1 = 0.4.
        MetaAnalysis.Reml([0, 1], [0.1, 0.1]).Tau2.Should().BeApproximately(0.4, 1e-9);
    }

    [Theory]
    [InlineData(3e6, 4e12)]
    [InlineData(1, 0)]
    public void TwoEstimates_WhoseVariancesDiffer_By24OrdersOfMagnitude_StillMatchTheClosedForm(double y2, double tau2)
    {
        // With two estimates, only the contrast d = y₂ − y₁ ~ N(0, v₁ + v₂ + 2τ²) carries information on τ², so REML and
        // DerSimonian–Laird both give τ² = max(0, (d² − v₁ − v₂) / 2): (9·10¹² − 10¹² − 10⁻¹²)/2 = 4·10¹², or 0 when d² = 1 < 10¹².
        // The textbook trace Σw² − 2Σw³/Σw + (Σw²/Σw)² cancels to zero or below at these weights (10¹² and 10⁻¹²).
        foreach (MetaAnalysisResult r in new[] { MetaAnalysis.DerSimonianLaird([0, y2], [1e-12, 1e12]), MetaAnalysis.Reml([0, y2], [1e-12, 1e12]) })
        {
            r.Tau2.Should().BeApproximately(tau2, 1e-9 * Math.Max(1, tau2));
            double w1 = 1 / (1e-12 + tau2), w2 = 1 / (1e12 + tau2);
            r.Estimate.Should().BeApproximately(w2 * y2 / (w1 + w2), 1e-9 * Math.Max(1, y2 / 2));
            new[] { r.Estimate, r.StandardError, r.CiLower, r.CiUpper, r.PiLower, r.PiUpper, r.I2 }.Should().OnlyContain(x => double.IsFinite(x));
        }
    }

    [Fact]
    public void OneEstimate_IsItself()
    {
        MetaAnalysisResult r = MetaAnalysis.DerSimonianLaird([2], [0.25]);
        ShouldMatch(r, 2, 0.5, 0, 0, 0, 2 - 0.979982, 2 + 0.979982, 2 - 0.979982, 2 + 0.979982);
        MetaAnalysis.Reml([2], [0.25]).Estimate.Should().Be(2);
    }

    [Fact]
    public void BadInput_Throws()
    {
        new Action(() => MetaAnalysis.DerSimonianLaird([], [])).Should().Throw<ArgumentException>();
        new Action(() => MetaAnalysis.DerSimonianLaird([1, 2], [1])).Should().Throw<ArgumentException>();
        new Action(() => MetaAnalysis.DerSimonianLaird([1], [0])).Should().Throw<ArgumentException>().WithMessage("*variances must be finite and > 0*");
        new Action(() => MetaAnalysis.Reml([double.NaN], [1])).Should().Throw<ArgumentException>().WithMessage("*estimates must be finite*");
    }

    [Fact]
    public void BadInput_SaysWhatWasReceived()
    {
        new Action(() => MetaAnalysis.DerSimonianLaird(null!, [1])).Should().Throw<ArgumentNullException>().WithParameterName("estimates");
        new Action(() => MetaAnalysis.Reml([1], null!)).Should().Throw<ArgumentNullException>().WithParameterName("variances");
        new Action(() => MetaAnalysis.DerSimonianLaird([1, 2], [1])).Should().Throw<ArgumentException>()
            .WithMessage("Expected as many variances as estimates, and at least one; received 2 estimates and 1 variances.");
        new Action(() => MetaAnalysis.DerSimonianLaird([1, double.PositiveInfinity], [1, 1])).Should().Throw<ArgumentException>()
            .WithMessage("Estimate 1 is Infinity; estimates must be finite.*").WithParameterName("estimates");
    }
}
