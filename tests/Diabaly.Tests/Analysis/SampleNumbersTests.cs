using System.Text.RegularExpressions;
using Diabaly.Internal;

namespace Diabaly.Tests.Analysis;

/// <summary>The sample dossiers read as an analyst would publish them: every figure as its source stated it, and no count with a
/// fraction anywhere a person reads a number of things.</summary>
public partial class SampleNumbersTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "dossiers");

    public static TheoryData<string> Dossiers => new() { "diabaly.yaml", "pension-marches-2023.yaml", "haiti-earthquake-2010.yaml" };

    private static ReconciliationReport Reconcile(string name) => Reconciler.Reconcile(Dossier.Load(Path.Combine(Samples, name)));

    [Theory]
    [MemberData(nameof(Dossiers))]
    public void EveryStatedFigure_IsPrintedAsStated_InTheMarkdownAndHtmlReports(string name)
    {
        ReconciliationReport r = Reconcile(name);
        string markdown = ReportWriter.ToMarkdown(r), html = ReportWriter.ToHtml(r);
        foreach (AssessedClaim a in r.Questions.SelectMany(q => q.Claims))
        {
            // Each figure as stated: in digits, or in the source's own words beside it ("more than 2.5 million").
            string words = a.Claim.Value.Text ?? string.Empty;
            foreach (string x in Figures.Stated(a.Claim.Value).Select(NumberText.Format))
            {
                (markdown.Contains(x, StringComparison.Ordinal) || markdown.Contains(words, StringComparison.Ordinal)).Should().BeTrue($"{a.Claim.Id}: {x}");
                (html.Contains(x, StringComparison.Ordinal) || html.Contains(System.Net.WebUtility.HtmlEncode(words), StringComparison.Ordinal)).Should().BeTrue($"{a.Claim.Id}: {x}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Dossiers))]
    public void NoCount_HasAFraction_WhereAPersonReadsIt(string name)
    {
        ReconciliationReport r = Reconcile(name);
        foreach (QuestionReport q in r.Questions.Where(q => q.Question.Measure == Measure.Count))
        {
            foreach (AssessedClaim a in q.Claims)
            {
                Fraction().IsMatch(ReportWriter.FormatClaim(a)).Should().BeFalse($"{a.Claim.Id}: {ReportWriter.FormatClaim(a)}");
                Fraction().IsMatch(ReportWriter.FormatInterval(a)).Should().BeFalse(a.Claim.Id);
            }

            foreach (Consensus c in q.Estimates.Values.Concat(q.Strata.Select(s => s.Consensus)).Where(c => !c.IsEmpty))
            {
                Fraction().IsMatch(ReportWriter.FormatConsensus(c)).Should().BeFalse($"{q.Question.Id}: {ReportWriter.FormatConsensus(c)}");
            }

            q.Bounds.Select(ReportWriter.FormatBound).Should().NotContain(t => Fraction().IsMatch(t), q.Question.Id);
            q.Camps.Select(ReportWriter.FormatCamp).Should().NotContain(t => Fraction().IsMatch(t), q.Question.Id);
            string headline = q.Summary.Split(". ").FirstOrDefault(s => s.Contains(" puts the number at ", StringComparison.Ordinal) || s.Contains(" gives ", StringComparison.Ordinal) || s.Contains(" give ", StringComparison.Ordinal) || s.Contains(" is assumed)", StringComparison.Ordinal)) ?? string.Empty;
            Fraction().IsMatch(headline).Should().BeFalse($"{q.Question.Id}: {headline}");
        }
    }

    [Fact]
    public void Haiti_NamesEveryFigureAsItsSourceStatedIt()
    {
        QuestionReport q = Reconcile("haiti-earthquake-2010.yaml")["deaths"];
        q.Question.Cumulative.Should().BeTrue();
        q.Target.Should().Be(new Stratum { AsOf = "final toll", Scope = "Haiti" });

        // The household survey's figure with its interval, and the government's anniversary figure, as stated.
        q.Summary.Should().Contain("more than 316,000").And.NotContain("316,001");
        string markdown = ReportWriter.ToMarkdown(Reconcile("haiti-earthquake-2010.yaml"));
        markdown.Should().Contain("158,679").And.Contain("136,813–180,545").And.Contain("46,190–84,961").And.Contain("222,517");
        ReportText.Stated(q).Should().Be("46,190 to more than 316,000");

        // The government's and the UN's counts of February 2010 bound the final toll from below, and the surveys that put it far
        // lower fall below them: the report says so instead of pooling them away.
        q.Bounds.Should().Contain(b => b.Direction == BoundDirection.Lower && b.Value == 225_000 && b.ExceededCount > 0);
        q.Summary.Should().Contain("below the bound of at least 225,000");
    }

    [Fact]
    public void Maria_AFactCheckerCanQuoteTheHeadline()
    {
        // The dossier a fact-checker wrote from the docs: GWU's 2,975 (2,658–3,290), adopted as the official toll, is the only claim
        // on the target window; the official 64, CNN's 499, the Times' 1,052, Penn State's 1,139 and Harvard's 4,645 (793–8,498) count
        // earlier windows, so they are lower bounds. Every figure is printed as stated: never 2,970, 2,660 or 2,974.9999999999986.
        ReconciliationReport r = Reconciler.Reconcile(Dossier.Load(Path.Combine(AppContext.BaseDirectory, "support", "maria.yaml")));
        QuestionReport q = r.Questions.Single();
        q.Consensus.Best.Should().Be(2975);
        (q.Consensus.Low, q.Consensus.High).Should().Be((2658, 3290));
        q.Consensus.Stated.Should().Be(EstimateParts.Low | EstimateParts.Best | EstimateParts.High);
        q.Summary.Should().Contain("One claim speaks to the target: George Washington University").And.Contain("gives 2,975 deaths (2,658–3,290)");
        q.Bounds.Should().OnlyContain(b => b.Direction == BoundDirection.Lower);
        q.Bounds.Select(b => b.Value).Should().BeEquivalentTo(new double[] { 64, 499, 793, 1052, 1139 });
        foreach (string text in new[] { ReportWriter.ToMarkdown(r), ReportWriter.ToHtml(r), ReportWriter.ToJson(r), ReportWriter.ToCsv(r) })
        {
            text.Should().NotContain("2,970").And.NotContain("2,660").And.NotContain("2974.99").And.NotContain("63.5");
        }
    }

    [GeneratedRegex(@"\d\.\d")]
    private static partial Regex Fraction();
}
