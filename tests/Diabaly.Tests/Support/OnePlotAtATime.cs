namespace Diabaly.Tests.Support;

/// <summary>
/// The tests that draw forest plots run one at a time: SkiaSharp, under ScottPlot, is not safe when several threads render at once
/// (a CI run died in libSkiaSharp with a general protection fault while these classes ran side by side). The sample draws one plot
/// at a time, so this guards the tests, not a user.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OnePlotAtATime
{
    public const string Name = "plots";
}
