using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project tests/Diabaly.Benchmarks -- --filter '*'
// Quick look:   dotnet run -c Release --project tests/Diabaly.Benchmarks -- --filter '*' --job short
// Tables:       dotnet run -c Release --project tests/Diabaly.Benchmarks -- generate 1000000 claims.csv [--numeric]
//               dotnet run -c Release --project tests/Diabaly.Benchmarks -- scan claims.csv
//               dotnet run -c Release --project tests/Diabaly.Benchmarks -- pipeline claims.csv results.csv [--threads N]
//               dotnet run -c Release --project tests/Diabaly.Benchmarks -- stages claims.csv   (cost per stage, one core)
//               dotnet run -c Release --project tests/Diabaly.Benchmarks -- duckdb numeric.csv reference.csv [--compare results.csv]
// Truth:        dotnet run -c Release --project tests/Diabaly.Benchmarks -- evaluate [questions] [sources] [seed] | evaluate-speed
// Dossiers:     dotnet run -c Release --project tests/Diabaly.Benchmarks -- dossier 100000 d.yaml | dossier-scan d.yaml | dossier-run d.yaml report.json
if (args is ["evaluate" or "evaluate-speed" or "evaluate-regimes" or "evaluate-real", ..])
{
    return Diabaly.Benchmarks.Truth.Evaluation.Run(args);
}

if (args is ["duckdb", var duckTable, var duckOutput, .. var duckRest])
{
    return Diabaly.Benchmarks.DuckDbReference.Run(duckTable, duckOutput, duckRest is ["--compare", var duckResults] ? duckResults : null);
}

if (args is ["stages", var stagesTable])
{
    return Diabaly.Benchmarks.Stages.Run(stagesTable);
}

if (args is ["generate" or "scan" or "read" or "pipeline" or "dossier" or "dossier-scan" or "dossier-run", ..])
{
    return Diabaly.Benchmarks.TablePipeline.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Diabaly.Benchmarks.ReconcileBenchmarks).Assembly).Run(args);
return 0;
