using Diabaly.Internal;

namespace Diabaly;

/// <summary><see cref="ConsensusMethod.Agreement"/>: the weighted agreement interval, its geometric midpoint as Best.</summary>
internal sealed class AgreementMethod : IConsensusMethod
{
    public ConsensusMethod Method => ConsensusMethod.Agreement;

    public Consensus Estimate(IReadOnlyList<Reading> r, ReconcileOptions o, bool explain)
    {
        // An open end is read over the documented tail, as for a single open claim, and marked assumed: no upper bound →
        // lower × factor; a lower bound of 0 that only an upper bound ("at most U") left → upper / factor.
        Agreement a = AgreementInterval.Of(r);
        bool highAssumed = double.IsPositiveInfinity(a.UpperValue);
        double high = highAssumed ? Math.Max(a.LowerValue, o.ZeroFloor) * o.OpenTailFactor : a.UpperValue;
        bool lowAssumed = a.Lower == 0 && a.Claims.Where(x => x.Lower == 0).All(x => x.Claim.Value.Kind == QuantityKind.AtMost);
        double low = lowAssumed ? high / o.OpenTailFactor : a.LowerValue;
        // A point is its own midpoint: exp(log 1000) is 999.9999999999998, which JSON would print.
        double best = low == high ? low : LogScale.Back((LogScale.Log(low, o) + LogScale.Log(high, o)) / 2, o);
        return new Consensus(ConsensusMethod.Agreement, low, best, high,
            explain ? $"the interval supported by the most weight ({NumberText.Percent(a.Fraction)} of it, {a.Claims.Count} {ConsensusMethods.Plural(a.Claims.Count, "claim")}); best is its geometric midpoint" : string.Empty,
            assumed: ConsensusMethods.Parts(lowAssumed, lowAssumed || highAssumed, highAssumed));
    }
}
