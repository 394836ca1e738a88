namespace Diabaly.Tests.Model;

/// <summary>Strata and the relations between them: matching labels, reading relations transitively, refusing cycles.</summary>
public class StratumTests
{
    [Fact]
    public void Labels_AreTrimmed_AndBlankIsNone()
    {
        var s = new Stratum { AsOf = "  start of the assault ", Scope = " " };
        s.AsOf.Should().Be("start of the assault");
        s.Scope.Should().BeNull();
        new Stratum().IsAny.Should().BeTrue();
        Stratum.Any.Should().Be(new Stratum { AsOf = null, Scope = null });
    }

    [Fact]
    public void Matches_IgnoresCaseAccentsAndSpacing_AndAMissingLabelMatchesAny()
    {
        var target = new Stratum { AsOf = "Début de l'assaut", Scope = "assault force" };
        new Stratum { AsOf = "début de l’assaut", Scope = "Assault  Force" }.Matches(target).Should().BeTrue();
        new Stratum { Scope = "assault force" }.Matches(target).Should().BeTrue("a claim that gives no time matches any time");
        new Stratum { AsOf = "end", Scope = "assault force" }.Matches(target).Should().BeFalse();
        new Stratum { AsOf = "debut de l'assaut", Scope = "whole area" }.Matches(target).Should().BeFalse();
    }

    [Fact]
    public void Equality_IsExact_SoThatADossierReadsBackAsWritten()
    {
        new Stratum { AsOf = "a", Scope = "b" }.Should().Be(new Stratum { AsOf = "a", Scope = "b" });
        new Stratum { AsOf = "a", Scope = "b" }.Should().NotBe(new Stratum { AsOf = "A", Scope = "b" });
    }

    [Theory]
    [InlineData(null, null, "any time and scope")]
    [InlineData(null, "assault force", "assault force")]
    [InlineData("2013-01-15", null, "as of 2013-01-15")]
    [InlineData("start", "assault force", "as of start · assault force")]
    public void ToString_SaysBothLabels(string? asOf, string? scope, string expected)
        => new Stratum { AsOf = asOf, Scope = scope }.ToString().Should().Be(expected);

    [Fact]
    public void Within_IsReadTransitively_AsWords()
    {
        var r = new StratumRelations
        {
            Within = new Dictionary<string, IReadOnlyList<string>>
            {
                ["military camp defenders"] = ["Diabaly garrison"],
                ["Diabaly garrison"] = ["Malian forces engaged"],
            },
        };
        r.IsWithin(Stratum.Key("Military camp defenders")!, Stratum.Key("malian forces engaged")!).Should().BeTrue();
        r.IsWithin(Stratum.Key("Malian forces engaged")!, Stratum.Key("military camp defenders")!).Should().BeFalse();
        r.IsWithin(Stratum.Key("Diabaly garrison")!, Stratum.Key("Diabaly garrison")!).Should().BeFalse();
    }

    [Fact]
    public void Within_RefusesACycle_NamingIt()
        => new Action(() => _ = new StratumRelations
        {
            Within = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["b"], ["b"] = ["c"], ["c"] = ["A"] },
        }).Should().Throw<ArgumentException>().WithMessage("*cycle*a → b → c → A*");

    [Fact]
    public void Within_RefusesTheSameScopeTwice_AsWords()
        => new Action(() => _ = new StratumRelations
        {
            Within = new Dictionary<string, IReadOnlyList<string>> { ["Paris"] = ["France"], ["paris "] = ["Europe"] },
        }).Should().Throw<ArgumentException>().WithMessage("*'paris' is listed twice*");

    [Fact]
    public void Times_RefuseTheSameLabelTwice()
        => new Action(() => _ = new StratumRelations { Times = ["start", "end", "Start"] })
            .Should().Throw<ArgumentException>().WithMessage("*'Start' is listed twice*");

    [Theory]
    [InlineData("2013-01-14", "2013-01-15", -1)]
    [InlineData("2013-01-15", "2013-01-14", 1)]
    [InlineData("2013-01", "2013-02-01", -1)]
    [InlineData("2013-01", "2013-01-15", null)] // January contains the 15th: neither is before the other
    [InlineData("2013-01-14T07:45", "2013-01-14T09:00", -1)]
    [InlineData("2013-01-14T07:45", "2013-01-14", null)]
    [InlineData("2013", "2014", -1)]
    [InlineData("9999-12-31", "9999-12", null)]
    [InlineData("start", "end", -1)] // listed in Times
    [InlineData("end", "start", 1)]
    [InlineData("start", "2013-01-15", null)] // a label and a date the list does not relate
    [InlineData("Start", "start", 0)]
    public void TimeLine_OrdersDatesByThemselves_AndLabelsByTheList(string a, string b, int? expected)
        => global::Diabaly.Internal.TimeLine.Compare(a, b, new StratumRelations { Times = ["start", "end"] }).Should().Be(expected);

    [Fact]
    public void Relations_AreEqualWhenTheySayTheSame()
    {
        var a = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["Paris"] = ["France"] }, Times = ["x"] };
        var b = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["Paris"] = ["France"] }, Times = ["x"] };
        a.Should().Be(b);
        a.Should().NotBe(StratumRelations.None);
        StratumRelations.None.IsEmpty.Should().BeTrue();
    }
}
