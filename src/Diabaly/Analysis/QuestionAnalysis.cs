using Diabaly.Internal;

namespace Diabaly;

/// <summary>The engine behind <see cref="Reconciler"/>: every analysis of one question, in the order data flows: strata, readings,
/// comparisons, then on the headline stratum the agreement, camps, estimates, sensitivity, flags and summary.</summary>
internal static class QuestionAnalysis
{
    public static QuestionReport Analyze(Question question, IReadOnlyList<Claim> claims, ReconcileOptions o, StratumRelations relations,
        ReliabilityModel? reliability = null)
        => Analyze(question, Prepare(question, claims, o, relations), o, reliability);

    /// <summary>A question's strata and claims read, before any analysis: what learning reliability across questions needs.</summary>
    public sealed record Prepared(StrataPlan Plan, List<Reading> Readings)
    {
        public List<Reading> OnTarget => Readings.Where(r => r.Stratum == 0).ToList();
    }

    // explain: false leaves out the claims' reasons (what learning and a results row do); the figures are the same.
    public static Prepared Prepare(Question question, IReadOnlyList<Claim> claims, ReconcileOptions o, StratumRelations relations, bool explain = true)
    {
        StrataPlan plan = StrataPlan.Make(question, claims, s => ClaimReader.SourceWeight(s, o), relations);
        return new Prepared(plan, ClaimReader.Read(claims, plan, o, question.Measure, explain));
    }

    // explain: false leaves out the estimates' explanations (a results row); the figures are the same.
    public static QuestionReport Analyze(Question question, Prepared prepared, ReconcileOptions o, ReliabilityModel? reliability, bool explain = true)
    {
        StrataPlan plan = prepared.Plan;
        List<Reading> readings = prepared.Readings;
        Comparisons comparisons = Comparisons.Of(readings, plan, o);

        var byStratum = Enumerable.Range(0, plan.Strata.Count).Select(_ => new List<Reading>()).ToArray();
        foreach (Reading r in readings)
        {
            byStratum[r.Stratum].Add(r);
        }

        List<Reading> onTarget = byStratum[0];
        foreach (List<Reading> stratum in byStratum)
        {
            reliability?.Apply(stratum);
        }

        var strata = new List<StratumReport>(plan.Strata.Count);
        var estimates = new Dictionary<ConsensusMethod, Consensus>();
        for (int s = 0; s < plan.Strata.Count; s++)
        {
            List<Reading> members = byStratum[s];
            Limits? clip = Clip(comparisons.Bounds[s]);
            Consensus consensus;
            if (s == 0)
            {
                foreach (ConsensusMethod m in ConsensusMethods.Methods)
                {
                    estimates[m] = ConsensusMethods.Estimate(m, members, o, clip, explain);
                }

                consensus = estimates[o.Method];
            }
            else
            {
                consensus = ConsensusMethods.Estimate(o.Method, members, o, clip, explain);
            }

            strata.Add(new StratumReport(plan.Strata[s], s == 0, ReadOnly.List(ByValue(members)), Envelope(members), consensus,
                ReadOnly.List(comparisons.Conflicts[s]), comparisons.ConflictCounts[s], ReadOnly.List(comparisons.Bounds[s]), comparisons.BoundCounts[s]));
        }

        Consensus headline = estimates[o.Method];
        List<Camp> camps = Camps.Of(onTarget, o);
        IReadOnlyList<ClaimPair> conflicts = strata[0].Conflicts;
        ReportDetails Details()
        {
            var (sensitivity, sourcesLeftOut) = Sensitivity.Of(onTarget, headline, o, Clip(comparisons.Bounds[0]));
            List<Flag> flags = Flags.Of(question, readings, onTarget, plan, strata[0], headline, sensitivity, o, comparisons.NotExamined, sourcesLeftOut);
            string summary = Summary.Of(question, readings, onTarget, strata[0], camps, comparisons.NotComparableCount, headline, sensitivity, o.ZeroFloor);
            return new ReportDetails(ReadOnly.List(sensitivity), ReadOnly.List(flags), summary);
        }

        return new QuestionReport
        {
            Question = question,
            Target = plan.Strata[0],
            IsTargetDeclared = plan.IsDeclared,
            TargetReason = plan.Reason,
            Claims = ReadOnly.List(strata.SelectMany(s => s.Claims)),
            Envelope = strata[0].Envelope,
            Agreement = AgreementInterval.Of(onTarget),
            Conflicts = conflicts,
            Bounds = strata[0].Bounds,
            Camps = ReadOnly.List(camps),
            Consensus = headline,
            Estimates = estimates.AsReadOnly(),
            Strata = ReadOnly.List(strata),
            NotComparable = ReadOnly.List(comparisons.NotComparable),
            NotComparableCount = comparisons.NotComparableCount,
            PairsNotCompared = comparisons.NotExamined,
            Details = Details,
        };
    }

    internal static IEnumerable<AssessedClaim> ByValue(List<Reading> readings)
        => readings.Select(r => r.Assessed)
            .OrderBy(a => a.Central).ThenBy(a => a.Lower).ThenBy(a => a.Upper).ThenBy(a => a.Claim.Id, StringComparer.Ordinal);

    internal static Envelope Envelope(List<Reading> readings)
    {
        if (readings.Count == 0)
        {
            return new Envelope(0, 0, null, null, empty: true);
        }

        var stated = readings.SelectMany(r => Figures.Stated(r.Claim.Value)).ToList();
        return new Envelope(
            readings.Min(r => r.Assessed.Lower),
            readings.Max(r => r.Assessed.Upper),
            stated.Count == 0 ? null : stated.Min(),
            stated.Count == 0 ? null : stated.Max(),
            empty: false);
    }

    /// <summary>The tightest bounds on a stratum: the highest lower bound and the lowest upper bound.</summary>
    private static Limits? Clip(List<Bound> bounds)
    {
        if (bounds.Count == 0)
        {
            return null;
        }

        double low = bounds.Where(b => b.Direction == BoundDirection.Lower).Select(b => b.Value).DefaultIfEmpty(0).Max();
        double high = bounds.Where(b => b.Direction == BoundDirection.Upper).Select(b => b.Value).DefaultIfEmpty(double.PositiveInfinity).Min();
        return new Limits(low, high,
            bounds.Any(b => b.Direction == BoundDirection.Lower && b.ExceededCount > 0),
            bounds.Any(b => b.Direction == BoundDirection.Upper && b.ExceededCount > 0));
    }
}
