#!/usr/bin/env bash
# Times CoProduction.Scoring's ReviewerAssignment against OR-Tools' min-cost flow (Google.OrTools from NuGet, used
# only by this peer project, never by src) on the benchmark's instances, alternating the two in one process, and
# checks that both reach the same optimum.
#   benchmarks/peers/run-assignment-peer.sh [ROUNDS] [large]
# ROUNDS (default 41) timed rounds of the 200 x 60 instance (the first is warm-up); "large" adds 2,600 x 1,400.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dotnet build -c Release "$here/OrToolsPeer" >/dev/null
dotnet "$here/OrToolsPeer/bin/Release/net10.0/OrToolsPeer.dll" "$@"
