#!/usr/bin/env bash
# Prints the figures of newsgraph's linguistic models in one markdown table, with the targets of
# issue 13: tagger XPOS and parser UAS/LAS on UD EWT test and GUM dev (all genres and news), names
# F1 on GUM dev (all and news) and UniversalNER EWT test (`newsgraph-train eval -md`), and
# coreference CoNLL F1 on OntoGUM dev, every chain and the chains with a name (eval/coref.sh); then
# coreference per genre. docs/models.md shows its output. Reads ../shared (or $NEWSGRAPH_SHARED);
# needs Go and a Python 3 with numpy and scipy. Takes a minute or two.
#
# usage: eval/models.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/newsgraph-train eval -md >"$tmp/models.md"
eval/coref.sh >"$tmp/coref.md"
cat "$tmp/models.md"
# Coreference rows of eval/coref.sh's first table (before its blank line): | subset | docs | chains | MUC | B3 | CEAFe | **CoNLL** | mentions |
awk -F' *\\| *' '
  function row(label, f, target, v) {
    v = f[8]; gsub(/\*/, "", v)
    status = ""
    if (target != "") status = (v + 0 >= target + 0) ? "met" : sprintf("missed by %.2f", target - v)
    printf "| OntoGUM dev, %s: coreference CoNLL F1 (MUC / B³ / CEAFe; %s key chains) | %s (%s / %s / %s) | %s | %s |\n", \
      label, f[4], v, f[5], f[6], f[7], (target == "" ? "" : ">= " target), status
  }
  /^$/ { done = 1 }
  done { next }
  /^\| all genres \|/ { split($0, f, / *\| */); row("all genres, every chain", f, "50") }
  /^\| all genres, chains with a name \|/ { split($0, f, / *\| */); row("all genres, chains with a name", f, "65") }
  /^\| news \|/ { split($0, f, / *\| */); row("news, every chain", f, "") }
  /^\| news, chains with a name \|/ { split($0, f, / *\| */); row("news, chains with a name", f, "") }
' "$tmp/coref.md"
echo
# The per-genre table of eval/coref.sh.
awk 'n == 1 {print} /^$/ {n = 1}' "$tmp/coref.md"
