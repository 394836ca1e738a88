namespace Diabaly.Internal;

/// <summary>Whole numbers for counts, and derived numbers without floating-point noise.</summary>
internal static class Counts
{
    /// <summary>The relative distance under which a derived number is an integer that floating point missed: exp(log(400)) is
    /// 399.9999999999999, 2,975 through the log scale 2,974.9999999999986 (a few units in the last place, about 1e-16 relative).</summary>
    private const double Noise = 1e-12;

    /// <summary>An interval's ends as whole counts: the smallest whole number at or above the lower end and the largest at or below
    /// the upper (about 47 is 42.3–51.7, so 43–51; a dozen, 10.8–13.2, is 11–13). Where no whole number lies between (about 0.5),
    /// the ends move outward instead, so the interval still holds what was said. An infinite upper end stays infinite.</summary>
    public static (double Lower, double Upper) Whole(double lower, double upper)
    {
        double wholeLower = Math.Ceiling(Clean(lower)), wholeUpper = double.IsPositiveInfinity(upper) ? upper : Math.Floor(Clean(upper));
        return wholeLower <= wholeUpper ? (wholeLower, wholeUpper) : (Math.Floor(lower), Math.Ceiling(upper));
    }

    /// <summary>A derived number within floating-point noise of an integer, as that integer; any other number unchanged.</summary>
    public static double Clean(double x)
    {
        if (!double.IsFinite(x))
        {
            return x;
        }

        double r = Math.Round(x);
        return r != x && Math.Abs(x - r) <= Noise * Math.Abs(x) ? r : x;
    }

    /// <summary>Whether a number is a whole number.</summary>
    public static bool IsWhole(double x) => double.IsFinite(x) && Math.Floor(x) == x;
}
