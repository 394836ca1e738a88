// A console program outside the solution that uses Diabaly as a NuGet package.
using Diabaly;

Quantity q = Quantity.Parse("about 2,000 Islamists");
Console.WriteLine($"{q.Kind}: {q.Lower}-{q.Upper}, central {q.Central}");
if (q.Kind != QuantityKind.Approximate || q.Lower != 1500 || q.Upper != 2500)
{
    Console.Error.WriteLine("unexpected result from the packaged library");
    return 1;
}

return 0;
