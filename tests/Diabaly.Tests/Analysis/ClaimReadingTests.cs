using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>How each claim is read before any method sees it: its weight and every reason for it, the widening of a round figure,
/// and what an open bound assumes, each worked by hand.</summary>
public class ClaimReadingTests
{
    // An amount: these readings keep fractions (47 read by its roundness as 46.5–47.5); CountReadingTests reads counts.
    private static readonly Question Q = new("q") { Subject = "Subject q", Unit = "things", Measure = Measure.Amount };

    private static readonly Source Army = Some.Source("army", weight: 2, access: SourceAccess.FirstHand, side: "Army");

    /// <summary>The reasons every army claim has: its prior, its access, its side, and its two different statements.</summary>
    private static readonly string[] ArmyReasons =
        ["prior weight 2", "first-hand ×1", "declared side 'Army' ×0.5", "one of 2 different statements by its source in its stratum (÷2)"];

    /// <summary>The army says 47 twice and "at least 100"; the mayor "at most 100"; a witness 0; a clerk "at most 0.3".</summary>
    private static Dictionary<string, AssessedClaim> Read()
    {
        Source mayor = Some.Source("mayor"), witness = Some.Source("witness", access: SourceAccess.SecondHand), clerk = Some.Source("clerk");
        var d = new Dossier("T", [Army, mayor, witness, clerk], [Q],
        [
            new Claim("a1", Q, Army, Quantity.Exact(47)),
            new Claim("a2", Q, Army, Quantity.Exact(47)),
            new Claim("a3", Q, Army, Quantity.AtLeast(100)),
            new Claim("m1", Q, mayor, Quantity.AtMost(100)),
            new Claim("w1", Q, witness, Quantity.Exact(0)),
            new Claim("k1", Q, clerk, Quantity.AtMost(0.3)),
        ]);
        return Reconciler.Reconcile(d, new ReconcileOptions { PartisanFactor = 0.5 })["q"].Claims.ToDictionary(c => c.Claim.Id);
    }

    [Fact]
    public void ARepeatedRoundFigure_ByAPartisanFirstHandSource()
    {
        // Weight 2 × first-hand 1 × side 0.5, shared among 2 different statements and, for 47, its 2 repetitions: 2 × 0.5 / 4.
        AssessedClaim a1 = Read()["a1"];
        a1.Weight.Should().BeApproximately(0.25, 1e-12);
        a1.Reasons.Should().Equal([.. ArmyReasons, "the same statement made 2 times (÷2)", "47 read by its roundness as 46.5–47.5"]);
        (a1.Lower, a1.Upper, a1.Central, a1.IsCentralAssumed, a1.Reach).Should().Be((46.5, 47.5, 47.0, false, (double?)null));
    }

    [Fact]
    public void AtLeast_ReachesItsDocumentedTail_WithAnAssumedCentre()
    {
        // "At least 100" over the tail ×2: reach 200, centre 100 × √2 = 141.42, both assumed; the statement is one of the army's two.
        AssessedClaim a3 = Read()["a3"];
        a3.Weight.Should().BeApproximately(0.5, 1e-12);
        a3.Reasons.Should().Equal([.. ArmyReasons, "open-ended: assumed to reach 200 (×2, the documented tail)"]);
        a3.Reach.Should().Be(200);
        a3.Central.Should().BeApproximately(100 * Math.Sqrt(2), 1e-9);
        a3.IsCentralAssumed.Should().BeTrue();
        (a3.Lower, a3.Upper).Should().Be((100.0, double.PositiveInfinity));
    }

    [Fact]
    public void AtMost_ReachesDownItsDocumentedTail_WithAnAssumedCentre()
    {
        // "At most 100" down the tail ÷2: reach 50, centre 100 / √2 = 70.71, assumed; the interval itself stays 0–100.
        AssessedClaim m1 = Read()["m1"];
        m1.Weight.Should().Be(1);
        m1.Reasons.Should().Equal("prior weight 1", "access unknown ×1", "upper bound only: assumed to reach down to 50 (÷2, the documented tail)");
        m1.Reach.Should().Be(50);
        m1.Central.Should().BeApproximately(100 / Math.Sqrt(2), 1e-9);
        m1.IsCentralAssumed.Should().BeTrue();
        (m1.Lower, m1.Upper).Should().Be((0.0, 100.0));
    }

    [Fact]
    public void AtMostBelowTheZeroFloor_AssumesNoTail()
    {
        // "At most 0.3": both ends are at the zero floor (0.5) on the log scale, so no tail is assumed; the centre 0.3 / √2 = 0.212.
        AssessedClaim k1 = Read()["k1"];
        k1.Reasons.Should().Equal("prior weight 1", "access unknown ×1");
        k1.Reach.Should().BeNull();
        k1.Central.Should().BeApproximately(0.3 / Math.Sqrt(2), 1e-12);
    }

    [Fact]
    public void Zero_IsNotWidened()
    {
        AssessedClaim w1 = Read()["w1"];
        w1.Weight.Should().Be(0.5);
        w1.Reasons.Should().Equal("prior weight 1", "second-hand ×0.5");
        (w1.Lower, w1.Upper, w1.Central).Should().Be((0.0, 0.0, 0.0));
    }
}
