using System.Globalization;
using Diabaly.Internal;

namespace Diabaly.Analysis;

/// <summary>
/// What the questions of a dossier say of each source (<see cref="ConsensusMethod.Learned"/>): how far its claims typically lie from
/// the consensus, beyond their own stated width, and which sources give the same figures far more often than chance. Immutable.
/// </summary>
/// <remarks>
/// <para>Copies, first. Two sources that give the identical specific figure (not vague, not round to 5 %) on a question, where that
/// figure lies further than its own width and the larger of 5 % and twice the other sources' spread (their median absolute deviation)
/// from the median of the other sources' claims (at least two of them), share an error only copying explains
/// (Dong et al. VLDB 2009); the other sources, not the consensus, are the yardstick, since a copying pair can pull a consensus its way.
/// A pair with at least two such shared errors and a binomial tail below 0.001, against the rate of shared errors among all pairs of
/// sources on a question (at least 0.001), is a copy; the sources joined by copies then share one weight on every figure they give
/// alike. Declared relays (<see cref="Claim.Via"/>) are reported as before.</para>
/// <para>Then the errors. Every claim on target is a log value y with its own uncertainty u (its interval read as a 90 % interval, as
/// the other methods read it); every usable question (claims from at least two sources) has a consensus, and each claim is judged
/// against t, the weighted median of the <em>other</em> sources' claims on its question (leave one out, #26), so that a source whose
/// claim alone makes a consensus is not learned to be exact; the best source is then judged against the next best, and the two look
/// alike. A figure's error is the part
/// of its distance |y − t| its own width does not explain, max(r² − u², 0); a range's, a bound's or a vague amount's is the distance
/// from t to its stated ends (an honest "at least 400" of a true 900 is no error); both are capped at a factor of 4, so that one unit
/// slip does not ruin a source, and each question counts once per source however often it repeats itself. A source's error variance
/// σ² is estimated with a prior worth <see cref="PriorClaims"/> claims at the typical source's error (the median of the sources' own
/// estimates, weighted by their claims), and the weights use the upper end of a one-sided 84 % chi-squared bound on it (CATD's idea,
/// Li et al. VLDB 2015): a source with few claims is neither trusted nor distrusted far from the others.</para>
/// <para>The consensus. Each claim weighs its prior weight / (u² + σ²); a claim further than 3 of its standard deviations
/// √(u² + σ²) from the weighted median of the other sources' claims keeps (3 sd / distance)² of that, so that a unit slip, even by
/// the most reliable source, weighs little. The reference of a question, against which the sources are judged, is the weighted median
/// on the log scale: a median, so that a confident confusion, a bot's wrong value and those who copy it cannot drag it (#26). The
/// estimate <see cref="ConsensusMethod.Learned"/> gives is Huber's M-estimate around that median (k = 1.345 learned standard
/// deviations): agreeing figures pool as in a precision-weighted mean, a far one keeps k sd / distance of its weight. With nothing
/// learned it is the weighted median's answer, and says so. Errors and consensus are re-estimated in turn (each round's error variances halfway between the new estimate and the last, so that a weighted median that jumps between two claims cannot keep the rounds from settling) until the consensus moves by less than 1e-6 on the log scale on average over
/// the questions, or for at most 25 rounds; each claim's robust factor is kept after the second round, so that a reference that swaps
/// between two claims does not keep a question from settling.</para>
/// </remarks>
public sealed class ReliabilityReport
{
    /// <summary>The learned weights, applied question by question; null when nothing was learned.</summary>
    internal ReliabilityModel? Model { get; }

