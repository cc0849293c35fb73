#!/usr/bin/env bash
# Measures newsgraph's extraction and prints the tables of docs/quality.md (markdown):
# the seed gold and the dev gold (newsgraph eval, the same figures as score_kg.py), the dev gold
# article by article (perdoc.py), the judged precision of eval/judged.tsv (eval/precision.sh
# score), CaRB open extraction (eval/carb.sh), the linguistic models on their test splits, and
# extraction speed on one core over the BBC corpus (the Go benchmark BenchmarkExtract). Reads the
# development data in ../shared (or $NEWSGRAPH_SHARED). Needs Go and python3; takes a few minutes.
#
# usage: eval/results.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${NEWSGRAPH_SHARED:-../shared}"
if [ ! -d "$shared/eval" ]; then
  echo "eval/results.sh: no development data at $shared (set NEWSGRAPH_SHARED)" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/newsgraph" ./cmd/newsgraph

echo "measuring the seed gold…" >&2
"$tmp/newsgraph" eval --json --gold "$shared/eval/seeds-gold" seeds/ >"$tmp/seeds.json" 2>/dev/null || true

echo "measuring the dev gold…" >&2
"$tmp/newsgraph" eval --json --gold "$shared/eval/dev-gold" "$shared/eval/dev-gold/texts" >"$tmp/dev.json" 2>/dev/null || true
"$tmp/newsgraph" extract "$shared/eval/dev-gold/texts" >"$tmp/dev.jsonl" 2>/dev/null || true
perdoc=$(python3 "$shared/eval/perdoc.py" "$shared/eval/dev-gold" "$tmp/dev.jsonl" 2>/dev/null || true)

echo "measuring the times of facts…" >&2
timeDev=$(python3 eval/time.py --json "$shared/eval/dev-gold" "$tmp/dev.jsonl" 2>/dev/null |
  python3 -c 'import json,sys; r=json.load(sys.stdin); print("%.2f (%s of %s matched; %s of all %s)" % (r["share_of_matched"], r["carried"], r["matched"], r["carried"], r["gold_time_facts"]))' 2>/dev/null || echo "n/a")
timeSet=$(go test -count=1 -run '^TestTimeSentences$' -v ./extract/ 2>/dev/null | sed -n 's/.*time right for \([0-9]*\)\/\([0-9]*\) invented sentences (\([0-9.]*\)).*/\3 (\1 of \2)/p')

echo "scoring the judged facts…" >&2
judged=$(eval/precision.sh score eval/judged.tsv 2>/dev/null || echo "judged precision: not measured")

echo "measuring CaRB…" >&2
carb=$(eval/carb.sh 2>/dev/null || echo "CaRB: not measured")

echo "measuring the models…" >&2
models=$(go run ./cmd/newsgraph-train eval 2>/dev/null | awk '$1 == "test" {print $2, $4, $5}')
nerF1=$(go test -count=1 -run 'TestAccuracyUNERTagged$' -v ./extract/ner/ 2>/dev/null | sed -n 's/.*with predicted tags: .* F1 \([0-9.]*\).*/\1/p')

echo "measuring speed (one core)…" >&2
speed=$(GOMAXPROCS=1 go test -count=1 -run '^$' -bench '^BenchmarkExtract$' -benchtime 1x ./extract/ 2>/dev/null |
  awk '/^BenchmarkExtract/ {for (i = 1; i < NF; i++) if ($(i+1) == "words/cpu-s") print $i}')

python3 - "$tmp/seeds.json" "$carb" "$models" "$nerF1" "$speed" "$tmp/dev.json" "$perdoc" "$judged" "$timeDev" "$timeSet" <<'EOF'
import json, re, sys
seeds_path, carb, models, ner_f1, speed, dev_path, perdoc, judged, time_dev, time_set = sys.argv[1:11]
def load(path):
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return {}
s, d = load(seeds_path), load(dev_path)
def get(k, src=None):
    v = (s if src is None else src).get(k)
    return "n/a" if v is None else ("%.2f" % v if isinstance(v, float) else str(v))
m = re.search(r"share right: ([0-9.]+)", judged)
share = m.group(1) if m else "n/a"
m = re.search(r"precision ([0-9.]+)\s+recall ([0-9.]+)\s+F1 ([0-9.]+)\s+AUC ([0-9.]+)", carb)
xpos = uas = las = "n/a"
if models.split():
    xpos, uas, las = models.split()[:3]
rows = [
    ("seed gold: core recall", get("core_recall"), ">= 0.80"),
    ("seed gold: recall", get("recall"), ">= 0.50"),
    ("seed gold: entity-pair precision (pairs)", "%s (%s)" % (get("precision_entity_pairs"), get("entity_pair_predictions")), ">= 0.85"),
    ("seed gold: node ids per gold entity", get("ids_per_gold_entity"), "<= 1.10"),
    ("dev gold (14 unseen articles): core recall", get("core_recall", d), ">= 0.60"),
    ("dev gold: recall", get("recall", d), ">= 0.45"),
    ("dev gold: entity-pair precision (pairs)", "%s (%s)" % (get("precision_entity_pairs", d), get("entity_pair_predictions", d)), ">= 0.85"),
    ("judged precision (100 facts, dev and BBC, eval/judged.tsv)", share, ">= 0.85"),
    ("dev gold: facts whose time qualifier the matching fact carries (eval/time.py)", time_dev or "n/a", ">= 0.80"),
    ("invented dated sentences: time found and normalised right (extract/testdata/time.tsv)", time_set or "n/a", ">= 0.90"),
    ("CaRB dev: F1 (P / R, AUC)", "%s (%s / %s, %s)" % (m.group(3), m.group(1), m.group(2), m.group(4)) if m else "n/a", ">= 0.50"),
    ("UD EWT test: tagger XPOS %", xpos, ">= 95"),
    ("UD EWT test: parser UAS / LAS % (predicted tags)", "%s / %s" % (uas, las), ">= 86 / 83"),
    ("UNER EWT test: entity F1 (predicted tags)", ner_f1 or "n/a", ">= 0.75"),
    ("BBC corpus: whole extraction, words per CPU-second on one core", "{:,.0f}".format(float(speed)) if speed else "n/a", ">= 25,000"),
]
print("| measure | value | target |")
print("|---|---|---|")
for r in rows:
    print("| %s | %s | %s |" % r)
if perdoc.strip():
    print()
    print("Dev gold, article by article (`perdoc.py`):")
    print()
    print("```")
    print(perdoc.rstrip())
    print("```")
if "share right" in judged:
    print()
    print("Judged facts (`eval/precision.sh score eval/judged.tsv`):")
    print()
    print(judged.rstrip())
EOF
