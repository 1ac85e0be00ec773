#!/usr/bin/env bash
# Whole-build cost of NetVizGen (issue 13): `dotnet build` of bench/BuildCost (70 [Diagram] models) with
# and without NetVizGen, in interleaved pairs, cold / one-model edit / unrelated edit / declaration edit / no change /
# fresh clone (no obj/, no bin/).
# Needs only the .NET SDK. Takes about 2-3 minutes per pair of all six scenarios on 2 cores.
#   bench/build-cost.sh                      5 pairs, packs NetVizGen from this repository
#   bench/build-cost.sh -n 3 --scenarios cold,edit
#   bench/build-cost.sh --package-dir DIR    a folder with NetVizGen.<version>.nupkg instead of packing
#   bench/build-cost.sh --floor              also build with a do-nothing per-model generator (bench/FloorGenerator)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -nologo -v:q bench/NetVizGen.Bench.Build/NetVizGen.Bench.Build.csproj
exec dotnet bench/NetVizGen.Bench.Build/bin/Release/net10.0/NetVizGen.Bench.Build.dll "$@"
