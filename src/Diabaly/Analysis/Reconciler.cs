using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>Reconciles the claims of a dossier: ranges, agreement, conflicts, camps, consensus by every method, sensitivity, flags and a summary.</summary>
/// <example><code>
/// ReconciliationReport report = Reconciler.Reconcile(Dossier.Load("diabaly.yaml"));
/// QuestionReport fighters = report["islamist-fighters"];
/// Console.WriteLine($"{fighters.Consensus.Low}–{fighters.Consensus.High}, best {fighters.Consensus.Best}");
/// </code></example>
/// <remarks>
/// <para>Counts err by factors, not by fixed amounts, so the analyses work on the natural-log scale; values below
/// <see cref="ReconcileOptions.ZeroFloor"/> are treated as that floor there, and an estimate exactly at it is reported as 0.</para>
/// <para>The result does not depend on the order of the claims: they are taken in id order, and ties are broken by id.</para>
/// <para>Strata: the claims of a question are grouped by their time and scope labels (<see cref="Claim.AsOf"/>, <see cref="Claim.Scope"/>).
/// The headline stratum is the question's <see cref="Question.Target"/>, or the one chosen by the documented rule (see
/// <see cref="QuestionReport.TargetReason"/>); only its claims make the headline consensus, agreement, camps, sensitivity and summary.
/// Every other stratum gets its own consensus by the headline method. Claims of related strata (<see cref="Dossier.Relations"/>;
/// <see cref="Question.Cumulative"/>) bound each other: a containing scope or a later cumulative count bounds from above, and a claim
/// wholly beyond such a bound, by more than <see cref="ReconcileOptions.Tolerance"/>, is a conflict of kind
/// <see cref="ConflictKind.ExceedsBound"/>. Claims of unrelated strata are never compared.</para>
/// <para>Edge cases: a question with no claims, or none on its declared target, gets empty estimates (whose numbers are null) and a
/// <see cref="FlagKind.NoClaims"/> or <see cref="FlagKind.NoClaimsOnTarget"/> flag, never NaN; one claim is its own consensus with no
/// conflict; identical claims give no conflict; only open-ended claims are read over their documented tail
/// (<see cref="ReconcileOptions.OpenTailFactor"/>), and what that tail assumes is marked as assumed.</para>
/// </remarks>
public static class Reconciler
{
    /// <summary>Reconciles every question of a dossier with the default options.</summary>
    /// <param name="dossier">The dossier.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dossier"/> is null.</exception>
    public static ReconciliationReport Reconcile(Dossier dossier) => Reconcile(dossier, null, null);

    /// <summary>Reconciles every question of a dossier, learning the sources' reliability from it.</summary>
    /// <param name="dossier">The dossier.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dossier"/> is null.</exception>
    public static ReconciliationReport Reconcile(Dossier dossier, ReconcileOptions? options) => Reconcile(dossier, options, null);

    /// <summary>Reconciles every question of a dossier, weighing <see cref="ConsensusMethod.Learned"/> by a reliability learned
    /// elsewhere (another dossier, a claim table, a saved <see cref="ReliabilityReport"/>), or learned from this dossier when null.</summary>
    /// <param name="dossier">The dossier.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <param name="reliability">What is known of the sources, by source id (a source it does not know weighs as the typical
    /// source); null to learn it from <paramref name="dossier"/>, as <see cref="Learn(Dossier)"/> does.</param>
    /// <returns>The report; its <see cref="ReconciliationReport.Reliability"/> is the reliability used.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dossier"/> is null.</exception>
    public static ReconciliationReport Reconcile(Dossier dossier, ReconcileOptions? options, ReliabilityReport? reliability)
    {
        Guard.NotNull(dossier);
        ReconcileOptions o = options ?? ReconcileOptions.Default;
        var prepared = Prepare(dossier, o, CancellationToken.None);

        // Reliability is learned once, from every question's claims on target, before any question is analysed.
        reliability ??= ReliabilityLearner.Learn(prepared.Select(p => (p.Question.Id, p.Prepared.OnTarget.Select(LearningClaim.Of).ToList())).ToList(), o.Threads);
        var questions = prepared.Select(p => QuestionAnalysis.Analyze(p.Question, p.Prepared, o, reliability.Model)).ToList();
        return new ReconciliationReport(dossier, o, ReadOnly.List(questions), reliability);
    }

