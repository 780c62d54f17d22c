#!/usr/bin/python3
"""Relevance table across the IR test collections: collection x system x metrics.

    relevance_table.py SUITE_JSON PEERS_DIR [--factor 1.05]

SUITE_JSON is the --json output of `search_bench --suite` (newsearch and the
plain-Xapian baseline, measured in one run). PEERS_DIR holds one
sub-directory per collection (ir-adi, ...) from ../shared/bench-peers: its
results.json when present (a fresh run_all.sh / run_testcolls.sh into a
RESULTS dir), else its table.md (the committed results/). Peer variants
(xapian+bm25l, xapian+stop) count as peers.

Prints MAP, nDCG@10, P@10 and R@1000 per collection and system, the mean
over collections, and the bar: newsearch MAP >= best peer MAP x FACTOR.
Exit status 0 when every collection meets the bar, 1 when some miss it,
2 for bad input.
"""
import argparse
import json
import os
import re
import sys

METRICS = [('map', 'MAP'), ('ndcg@10', 'nDCG@10'), ('p@10', 'P@10'), ('r@1000', 'R@1000')]
PEER_ORDER = ['xapian', 'fts5', 'lucene', 'sphinx', 'omega', 'xapian+bm25l', 'xapian+stop']


def peers_from_json(path):
    res = json.load(open(path))
    out = {}
    for p, r in res['peers'].items():
        if r.get('eval'):
            out[p] = r['eval']
        for v, e in (r.get('variants') or {}).items():
            out['%s+%s' % (p, v)] = e
    return out


def peers_from_table(path):
    """The relevance columns (found by their headers) of the tables in
    report.py's table.md: the timed peers and the untimed variants."""
    out, cols = {}, None
    labels = dict((label, key) for key, label in METRICS)
    for line in open(path):
        if not line.startswith('|'):
            cols = None
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if cells[0] in ('peer', 'run'):
            cols = {labels[c]: i for i, c in enumerate(cells) if c in labels}
            cols = cols if len(cols) == len(METRICS) else None
            continue
        if not cols or set(cells[0]) <= set('-'):
            continue
        try:
            out[cells[0].split(' ')[0]] = {k: float(cells[i]) for k, i in cols.items()}
        except (ValueError, IndexError):
            continue
    return out


def load_peers(peers_dir, name):
    d = os.path.join(peers_dir, name)
    if os.path.isfile(os.path.join(d, 'results.json')):
        return peers_from_json(os.path.join(d, 'results.json'))
    if os.path.isfile(os.path.join(d, 'table.md')):
        return peers_from_table(os.path.join(d, 'table.md'))
    return {}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('suite_json')
    ap.add_argument('peers_dir')
    ap.add_argument('--factor', type=float, default=1.05)
    a = ap.parse_args()
    try:
        suite = json.load(open(a.suite_json))
    except (OSError, ValueError) as e:
        print('relevance_table: cannot read %s: %s' % (a.suite_json, e), file=sys.stderr)
        return 2
    rows = []  # (name, docs, queries, {system: metrics})
    systems = ['newsearch', 'baseline']
    for r in suite:
        rel = r.get('relevance')
        if not rel:
            continue
        ev = {'newsearch': rel['newsearch'], 'baseline': rel['baseline']}
        peers = load_peers(a.peers_dir, r['name'])
        for p in sorted(peers, key=lambda p: (PEER_ORDER.index(p) if p in PEER_ORDER else 99, p)):
            ev[p] = peers[p]
            if p not in systems:
                systems.append(p)
        rows.append((r['name'], r.get('articles'), rel['newsearch'].get('queries'), ev))
    if not rows:
        print('relevance_table: no relevance results in %s' % a.suite_json, file=sys.stderr)
        return 2

    print('Systems: newsearch (this build), baseline (plain Xapian, same run, same prepared '
          'queries), peers from %s (raw query text).' % a.peers_dir)
    for key, label in METRICS:
        print('\n%s\n' % label)
        print('| collection | docs | queries | ' + ' | '.join(systems) + ' |')
        print('|---|---:|---:|' + '---:|' * len(systems))
        sums = {s: [] for s in systems}
        for name, docs, q, ev in rows:
            best = max(ev[s][key] for s in systems if s in ev)
            cells = []
            for s in systems:
                if s not in ev:
                    cells.append('-')
                    continue
                v = ev[s][key]
                sums[s].append(v)
                cells.append(('**%.4f**' if v == best else '%.4f') % v)
            print('| %s | %s | %s | %s |' % (name, docs, q, ' | '.join(cells)))
        print('| mean | | | %s |' % ' | '.join(
            '%.4f' % (sum(v) / len(v)) if len(v) == len(rows) else '-' for v in sums.values()))

    print('\nBar: newsearch MAP >= best peer MAP x %.2f\n' % a.factor)
    print('| collection | newsearch | best peer | peer MAP | bar | newsearch / best peer | |')
    print('|---|---:|---|---:|---:|---:|---|')
    missed = 0
    for name, _, _, ev in rows:
        peers = [s for s in ev if s not in ('newsearch', 'baseline')]
        ns = ev['newsearch']['map']
        if not peers:
            print('| %s | %.4f | - | - | - | - | no peer results |' % (name, ns))
            continue
        best = max(peers, key=lambda s: ev[s]['map'])
        bar = ev[best]['map'] * a.factor
        ok = ns >= bar
        missed += not ok
        print('| %s | %.4f | %s | %.4f | %.4f | %.3fx | %s |' % (
            name, ns, best, ev[best]['map'], bar, ns / ev[best]['map'],
            'meets' if ok else 'misses by %.4f' % (bar - ns)))
    return 1 if missed else 0


if __name__ == '__main__':
    sys.exit(main())
