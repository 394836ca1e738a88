using Diabaly.Tests.Support;

namespace Diabaly.Tests.Dossiers;

/// <summary>The shipped Diabaly dossier: every claim read as a careful reader of the article would write it down.</summary>
public class DiabalyDossierTests
{
    private static readonly Dossier D = Some.Diabaly();
    private const double Inf = double.PositiveInfinity;

    public static TheoryData<string, QuantityKind, double, double, double?> Expected => new()
    {
        // claim id, kind, lower, upper, central (intervals of approximate numbers by the roundness rule: ½ step, within 10 %–25 %)
        { "infobox-fighters", QuantityKind.Range, 250, 300, null },
        { "mari-fighters", QuantityKind.Exact, 400, 400, 400 },
        { "le-drian-fighters", QuantityKind.Range, 1200, 1300, null },
        { "mayor-fighters", QuantityKind.Approximate, 1500, 2500, 2000 },
        { "infobox-vehicles", QuantityKind.Exact, 60, 60, 60 },
        { "mari-vehicles", QuantityKind.Exact, 47, 47, 47 },
        { "unattributed-vehicles-attack", QuantityKind.Approximate, 63, 77, 70 },
        { "unattributed-vehicles-later", QuantityKind.Exact, 50, 50, 50 },
        { "traore-vehicles", QuantityKind.Approximate, 75, 125, 100 },
        { "unattributed-vehicles-bombed", QuantityKind.Vague, 24, 99, 40 },
        { "residents-vehicle-groups", QuantityKind.Approximate, 15, 25, 20 },
        { "unattributed-columns", QuantityKind.Range, 2, 3, null },
        { "unattributed-fled", QuantityKind.Vague, 200, 999, 400 },
        { "infobox-malian", QuantityKind.Range, 500, 700, null },
        { "unattributed-garrison", QuantityKind.Exact, 400, 400, 400 },
        { "unattributed-camp", QuantityKind.Exact, 200, 200, 200 },
        { "unattributed-deployed", QuantityKind.Vague, 24, 99, 40 },
        { "unattributed-convoy", QuantityKind.Exact, 50, 50, 50 },
        { "infobox-french", QuantityKind.Exact, 100, 100, 100 },
        { "infobox-mirage", QuantityKind.Exact, 6, 6, 6 },
        { "infobox-rafale", QuantityKind.AtLeast, 4, Inf, null },
        { "infobox-gazelle", QuantityKind.Exact, 10, 10, 10 },
        { "unattributed-caracal", QuantityKind.Exact, 2, 2, 2 },
        { "infobox-islamists-killed", QuantityKind.Exact, 47, 47, 47 },
        { "unattributed-islamists-killed-strikes", QuantityKind.AtLeast, 5, Inf, null },
        { "infobox-malian-killed", QuantityKind.Approximate, 10.8, 13.2, 12 },
        { "unattributed-malian-killed-initial", QuantityKind.Approximate, 10.8, 13.2, 12 },
        { "hamaha-malian-dead", QuantityKind.Vague, 5, Inf, null },
        { "resident-bodies", QuantityKind.AtLeast, 3, Inf, null },
        { "unattributed-executed", QuantityKind.AtLeast, 5, Inf, null },
        { "infobox-civilians", QuantityKind.AtLeast, 4, Inf, null },
        { "unattributed-civilian-executed", QuantityKind.Exact, 1, 1, 1 },
        { "another-report-households", QuantityKind.Exact, 3, 3, 3 },
        { "unattributed-preachers", QuantityKind.Exact, 17, 17, 17 },
        { "unattributed-abandoned-weapons", QuantityKind.Vague, 24, 99, 40 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Claim_ParsesToTheIntendedQuantity(string id, QuantityKind kind, double lower, double upper, double? central)
    {
        Quantity q = D.GetClaim(id).Value;
        q.Kind.Should().Be(kind);
        q.Lower.Should().BeApproximately(lower, 1e-9);
        if (double.IsPositiveInfinity(upper))
        {
            q.Upper.Should().Be(Inf);
        }
        else
        {
            q.Upper.Should().BeApproximately(upper, 1e-9);
        }
        if (central is null)
        {
            q.Central.Should().BeNull();
        }
        else
        {
            q.Central!.Value.Should().BeApproximately(central.Value, 1e-9);
        }
    }

    [Fact]
    public void EveryClaim_HasAnExpectation_AndAQuote()
    {
        D.Claims.Select(c => c.Id).Should().BeEquivalentTo(Expected.Select(row => row.Data.Item1));
        D.Claims.Should().OnlyContain(c => c.Quote != null);
    }

    [Fact]
    public void Fighters_HoldTheFourFiguresTheIssueNames()
    {
        var fighters = D.ClaimsAbout("islamist-fighters");
        fighters.Select(c => c.Source.Id).Should().Equal("infobox", "mari", "le-drian", "mayor");
        D.GetClaim("mayor-fighters").Source.Access.Should().Be(SourceAccess.SecondHand);
        D.GetClaim("le-drian-fighters").Scope.Should().Be("forces deployed in the area");
        D.GetClaim("le-drian-fighters").Said.Should().Be(new PartialDate(2013, 1, 15));
        D.GetClaim("mayor-fighters").Said.Should().Be(new PartialDate(2013, 1, 17));
    }

    [Fact]
    public void Vehicles_SeparateTheStartOfTheAssaultFromItsEnd()
    {
        D.GetClaim("mari-vehicles").AsOf.Should().Be("start of the assault");
        D.GetClaim("traore-vehicles").AsOf.Should().Be("end of the battle");
    }

    [Fact]
    public void Sources_WithoutAName_AreSaidToBeUnattributed()
    {
        D.GetSource("unattributed").Kind.Should().Be(SourceKind.Unknown);
        D.GetSource("infobox").Kind.Should().Be(SourceKind.Compiler);
        D.GetSource("traore").Name.Should().Be("Seydou Traoré");
    }

    [Fact]
    public void SeedPhrases_NotUsedAsValues_StillParse()
    {
        // "several hundred, more than a thousand" is how Le Drian began; the dossier records his settled figure.
        Quantity.Parse("more than a thousand").Should().Match<Quantity>(q => q.Kind == QuantityKind.AtLeast && q.Lower == 1001);
        Quantity.Parse("several hundred").Kind.Should().Be(QuantityKind.Vague);
        Quantity.Parse("less than three hours").Should().Match<Quantity>(q => q.Kind == QuantityKind.AtMost && q.Upper == 2, "Diabaly reads counts: a strict bound on a whole count is the next count");
        Quantity.Parse("70 km").Lower.Should().Be(70);
    }
}
