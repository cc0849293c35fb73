#!/usr/bin/env bash
# Measures newsgraph's coreference on OntoGUM dev (../shared/eval/gum-coref, or
# $NEWSGRAPH_SHARED/eval/gum-coref) with the standard scorer (../shared/eval/coval): runs
# `newsgraph annotate --format conll2012` on the GUM dev CoNLL-U (so its tokens are the key's) and
# prints markdown tables of MUC, B³, CEAFe and CoNLL F1 (the mean of the three) and mention F1:
# overall, on news, and per genre; each on every chain and on the chains that contain a name.
#
# A chain contains a name when one of its mentions has a proper noun (gold XPOS NNP or NNPS) as its
# head in GUM's gold tree (the token of the span whose head lies outside it). Key and response are
# restricted alike by this one test, written below in Python, before scoring.
#
# Needs Go and a Python 3 with numpy and scipy (Debian: python3-numpy python3-scipy); set PYTHON
# to choose one. Takes about a minute.
#
# usage: eval/coref.sh [RESPONSE.conll]   (the response is kept in RESPONSE.conll when given)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${NEWSGRAPH_SHARED:-../shared}"
keys="$shared/eval/gum-coref/dev"
gum="$shared/train/gum/en_gum-cc-dev.conllu"
scorer="$shared/eval/coval/scorer.py"
for f in "$keys" "$gum" "$scorer"; do
  if [ ! -e "$f" ]; then
    echo "eval/coref.sh: no $f (set NEWSGRAPH_SHARED)" >&2
    exit 2
  fi
done
py=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$p" -c 'import numpy, scipy' >/dev/null 2>&1; then
    py=$p
    break
  fi
done
if [ -z "$py" ]; then
  echo "eval/coref.sh: the scorer needs a Python 3 with numpy and scipy (apt-get install python3-numpy python3-scipy, or set PYTHON)" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
resp="${1:-$tmp/response.conll}"
go build -o "$tmp/newsgraph" ./cmd/newsgraph
"$tmp/newsgraph" annotate --format conll2012 "$gum" >"$resp"
"$py" - "$keys" "$resp" "$gum" "$scorer" "$tmp" <<'EOF'
import collections, glob, os, re, subprocess, sys

keydir, resp, gum, scorer, tmp = sys.argv[1:6]


def read_conll(paths):
    """Reads CoNLL-2012 files: {doc: (words, {chain: [(first, last) token spans]})}, in order."""
    docs = {}
    for path in paths:
        name = None
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if line.startswith("#begin document"):
                    m = re.fullmatch(r"#begin document \((.*)\); part 000", line)
                    if not m:
                        sys.exit("%s:%d: bad header %r" % (path, ln, line))
                    name = m.group(1)
                    words, chains, opened = [], collections.defaultdict(list), collections.defaultdict(list)
                    docs[name] = (words, chains)
                elif line.startswith("#end document"):
                    name = None
                elif name is not None and line.strip():
                    cols = line.split()
                    i = len(words)
                    words.append(cols[1])
                    if cols[-1] == "_":
                        continue
                    for part in cols[-1].split("|"):
                        if m := re.fullmatch(r"\((\d+)\)", part):
                            chains[int(m.group(1))].append((i, i))
                        elif m := re.fullmatch(r"\((\d+)", part):
                            opened[int(m.group(1))].append(i)
                        elif m := re.fullmatch(r"(\d+)\)", part):
                            c = int(m.group(1))
                            if not opened[c]:
                                sys.exit("%s:%d: chain %d closed before it opened" % (path, ln, c))
                            chains[c].append((opened[c].pop(), i))
                        else:
                            sys.exit("%s:%d: bad chain marker %r" % (path, ln, part))
    return docs