    private static List<(Question Question, QuestionAnalysis.Prepared Prepared)> Prepare(Dossier dossier, ReconcileOptions o, CancellationToken cancellationToken)
    {
        var byQuestion = dossier.Claims.ToLookup(c => c.Question.Id, StringComparer.Ordinal);
        var prepared = new List<(Question, QuestionAnalysis.Prepared)>(dossier.Questions.Count);
        foreach (Question q in dossier.Questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            prepared.Add((q, QuestionAnalysis.Prepare(q, byQuestion[q.Id].ToList(), o, dossier.Relations)));
        }

        return prepared;
    }

    /// <summary>Reconciles the claims on one question with the default options, its scopes and times unrelated.</summary>
    /// <param name="question">The question.</param>
    /// <param name="claims">The claims; all about <paramref name="question"/>.</param>
    /// <returns>The report on the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> or <paramref name="claims"/> is null.</exception>
    /// <exception cref="ArgumentException">A claim is about another question, or two claims share an id.</exception>
    public static QuestionReport ReconcileQuestion(Question question, IEnumerable<Claim> claims) => ReconcileQuestion(question, claims, null, null);

    /// <summary>Reconciles the claims on one question. <see cref="ConsensusMethod.Learned"/> has nothing to learn from one
    /// question: it weighs the claims by their prior weights.</summary>
    /// <param name="question">The question.</param>
    /// <param name="claims">The claims; all about <paramref name="question"/>.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <param name="relations">How scopes and times relate; null for <see cref="StratumRelations.None"/>.</param>
    /// <returns>The report on the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> or <paramref name="claims"/> is null.</exception>
    /// <exception cref="ArgumentException">A claim is about another question, or two claims share an id.</exception>
    public static QuestionReport ReconcileQuestion(Question question, IEnumerable<Claim> claims, ReconcileOptions? options, StratumRelations? relations)
    {
        Guard.NotNull(question);
        IReadOnlyList<Claim> list = QuestionClaims.Checked(question, claims);
        return QuestionAnalysis.Analyze(question, list, options ?? ReconcileOptions.Default, relations ?? StratumRelations.None);
    }

    /// <summary>Reconciles questions as they stream in with the default options, on every core; see
    /// <see cref="ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/>.</summary>
    /// <param name="questions">The questions with their claims.</param>
    /// <returns>The reports, lazily, in the order of the questions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> is null.</exception>
    public static IEnumerable<QuestionReport> ReconcileStream(IEnumerable<QuestionClaims> questions) => ReconcileStream(questions, null, null);

    /// <summary>
    /// Reconciles questions as they stream in (from a <see cref="ClaimTableReader"/>, a database, any <see cref="QuestionClaims"/>),
    /// <see cref="ReconcileOptions.MaxDegreeOfParallelism"/> at once, and gives their reports lazily in the order of the questions:
    /// each report is the one <see cref="ReconcileQuestion(Question, IEnumerable{Claim}, ReconcileOptions?, StratumRelations?)"/> gives
    /// for the question, its claims and its <see cref="QuestionClaims.Relations"/>, number for number, whatever the parallelism, with
    /// <see cref="ConsensusMethod.Learned"/> weighed by <paramref name="reliability"/>. Questions are taken in batches (256 questions
    /// or 65,536 claims), so that memory holds a batch, not the table.
    /// </summary>
    /// <param name="questions">The questions with their claims.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <param name="reliability">What <see cref="Learn(IEnumerable{QuestionClaims}, ReconcileOptions?, CancellationToken)"/> learned
    /// (a first pass over the same questions gives the reports <see cref="Reconcile(Dossier, ReconcileOptions?)"/> gives for them), or a
    /// saved one; null when nothing is known of the sources, and then <see cref="ConsensusMethod.Learned"/> uses their prior weights.</param>
    /// <returns>The reports, lazily, in the order of the questions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> is null.</exception>
    /// <exception cref="ArgumentException">The headline method is <see cref="ConsensusMethod.Learned"/> and
    /// <paramref name="reliability"/> is null: a stream cannot learn and reconcile in one pass, and falling back to the priors in
    /// silence would give a headline that is not what was asked.</exception>
    public static IEnumerable<QuestionReport> ReconcileStream(IEnumerable<QuestionClaims> questions, ReconcileOptions? options, ReliabilityReport? reliability)
    {
        Guard.NotNull(questions);
        ReconcileOptions o = options ?? ReconcileOptions.Default;
        RefuseLearnedWithout(o, reliability);
        return Stream(questions, o, o.Threads, reliability?.Model);
    }

