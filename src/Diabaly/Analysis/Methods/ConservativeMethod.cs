using Diabaly.Internal;

namespace Diabaly;

/// <summary><see cref="ConsensusMethod.Conservative"/>: ACLED's rule, the lowest figure a source stated.</summary>
internal sealed class ConservativeMethod : IConsensusMethod
{
    public ConsensusMethod Method => ConsensusMethod.Conservative;

    public Consensus Estimate(IReadOnlyList<Reading> r, ReconcileOptions o, bool explain)
    {
        Reading lowest = r.OrderBy(x => x.Figure).ThenBy(x => x.Assessed.Upper).ThenBy(x => x.Claim.Id, StringComparer.Ordinal).First();
        AssessedClaim a = lowest.Assessed;
        bool open = double.IsPositiveInfinity(a.Upper);
        double high = open ? lowest.SupportUpper : a.Upper;
        string words = a.Claim.Value.Text ?? a.Claim.Value.ToString();
        string figure = a.Claim.Value.Kind == QuantityKind.Vague
            ? $"the lowest figure, {NumberText.Format(lowest.Figure)}, the lower end the lexicon gives \"{words}\" by {a.Claim.Source.Name} ({a.Claim.Id})"
            : $"the lowest figure stated, {(a.Claim.Value.Kind is QuantityKind.AtLeast or QuantityKind.AtMost ? Figures.AsStated(a.Claim.Value) : NumberText.Format(lowest.Figure))}, by {a.Claim.Source.Name} ({a.Claim.Id}: \"{words}\")";
        return new Consensus(ConsensusMethod.Conservative, a.Lower, lowest.Figure, high,
            explain ? figure + "; low and high are that claim's bounds" : string.Empty,
            assumed: ConsensusMethods.Parts(false, false, open));
    }
}
