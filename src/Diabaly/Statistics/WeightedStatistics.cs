using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Diabaly.Internal;

namespace Diabaly.Statistics;

/// <summary>Weighted order statistics.</summary>
/// <remarks>
/// <para>Definition: the weighted quantile at level p is the inverse of the weighted empirical distribution function
/// F(x) = Σ{wᵢ : xᵢ ≤ x} / Σwᵢ. It is the smallest xᵢ with F(xᵢ) ≥ p; where F(xᵢ) equals p exactly (within 1e-12 of the total
/// weight), the result is the midpoint of xᵢ and the next larger value. With equal weights this is R's <c>quantile(type = 2)</c>,
/// and the median of an even number of values is the mean of the middle two.</para>
/// <para>Consequences: splitting a value's weight between two copies of it changes nothing; raising a value never lowers a quantile;
/// ties between equal values need no rule, since they give the same number in any order. Values with zero weight are ignored.</para>
/// </remarks>
internal static class WeightedStatistics
{
    /// <summary>The weighted median, <see cref="Quantile"/> at 0.5.</summary>
    /// <param name="values">The values; finite.</param>
    /// <param name="weights">Their weights; finite and ≥ 0, not all 0; as many as the values.</param>
    /// <returns>The median.</returns>
    /// <exception cref="ArgumentException">The lists are empty, of different lengths, or hold a non-finite value or a bad weight.</exception>
    public static double Median(IReadOnlyList<double> values, IReadOnlyList<double> weights) => Quantile(values, weights, 0.5);

    /// <summary>The weighted quantile at level <paramref name="p"/> (see the remarks of <see cref="WeightedStatistics"/>).</summary>
    /// <param name="values">The values; finite.</param>
    /// <param name="weights">Their weights; finite and ≥ 0, not all 0; as many as the values.</param>
    /// <param name="p">The level, in [0, 1]; 0 gives the smallest value with weight, 1 the largest.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentException">The lists are empty, of different lengths, or hold a non-finite value or a bad weight.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public static double Quantile(IReadOnlyList<double> values, IReadOnlyList<double> weights, double p) => Locate(values, weights, p).Value;

    /// <summary><see cref="Quantile"/>, with where it landed: the indices (into <paramref name="values"/>) of the value it is, or of the
    /// two values it is the midpoint of.</summary>
    internal static (double Value, int Lower, int Upper) Locate(IReadOnlyList<double> values, IReadOnlyList<double> weights, double p)
    {
        Guard.NotNull(values);
        Guard.NotNull(weights);
        return LocateOf(Span(values), Span(weights), p);
    }

    /// <summary>The weighted median of spans: <see cref="Median(IReadOnlyList{double}, IReadOnlyList{double})"/> without copying.</summary>
    internal static double MedianOf(ReadOnlySpan<double> values, ReadOnlySpan<double> weights) => LocateOf(values, weights, 0.5).Value;

    /// <summary><see cref="Locate(IReadOnlyList{double}, IReadOnlyList{double}, double)"/> on spans, sorting on the stack for up to 64
    /// values and in a pooled array beyond: what the engine calls once per question and method, and the learning once per source and
    /// question.</summary>
    internal static (double Value, int Lower, int Upper) LocateOf(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double p)
    {
        Guard.InRange(p, 0, 1);
        if (values.Length == 0 || values.Length != weights.Length)
        {
            throw new ArgumentException($"Expected as many weights as values, and at least one; received {values.Length} values and {weights.Length} weights.");
        }

        double total = 0;
        int count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Value {i} is {values[i]}; values must be finite."), nameof(values));
            }

            if (!double.IsFinite(weights[i]) || weights[i] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Weight {i} is {weights[i]}; weights must be finite and >= 0."), nameof(weights));
            }

            total += weights[i];
            count += weights[i] > 0 ? 1 : 0;
        }

        if (total <= 0)
        {
            throw new ArgumentException("At least one weight must be > 0.", nameof(weights));
        }

        // Sorted by value, then weight, then index: a total order, so that every sort gives the same sequence.
        Item[]? rented = null;
        Span<Item> order = count <= 64 ? stackalloc Item[count] : (rented = ArrayPool<Item>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            for (int i = 0, k = 0; i < values.Length; i++)
            {
                if (weights[i] > 0)
                {
                    order[k++] = new Item(values[i], weights[i], i);
                }
            }

            order.Sort(static (a, b) => a.Value.CompareTo(b.Value) is var c && c != 0 ? c : a.Weight.CompareTo(b.Weight) is var d && d != 0 ? d : a.Index.CompareTo(b.Index));
            double target = p * total, tolerance = 1e-12 * total, cumulative = 0;
            for (int k = 0; k < order.Length; k++)
            {
                cumulative += order[k].Weight;
                if (cumulative >= target - tolerance)
                {
                    bool onTheStep = Math.Abs(cumulative - target) <= tolerance && k + 1 < order.Length && p > 0;
                    return onTheStep
                        ? ((order[k].Value + order[k + 1].Value) / 2, order[k].Index, order[k + 1].Index)
                        : (order[k].Value, order[k].Index, order[k].Index);
                }
            }

            return (order[^1].Value, order[^1].Index, order[^1].Index);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Item>.Shared.Return(rented);
            }
        }
    }

    private readonly record struct Item(double Value, double Weight, int Index);

    private static ReadOnlySpan<double> Span(IReadOnlyList<double> x) => x switch
    {
        double[] array => array,
        List<double> list => CollectionsMarshal.AsSpan(list),
        _ => x.ToArray(),
    };
}
