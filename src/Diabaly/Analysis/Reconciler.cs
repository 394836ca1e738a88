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
/// <para>Edge cases: a question with no claims, or none on its declared target, gets empty estimates (whose bounds throw) and a
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
    public static ReconciliationReport Reconcile(Dossier dossier) => Reconcile(dossier, ReconcileOptions.Default);

    /// <summary>Reconciles every question of a dossier.</summary>
    /// <param name="dossier">The dossier.</param>
    /// <param name="options">The options.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReconciliationReport Reconcile(Dossier dossier, ReconcileOptions options)
    {
        Guard.NotNull(dossier);
        Guard.NotNull(options);
        var byQuestion = dossier.Claims.ToLookup(c => c.Question.Id, StringComparer.Ordinal);
        var prepared = dossier.Questions.Select(q => (Question: q, Prepared: QuestionAnalysis.Prepare(q, byQuestion[q.Id].ToList(), options, dossier.Relations))).ToList();

        // Reliability is learned once, from every question's claims on target, before any question is analysed.
        ReliabilityReport reliability = ReliabilityLearner.Learn(prepared.Select(p => (p.Question.Id, p.Prepared.OnTarget.Select(LearningClaim.Of).ToList())).ToList());
        var questions = prepared.Select(p => QuestionAnalysis.Analyze(p.Question, p.Prepared, options, reliability.Model)).ToList();
        return new ReconciliationReport(dossier, options, ReadOnly.List(questions), reliability);
    }

    /// <summary>Reconciles the claims on one question.</summary>
    /// <param name="question">The question.</param>
    /// <param name="claims">The claims; all about <paramref name="question"/>.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <param name="relations">How scopes and times relate; null for <see cref="StratumRelations.None"/>.</param>
    /// <returns>The report on the question.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> or <paramref name="claims"/> is null.</exception>
    /// <exception cref="ArgumentException">A claim is about another question, or two claims share an id.</exception>
    public static QuestionReport Reconcile(Question question, IEnumerable<Claim> claims, ReconcileOptions? options = null, StratumRelations? relations = null)
    {
        Guard.NotNull(question);
        var list = ClaimNames.NameUnnamed([.. Guard.NotNull(claims).Select(c => Guard.NotNull(c))]).ToList();
        if (list.FirstOrDefault(c => c.Question.Id != question.Id) is { } other)
        {
            throw new ArgumentException($"Claim '{other.Id}' is about question '{other.Question.Id}', not '{question.Id}'.", nameof(claims));
        }

        if (list.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new ArgumentException($"Two claims share the id '{dup.Key}'.", nameof(claims));
        }

        return QuestionAnalysis.Analyze(question, list, options ?? ReconcileOptions.Default, relations ?? StratumRelations.None);
    }

    /// <summary>Reconciles questions as they stream in (from a <see cref="ClaimTableReader"/>, say) with the default options, on every
    /// core; see <see cref="Reconcile(IEnumerable{QuestionClaims}, ReconcileOptions, int)"/>.</summary>
    /// <param name="questions">The questions with their claims.</param>
    /// <returns>The reports, lazily, in the order of the questions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> is null.</exception>
    public static IEnumerable<QuestionReport> Reconcile(IEnumerable<QuestionClaims> questions) => Reconcile(questions, ReconcileOptions.Default, Environment.ProcessorCount);

    /// <summary>
    /// Reconciles questions as they stream in (from a <see cref="ClaimTableReader"/>, say), several at once, and gives their reports
    /// in the order of the questions: each report is the one <see cref="Reconcile(Question, IEnumerable{Claim}, ReconcileOptions?, StratumRelations?)"/>
    /// gives for the question, its claims and its <see cref="QuestionClaims.Relations"/>, number for number, whatever the number of
    /// threads. Questions are taken in batches (256 questions or 65,536 claims), so that memory holds a batch, not the table.
    /// </summary>
    /// <param name="questions">The questions with their claims; the claims of a question have distinct ids.</param>
    /// <param name="options">The options.</param>
    /// <param name="threads">How many questions are reconciled at once; <see cref="Environment.ProcessorCount"/> uses every core.</param>
    /// <returns>The reports, lazily, in the order of the questions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static IEnumerable<QuestionReport> Reconcile(IEnumerable<QuestionClaims> questions, ReconcileOptions options, int threads)
    {
        Guard.NotNull(questions);
        Guard.NotNull(options);
        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread.");
        }

        return Stream(questions, options, threads, null);
    }

    /// <summary>
    /// Learns each source's reliability from questions as they stream in (a first pass over a claim table), for
    /// <see cref="ReconcileLearned"/> to weigh a second pass by: the
    /// same learning <see cref="Reconcile(Dossier, ReconcileOptions)"/> does over a dossier's questions, so that the two give the same
    /// reports. It keeps a few numbers per claim in memory (about 100 bytes), not the claims' readings.
    /// </summary>
    /// <param name="questions">The questions with their claims.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <returns>What the questions say of each source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> is null.</exception>
    public static ReliabilityReport Learn(IEnumerable<QuestionClaims> questions, ReconcileOptions? options = null)
    {
        Guard.NotNull(questions);
        ReconcileOptions o = options ?? ReconcileOptions.Default;
        // Each question is read and dropped: memory keeps what learning needs of each claim, not its reading. The questions are
        // read in batches, each batch on every core (the order is kept, though learning does not depend on it).
        var onTarget = new List<(string, List<LearningClaim>)>();
        foreach (QuestionClaims[] batch in questions.Chunk(256))
        {
            onTarget.AddRange(batch.AsParallel().AsOrdered()
                .Select(q => (q.Question.Id, QuestionAnalysis.Prepare(q.Question, q.Claims, o, q.Relations).OnTarget.Select(LearningClaim.Of).ToList())));
        }

        return ReliabilityLearner.Learn(onTarget);
    }

    /// <summary>As <see cref="Reconcile(IEnumerable{QuestionClaims}, ReconcileOptions, int)"/>, with <see cref="ConsensusMethod.Learned"/>
    /// weighing the claims by what <see cref="Learn"/> learned: for the same claims, the reports
    /// <see cref="Reconcile(Dossier, ReconcileOptions)"/> gives.</summary>
    /// <param name="questions">The questions with their claims.</param>
    /// <param name="options">The options.</param>
    /// <param name="threads">How many questions are reconciled at once.</param>
    /// <param name="reliability">What <see cref="Learn"/> learned.</param>
    /// <returns>The reports, lazily, in the order of the questions.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public static IEnumerable<QuestionReport> ReconcileLearned(IEnumerable<QuestionClaims> questions, ReliabilityReport reliability, ReconcileOptions options, int threads)
    {
        Guard.NotNull(questions);
        Guard.NotNull(options);
        Guard.NotNull(reliability);
        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread.");
        }

        return Stream(questions, options, threads, reliability.Model);
    }

    private static IEnumerable<QuestionReport> Stream(IEnumerable<QuestionClaims> questions, ReconcileOptions o, int threads, ReliabilityModel? model)
    {
        if (threads == 1)
        {
            foreach (List<QuestionClaims> batch in Batches(questions))
            {
                foreach (QuestionReport r in Analyze(batch, o, threads, model))
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
        });

        try
        {
            foreach (List<QuestionClaims> batch in ready.GetConsumingEnumerable())
            {
                foreach (QuestionReport r in Analyze(batch, o, threads, model))
                {
                    yield return r;
                }
            }

            reading.Wait();
            failure?.Throw();
        }
        finally
        {
            // Stopped early or failed: the reading task must not touch the questions (a reader the caller is about to dispose) after this.
            stop.Cancel();
            while (ready.TryTake(out _))
            {
            }

            reading.Wait();
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

    private static QuestionReport[] Analyze(List<QuestionClaims> batch, ReconcileOptions o, int threads, ReliabilityModel? model)
    {
        var reports = new QuestionReport[batch.Count];
        if (threads == 1 || batch.Count < 2)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                reports[i] = QuestionAnalysis.Analyze(batch[i].Question, batch[i].Claims, o, batch[i].Relations, model);
            }

            return reports;
        }

        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => reports[i] = QuestionAnalysis.Analyze(batch[i].Question, batch[i].Claims, o, batch[i].Relations, model));
        return reports;
    }
}
