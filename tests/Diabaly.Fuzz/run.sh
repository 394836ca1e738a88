#!/usr/bin/env bash
# Fuzzes one target of the library with AFL++ (Debian's afl++) through SharpFuzz, for a number of minutes:
#   tests/Diabaly.Fuzz/run.sh quantity|dossier|pipeline|csv|parquet MINUTES
# Findings land in $FUZZ_WORK/TARGET/findings (default /tmp/diabaly-fuzz); replay them with an uninstrumented build
# (the instrumented one only runs under afl-fuzz):
#   dotnet build tests/Diabaly.Fuzz -c Release && dotnet tests/Diabaly.Fuzz/bin/Release/net10.0/Diabaly.Fuzz.dll TARGET FILE...
# and keep each, once fixed, as a regression under tests/Diabaly.Fuzz/regressions/TARGET (FuzzTargetTests replays them).
# FUZZ_INPUT=DIR starts from DIR rather than corpus/TARGET, say the queue of an earlier campaign.
set -euo pipefail
target=${1:?usage: run.sh quantity|dossier|pipeline|csv|parquet MINUTES}
minutes=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-/tmp/diabaly-fuzz}/$target
export PATH="$PATH:$HOME/.dotnet/tools"

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install afl++" >&2; exit 2; }
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0

# A Release build of the harness, with the library instrumented for AFL's coverage map.
rm -rf "$work/bin"
dotnet publish "$here/Diabaly.Fuzz.csproj" -c Release -o "$work/bin" -p:TreatWarningsAsErrors=false >/dev/null
sharpfuzz "$work/bin/Diabaly.dll"
# The table targets see the coverage of the reader they drive as well.
case $target in
  csv) sharpfuzz "$work/bin/Sep.dll" ;;
  parquet) sharpfuzz "$work/bin/Parquet.dll" ;;
esac

# The inputs found so far are kept between runs: afl-fuzz resumes from them ("-i -").
input="${FUZZ_INPUT:-$here/corpus/$target}"
if [ -d "$work/findings/default/queue" ]; then input=-; fi

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_AUTORESUME=1
# -t: an input that takes more than 10 s is a hang; -m none: .NET reserves far more address space than it uses.
afl-fuzz -i "$input" -o "$work/findings" -t 10000 -m none -V $((minutes * 60)) -- dotnet "$work/bin/Diabaly.Fuzz.dll" "$target" >"$work/afl.log" 2>&1 || true

stats="$work/findings/default/fuzzer_stats"
echo "target $target, $minutes minutes:"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats" || tail -20 "$work/afl.log"
ls "$work/findings/default/crashes" "$work/findings/default/hangs" 2>/dev/null | grep -v README || true
