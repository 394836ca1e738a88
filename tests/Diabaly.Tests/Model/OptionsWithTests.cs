namespace Diabaly.Tests.Model;

/// <summary>The options support <c>with</c>, keeping their validation (CS8858 no more).</summary>
public class OptionsWithTests
{
    [Fact]
    public void ReconcileOptions_With_ChangesOneSetting_AndChecksIt()
    {
        ReconcileOptions learned = ReconcileOptions.Default with { Method = ConsensusMethod.Learned };
        learned.Method.Should().Be(ConsensusMethod.Learned);
        learned.ZeroFloor.Should().Be(ReconcileOptions.Default.ZeroFloor);
        ReconcileOptions.Default.Method.Should().Be(ConsensusMethod.WeightedMedian, "the original is unchanged");
        (learned with { Method = ConsensusMethod.WeightedMedian }).Should().Be(ReconcileOptions.Default, "options are equal by value");

        Action tooLow = () => _ = ReconcileOptions.Default with { LowQuantile = 0 };
        tooLow.Should().Throw<ArgumentOutOfRangeException>();
        Action badFloor = () => _ = ReconcileOptions.Default with { ZeroFloor = 0 };
        badFloor.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void QuantityParseOptions_And_DossierReadOptions_SupportWith()
    {
        QuantityParseOptions french = QuantityParseOptions.Default with { Language = QuantityLanguage.French };
        Quantity.Parse("environ 2 000", french).Lower.Should().Be(Quantity.Parse("environ 2 000", QuantityParseOptions.French).Lower);

        DossierReadOptions strict = DossierReadOptions.Default with { MaxErrors = 3 };
        strict.MaxErrors.Should().Be(3);
        Action bad = () => _ = DossierReadOptions.Default with { MaxErrors = 0 };
        bad.Should().Throw<ArgumentOutOfRangeException>();
    }
}
