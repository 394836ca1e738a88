using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project tests/Diabaly.Benchmarks -- --filter '*'
// Quick look:   dotnet run -c Release --project tests/Diabaly.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Diabaly.Benchmarks.ReconcileBenchmarks).Assembly).Run(args);
