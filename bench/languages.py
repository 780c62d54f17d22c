#!/usr/bin/env python3
"""Multilingual benchmark (issue 18): inflection recall per language and
language identification, on ../shared/data/multilingual-news.

Run through bench/languages.sh (which finds the data and checks the builds);
see its header for the usage. Stdlib only.

Definitions (the contract of the figures this prints):

* Ground truth of a group (bench/data/inflections.tsv): the articles whose
  `lang` (JSONL) is the group's language and whose headline or body contains
  any of the group's forms as a whole word. Words: the text is NFKC-normalised
  and case-folded (str.casefold), then a word is a maximal run of characters
  of Unicode category L* (letters), M* (marks) or N* (numbers); everything
  else separates words, including apostrophes and hyphens (so "l'anno"
  contains "anno"). Nothing else is folded: accents are kept.
* For each form, `search --json -n 10000 FORM` (paged with --offset when a
  page is full) gives the found articles F.
  share = |F & G| / |G|; wrong-language = |{f in F : lang(f) != L}| / |F|,
  where lang(f) is the hit's "lang" when the build prints one, else the
  JSONL's `lang` for that id.
* A group's share is the mean over its forms; a language's share is the mean
  over its groups; a language's wrong-language share is pooled over its
  forms (wrong hits / hits), and so is "wrong-lang in top 10" (wrong hits
  among each form's first 10 / those hits): what a reader of the first page
  sees. "mean (stemmed)" is the mean over the languages
  that have a Xapian 1.4 Snowball stemmer (ar de en fr it ru in this data),
  "mean (all)" over all languages; both give each language one vote.
* "elided" is the share of a language's group articles in which every
  occurrence of the forms is written after a letter + apostrophe ("l'anno",
  "dell'anno", "d'heures"): the articles only an engine that splits elisions
  can find.
* Forced language (only when `search --help` offers --lang): the same, with
  `search --lang L`.
* Language identification: the JSONL is copied with `lang` removed and read
  by `indexer --print`; each record's "lang" is compared with the original.
  Skipped when the build's --print records have no "lang_source".

Exit status: 0 when it ran (every figure is a measurement), 1 when a search
or the identification run failed part-way (listed at the end), 2 on a setup
error (indexer failed, inflections.tsv malformed).
"""

import argparse
import collections
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

# Languages of the data that Xapian 1.4 ships a Snowball stemmer for.
STEMMED = {"ar", "de", "en", "fr", "it", "ru"}
APOSTROPHES = {"'", "\u2019"}
LIMIT = 10000  # search's -n maximum


def fnv1a64(text):
    h = 14695981039346656037
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def fold(text):
    return unicodedata.normalize("NFKC", text).casefold()


def words(text):
    """Yields (word, elided) for the folded text: elided when the word directly
    follows a letter and an apostrophe."""
    text = fold(text)
    start = None
    for i, ch in enumerate(text + " "):
        if unicodedata.category(ch)[0] in "LMN":
            if start is None:
                start = i
        elif start is not None:
            elided = (start >= 2 and text[start - 1] in APOSTROPHES
                      and unicodedata.category(text[start - 2])[0] == "L")
            yield text[start:i], elided
            start = None


class Group:
    def __init__(self, lang, name, split, forms):
        self.lang, self.name, self.split, self.forms = lang, name, split, forms
        self.articles = set()  # ground truth ids
        self.elided_only = set()


def load_groups(path):
    groups, errors = [], []
    seen_header = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not seen_header:
                seen_header = True
                if cols != ["lang", "group", "split", "forms"]:
                    errors.append(f"line {n}: expected the header 'lang group split forms'")
                continue
            if len(cols) != 4:
                errors.append(f"line {n}: {len(cols)} columns, want 4")
                continue
            lang, name, split, forms = cols
            forms = forms.split(" ")
            want = "dev" if fnv1a64(f"{lang}-{name}") % 2 == 0 else "test"
            if split != want:
                errors.append(f"line {n}: {lang}-{name} is '{split}', its hash says '{want}'")
            if not 2 <= len(forms) <= 6 or any(not w for w in forms):
                errors.append(f"line {n}: {lang}-{name} needs 2-6 forms")
            groups.append(Group(lang, name, split, forms))
    keys = [(g.lang, g.name) for g in groups]
    if len(set(keys)) != len(keys):
        errors.append("duplicate lang+group")
    return groups, errors


