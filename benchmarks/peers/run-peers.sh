#!/usr/bin/env bash
# Runs SciPy's wilcoxon and statsmodels' fleiss_kappa / cohens_kappa on the same data as CoProduction.Scoring, in one
# run, and prints agreement of the results and the speed ratio.
#   benchmarks/peers/run-peers.sh
# Installs Debian's python3-scipy and python3-statsmodels when missing and uses Debian's own interpreter
# (/usr/bin/python3), whatever python3 comes first on PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python=/usr/bin/python3

if [[ ! -x "$python" ]]; then
  echo "Debian's /usr/bin/python3 is missing: apt-get install -y python3" >&2
  exit 1
fi

missing=()
"$python" -c 'import scipy' 2>/dev/null || missing+=(python3-scipy)
"$python" -c 'import statsmodels' 2>/dev/null || missing+=(python3-statsmodels)
if ((${#missing[@]} > 0)); then
  sudo=""
  if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi
  echo "installing ${missing[*]} from Debian"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"; then
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
  fi
fi

data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
dotnet run -c Release --project "$repo/benchmarks/CoProduction.Benchmarks" -- peers "$data"
"$python" "$here/compare.py" "$data"
