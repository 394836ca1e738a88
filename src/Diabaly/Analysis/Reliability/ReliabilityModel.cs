using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary>What learning needs of one claim on target, without the rest of its reading: its source, its log value and own variance,
/// its prior weight and its share of its source's say on the question, and the figure as stated (for copies).</summary>
internal readonly record struct LearningClaim(Source Source, double Y, double U2, double Prior, double Count, (QuantityKind, double, double, double?) Statement, bool Specific,
    double Low, double High)
{
    /// <summary>For a figure (exact or approximate), Low and High are NaN and its error is its distance beyond its own width; for a
    /// range, a bound or a vague amount, they are its stated ends on the log scale (infinite for an open end) and its error is the
    /// distance from the consensus to them: an honest "at least 400" of a true 900 is no error.</summary>
    public static LearningClaim Of(Reading r)
    {
        Quantity v = r.Claim.Value;
        bool interval = v.Kind is not (QuantityKind.Exact or QuantityKind.Approximate);
        double low = !interval ? double.NaN : v.Kind == QuantityKind.AtMost ? double.NegativeInfinity : r.LogLower;
        double high = !interval ? double.NaN : double.IsPositiveInfinity(v.Upper) ? double.PositiveInfinity : r.LogUpper;
        return new(r.Claim.Source, r.LogCentral, r.LogSd * r.LogSd, r.Weight, r.SourceWeight > 0 ? r.Weight / r.SourceWeight : 1,
            ReliabilityModel.Statement(v), CopyDetection.IsSpecific(v), low, high);
    }

    /// <summary>The squared error of the claim against a reference t, capped at a factor of 4, less what the claim's own width
    /// (u²) explains.</summary>
    public double Error(double t, double cap)
    {
        if (double.IsNaN(Low))
        {
            double r = Math.Min(Math.Abs(Y - t), cap);
            return Math.Max((r * r) - U2, 0);
        }

        double d = Math.Min(Math.Max(Math.Max(Low - t, t - High), 0), cap);
        return d * d;
    }
}

/// <summary>The learned weights of <see cref="ConsensusMethod.Learned"/>: per source, its error variance (the bound the weights use),
/// and the group of sources it copies with.</summary>
internal sealed class ReliabilityModel
{
    private readonly Dictionary<string, double> _variance;
    private readonly Dictionary<string, string> _copyGroup;
    private readonly double _unknown;

    public ReliabilityModel(Dictionary<string, double> variance, Dictionary<string, string> copyGroup, double unknown, int questions, int copyPairs)
    {
        _variance = variance;
        _copyGroup = copyGroup;
        _unknown = unknown;
        Questions = questions;
        CopyPairs = copyPairs;
    }

    public int Questions { get; }

    public int CopyPairs { get; }

    /// <summary>Each learned source's error variance, by source id (for saving).</summary>
    public IReadOnlyDictionary<string, double> Variances => _variance;

    /// <summary>Each source's copy group, by source id (for saving).</summary>
    public IReadOnlyDictionary<string, string> CopyGroups => _copyGroup;

    /// <summary>The error variance of a source not learned.</summary>
    public double UnknownVariance => _unknown;

    /// <summary>Sets the learned weight of each claim of one stratum of a question: its prior weight, shared with the identical
    /// figures of the sources it copies with, over its own variance plus its source's error variance, made robust
    /// (<see cref="RobustEstimates.Robust"/>). A source the model has not seen has the prior's variance.</summary>
    public void Apply(List<Reading> readings)
    {
        double[] share = ShareOfCopies(readings.Select(r => (Group(r.Claim.Source.Id), r.Claim.Source.Id, Statement(r.Claim.Value))).ToList());
        int n = readings.Count;
        double[] y = new double[n], w = new double[n], sd = new double[n];
        string[] source = new string[n];
        for (int i = 0; i < n; i++)
        {
            Reading r = readings[i];
            double error = _variance.GetValueOrDefault(r.Claim.Source.Id, _unknown);
            y[i] = r.LogCentral;
            w[i] = r.Weight * share[i] / ((r.LogSd * r.LogSd) + error);
            sd[i] = Math.Sqrt((r.LogSd * r.LogSd) + error);
            source[i] = r.Claim.Source.Id;
        }

        double[] robust = RobustEstimates.Robust(y, w, sd, source);
        for (int i = 0; i < n; i++)
        {
            readings[i].LearnedWeight = robust[i];
            readings[i].LearnedSd = sd[i];
            readings[i].Learned = this;
        }
    }

    private string Group(string source) => _copyGroup.GetValueOrDefault(source, source);

    /// <summary>Per claim, its share of the weight: 1, or 1 / k for the k identical figures that sources of one copy group give on
    /// the question.</summary>
    public static double[] ShareOfCopies(IReadOnlyList<(string Group, string Source, (QuantityKind, double, double, double?) Statement)> claims)
    {
        double[] share = new double[claims.Count];
        if (claims.Count <= 64 && !AnyTwoAlike(claims))
        {
            Array.Fill(share, 1.0); // no figure stated twice on the question: nothing copied to share (the usual case, and the cheap one)
            return share;
        }

        foreach (var same in Enumerable.Range(0, claims.Count).GroupBy(i => (claims[i].Group, claims[i].Statement)))
        {
            bool copied = same.Select(i => claims[i].Source).Distinct(StringComparer.Ordinal).Skip(1).Any();
            foreach (int i in same)
            {
                share[i] = copied ? 1.0 / same.Count() : 1;
            }
        }

        return share;
    }

    private static bool AnyTwoAlike(IReadOnlyList<(string Group, string Source, (QuantityKind, double, double, double?) Statement)> claims)
    {
        for (int i = 0; i < claims.Count; i++)
        {
            for (int j = i + 1; j < claims.Count; j++)
            {
                if (claims[i].Statement.Equals(claims[j].Statement))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static (QuantityKind, double, double, double?) Statement(Quantity v) => (v.Kind, v.Lower, v.Upper, v.Central);
}

/// <summary>One claim of the learning, with its question and source as indices into the learner's lists.</summary>
internal readonly record struct LearningItem(int Question, int Source, LearningClaim Claim);