def read_articles(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def ground_truth(data, groups):
    """Fills each group's articles and elided_only; returns (lang by id,
    articles per language, folded form -> Counter of articles per language)."""
    by_form = collections.defaultdict(list)
    for g in groups:
        for w in g.forms:
            by_form[fold(w)].append(g)
    lang_of, per_lang = {}, collections.Counter()
    form_df = collections.defaultdict(collections.Counter)
    for r in read_articles(data):
        lang = r.get("lang", "")
        lang_of[r["id"]] = lang
        per_lang[lang] += 1
        plain, elided = set(), set()
        for w, e in words(r.get("title", "") + "\n" + r.get("body", "")):
            if w in by_form:
                (elided if e else plain).add(w)
        hit = collections.defaultdict(bool)  # group -> some form occurs unelided
        for w in plain | elided:
            form_df[w][lang] += 1
            for g in by_form[w]:
                if g.lang == lang:
                    g.articles.add(r["id"])
                    hit[id(g)] |= w in plain
        for w in elided:
            for g in by_form[w]:
                if g.lang == lang and not hit[id(g)]:
                    g.elided_only.add(r["id"])
    return lang_of, per_lang, form_df


def run_index(bin_dir, data, db):
    t0 = time.monotonic()
    p = subprocess.run([os.path.join(bin_dir, "indexer"), "--db", db, data],
                       capture_output=True, text=True)
    wall = time.monotonic() - t0
    if p.returncode != 0:
        raise SetupError(f"{bin_dir}/indexer --db {db} {data} exited {p.returncode}:\n"
                         + p.stderr[-2000:])
    size = 0
    for root, _, files in os.walk(db):
        for name in files:
            size += os.path.getsize(os.path.join(root, name))
    summary = next((l for l in p.stdout.splitlines() if l.startswith("added=")), "")
    return wall, size, summary


class SetupError(Exception):
    pass


def search(bin_dir, db, query, lang=None):
    """Returns (list of (id, lang or None), error or None)."""
    hits, offset = [], 0
    while True:
        cmd = [os.path.join(bin_dir, "search"), "--db", db, "--json", "-n", str(LIMIT),
               "-p", "1", "--snippet-chars", "20", "--color", "never"]
        if offset:
            cmd += ["--offset", str(offset)]
        if lang:
            cmd += ["--lang", lang]
        cmd += ["--", query]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode not in (0, 1):
            return hits, f"{' '.join(cmd)}: exit {p.returncode}: {p.stderr.strip()[:300]}"
        page = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        hits += [(h["id"], h.get("lang")) for h in page]
        if len(page) < LIMIT:
            return hits, None
        offset += LIMIT


def measure(build, groups, lang_of, forced):
    """Per form: share, wrong, hits. Returns {(lang, name): [(form, share,
    found, wrong)]}, errors, lang-field mismatches."""
    out, errors, mismatch = {}, [], collections.Counter()
    for g in groups:
        rows = []
        for w in g.forms:
            hits, err = search(build["bin"], build["db"], w, g.lang if forced else None)
            if err:
                errors.append(err)
            ids = {h for h, _ in hits}
            wrong = wrong10 = 0
            for rank, (h, hl) in enumerate(hits):
                truth = lang_of.get(h, "?")
                got = hl if hl is not None else truth
                if hl is not None and hl != truth:
                    mismatch[(truth, hl)] += 1
                if got != g.lang:
                    wrong += 1
                    wrong10 += rank < 10
            share = len(ids & g.articles) / len(g.articles) if g.articles else float("nan")
            rows.append((w, share, len(hits), wrong, min(10, len(hits)), wrong10))
        out[(g.lang, g.name)] = rows
    return out, errors, mismatch


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float("nan")


def fmt(x, digits=3):
    return "–" if x != x else f"{x:.{digits}f}"


def summarise(groups, result, split):
    """Per language: (groups, share, wrong pooled, wrong in the top 10s pooled)."""
    per = {}
    for lang in sorted({g.lang for g in groups}):
        gs = [g for g in groups if g.lang == lang and (split == "all" or g.split == split)
              and g.articles]
        if not gs:
            continue
        share = mean(mean(r[1] for r in result[(g.lang, g.name)]) for g in gs)
        found = sum(r[2] for g in gs for r in result[(g.lang, g.name)])
        wrong = sum(r[3] for g in gs for r in result[(g.lang, g.name)])
        top = sum(r[4] for g in gs for r in result[(g.lang, g.name)])
        wrong10 = sum(r[5] for g in gs for r in result[(g.lang, g.name)])
        per[lang] = (len(gs), share, wrong / found if found else float("nan"),
                     wrong10 / top if top else float("nan"))
    return per


def bar_line(per):
    stemmed = {l: v for l, v in per.items() if l in STEMMED}
    m = mean(v[1] for v in stemmed.values())
    low = [l for l, v in stemmed.items() if v[1] < 0.80]
    met = m >= 0.90 and not low
    return (f"mean (stemmed) {fmt(m)} {'>=' if m >= 0.90 else '<'} 0.90; stemmed languages "
            f"below 0.80: {', '.join(low) if low else 'none'} -> bar {'met' if met else 'NOT met'}")


def print_recall(title, groups, result):
    print(f"\n### {title}\n")
    splits = ["dev", "test", "all"]
    pers = {s: summarise(groups, result, s) for s in splits}
    print("| lang | stemmer | groups dev/test | share dev | share test | share all "
          "| wrong-lang dev | wrong-lang test | wrong-lang all | wrong-lang in top 10, all |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for lang in sorted(pers["all"]):
        cells = [lang, "yes" if lang in STEMMED else "no",
                 f"{pers['dev'].get(lang, (0,))[0]}/{pers['test'].get(lang, (0,))[0]}"]
        cells += [fmt(pers[s][lang][1]) if lang in pers[s] else "–" for s in splits]
        cells += [fmt(pers[s][lang][2]) if lang in pers[s] else "–" for s in splits]
        cells.append(fmt(pers["all"][lang][3]))
        print("| " + " | ".join(cells) + " |")
    for label, keep in (("mean (stemmed)", STEMMED), ("mean (all)", None)):
        cells = [f"**{label}**", "", ""]
        for s in splits:
            cells.append("**" + fmt(mean(v[1] for l, v in pers[s].items()
                                          if keep is None or l in keep)) + "**")
        for s in splits:
            cells.append(fmt(mean(v[2] for l, v in pers[s].items()
                                  if keep is None or l in keep)))
        cells.append(fmt(mean(v[3] for l, v in pers["all"].items()
                              if keep is None or l in keep)))
        print("| " + " | ".join(cells) + " |")
    forms = [r[1] for rows in result.values() for r in rows if r[1] == r[1]]
    print(f"\nmean over all {len(forms)} forms (each form one vote): {fmt(mean(forms))}")
    for s in splits:
        print(f"- bar ({s}): {bar_line(pers[s])}")
    return pers


def print_worst(groups, result, n, label):
    scored = sorted(((mean(r[1] for r in result[(g.lang, g.name)]), g) for g in groups
                     if g.articles), key=lambda x: x[0])
    print(f"\n### The {n} worst groups, {label}\n")
    print("| share | lang | group | split | articles | elided | per form: share (hits, wrong-lang hits) |")
    print("|---:|---|---|---|---:|---:|---|")
    for s, g in scored[:n]:
        forms = "; ".join(f"{r[0]} {fmt(r[1], 2)} ({r[2]}, {r[3]})"
                          for r in result[(g.lang, g.name)])
        print(f"| {fmt(s)} | {g.lang} | {g.name} | {g.split} | {len(g.articles)} "
              f"| {len(g.elided_only)} | {forms} |")


def lang_id(build, data, tmp, lang_of):
    """Language identification table, or None when the build has no lang_source."""
    stripped = os.path.join(tmp, "nolang.jsonl")
    with open(stripped, "w", encoding="utf-8") as out:
        for r in read_articles(data):
            r.pop("lang", None)
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    printed = os.path.join(tmp, f"print-{build['name']}.jsonl")
    with open(printed, "w", encoding="utf-8") as out:
        t0 = time.monotonic()
        p = subprocess.run([os.path.join(build["bin"], "indexer"), "--print", stripped],
                           stdout=out, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - t0
    if p.returncode != 0:
        return {"error": f"indexer --print exited {p.returncode}: {p.stderr[-500:]}"}
    got, sources = {}, collections.Counter()
    with open(printed, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if "lang_source" not in r:
                return None
            got[r["id"]] = r.get("lang", "")
            sources[(lang_of.get(r["id"], "?"), r["lang_source"])] += 1
    return {"got": got, "sources": sources, "wall": wall}


def print_lang_id(build, res, lang_of):
    print(f"\n### Language identification, {build['name']} (`indexer --print` on the JSONL "
          "without `lang`)\n")
    if res is None:
        print(f"skipped: {build['bin']}/indexer --print has no \"lang_source\" "
              "(a build without language detection)")
        return None
    if "error" in res:
        print("FAILED: " + res["error"])
        return res["error"]
    got, sources = res["got"], res["sources"]
    per = collections.defaultdict(collections.Counter)
    for i, truth in lang_of.items():
        per[truth][got.get(i, "(missing)")] += 1
    print("| lang | articles | correct | accuracy | most common confusion | detected / default |")
    print("|---|---:|---:|---:|---|---|")
    total = correct = 0
    for lang in sorted(per):
        c = per[lang]
        n, ok = sum(c.values()), c[lang]
        total, correct = total + n, correct + ok
        wrong = [(k, v) for k, v in c.most_common() if k != lang]
        conf = f"{wrong[0][0] or '(empty)'} {wrong[0][1]}" if wrong else "–"
        src = f"{sources[(lang, 'detected')]} / {sources[(lang, 'default')]}"
        print(f"| {lang} | {n} | {ok} | {ok / n:.3f} | {conf} | {src} |")
    share = correct / total if total else float("nan")
    print(f"| **all** | {total} | {correct} | **{share:.4f}** | | |")
    other = {k: v for k, v in sources.items() if k[1] not in ("detected", "default")}
    if other:
        print(f"\nother lang_source values: {dict(other)} (expected none: the field was removed)")
    missing = sum(1 for i in lang_of if i not in got)
    print(f"\noverall {100 * share:.2f} % ({'>=' if share >= 0.98 else '<'} 98 %: bar "
          f"{'met' if share >= 0.98 else 'NOT met'}); {len(got)} records printed, "
          f"{missing} ids missing; --print took {res['wall']:.1f} s")
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True, help="build dir (bin/indexer, bin/search)")
    ap.add_argument("--baseline", help="baseline build dir")
    ap.add_argument("--data", required=True, help="multilingual-news/articles.jsonl.gz")
    ap.add_argument("--groups", required=True, help="inflections.tsv")
    ap.add_argument("--worst", type=int, default=12)
    ap.add_argument("--keep", action="store_true", help="keep the temp dir")
    args = ap.parse_args()

    groups, errors = load_groups(args.groups)
    if errors:
        print("languages: inflections.tsv is malformed:\n  " + "\n  ".join(errors),
              file=sys.stderr)
        return 2
    tmp = tempfile.mkdtemp(prefix="newsearch-languages.")
    failures = []
    try:
        builds = [{"name": "build", "dir": args.build}]
        if args.baseline:
            builds.append({"name": "baseline", "dir": args.baseline})
        for b in builds:
            b["bin"] = os.path.join(os.path.abspath(b["dir"]), "bin")
            b["db"] = os.path.join(tmp, f"db-{b['name']}")
            helptext = subprocess.run([os.path.join(b["bin"], "search"), "--help"],
                                      capture_output=True, text=True).stdout
            b["has_lang"] = "--lang" in helptext
            ver = subprocess.run([os.path.join(b["bin"], "search"), "--version"],
                                 capture_output=True, text=True).stdout.strip()
            b["version"] = ver

        t0 = time.monotonic()
        lang_of, per_lang, form_df = ground_truth(args.data, groups)
        print(f"languages: {args.data}: {len(lang_of)} articles "
              f"({', '.join(f'{l} {n}' for l, n in per_lang.most_common())}); "
              f"ground truth in {time.monotonic() - t0:.1f} s")
        nforms = sum(len(g.forms) for g in groups)
        print(f"groups: {args.groups}: {len(groups)} groups "
              f"({sum(g.split == 'dev' for g in groups)} dev, "
              f"{sum(g.split == 'test' for g in groups)} test), {nforms} forms; "
              + ", ".join(f"{l} {n}" for l, n in
                          sorted(collections.Counter(g.lang for g in groups).items())))
        warn = []
        for g in groups:
            for w in g.forms:
                c = form_df[fold(w)]
                if c[g.lang] < 3:
                    warn.append(f"{g.lang}-{g.name} '{w}' is in {c[g.lang]} {g.lang} articles (< 3)")
                others = {l: n for l, n in c.items() if l != g.lang and n > 3}
                if others:
                    warn.append(f"{g.lang}-{g.name} '{w}' is also in {others}")
        for w in warn:
            print("warning: " + w)
        for b in builds:
            print(f"{b['name']}: {b['dir']} ({b['version']}); search --lang: "
                  f"{'yes' if b['has_lang'] else 'no'}")

        print("\n### Index build (multilingual-news, fresh index, the indexer's defaults)\n")
        print("| build | wall s | index MB | indexer summary |")
        print("|---|---:|---:|---|")
        for b in builds:
            wall, size, summary = run_index(b["bin"], args.data, b["db"])
            b["index"] = (wall, size)
            print(f"| {b['name']} | {wall:.1f} | {size / 1e6:.1f} | `{summary}` |")
        if len(builds) == 2:
            (w1, s1), (w0, s0) = builds[0]["index"], builds[1]["index"]
            print(f"\nbuild / baseline: time {w1 / w0:.2f}x, size {s1 / s0:.2f}x")

        results = {}
        for b in builds:
            t0 = time.monotonic()
            res, errs, mismatch = measure(b, groups, lang_of, forced=False)
            results[b["name"]] = res
            failures += errs
            pers = print_recall(f"Inflection recall, {b['name']}, default query "
                                f"analysis ({time.monotonic() - t0:.0f} s)", groups, res)
            b["pers"] = pers
            if mismatch:
                print(f"\nhits whose \"lang\" differs from the JSONL's (truth, printed): "
                      f"{dict(mismatch.most_common(10))}")
            if b["has_lang"]:
                t0 = time.monotonic()
                res_f, errs, _ = measure(b, groups, lang_of, forced=True)
                failures += errs
                results[b["name"] + "-forced"] = res_f
                print_recall(f"Inflection recall, {b['name']}, `--lang L` forced "
                             f"({time.monotonic() - t0:.0f} s)", groups, res_f)

        if len(builds) == 2:
            print("\n### Share per language, both builds (all groups)\n")
            print("| lang | stemmer | share baseline | share build | change "
                  "| wrong-lang baseline | wrong-lang build | wrong-lang top 10 baseline "
                  "| wrong-lang top 10 build | elided (of group articles) |")
            print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            pn, po = builds[0]["pers"]["all"], builds[1]["pers"]["all"]
            for lang in sorted(pn):
                gs = [g for g in groups if g.lang == lang]
                el = sum(len(g.elided_only) for g in gs) / max(1, sum(len(g.articles) for g in gs))
                print(f"| {lang} | {'yes' if lang in STEMMED else 'no'} | {fmt(po[lang][1])} "
                      f"| {fmt(pn[lang][1])} | {pn[lang][1] - po[lang][1]:+.3f} | {fmt(po[lang][2])} "
                      f"| {fmt(pn[lang][2])} | {fmt(po[lang][3])} | {fmt(pn[lang][3])} | {el:.3f} |")
            print("\n### Summary, both builds\n")
            print("| groups | baseline mean (stemmed) | build mean (stemmed) | baseline mean (all) "
                  "| build mean (all) | build's lowest stemmed language |")
            print("|---|---:|---:|---:|---:|---|")
            for s in ("dev", "test", "all"):
                pn, po = builds[0]["pers"][s], builds[1]["pers"][s]
                cells = [s]
                for keep in (STEMMED, None):
                    for p in (po, pn):
                        cells.append(fmt(mean(v[1] for l, v in p.items()
                                              if keep is None or l in keep)))
                low = min(((v[1], l) for l, v in pn.items() if l in STEMMED), default=None)
                cells.append(f"{low[1]} {fmt(low[0])}" if low else "–")
                print("| " + " | ".join(cells) + " |")
        else:
            print("\n### Elided occurrences per language\n")
            print("| lang | group articles | elided only | share |")
            print("|---|---:|---:|---:|")
            for lang in sorted({g.lang for g in groups}):
                gs = [g for g in groups if g.lang == lang]
                a, e = sum(len(g.articles) for g in gs), sum(len(g.elided_only) for g in gs)
                print(f"| {lang} | {a} | {e} | {e / a if a else 0:.3f} |")

        for b in builds:
            print_worst(groups, results[b["name"]], args.worst, b["name"])
            print_worst([g for g in groups if g.lang in STEMMED], results[b["name"]],
                        args.worst, f"{b['name']}, languages with a stemmer")

        for b in builds:
            err = print_lang_id(b, lang_id(b, args.data, tmp, lang_of), lang_of)
            if err:
                failures.append(err)
    except SetupError as e:
        print(f"languages: {e}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            print(f"\nscratch kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print(f"\n{len(failures)} failures (figures above count them as nothing found):")
        for f in failures[:20]:
            print("  " + f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
