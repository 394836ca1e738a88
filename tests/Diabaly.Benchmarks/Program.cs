using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project tests/Diabaly.Benchmarks -- --filter '*'
// Quick look:   dotnet run -c Release --project tests/Diabaly.Benchmarks -- --filter '*' --job short
// Tables:       dotnet run -c Release --project tests/Diabaly.Benchmarks -- generate 1000000 claims.csv [--numeric]
//               dotnet run -c Release --project tests/Diabaly.Benchmarks -- scan claims.csv
//               dotnet run -c Release --project tests/Diabaly.Benchmarks -- pipeline claims.csv results.csv [--threads N]
if (args is ["generate" or "scan" or "pipeline", ..])
{
    return Diabaly.Benchmarks.TablePipeline.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Diabaly.Benchmarks.ReconcileBenchmarks).Assembly).Run(args);
return 0;
