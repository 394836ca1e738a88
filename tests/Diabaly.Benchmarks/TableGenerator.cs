using System.Globalization;
using System.Text;

namespace Diabaly.Benchmarks;

/// <summary>
/// Writes a deterministic claim table: 10 claims per question (a few questions have 1 to 19), about 300 sources with a long tail,
/// values around a true count per question in a realistic mix (exact, approximate, range, at least, at most, vague words), and 5 %
/// of the claims relayed copies of another claim of the same question. With <c>numeric</c>, the values are <c>low</c>/<c>high</c>/
/// <c>central</c> columns instead of words (vague words become their lexicon's range), for the pandas side by side.
/// </summary>
internal static class TableGenerator
{
    private static readonly string[] Vague = ["dozens", "several hundred", "hundreds", "a few dozen", "thousands", "several thousand"];

    public static void Write(string path, long claims, bool numeric, int seed = 2013)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(numeric ? "question,source,low,high,central,via\n" : "question,source,value,via\n");
        long written = 0;
        for (long q = 0; written < claims; q++)
        {
            int n = (int)Math.Min(claims - written, q % 97 == 0 ? 1 + random.Next(19) : 10);
            double truth = Math.Round(Math.Exp(random.NextDouble() * Math.Log(1e5)) + 1);
            var rows = new List<(int Source, string Value, string Numbers)>(n);
            for (int i = 0; i < n; i++)
            {
                // The long tail: source k is picked with probability about 1 / k.
                int source = (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(300)));
                if (i > 0 && random.NextDouble() < 0.05)
                {
                    var copied = rows[random.Next(rows.Count)];
                    source = source == copied.Source ? source + 1 : source; // a relay is another source than the one it relays
                    writer.Write(Row(q, source, numeric ? copied.Numbers : copied.Value, numeric, $"s{copied.Source}"));
                    rows.Add((source, copied.Value, copied.Numbers));
                    continue;
                }

                double seen = Math.Max(0, Math.Round(truth * Math.Exp(NextGaussian(random) * 0.3)));
                (string value, string numbers) = random.Next(10) switch
                {
                    < 4 => (Num(seen), $"{Num(seen)},{Num(seen)},"),
                    < 6 => ($"about {Num(seen)}", $"{Num(Math.Round(seen * 0.9))},{Num(Math.Round(seen * 1.1))},{Num(seen)}"),
                    < 8 => ($"{Num(seen)} to {Num(Math.Round(seen * 1.5))}", $"{Num(seen)},{Num(Math.Round(seen * 1.5))},"),
                    8 => ($"at least {Num(seen)}", $"{Num(seen)},,"),
                    _ => VagueOf(seen, random),
                };
                writer.Write(Row(q, source, numeric ? numbers : value, numeric, string.Empty));
                rows.Add((source, value, numbers));
            }

            written += n;
        }
    }

    private static (string Words, string Numbers) VagueOf(double seen, Random random)
    {
        if (random.Next(2) == 0)
        {
            return ($"at most {Num(seen)}", $",{Num(seen)},");
        }

        string word = Vague[random.Next(Vague.Length)];
        Quantity q = Quantity.Parse(word);
        return (word, $"{Num(q.Lower)},{Num(q.Upper)},");
    }

    private static string Row(long question, int source, string value, bool numeric, string via)
        => numeric ? $"q{question},s{source},{value},{via}\n" : $"q{question},s{source},{Quote(value)},{via}\n";

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private static string Num(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    private static double NextGaussian(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
