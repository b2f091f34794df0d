#!/usr/bin/env python3
"""Event-level agreement between two labellings of the same corpus documents (the blind audit).

Usage: tools/corpus/agreement.py REFERENCE_DIR_OR_FILE SECOND_DIR_OR_FILE
Both in the corpus format (corpus/AUTHORING.md). Only documents present in both are compared. Coded events
(modes asserted, negated, intended, threat, background; reciprocal events count both ways; OPTIONAL events
absorb without counting) are matched one-to-one per document on root and source/target country, as
CODING_RULES 15 scores the gold sets (null actors are wildcards). Prints precision, recall and F1 of the
second labelling against the reference, the same with full codes, and by root.
"""
import collections, json, os, sys

CODED = {"asserted", "negated", "intended", "threat", "background"}


def read(path):
    docs = {}
    files = []
    if os.path.isdir(path):
        for root, _, names in sorted(os.walk(path)):
            files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".jsonl")]
    else:
        files = [path]
    for f in files:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                docs[d["id"]] = d
    return docs


def events(doc):
    out = []
    for e in doc.get("events", []):
        if e.get("mode", "asserted") not in CODED:
            continue
        ev = (e["code"], e.get("source_code"), e.get("target_code"), e.get("mode") == "negated", bool(e.get("optional")))
        out.append(ev)
        if e.get("reciprocal"):
            out.append((e["code"], e.get("target_code"), e.get("source_code"), e.get("mode") == "negated", bool(e.get("optional"))))
    return out


def country(code):
    return None if code is None else code[:3]


def match(a, b, full):
    if (a[0] if full else a[0][:2]) != (b[0] if full else b[0][:2]) or a[3] != b[3]:
        return False
    for x, y in ((a[1], b[1]), (a[2], b[2])):
        if x is not None and y is not None and country(x) != country(y):
            return False
    return True


def score(ref, sec, full):
    tp = fp = fn = 0
    by_root = collections.defaultdict(lambda: [0, 0, 0])
    for did in sorted(set(ref) & set(sec)):
        r, s = events(ref[did]), events(sec[did])
        used = [False] * len(s)
        for g in r:
            k = next((i for i, x in enumerate(s) if not used[i] and match(g, x, full)), None)
            if k is not None:
                used[k] = True
                if not g[4]:
                    tp += 1
                    by_root[g[0][:2]][0] += 1
            elif not g[4]:
                fn += 1
                by_root[g[0][:2]][2] += 1
        for i, x in enumerate(s):
            if not used[i] and not x[4]:
                fp += 1
                by_root[x[0][:2]][1] += 1
    p = tp / max(1, tp + fp)
    rc = tp / max(1, tp + fn)
    f1 = 2 * p * rc / max(1e-9, p + rc)
    return tp, fp, fn, p, rc, f1, by_root


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    ref, sec = read(argv[0]), read(argv[1])
    common = set(ref) & set(sec)
    print(f"documents compared: {len(common)}")
    for full in (False, True):
        tp, fp, fn, p, r, f1, by_root = score(ref, sec, full)
        print(f"{'full code' if full else 'root'} level: precision {p:.3f} recall {r:.3f} F1 {f1:.3f} (TP {tp}, FP {fp}, FN {fn})")
        if not full:
            print("by root (TP FP FN): " + ", ".join(f"{k}: {v[0]} {v[1]} {v[2]}" for k, v in sorted(by_root.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