    /// <summary>
    /// <see cref="ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/> for a results row: every
    /// number the same, to the last bit, without the claims' reasons and the estimates' explanations, which a row does not show
    /// (<see cref="ResultTable.Write(IEnumerable{QuestionClaims}, TextWriter, ResultTableFormat, ReconcileOptions?, ReliabilityReport?)"/>).
    /// </summary>
    internal static IEnumerable<QuestionReport> ReconcileFigures(IEnumerable<QuestionClaims> questions, ReconcileOptions? options, ReliabilityReport? reliability)
    {
        Guard.NotNull(questions);
        ReconcileOptions o = options ?? ReconcileOptions.Default;
        RefuseLearnedWithout(o, reliability);
        ReliabilityModel? model = reliability?.Model;
        return Stream(questions, o.Threads,
            q => QuestionAnalysis.Analyze(q.Question, QuestionAnalysis.Prepare(q.Question, q.Claims, o, q.Relations, explain: false), o, model, explain: false));
    }

    private static void RefuseLearnedWithout(ReconcileOptions o, ReliabilityReport? reliability)
    {
        if (o.Method == ConsensusMethod.Learned && reliability is null)
        {
            throw new ArgumentException("The headline method is Learned, but no reliability was given: learn it first (Reconciler.Learn over the same " +
                "questions, or load a saved ReliabilityReport) and pass it, or choose another method.", nameof(reliability));
        }
    }

    /// <summary>Learns each source's reliability from a dossier with the default options: what <see cref="Reconcile(Dossier)"/>
    /// learns, to apply to another dossier or a stream, or to save.</summary>
    /// <param name="dossier">The dossier.</param>
    /// <returns>What its questions say of each source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dossier"/> is null.</exception>
    public static ReliabilityReport Learn(Dossier dossier) => Learn(dossier, null, CancellationToken.None);

    /// <summary>Learns each source's reliability from a dossier: what <see cref="Reconcile(Dossier, ReconcileOptions?)"/> learns.</summary>
    /// <param name="dossier">The dossier.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the reading of the claims, before each question, and the learning, before each round.</param>
    /// <returns>What its questions say of each source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dossier"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ReliabilityReport Learn(Dossier dossier, ReconcileOptions? options, CancellationToken cancellationToken)
    {
        Guard.NotNull(dossier);
        var prepared = Prepare(dossier, options ?? ReconcileOptions.Default, cancellationToken);
        return ReliabilityLearner.Learn(prepared.Select(p => (p.Question.Id, p.Prepared.OnTarget.Select(LearningClaim.Of).ToList())).ToList(), (options ?? ReconcileOptions.Default).Threads, cancellationToken);
    }

    /// <summary>Learns each source's reliability from questions as they stream in, with the default options; see
    /// <see cref="Learn(IEnumerable{QuestionClaims}, ReconcileOptions?, CancellationToken)"/>.</summary>
    /// <param name="questions">The questions with their claims.</param>
    /// <returns>What the questions say of each source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> is null.</exception>
    public static ReliabilityReport Learn(IEnumerable<QuestionClaims> questions) => Learn(questions, null, CancellationToken.None);

