#!/usr/bin/python3
"""Deterministic 1M-article corpus recombined from a real JSON Lines corpus.

    bench/make_corpus_1m.py SOURCE_DIR OUT_DIR [--articles 1000000]
                            [--shard 100000] [--seed 20240601]

OUT_DIR receives part-00.jsonl.gz, part-01.jsonl.gz, ... (SHARD articles each)
and, last, MANIFEST.json (parameters, article count, text bytes); a run that
finds a MANIFEST.json with the same parameters does nothing.

How the articles are made (contract: same input + arguments, same output):
 * The source articles are read in file-name order, then line order.
 * The first len(source) articles are the source articles verbatim (same id,
   title, body, date), so queries cut from the source still find their
   article in the big corpus.
 * Every further article i gets id "synth-%07d" % i and is recombined from
   real text by our own splitmix64 PRNG (seeded with --seed):
     - a template article T is drawn; the new article takes T's title, date
       and paragraph count n;
     - paragraph 1 is the lead (first paragraph) of another drawn article;
     - paragraphs 2..n are each a non-lead paragraph of some drawn article.
   So titles, paragraph lengths and the vocabulary are real Reuters text and
   the article length distribution follows the source's, but bodies are new
   combinations (no two synthetic articles share a body in practice).
 * Fields: id, title, body, date (when T has one), source "synthetic",
   lang "en". gzip level 1 with a zero mtime (byte-identical output).
"""
import argparse
import gzip
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_speed_queries import SplitMix64  # noqa: E402  (one PRNG for both generators)


def read_source(src):
    arts = []
    for name in sorted(os.listdir(src)):
        if name.endswith(".jsonl.gz") or name.endswith(".jsonl"):
            path = os.path.join(src, name)
            with (gzip.open if name.endswith(".gz") else open)(path, "rt", encoding="utf-8") as f:
                arts.extend(json.loads(line) for line in f if line.strip())
    return arts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--shard", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    params = {"source": os.path.abspath(a.source), "articles": a.articles,
              "shard": a.shard, "seed": a.seed, "generator": "make_corpus_1m.py v1"}
    manifest = os.path.join(a.out, "MANIFEST.json")
    if os.path.exists(manifest):
        with open(manifest) as f:
            if json.load(f).get("params") == params:
                print(f"make_corpus_1m: {a.out} is up to date", file=sys.stderr)
                return
        os.remove(manifest)
    os.makedirs(a.out, exist_ok=True)
    for old in os.listdir(a.out):
        if old.startswith("part-") and old.endswith(".jsonl.gz"):
            os.remove(os.path.join(a.out, old))

    arts = read_source(a.source)
    paras = [(x.get("body") or "").split("\n\n") for x in arts]
    leads = [p[0] for p in paras if p and p[0]]
    rest = [q for p in paras for q in p[1:] if q]
    rng = SplitMix64(a.seed)
    text_bytes, out, raw, shard_no = 0, None, None, -1
    for i in range(a.articles):
        if i % a.shard == 0:
            if out:
                out.close()
                raw.close()
            shard_no += 1
            raw = open(os.path.join(a.out, f"part-{shard_no:02d}.jsonl.gz"), "wb")
            out = io.TextIOWrapper(gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1,
                                                 mtime=0), encoding="utf-8")
        if i < len(arts):
            o = arts[i]
        else:
            t = arts[rng.below(len(arts))]
            n = max(1, len((t.get("body") or "").split("\n\n")))
            body = [leads[rng.below(len(leads))]]
            body += [rest[rng.below(len(rest))] for _ in range(n - 1)]
            o = {"id": f"synth-{i:07d}", "title": t.get("title", ""), "body": "\n\n".join(body)}
            if t.get("date"):
                o["date"] = t["date"]
            o.update(source="synthetic", lang="en")
        text_bytes += len(o.get("title", "").encode()) + len(o.get("body", "").encode())
        out.write(json.dumps(o, ensure_ascii=False) + "\n")
        if i % 100_000 == 99_999:
            print(f"make_corpus_1m: {i + 1} articles", file=sys.stderr)
    out.close()
    raw.close()
    with open(manifest, "w") as f:
        json.dump({"params": params, "articles": a.articles, "shards": shard_no + 1,
                   "text_bytes": text_bytes}, f, indent=1)
    print(f"make_corpus_1m: {a.articles} articles, {text_bytes / 1e6:.1f} MB text -> {a.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
