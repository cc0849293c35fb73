#!/usr/bin/env python3
"""The sampling and scoring half of eval/precision.sh (which see); not meant to be run alone.

usage: precision.py sample SHARED DEV.jsonl BBC.jsonl [N]
       precision.py score SHARED DEV.jsonl BBC.jsonl JUDGED.tsv
"""
import csv, importlib.util, json, random, sys

SEED = 12  # the number: fixed, so that the sample is the same for everyone
COLUMNS = ["n", "set", "doc", "sentence", "confidence", "open", "modality", "subject", "predicate",
           "relation", "object", "time", "evidence", "right", "note"]
BUCKETS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)]


def load(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]


def obj(f):
    o = f["object"]
    return o.get("name") or o.get("literal", "")


def when(f):
    """The time the fact carries from its own clause ("former", "in 2003"), which a judge needs to
    see: a former role is right only as former. Empty for the article's date."""
    t = f.get("time") or {}
    return t.get("text", "") if t.get("kind") == "event" else ""


def row(n, which, f):
    return {"n": n, "set": which, "doc": f["doc"], "sentence": f["sentence"], "confidence": f["confidence"],
            "open": "open" if f.get("open") else "", "modality": ("negated " if f.get("negated") else "") + f.get("modality", ""),
            "subject": f["subject"]["name"], "predicate": f["predicate"], "relation": f["relation"], "object": obj(f),
            "time": when(f),
            "evidence": " ".join(f["evidence"].split()), "right": "", "note": ""}


def sample(dev, bbc, n):
    rnd = random.Random(SEED)
    half = n // 2
    picked = [("dev", f) for f in rnd.sample(dev, min(half, len(dev)))]
    picked += [("bbc", f) for f in rnd.sample(bbc, min(n - len(picked), len(bbc)))]
    w = csv.DictWriter(sys.stdout, COLUMNS, delimiter="\t", lineterminator="\n")
    w.writeheader()
    for i, (which, f) in enumerate(picked, 1):
        w.writerow(row(i, which, f))


def bucket(c):
    for lo, hi in BUCKETS:
        if lo <= c < hi:
            return "%.2f–%.2f" % (lo, min(hi, 1.0))
    return "?"


def table(title, rows):
    print("| %s | facts | right | share |" % title)
    print("|---|---|---|---|")
    for k in sorted(rows):
        good, tot = rows[k]
        print("| %s | %d | %d | %.2f |" % (k, tot, good, good / tot if tot else 0))


def score(shared, dev, judged_path):
    with open(judged_path) as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r.get("right", "").strip() in ("0", "1")]
    if not rows:
        sys.exit("precision.py: no judged rows (the right column holds 1 or 0) in " + judged_path)
    good = sum(int(r["right"]) for r in rows)
    print("judged facts: %d, right: %d, share right: %.2f" % (len(rows), good, good / len(rows)))
    for which in ("dev", "bbc"):
        rs = [r for r in rows if r["set"] == which]
        if rs:
            print("  %s: %d of %d (%.2f)" % (which, sum(int(r["right"]) for r in rs), len(rs), sum(int(r["right"]) for r in rs) / len(rs)))
    print()
    by = {}
    for r in rows:
        k = bucket(float(r["confidence"]))
        g, t = by.get(k, (0, 0))
        by[k] = (g + int(r["right"]), t + 1)
    table("confidence (judged)", by)
    # Against the dev gold: predicted facts whose subject and object are gold entities, right when
    # the scorer finds a gold fact with that pair and a compatible predicate.
    spec = importlib.util.spec_from_file_location("score_kg", shared + "/eval/score_kg.py")
    sk = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sk)
    gold = sk.Gold(shared + "/eval/dev-gold")
    by = {}
    for p in dev:
        s, o = gold.resolve(p.get("subject")), gold.resolve(p.get("object"))
        if not s or not o:
            continue
        ok = any(g["subject"] in s and isinstance(g["object"], str) and g["object"] in o and p["doc"] in g["docs"]
                 and sk.compatible(p, g) for g in gold.facts)
        k = bucket(p["confidence"])
        g_, t = by.get(k, (0, 0))
        by[k] = (g_ + int(ok), t + 1)
    print()
    table("confidence (dev-gold entity pairs)", by)


def main():
    cmd, shared, dev, bbc = sys.argv[1:5]
    dev, bbc = load(dev), load(bbc)
    if cmd == "sample":
        sample(dev, bbc, int(sys.argv[5]) if len(sys.argv) > 5 else 100)
    else:
        score(shared, dev, sys.argv[5])


if __name__ == "__main__":
    main()
