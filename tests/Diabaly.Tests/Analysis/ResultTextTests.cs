using System.Text.RegularExpressions;

namespace Diabaly.Tests.Analysis;

/// <summary>Every result type prints its numbers as the reports do: three significant figures for estimates, never 273.86127875258296.</summary>
public partial class ResultTextTests
{
    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();

    /// <summary>Whether the text holds a number of more than 6 significant digits: stated figures print as stated (1,249; 2013), derived
    /// ones to 3, so only a number printed in full precision has more.</summary>
    private static bool HasLongNumber(string text)
        => Number().Matches(text).Any(m => m.Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').Length > 6);

    [Fact]
    public void EveryResult_PrintsItsNumbersShort_AndSaysWhatItIs()
    {
        ReconciliationReport report = Reconciler.Reconcile(Support.Some.Diabaly());
        var texts = new List<(string Type, string Text)>();
        void Add(object o) => texts.Add((o.GetType().Name, o.ToString()!));
        foreach (QuestionReport q in report.Questions.Where(q => q.Claims.Count > 0))
        {
            Add(q.Envelope);
            Add(q.Agreement);
            Add(q.Consensus);
            q.Estimates.Values.ToList().ForEach(Add);
            q.Claims.ToList().ForEach(Add);
            q.Conflicts.ToList().ForEach(Add);
            q.Bounds.ToList().ForEach(Add);
            q.Camps.ToList().ForEach(Add);
            q.Sensitivity.ToList().ForEach(Add);
            q.Strata.ToList().ForEach(Add);
            if (q.Estimates[ConsensusMethod.RandomEffects].RandomEffects is { } re)
            {
                Add(re);
            }
        }

        report.Reliability.Sources.ToList().ForEach(Add);
        Add(report.Reliability);

        texts.Select(t => t.Type).Distinct().Should().Contain(["Envelope", "Agreement", "Consensus", "AssessedClaim", "ClaimPair", "Bound", "Camp",
            "SourceSensitivity", "StratumReport", "RandomEffectsResult", "SourceReliability", "ReliabilityReport"]);
        texts.Should().OnlyContain(t => !t.Text.StartsWith("Diabaly.", StringComparison.Ordinal), "every type says what it holds, not its name");
        texts.Where(t => HasLongNumber(t.Text)).Should().BeEmpty("numbers are printed to three significant figures");

        // Worked out by hand: the fighters' agreement interval and the sensitivity to the mayor, as the reports print them.
        QuestionReport fighters = report["islamist-fighters"];
        fighters.Sensitivity.Single(s => s.Source.Id == "mayor").ToString().Should().StartWith("without mayor: ");
        fighters.Envelope.ToString().Should().Be(ReportWriter.FormatInterval(fighters.Envelope.Lower!.Value, fighters.Envelope.Upper!.Value));
    }
}