    /// <summary>This report as JSON (<c>"kind": "diabaly-reliability"</c>, <c>schemaVersion</c> 1): the sources with their learned
    /// error factors, weight factors, error variances and copy groups, and the copies found, full precision. <see cref="FromJson"/>
    /// reads it back to a report that weighs claims exactly as this one does, so that reliability learned once (over a large table,
    /// say) can be applied to other dossiers and streams later
    /// (<see cref="Reconciler.Reconcile(Dossier, ReconcileOptions?, ReliabilityReport?)"/>). The schema is
    /// <c>schemas/reliability.schema.json</c> of the repository.</summary>
    /// <returns>The JSON text, indented, ending with a line break.</returns>
    public string ToJson() => ReliabilityJson.Write(this);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report; its sources are rebuilt from their ids, names, kinds, access, sides, roles, outlets and weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="UnreadableInputException">The text is not JSON, or not a reliability report of this schema version (code
    /// <c>DY6001</c>).</exception>
    public static ReliabilityReport FromJson(string json) => ReliabilityJson.Read(Guard.NotNull(json), null);

    /// <summary>Writes <see cref="ToJson"/> to a file, whole or not at all (a file beside it then replaces it).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path) => AtomicFile.Write(Guard.NotNull(path), ToJson());

    /// <summary>Reads a report from a file written by <see cref="Save"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="UnreadableInputException">The file cannot be read (<c>DY0001</c>), is a folder, device or pipe (<c>DY0003</c>),
    /// or is not a reliability report (<c>DY6001</c>), with the file named.</exception>
    public static ReliabilityReport Load(string path)
    {
        Guard.NotNull(path);
        string text;
        try
        {
            using var reader = new StreamReader(InputFile.Open(path, "a reliability report saved as JSON", FileOptions.SequentialScan), System.Text.Encoding.UTF8);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw InputFile.Unreadable(e, path);
        }

        return ReliabilityJson.Read(text, path);
    }

    /// <summary>The prior's worth in claims, at the pooled error of every source.</summary>
    /// <value>5.</value>
    public static int PriorClaims => 5;

    internal ReliabilityReport(int questions, int iterations, bool converged, double pooledErrorFactor, IReadOnlyList<SourceReliability> sources,
        IReadOnlyList<CopyEvidence> copies, ReliabilityModel? model)
    {
        Model = model;
        Questions = questions;
        Iterations = iterations;
        IsConverged = converged;
        PooledErrorFactor = pooledErrorFactor;
        Sources = sources;
        Copies = copies;
    }

    /// <summary>The questions it was learned from: those with claims on target from at least two sources. 0 when nothing could be
    /// learned (fewer than two such questions: one says nothing of a source that its own claims did not make), and then every weight
    /// is the prior.</summary>
    public int Questions { get; }

    /// <summary>Whether anything was learned.</summary>
    public bool IsLearned => Questions > 0;

    /// <summary>The rounds of re-estimating the errors and the consensus.</summary>
    public int Iterations { get; }

    /// <summary>Whether the consensus stopped moving (by 1e-6 on the log scale, on average over the questions) within 25 rounds.</summary>
    public bool IsConverged { get; }

    /// <summary>The typical source's error, as a factor (1 when nothing was learned): the median of the sources' own estimates, weighted
    /// by their claims, and the prior of each source.</summary>
    public double PooledErrorFactor { get; }

    /// <summary>Every source with a claim on target, by id.</summary>
    public IReadOnlyList<SourceReliability> Sources { get; }

    /// <summary>The pairs of sources found copying each other, the strongest evidence first.</summary>
    public IReadOnlyList<CopyEvidence> Copies { get; }

    /// <summary>A sentence on what was learned, or why nothing was.</summary>
    public string Explanation => IsLearned
        ? string.Create(CultureInfo.InvariantCulture,
            $"Reliability learned from {Questions} {(Questions == 1 ? "question" : "questions")} with claims from two sources or more, in {Iterations} rounds{(IsConverged ? string.Empty : " (stopped at the limit of rounds)")}; sources typically err by ×{NumberText.Significant(PooledErrorFactor)}; {Copies.Count} {(Copies.Count == 1 ? "pair" : "pairs")} of sources found copying{(Sources.Any(s => !s.IsLearned) ? $"; {Sources.Count(s => !s.IsLearned)} {(Sources.Count(s => !s.IsLearned) == 1 ? "source keeps" : "sources keep")} the prior, with too few shared questions to learn" : string.Empty)}.")
        : "Too few shared questions to learn reliability: a source's error is learned from at least 3 questions on which other sources speak too, so every weight is the prior.";

    /// <inheritdoc />
    public override string ToString() => Explanation;
}

/// <summary>What the dossier says of one source (see <see cref="ReliabilityReport"/>). Immutable.</summary>
public sealed class SourceReliability
{
    internal SourceReliability(Source source, int claimsUsed, double errorFactor, double errorFactorLow, double errorFactorHigh, double weightFactor,
        IReadOnlyList<CopyEvidence> copies)
    {
        Source = source;
        ClaimsUsed = claimsUsed;
        ErrorFactor = errorFactor;
        ErrorFactorLow = errorFactorLow;
        ErrorFactorHigh = errorFactorHigh;
        WeightFactor = weightFactor;
        Copies = copies;
    }