def write_conll(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for name, (words, chains) in docs.items():
            marks = collections.defaultdict(list)  # token -> [(order, text)]
            for c, spans in chains.items():
                for a, b in spans:
                    if a == b:
                        marks[a].append(((2, 0), "(%d)" % c))
                    else:
                        marks[a].append(((1, a - b), "(%d" % c))
                        marks[b].append(((0, -a), "%d)" % c))
            f.write("#begin document (%s); part 000\n" % name)
            for i, w in enumerate(words):
                ms = [t for _, t in sorted(marks[i])]
                f.write("%d\t%s\t%s\n" % (i, w, "|".join(ms) if ms else "_"))
            f.write("#end document\n")


def read_gold_heads(path):
    """{doc: [(xpos, head token index in the document or -1)]} from GUM's CoNLL-U basic words."""
    docs, cur, sent = {}, None, []

    def flush():
        base = len(cur)
        for xpos, head in sent:
            cur.append((xpos, base + head - 1 if head > 0 else -1))
        sent.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id ="):
                if sent:
                    flush()
                cur = docs.setdefault(line.split("=", 1)[1].strip(), [])
            elif not line.strip():
                if sent:
                    flush()
            elif not line.startswith("#"):
                cols = line.split("\t")
                if re.fullmatch(r"\d+", cols[0]):
                    sent.append((cols[4], int(cols[6])))
    if sent:
        flush()
    return docs


gold = read_gold_heads(gum)


def is_name(doc, span):
    """A mention is a name when its head (the first token whose head lies outside the span) is a
    proper noun in GUM's gold tree."""
    toks = gold[doc]
    a, b = span
    heads = [i for i in range(a, b + 1) if not a <= toks[i][1] <= b] or [a]
    return toks[heads[0]][0] in ("NNP", "NNPS")


def restrict(docs, names_only):
    if not names_only:
        return docs
    return {d: (w, {c: s for c, s in ch.items() if any(is_name(d, m) for m in s)}) for d, (w, ch) in docs.items()}


key = read_conll(sorted(glob.glob(os.path.join(keydir, "*.conll"))))
sysd = read_conll([resp])
for d in key:
    if d not in sysd or len(sysd[d][0]) != len(key[d][0]):
        sys.exit("eval/coref.sh: the response does not have the tokens of key document %s" % d)
    if len(gold.get(d, [])) != len(key[d][0]):
        sys.exit("eval/coref.sh: GUM's CoNLL-U does not have the tokens of key document %s" % d)


def score(docs, names_only):
    k = os.path.join(tmp, "key.conll")
    r = os.path.join(tmp, "sys.conll")
    write_conll(k, restrict({d: key[d] for d in docs}, names_only))
    write_conll(r, restrict({d: sysd[d] for d in docs}, names_only))
    out = subprocess.run([sys.executable, scorer, k, r], capture_output=True, text=True, check=True).stdout
    f1 = dict(re.findall(r"^(\w+)\s+Recall: .*F1: ([0-9.]+)", out, re.M))
    conll = re.search(r"CoNLL score: ([0-9.]+)", out)
    if not conll or not all(m in f1 for m in ("mentions", "muc", "bcub", "ceafe")):
        sys.exit("eval/coref.sh: unexpected scorer output:\n" + out)
    chains = sum(len(restrict({d: key[d]}, names_only)[d][1]) for d in docs)
    return f1, float(conll.group(1)), chains


genre = lambda d: d.split("_")[1]
alld = list(key)
news = [d for d in alld if genre(d) == "news"]
print("| OntoGUM dev | documents | chains (key) | MUC F1 | B³ F1 | CEAFe F1 | CoNLL F1 | mention F1 |")
print("|---|---|---|---|---|---|---|---|")
for label, docs in (("all genres", alld), ("news", news), ("other genres", [d for d in alld if d not in news])):
    for names_only in (False, True):
        f1, conll, chains = score(docs, names_only)
        print("| %s%s | %d | %d | %s | %s | %s | **%.2f** | %s |" % (
            label, ", chains with a name" if names_only else "", len(docs), chains,
            f1["muc"], f1["bcub"], f1["ceafe"], conll, f1["mentions"]))
print()
print("| genre | documents | CoNLL F1, all chains | CoNLL F1, chains with a name |")
print("|---|---|---|---|")
for g in sorted(set(map(genre, alld))):
    docs = [d for d in alld if genre(d) == g]
    print("| %s | %d | %.2f | %.2f |" % (g, len(docs), score(docs, False)[1], score(docs, True)[1]))
EOF
