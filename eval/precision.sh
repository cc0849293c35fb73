#!/usr/bin/env bash
# Judged precision of newsgraph's facts (issue 12): samples facts for judging by hand, and scores
# the judgements.
#
#   eval/precision.sh sample [N] > judged.tsv   N facts (default 100) drawn with a fixed seed, half
#                                               from the dev-gold articles, half from the BBC
#                                               corpus (train.csv), as TSV with an empty "right"
#                                               column to fill in: 1 right, 0 wrong
#   eval/precision.sh score judged.tsv          the share right, by confidence bucket; and on the
#                                               dev gold, entity-pair matches by confidence bucket
#
# A fact is right when its article states it with this subject, this meaning of the predicate
# and this object (a literal: what was said or done), the entities being the real-world ones
# named; a fact the article only reports or supposes is right when its modality says so. Reads
# the development data in ../shared (or $NEWSGRAPH_SHARED); needs Go and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${NEWSGRAPH_SHARED:-../shared}"
if [ ! -d "$shared/eval/dev-gold" ] || [ ! -f "$shared/corpus/bbc/train.csv" ]; then
  echo "eval/precision.sh: no development data at $shared (set NEWSGRAPH_SHARED)" >&2
  exit 2
fi
cmd="${1:-}"
case "$cmd" in
sample | score) ;;
*)
  echo "usage: eval/precision.sh sample [N] > judged.tsv | eval/precision.sh score judged.tsv" >&2
  exit 2
  ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/newsgraph" ./cmd/newsgraph
go build -o "$tmp/ngbench" ./bench/ngbench
echo "extracting the dev-gold articles and the BBC corpus…" >&2
"$tmp/newsgraph" extract "$shared/eval/dev-gold/texts/" >"$tmp/dev.jsonl" 2>/dev/null
"$tmp/ngbench" bbc "$shared/corpus/bbc/train.csv" >"$tmp/bbc.input.jsonl"
"$tmp/newsgraph" extract "$tmp/bbc.input.jsonl" >"$tmp/bbc.jsonl" 2>/dev/null || true
exec python3 eval/precision.py "$cmd" "$shared" "$tmp/dev.jsonl" "$tmp/bbc.jsonl" "${@:2}"
