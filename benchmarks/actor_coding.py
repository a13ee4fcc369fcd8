"""Actor coding on real news: gold actors of the Wikinews dev set, and uncoded mentions on the corpus.

    python benchmarks/actor_coding.py [--gold DIR] [--corpus PATH] [--misses] [--no-corpus]

For each expected actor of ../shared/gold/wikinews_events_dev/*.json (``mention``, ``code``,
``sector``) it looks for an emitted actor mention with that text (case-insensitive, a leading
'the' and a trailing possessive ignored; the mention's head text or its evidence text) and reports

  (a) the share of expected actors with such a mention carrying the expected code, and with the
      expected code and sector;
      and, as a precision proxy, the share emitted with a code but never the expected one;
  (b) the share of emitted actor mentions (in those articles) whose code is None;
  (c) with --misses, every expected actor not met, with what was emitted for that text;

then, unless --no-corpus, the share of emitted actor mentions with no code over the whole
../shared/corpus/wikinews/wikinews.jsonl (291 articles). Each article runs with its ``published``
date. Not a test: a development measurement, like the other scripts here.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path("/work/shared") if not (ROOT.parent / "shared").exists() else ROOT.parent / "shared"
DEFAULT_GOLD = SHARED / "gold" / "wikinews_events_dev"
DEFAULT_CORPUS = SHARED / "corpus" / "wikinews" / "wikinews.jsonl"


def norm(text: str) -> str:
    t = " ".join(text.lower().split())
    for lead in ("the ", "a "):
        if t.startswith(lead):
            t = t[len(lead):]
    for tail in ("'s", "’s"):
        if t.endswith(tail):
            t = t[: -len(tail)]
    return t.strip()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--misses", action="store_true", help="list the expected actors not met")
    ap.add_argument("--no-corpus", action="store_true", help="skip the whole-corpus figure")
    ap.add_argument("--resolved-by", action="store_true", help="count resolved_by of emitted mentions")
    args = ap.parse_args(argv)

    from newsevents import ArticleInput, Pipeline

    texts = {}
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts[rec["id"]] = rec
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold.glob("*.json"))]
    pipe = Pipeline()
    inputs = [ArticleInput(text=texts[g["id"]]["text"], published=date.fromisoformat(g["published"]), id=g["id"])
              for g in gold]
    n_exp = n_code = n_both = n_found = n_wrong = 0
    emitted = uncoded = 0
    how = Counter()
    misses = []
    for g, analysis in zip(gold, pipe.pipe(inputs)):
        by_text: dict = {}
        for a in analysis.actors:
            emitted += 1
            uncoded += a.code is None
            how[a.resolved_by] += 1
            for t in {norm(a.text), norm(a.evidence.text)}:
                by_text.setdefault(t, []).append(a)
        for exp in g["actors"]:
            n_exp += 1
            got = by_text.get(norm(exp["mention"]), [])
            n_found += bool(got)
            ok = [a for a in got if a.code == exp["code"]]
            n_code += bool(ok)
            n_both += any(a.sector == exp["sector"] for a in ok)
            n_wrong += bool(got) and not ok and any(a.code for a in got)
            if not ok:
                seen = sorted({f"{a.code}/{a.sector}/{a.resolved_by}" for a in got}) or ["-"]
                misses.append(f"{g['id']}\t{exp['mention']!r}\twant {exp['code']}/{exp['sector']}"
                              f"\tgot {', '.join(seen)}")
    print(f"dev set: {len(gold)} articles, {n_exp} expected actors")
    print(f"(a) mention emitted: {n_found / n_exp:.3f}  code right: {n_code / n_exp:.3f} ({n_code})  "
          f"code+sector right: {n_both / n_exp:.3f} ({n_both})")
    print(f"    wrong code (emitted with a code, none the expected one): {n_wrong / n_exp:.3f} ({n_wrong})")
    print(f"(b) emitted mentions with code None: {uncoded / max(emitted, 1):.3f} ({uncoded}/{emitted})")
    if args.resolved_by:
        print("    resolved_by:", dict(how.most_common()))
    if args.misses:
        print("(c) misses:")
        for m in misses:
            print("   ", m)
    if not args.no_corpus:
        inputs = [ArticleInput(text=r["text"], published=date.fromisoformat(r["published"]) if r.get("published")
                               else None, id=r["id"]) for r in texts.values()]
        emitted = uncoded = 0
        for analysis in pipe.pipe(inputs):
            emitted += len(analysis.actors)
            uncoded += sum(a.code is None for a in analysis.actors)
        print(f"corpus: {len(inputs)} articles, emitted mentions with code None: "
              f"{uncoded / max(emitted, 1):.3f} ({uncoded}/{emitted})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
