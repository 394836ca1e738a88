namespace Diabaly;

/// <summary>One way of turning the claims of a stratum into a low / best / high estimate.</summary>
/// <remarks>A new method is a new class implementing this interface, a member of <see cref="ConsensusMethod"/>, and one line in
/// <see cref="ConsensusMethods"/>.</remarks>
internal interface IConsensusMethod
{
    ConsensusMethod Method { get; }

    /// <summary>The estimate of claims that are not empty. <see cref="ConsensusMethods.Estimate"/> then keeps Best within the
    /// envelope and applies the bounds.</summary>
    Consensus Estimate(IReadOnlyList<Reading> readings, ReconcileOptions o, bool explain);

    /// <summary>The Best of <see cref="Estimate"/> alone, where that is cheaper (the sensitivity asks for it once per source).</summary>
    double Best(IReadOnlyList<Reading> readings, ReconcileOptions o) => Estimate(readings, o, explain: false).BestValue;
}
