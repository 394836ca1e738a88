namespace Diabaly;

/// <summary>How much each source moves the headline: its Best without the source's claims on target.</summary>
internal static class Sensitivity
{
    /// <summary>The sensitivity of the headline to each source; with <paramref name="clip"/>, each Best without a source is clipped as
    /// the headline is, so that a source the bounds make irrelevant is not called influential.</summary>
    /// <remarks>At most <see cref="ReconcileOptions.MaxSensitivitySources"/> sources are measured, the heaviest (ties by id); the
    /// number left out is returned beside the list.</remarks>
    public static (List<SourceSensitivity> Sources, int LeftOut) Of(List<Reading> readings, Consensus headline, ReconcileOptions o, (double Low, double High)? clip)
    {
        var result = new List<SourceSensitivity>();
        var groups = readings.GroupBy(r => r.Claim.Source.Id, StringComparer.Ordinal).ToList();
        var measured = groups.OrderByDescending(g => g.Sum(r => r.Weight)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(o.MaxSensitivitySources)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in measured)
        {
            var rest = readings.Where(r => r.Claim.Source.Id != group.Key).ToList();
            double? without = rest.Count == 0 ? null : ConsensusMethods.Best(o.Method, rest, o, clip);
            // The shift compares counts as the analyses do, with counts below the zero floor at the floor, so that it stays finite.
            double? shift = without is { } w && !headline.IsEmpty && headline.Best > 0 ? Math.Max(w, o.ZeroFloor) / Math.Max(headline.Best, o.ZeroFloor) : null;
            bool influential = shift is { } s && (s > o.InfluenceThreshold * (1 + 1e-12) || s < 1 / (o.InfluenceThreshold * (1 + 1e-12)));
            result.Add(new SourceSensitivity(group.First().Claim.Source, without, shift, influential));
        }

        return (result, groups.Count - result.Count);
    }
}
