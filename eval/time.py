#!/usr/bin/env python3
"""Time of facts on a gold standard (issue 15): of the gold facts that carry a `time` qualifier (the
words of the text), the share whose matching extracted fact carries that time expression.

usage: eval/time.py GOLD_DIR FACTS.jsonl [--min-share S] [--json]

Gold and extracted facts are matched exactly as ../shared/eval/score_kg.py matches them (its code is
imported, from $NEWSGRAPH_SHARED/eval or ../shared/eval). An extracted fact carries the time when its
`time` is of kind "event" and its text shares a word with the gold expression, leaving out
prepositions, articles and the words that only say which period ("last", "this", "next"): "on Friday"
carries "Friday", "this year" does not carry "this week". The share is over the matched gold facts;
the share over all time-qualified gold facts, and the split between date-like gold expressions
("Tuesday", "last week", "2003") and others ("formerly", "when the scandal broke"), are printed too.
Exit status 1 when the share is under --min-share.
"""
import json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("NEWSGRAPH_SHARED", os.path.join(here, "..", "..", "shared"))
sys.path.insert(0, os.path.join(shared, "eval"))
import score_kg  # noqa: E402

PERIOD = {"last", "next", "this", "earlier", "later", "past", "coming", "previous", "on", "in", "since",
          "until", "during", "at", "by", "the", "a", "of", "ago"}
DATE_WORDS = set("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight week month year weekend "
                 "january february march april may june july august september october november december".split())


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in PERIOD}


def date_like(s):
    ws = re.findall(r"[a-z0-9]+", s.lower())
    return any(w in DATE_WORDS or re.fullmatch(r"1[89]\d\d|20\d\d", w) for w in ws)


def main():
    args = sys.argv[1:]
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    min_share = 0.0
    if "--min-share" in args:
        i = args.index("--min-share")
        min_share = float(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    gold = score_kg.Gold(args[0])
    preds = [json.loads(l) for l in open(args[1]) if l.strip()]
    for p in preds:
        p["_s"] = gold.resolve(p.get("subject"))

    def docmatch(doc, gdocs):
        return any(doc == d or doc.endswith("/" + d) or d.startswith(doc) for d in gdocs)

    timed = [g for g in gold.facts if (g.get("qualifiers") or {}).get("time")]
    rows = []
    for g in timed:
        gt = g["qualifiers"]["time"]
        cands = [p for p in preds if docmatch(p.get("doc", ""), g["docs"]) and g["subject"] in p["_s"]
                 and score_kg.compatible(p, g) and score_kg.object_match(gold, p, g)]
        carried = [p for p in cands if (p.get("time") or {}).get("kind") == "event" and words(p["time"].get("text")) & words(gt)]
        got = carried[0] if carried else (cands[0] if cands else None)
        rows.append({"id": g["id"], "time": gt, "date_like": date_like(gt), "matched": bool(cands), "carried": bool(carried),
                     "extracted": (got or {}).get("time")})
    matched = [r for r in rows if r["matched"]]
    share = lambda rs: round(sum(r["carried"] for r in rs) / max(1, len(rs)), 3)
    res = {
        "gold_time_facts": len(rows),
        "matched": len(matched),
        "carried": sum(r["carried"] for r in rows),
        "share_of_matched": share(matched),
        "share_of_all": share(rows),
        "date_like_matched": f"{sum(r['carried'] for r in matched if r['date_like'])}/{sum(1 for r in matched if r['date_like'])}",
        "other_matched": f"{sum(r['carried'] for r in matched if not r['date_like'])}/{sum(1 for r in matched if not r['date_like'])}",
        "share_of_date_like_matched": share([r for r in matched if r["date_like"]]),
        "missed": [f"{r['id']} {r['time']!r} got {r['extracted']}" for r in matched if not r["carried"]],
    }
    if as_json:
        print(json.dumps(res, indent=1))
    else:
        for k, v in res.items():
            if k == "missed":
                print("missed (matched facts without the time):")
                for m in v:
                    print("  " + m)
            else:
                print(f"{k}: {v}")
    sys.exit(0 if res["share_of_matched"] >= min_share else 1)


if __name__ == "__main__":
    main()
