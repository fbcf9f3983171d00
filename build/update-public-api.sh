#!/usr/bin/env bash
# Records new public API in each src project's PublicAPI.Unshipped.txt and drops entries that no longer exist,
# from the PublicApiAnalyzers diagnostics (RS0016 new symbol, RS0017 removed symbol) of a Release build.
# Run it after changing public API on purpose, then review the diff of PublicAPI.Unshipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
for round in 1 2 3; do
  log=$(mktemp)
  dotnet build CoProduction.Core.sln -c Release -p:TreatWarningsAsErrors=false -p:WarningsAsErrors=RS0000 --no-incremental 2>&1 > "$log" || true
  python3 - "$log" <<'PY'
import re, sys, collections
added, removed = collections.defaultdict(set), collections.defaultdict(set)
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.search(r"(RS001[67]): Symbol '(.+?)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.+?)\.csproj\]", line)
    if not m:
        continue
    code, symbol, project = m.groups()
    folder = project.rsplit('/', 1)[0]
    (added if code == 'RS0016' else removed)[folder].add(symbol)
for folder in set(added) | set(removed):
    path = folder + '/PublicAPI.Unshipped.txt'
    lines = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
    header = [l for l in lines if l.startswith('#')] or ['#nullable enable']
    body = {l for l in lines if l and not l.startswith('#')}
    body = (body | added[folder]) - removed[folder]
    open(path, 'w', encoding='utf-8').write('\n'.join(header + sorted(body, key=lambda s: s.lstrip('~'))) + '\n')
    print(f"{path}: +{len(added[folder])} -{len(removed[folder])}")
PY
  if ! grep -qE "RS001[67]" "$log"; then rm -f "$log"; echo "public API files are up to date"; exit 0; fi
  rm -f "$log"
done