    /// <summary>
    /// Learns each source's reliability from questions as they stream in (a first pass over a claim table), for
    /// <see cref="ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/> to weigh a second pass by: the
    /// same learning <see cref="Reconcile(Dossier, ReconcileOptions?)"/> does over a dossier's questions, so that the two give the same
    /// reports. It keeps a few numbers per claim in memory (about 100 bytes), not the claims' readings.
    /// </summary>
    /// <param name="questions">The questions with their claims.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked before the reading starts, before each question is prepared, and before each round of the learning.</param>
    /// <returns>What the questions say of each source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ReliabilityReport Learn(IEnumerable<QuestionClaims> questions, ReconcileOptions? options, CancellationToken cancellationToken)
    {
        Guard.NotNull(questions);
        ReconcileOptions o = options ?? ReconcileOptions.Default;
        // Each question is read and dropped: memory keeps what learning needs of each claim, not its reading. The questions are
        // read in batches, the next while the last is prepared on every core (the order is kept, though learning does not depend on
        // it), and the rounds of learning share the questions among the cores too.
        var onTarget = new List<(string, List<LearningClaim>)>();
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var question in Stream(questions, o.Threads,
                     q => (q.Question.Id, QuestionAnalysis.Prepare(q.Question, q.Claims, o, q.Relations, explain: false).OnTarget.Select(LearningClaim.Of).ToList()),
                     cancellationToken))
        {
            onTarget.Add(question);
        }

        return ReliabilityLearner.Learn(onTarget, o.Threads, cancellationToken);
    }

    private static IEnumerable<QuestionReport> Stream(IEnumerable<QuestionClaims> questions, ReconcileOptions o, int threads, ReliabilityModel? model)
        => Stream(questions, threads, q => QuestionAnalysis.Analyze(q.Question, q.Claims, o, q.Relations, model));

    /// <summary>Each question's <paramref name="work"/>, in the order of the questions, on up to <paramref name="threads"/> cores while
    /// the next batch is read: what reconciling a table (a report per question) and learning from it (the figures per question) share.</summary>
    private static IEnumerable<T> Stream<T>(IEnumerable<QuestionClaims> questions, int threads, Func<QuestionClaims, T> work, CancellationToken cancellationToken = default)
    {
        if (threads == 1)
        {
            foreach (List<QuestionClaims> batch in Batches(questions))
            {
                foreach (T r in Analyze(batch, threads, work, cancellationToken))
                {
                    yield return r;
                }
            }

            yield break;
        }

        // With more than one thread, the next batch is read while this one is reconciled: reading (the grammar, for values in words)
        // is serial, and would otherwise leave the other cores idle. At most two batches wait. The questions are enumerated on the
        // reading task alone, and a failure there is raised here, in order, after the batches read before it.
        using var ready = new BlockingCollection<List<QuestionClaims>>(boundedCapacity: 2);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        Task reading = Task.Run(() =>
        {
            try
            {
                foreach (List<QuestionClaims> batch in Batches(questions))
                {
                    ready.Add(batch, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped early.
            }
#pragma warning disable CA1031 // Any failure of the reading is the caller's, and is rethrown on its thread below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                ready.CompleteAdding();
            }
        }, CancellationToken.None); // it stops by "stop", once the caller has left

        try
        {
            foreach (List<QuestionClaims> batch in ready.GetConsumingEnumerable(cancellationToken))
            {
                foreach (T r in Analyze(batch, threads, work, cancellationToken))
                {
                    yield return r;
                }
            }

            reading.Wait(CancellationToken.None);
            failure?.Throw();
        }
        finally
        {
            // Stopped early or failed: the reading task must not touch the questions (a reader the caller is about to dispose) after this.
            stop.Cancel();
            while (ready.TryTake(out _))
            {
            }

            reading.Wait(CancellationToken.None); // the reading task must be done before the caller disposes its reader
        }
    }

    /// <summary>Batches of at most 256 questions or 65,536 claims, whichever comes first: enough work to share among the threads,
    /// little enough memory to hold.</summary>
    private static IEnumerable<List<QuestionClaims>> Batches(IEnumerable<QuestionClaims> questions)
    {
        var batch = new List<QuestionClaims>();
        long claims = 0;
        foreach (QuestionClaims q in questions)
        {
            batch.Add(q);
            claims += q.Claims.Count;
            if (batch.Count >= 256 || claims >= 65_536)
            {
                yield return batch;
                batch = [];
                claims = 0;
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static T[] Analyze<T>(List<QuestionClaims> batch, int threads, Func<QuestionClaims, T> work, CancellationToken cancellationToken)
    {
        var results = new T[batch.Count];
        if (threads == 1 || batch.Count < 2)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[i] = work(batch[i]);
            }

            return results;
        }

        // Cancelled, Parallel.For stops between questions and throws OperationCanceledException itself (not wrapped).
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i => results[i] = work(batch[i]));
        return results;
    }
}
