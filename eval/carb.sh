#!/usr/bin/env bash
# Scores `newsgraph extract --format carb` on the CaRB development set (../shared/eval/carb-dev,
# or $NEWSGRAPH_SHARED/eval/carb-dev) with its score_carb.py and prints precision, recall, F1 and
# AUC. Needs Go and python3.
#
# usage: eval/carb.sh [OUT.tsv]   (the tuples are kept in OUT.tsv when given)
set -euo pipefail
cd "$(dirname "$0")/.."
dev="${NEWSGRAPH_SHARED:-../shared}/eval/carb-dev"
if [ ! -f "$dev/dev.txt" ]; then
  echo "eval/carb.sh: no CaRB development set at $dev (set NEWSGRAPH_SHARED)" >&2
  exit 2
fi
out="${1:-$(mktemp)}"
[ $# -ge 1 ] || trap 'rm -f "$out"' EXIT
go run ./cmd/newsgraph extract --format carb "$dev/dev.txt" > "$out"
python3 "$dev/score_carb.py" "$dev/dev.tsv" "$out" | python3 -c '
import re, sys
line = sys.stdin.read()
m = re.search(r"\(([0-9.]+), \(([0-9.]+), ([0-9.]+), ([0-9.]+)\)\)", line)
if not m:
    sys.exit("eval/carb.sh: unexpected scorer output: " + line)
auc, p, r, f1 = m.groups()
print("CaRB dev (641 sentences): precision %s  recall %s  F1 %s  AUC %s" % (p, r, f1, auc))
'
