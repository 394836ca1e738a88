using Diabaly.Tests.Support;

namespace Diabaly.Tests.Model;

public class ModelTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/no")]
    public void Source_InvalidId_Throws(string id)
        => new Action(() => _ = new Source(id, "Name")).Should().Throw<ArgumentException>().WithMessage("*not a valid id*");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Source_Weight_MustBeFiniteAndPositive(double weight)
        => new Action(() => _ = new Source("a", "A") { Weight = weight }).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*must be in [1E-06, 1000000]*");

    [Fact]
    public void Source_Defaults_AreDocumented()
    {
        var s = new Source("a", " A ");
        (s.Name, s.Kind, s.Access, s.Weight, s.Side, s.IsPartisan).Should().Be(("A", SourceKind.Unknown, SourceAccess.Unknown, 1.0, (string?)null, false));
        new Source("b", "B") { Side = "neutral" }.IsPartisan.Should().BeFalse();
        new Source("c", "C") { Side = "France" }.IsPartisan.Should().BeTrue();
    }

    [Fact]
    public void Question_BlankSubjectOrUnit_Throws()
    {
        new Action(() => _ = new Question("q") { Subject = " ", Unit = "u" }).Should().Throw<ArgumentException>();
        new Action(() => _ = new Question("q") { Subject = "s", Unit = "" }).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Claim_RelayedViaItsOwnSource_IsRefused()
    {
        Action act = () => _ = new Claim("c", Some.Question(), Some.Source("mayor"), Quantity.Exact(1)) { Via = [Some.Source("afp"), Some.Source("mayor")] };
        act.Should().Throw<ArgumentException>().WithMessage("Claim 'c' is relayed via its own source 'mayor'; Via lists the sources*");
    }

    [Fact]
    public void Claim_Via_IsCopied_SoTheClaimStaysImmutable()
    {
        var relays = new List<Source> { Some.Source("afp") };
        var claim = new Claim("c", Some.Question(), Some.Source(), Quantity.Exact(1)) { Via = relays };
        relays.Add(Some.Source("bbc"));
        claim.Via.Should().ContainSingle();
    }

    [Fact]
    public void Dossier_RefusesDuplicateIds()
    {
        Source a = Some.Source("a");
        Question q = Some.Question();
        new Action(() => _ = new Dossier("T", [a, Some.Source("a")], [q], [])).Should().Throw<ArgumentException>().WithMessage("*two sources with the id 'a'*");
        var c = new Claim("c", q, a, Quantity.Exact(1));
        new Action(() => _ = new Dossier("T", [a], [q], [c, c])).Should().Throw<ArgumentException>().WithMessage("*two claims with the id 'c'*");
    }

    [Fact]
    public void Dossier_RefusesAClaimAboutAQuestionOrSourceItDoesNotHold()
    {
        Source a = Some.Source("a");
        Question q = Some.Question();
        var foreignQuestion = new Claim("c", Some.Question("other"), a, Quantity.Exact(1));
        new Action(() => _ = new Dossier("T", [a], [q], [foreignQuestion])).Should().Throw<ArgumentException>().WithMessage("*question 'other'*");
        var foreignSource = new Claim("c", q, Some.Source("b"), Quantity.Exact(1));
        new Action(() => _ = new Dossier("T", [a], [q], [foreignSource])).Should().Throw<ArgumentException>().WithMessage("*source 'b'*");
        var foreignRelay = new Claim("c", q, a, Quantity.Exact(1)) { Via = [Some.Source("afp")] };
        new Action(() => _ = new Dossier("T", [a], [q], [foreignRelay])).Should().Throw<ArgumentException>().WithMessage("*source 'afp'*");
        var sameIdOtherSource = new Claim("c", q, new Source("a", "Impostor"), Quantity.Exact(1));
        new Action(() => _ = new Dossier("T", [a], [q], [sameIdOtherSource])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Dossier_Lookups_NameTheMissingId()
    {
        Dossier d = Some.Diabaly();
        d.GetSource("mari").Name.Should().Be("Jean-Paul Mari");
        d.TryGetQuestion("nope", out _).Should().BeFalse();
        new Action(() => d.GetQuestion("nope")).Should().Throw<KeyNotFoundException>().WithMessage("*question 'nope'*");
        d.ClaimsAbout("islamist-fighters").Should().HaveCount(4);
    }

    [Theory]
    [InlineData("2013", 2013, null, null)]
    [InlineData("2013-01", 2013, 1, null)]
    [InlineData("2013-01-15", 2013, 1, 15)]
    public void PartialDate_ParsesAndPrintsBack(string text, int year, int? month, int? day)
    {
        PartialDate d = PartialDate.Parse(text);
        (d.Year, d.Month, d.Day).Should().Be((year, month, day));
        d.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("13")]
    [InlineData("2013-13")]
    [InlineData("2013-02-30")]
    [InlineData("15/01/2013")]
    [InlineData("2013-1-5")]
    public void PartialDate_RefusesWhatIsNotADate(string text)
        => PartialDate.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void PartialDate_OrdersMissingPartsFirst()
    {
        PartialDate.Parse("2013").Should().BeLessThan(PartialDate.Parse("2013-01"));
        PartialDate.Parse("2013-01").Should().BeLessThan(PartialDate.Parse("2013-01-15"));
        (PartialDate.Parse("2013-01-17") > PartialDate.Parse("2013-01-15")).Should().BeTrue();
    }
}
