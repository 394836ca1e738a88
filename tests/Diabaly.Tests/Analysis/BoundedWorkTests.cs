using System.Globalization;
using System.Text;

namespace Diabaly.Tests.Analysis;

/// <summary>Inputs built to make the work grow with pairs (of claims, of strata, of labels): each finishes well within the minute a
/// test allows, and gives a report in proportion to its claims. These guard against a return of quadratic work; timings belong in
/// the benchmarks.</summary>
public class BoundedWorkTests
{
    private static async Task<T> Within<T>(int seconds, Func<T> work)
    {
        CancellationToken token = TestContext.Current.CancellationToken;
        Task<T> task = Task.Run(work, token);
        (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds), token))).Should().BeSameAs(task, "the work is bounded");
        return await task;
    }

    private static string Claims(int n, Func<int, string> claim)
    {
        var yaml = new StringBuilder("title: T\nsources:\n  a: {name: A}\nquestions:\n  q: {subject: S, unit: u, cumulative: true}\nclaims:\n");
        for (int i = 0; i < n; i++)
        {
            yaml.Append("  - ").Append(claim(i)).Append('\n');
        }

        return yaml.ToString();
    }

    [Fact]
    public async Task AHundredThousandIdenticalUnnamedClaims_AreReadInLinearTime()
    {
        Dossier d = await Within(60, () => Dossier.Parse(Claims(100_000, _ => "{source: a, question: q, value: 5}")));
        d.Claims.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task AThousandDaysOfACumulativeCount_GiveAReportInProportionToTheClaims()
    {
        // Every pair of days is related (a later count bounds an earlier one): a million pairs of strata.
        string yaml = Claims(1_000, i => string.Create(CultureInfo.InvariantCulture, $"{{source: a, question: q, value: {1000 - i}, as-of: {new DateTime(2000, 1, 1).AddDays(i):yyyy-MM-dd}}}"));
        var (report, json) = await Within(60, () =>
        {
            ReconciliationReport r = Reconciler.Reconcile(Dossier.Parse(yaml));
            return (r, ReportWriter.ToJson(r));
        });
        json.Length.Should().BeLessThan(20_000_000);
        QuestionReport q = report["q"];
        q.Strata.Skip(1).Should().OnlyContain(s => s.Bounds.Count <= 2 && s.Conflicts.Count <= 1);
        q.Strata.Sum(s => (long)s.BoundCount).Should().BeGreaterThan(q.Strata.Sum(s => (long)s.Bounds.Count), "every bound is counted, listed or not");
    }

    [Fact]
    public async Task TwentyThousandEquallyHeavyScopes_ChooseAHeadlineQuickly()
    {
        var q = new Question("q") { Subject = "S", Unit = "u" };
        var sources = Enumerable.Range(0, 20_000).Select(i => new Source("s" + i.ToString(CultureInfo.InvariantCulture), "S")).ToArray();
        var d = new Dossier("T", sources, [q], sources.Select((s, i) => new Claim("c" + i.ToString(CultureInfo.InvariantCulture), q, s, Quantity.Exact(i + 1))
        {
            AsOf = "day", Scope = "scope " + i.ToString(CultureInfo.InvariantCulture),
        }));
        QuestionReport r = await Within(60, () => Reconciler.Reconcile(d)["q"]);
        r.Target.AsOf.Should().Be("day");
        r.Flags.Should().Contain(f => f.Kind == FlagKind.WorkLimited);
    }

    [Fact]
    public async Task AChainOfFiveThousandScopes_IsPaidFromTheBudget()
    {
        var within = Enumerable.Range(0, 4_999).ToDictionary(i => "s" + i.ToString(CultureInfo.InvariantCulture), i => (IReadOnlyList<string>)["s" + (i + 1).ToString(CultureInfo.InvariantCulture)]);
        var q = new Question("q") { Subject = "S", Unit = "u", Target = new Stratum { Scope = "s0" } };
        var source = new Source("a", "A");
        var d = new Dossier("T", [source], [q], Enumerable.Range(0, 5_000).Select(i => new Claim("c" + i.ToString(CultureInfo.InvariantCulture), q, source, Quantity.Exact(i + 1))
        {
            Scope = "s" + i.ToString(CultureInfo.InvariantCulture),
        }))
        {
            Relations = new StratumRelations { Within = within },
        };
        QuestionReport r = await Within(60, () => Reconciler.Reconcile(d)["q"]);
        r.Bounds.Should().NotBeEmpty();
        r.PairsNotCompared.Should().BeGreaterThan(0);
    }

    [Fact]
    public void LowerBounds_AreListed_HoweverManyUpperBoundsThereAre()
    {
        // Five containing claims bound the target from above, one contained claim from below; only two of each may be listed.
        var q = new Question("q") { Subject = "S", Unit = "u", Target = new Stratum { Scope = "assault" } };
        var s = new Source("a", "A");
        var claims = Enumerable.Range(0, 5).Select(i => new Claim("up" + i, q, s, Quantity.Exact(1000 + i)) { Scope = "area" })
            .Append(new Claim("t", q, s, Quantity.Exact(10)) { Scope = "assault" })
            .Append(new Claim("low", q, s, Quantity.Exact(30)) { Scope = "camp" });
        var d = new Dossier("T", [s], [q], claims)
        {
            Relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["assault"] = ["area"], ["camp"] = ["assault"] } },
        };
        QuestionReport r = Reconciler.Reconcile(d, new ReconcileOptions { MaxListedPairs = 2, WidenRoundNumbers = false })["q"];
        r.Bounds.Where(b => b.Direction == BoundDirection.Upper).Select(b => b.Value).Should().Equal(1000, 1001);
        r.Bounds.Should().ContainSingle(b => b.Direction == BoundDirection.Lower).Which.Value.Should().Be(30);
        r.Strata[0].BoundCount.Should().Be(6);
        r.Flags.Should().ContainSingle(f => f.Kind == FlagKind.OutsideBounds).Which.Message.Should().StartWith("Below a bound");
    }

    [Fact]
    public void PairsApartBelowTheZeroFloor_AreListed_AsTheyAreCounted()
    {
        // 32 zeros and 32 claims of 0.1–0.2: 1,024 pairs apart, all at a factor of 1 (below the floor of 0.5), more than the list holds.
        Quantity[] values = [.. Enumerable.Repeat(Quantity.Exact(0), 32), .. Enumerable.Repeat(Quantity.Between(0.1, 0.2), 32)];
        var q = new Question("q") { Subject = "S", Unit = "u", Measure = Measure.Amount };
        var sources = values.Select((_, i) => new Source("s" + i.ToString(CultureInfo.InvariantCulture), "S")).ToArray();
        var d = new Dossier("T", sources, [q], values.Select((v, i) => new Claim("c" + i.ToString(CultureInfo.InvariantCulture), q, sources[i], v)));
        QuestionReport r = Reconciler.Reconcile(d)["q"];
        r.Strata[0].ConflictCounts[ConflictKind.WithinTolerance].Should().Be(1024);
        r.Conflicts.Should().HaveCount(1000).And.OnlyContain(c => c.Kind == ConflictKind.WithinTolerance && c.Factor == 1);
    }
}
