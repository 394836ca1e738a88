namespace Diabaly.Tests.Support;

/// <summary>
/// The tests that draw forest plots run one at a time: SkiaSharp, under ScottPlot, is not safe across threads. A CI run died in
/// libSkiaSharp (general protection fault) while these classes ran side by side, and a property test that drew from several threads
/// died with a segmentation fault even with one drawing at a time under a lock and every plot disposed; on one thread, 40,000 plots
/// drew cleanly. So the property test draws on one thread, and the sample draws its plots one after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OnePlotAtATime
{
    public const string Name = "plots";
}
