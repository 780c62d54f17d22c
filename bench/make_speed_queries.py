#!/usr/bin/python3
"""Deterministic query set for speed_bench, cut from a JSON Lines corpus.

    bench/make_speed_queries.py CORPUS_DIR OUT.tsv [--bags 500] [--phrases 350]
                                [--names 350] [--seed 20240601]

Writes "qid<TAB>query" lines (no header), in this order:
  B####  2-4 words of one headline, lowercased, in headline order
         (ASCII words of 3+ letters that are not stopwords);
  P####  a quoted two-word phrase: two adjacent headline words, lowercased
         (2+ letters each, neither a stopword), e.g. "central bank";
  N####  a name: two adjacent capitalised body words not at a sentence start
         and not beside a third capitalised word (e.g. Ben Bernanke), as typed.
Contract: the same corpus and arguments give a byte-identical file on any
machine. The articles are read in file-name order, the random numbers come
from our own splitmix64 (not Python's random, whose algorithms may change),
and duplicates are dropped (first kept). Every query is drawn from some
article, so on the full corpus every one matches at least that article.
"""
import argparse
import gzip
import json
import os
import re
import sys

STOP = set("""a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing
down during each few for from further had has have having he her here hers him his
how i if in into is it its itself just me more most my no nor not now of off on
once only or other our out over own same says say said she should so some such than
that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your
new update factbox exclusive analysis insight""".split())
NOT_NAMES = set("""The This That These Those There Their They Reuters January February
March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday But And For With From When While After
Before Under Over Its His Her Our Editing Reporting Additional Writing""".split())
WORD = re.compile(r"[A-Za-z]+")
NAME = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b(?! [A-Z])")


class SplitMix64:
    """Tiny PRNG with a fixed algorithm, so the query file never drifts."""

    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def read_articles(corpus):
    """(title, body) of every article, shards in name order."""
    out = []
    for name in sorted(os.listdir(corpus)):
        if not (name.endswith(".jsonl.gz") or name.endswith(".jsonl")):
            continue
        path = os.path.join(corpus, name)
        with (gzip.open if name.endswith(".gz") else open)(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    o = json.loads(line)
                    out.append((o.get("title", ""), o.get("body", "")))
    return out


def bag(title, rng):
    words = []
    for w in WORD.findall(title):
        w = w.lower()
        if len(w) >= 3 and w not in STOP and w not in words:
            words.append(w)
    if len(words) < 2:
        return None
    k = 2 + rng.below(3)
    k = min(k, len(words))
    picked = set()
    while len(picked) < k:
        picked.add(rng.below(len(words)))
    return " ".join(words[i] for i in sorted(picked))


def phrase(title, rng):
    toks = title.split()
    pairs = []
    for a, b in zip(toks, toks[1:]):
        if WORD.fullmatch(a) and WORD.fullmatch(b):
            a, b = a.lower(), b.lower()
            if len(a) >= 2 and len(b) >= 2 and a not in STOP and b not in STOP:
                pairs.append(f'"{a} {b}"')
    return pairs[rng.below(len(pairs))] if pairs else None


def name(body, rng):
    found = [f"{a} {b}" for a, b in NAME.findall(body) if a not in NOT_NAMES and b not in NOT_NAMES]
    return found[rng.below(len(found))] if found else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--bags", type=int, default=500)
    ap.add_argument("--phrases", type=int, default=350)
    ap.add_argument("--names", type=int, default=350)
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    arts = read_articles(a.corpus)
    if not arts:
        sys.exit(f"no articles in {a.corpus}")
    rng = SplitMix64(a.seed)
    seen, lines = set(), []
    for prefix, count, make in (("B", a.bags, lambda t, b: bag(t, rng)),
                                ("P", a.phrases, lambda t, b: phrase(t, rng)),
                                ("N", a.names, lambda t, b: name(b, rng))):
        n = tries = 0
        while n < count:
            tries += 1
            if tries > 100 * count:
                sys.exit(f"could not draw {count} {prefix} queries")
            q = make(*arts[rng.below(len(arts))])
            if q and q.lower() not in seen:
                seen.add(q.lower())
                n += 1
                lines.append(f"{prefix}{n:04d}\t{q}\n")
    with open(a.out, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print(f"make_speed_queries: {len(lines)} queries from {len(arts)} articles -> {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