    /// <summary>Whether this source's error was learned: it needs claims on at least 3 questions on which other sources speak too.
    /// When false, the source keeps the prior (<see cref="ErrorFactor"/>, its interval and <see cref="WeightFactor"/> are 1) and the
    /// reports say "too few shared questions to learn".</summary>
    /// <value>True for a source learned from enough shared questions.</value>
    public bool IsLearned { get; internal init; } = true;

    /// <summary>The source.</summary>
    public Source Source { get; }

    /// <summary>Its claims on target in questions with another source: what its error is learned from (0: its error is the prior's).
    /// Several claims of the source on one question count as one observation in the estimate.</summary>
    public int ClaimsUsed { get; }

    /// <summary>How far its claims typically lie from the consensus beyond their stated width, as a factor: 1.3 reads "typically off
    /// by ×1.3". Its estimate with the prior, exp √((Σe² + ν₀σ₀²) / (n + ν₀)), n counting each question once.</summary>
    public double ErrorFactor { get; }

    /// <summary>The lower end of the 95 % interval of <see cref="ErrorFactor"/>: chi-squared with n + ν₀ degrees of freedom, the prior
    /// included, so that with few claims it is mostly the prior's.</summary>
    public double ErrorFactorLow { get; }

    /// <summary>The upper end of the 95 % confidence interval of <see cref="ErrorFactor"/>.</summary>
    public double ErrorFactorHigh { get; }

    /// <summary>How much its claims count against those of a source the dossier says nothing about (no claim to learn from), for
    /// claims of the same width: above 1, more; 1 for a source with no claim used.</summary>
    public double WeightFactor { get; }

    /// <summary>The sources it was found copying, or copied by.</summary>
    public IReadOnlyList<CopyEvidence> Copies { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Source.Id}: typically off by ×{NumberText.Significant(ErrorFactor)} (×{NumberText.Significant(ErrorFactorLow)}–×{NumberText.Significant(ErrorFactorHigh)}), {ClaimsUsed} {(ClaimsUsed == 1 ? "claim" : "claims")}, weight ×{NumberText.Significant(WeightFactor)}{(Copies.Count > 0 ? ", copies " + string.Join(", ", Copies.Select(c => c.Other(Source).Id)) : string.Empty)}");
}

/// <summary>The evidence that two sources copy each other (see <see cref="ReliabilityReport"/>). Immutable.</summary>
public sealed class CopyEvidence
{
    internal CopyEvidence(Source first, Source second, int sharedValues, int sharedErrors, int commonQuestions, double pValue)
    {
        First = first;
        Second = second;
        SharedValues = sharedValues;
        SharedErrors = sharedErrors;
        CommonQuestions = commonQuestions;
        PValue = pValue;
    }

    /// <summary>One source of the pair (the first by id).</summary>
    public Source First { get; }

    /// <summary>The other.</summary>
    public Source Second { get; }

    /// <summary>The questions where both give the identical specific figure.</summary>
    public int SharedValues { get; }

    /// <summary>Of those, the ones where the shared figure is off the consensus: errors that only copying explains.</summary>
    public int SharedErrors { get; }

    /// <summary>The questions both have claims on.</summary>
    public int CommonQuestions { get; }

    /// <summary>The chance of sharing that many errors or more by coincidence (binomial, at the rate of all pairs).</summary>
    public double PValue { get; }

    /// <summary>The source of the pair that is not <paramref name="source"/>.</summary>
    /// <param name="source">One of the pair.</param>
    /// <returns>The other.</returns>
    public Source Other(Source source) => Guard.NotNull(source).Id == First.Id ? Second : First;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{First.Id} and {Second.Id}: {SharedValues} identical figures ({SharedErrors} of them off the consensus) on {CommonQuestions} common {(CommonQuestions == 1 ? "question" : "questions")}, p = {NumberText.Significant(PValue)}");
}
