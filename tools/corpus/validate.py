#!/usr/bin/env python3
"""Validate Dyad training-corpus files (corpus/docs/**/*.jsonl) and print coverage counts.

Usage: tools/corpus/validate.py [--quiet] PATH...      (files or folders)
Exit code 1 when any error is found. The schema is documented in corpus/README.md; this checker is the
authors' quick check while writing. `dyad train-coder` reads the same files with its own reader and
reports the same problems with file:line.
"""
import collections, datetime, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CAMEO = os.path.join(HERE, "..", "..", "src", "Dyad.Lexicon", "Data", "cameo", "cameo.tsv")

MODES_CODED = {"asserted", "negated", "intended", "threat", "background"}
MODES_UNCODED = {"alleged", "hedged", "generic"}
MODES = MODES_CODED | MODES_UNCODED
RECIPROCAL_CODES = {"019", "030", "040", "041", "044", "046", "050", "057", "062", "0871"}
ORIGINS = {"synthetic", "paraphrase", "codebook", "gold"}
ACTOR_RE = re.compile(r"^(?:[A-Z]{3})+$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
DOC_FIELDS = {"id", "text", "dateline_date", "origin", "region", "constructions", "events"}
EVENT_FIELDS = {"trigger", "anchor", "code", "mode", "source", "source_code", "target", "target_code",
                "reciprocal", "optional", "alt_codes", "alt_source", "alt_target", "date", "event_date",
                "place", "location", "note"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“A-Z0-9])")
ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|No|Rep|Sen|Gov|Prof|Adm|Brig|Cmdr|Jr|Sr|Inc|Co|Corp|Ltd)\.$")


# Codes the gold sets use that the CAMEO 1.1b3 table in cameo.tsv lacks (reject judicial / intelligence cooperation).
EXTRA_CODES = {"1213": "Reject judicial cooperation", "1214": "Reject intelligence cooperation"}


def load_codes():
    codes = dict(EXTRA_CODES)
    with open(CAMEO, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts[0]) >= 3:
                codes[parts[0]] = parts[1]
    return codes


def sentences(text):
    """A rough sentence count: enough for corpus statistics, not the product's splitter."""
    pieces, start = [], 0
    for m in SENTENCE_END.finditer(text):
        head = text[start:m.start()].rstrip("\"”’'")
        if ABBREV.search(head):
            continue
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(text)))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def occurrences(text, phrase):
    """Start offsets of phrase in text at word boundaries."""
    out, i = [], text.find(phrase)
    while i >= 0:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(phrase)] if i + len(phrase) < len(text) else " "
        if not (before.isalnum() and phrase[0].isalnum()) and not (after.isalnum() and phrase[-1].isalnum()):
            out.append(i)
        i = text.find(phrase, i + 1)
    return out


def check_doc(doc, where, codes, errors, warnings, stats):
    for k in ("id", "text", "dateline_date", "origin", "events"):
        if k not in doc:
            errors.append(f"{where}: missing field '{k}'")
    for k in doc:
        if k not in DOC_FIELDS:
            warnings.append(f"{where}: unknown field '{k}'")
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: 'text' must be a non-empty string")
        return
    if doc.get("origin") not in ORIGINS:
        errors.append(f"{where}: 'origin' must be one of {sorted(ORIGINS)}")
    dd = doc.get("dateline_date")
    if dd is not None:
        try:
            datetime.date.fromisoformat(dd)
        except Exception:
            errors.append(f"{where}: bad dateline_date {dd!r}")
    events = doc.get("events")
    if not isinstance(events, list):
        errors.append(f"{where}: 'events' must be a list")
        return
    sents = sentences(text)
    stats["docs"] += 1
    stats["sentences"] += len(sents)
    stats["origin:" + str(doc.get("origin"))] += 1
    for c in doc.get("constructions") or []:
        stats["construction:" + c] += 1
    sentence_has_event = [False] * len(sents)
    for i, e in enumerate(events):
        tag = f"{where} event {i + 1}"
        if not isinstance(e, dict):
            errors.append(f"{tag}: not an object")
            continue
        for k in e:
            if k not in EVENT_FIELDS:
                errors.append(f"{tag}: unknown field '{k}'")
        code = e.get("code")
        if code not in codes:
            errors.append(f"{tag}: code {code!r} is not a CAMEO event code (three or four digits)")
        mode = e.get("mode")
        if mode not in MODES:
            errors.append(f"{tag}: mode {mode!r} must be one of {sorted(MODES)}")
        trig = e.get("trigger")
        pos = None
        if not isinstance(trig, str) or not trig.strip():
            errors.append(f"{tag}: 'trigger' must be the word(s) of the act as written in the text")
        else:
            occ = occurrences(text, trig)
            anchor = e.get("anchor")
            if anchor is not None:
                aocc = occurrences(text, anchor)
                if len(aocc) != 1:
                    errors.append(f"{tag}: anchor {anchor!r} occurs {len(aocc)} times; it must occur once")
                elif trig not in anchor:
                    errors.append(f"{tag}: trigger {trig!r} is not inside anchor {anchor!r}")
                else:
                    inner = occurrences(anchor, trig)
                    if not inner:
                        errors.append(f"{tag}: trigger {trig!r} is not a whole word inside anchor {anchor!r}")
                    else:
                        pos = aocc[0] + inner[0]
            elif not occ:
                errors.append(f"{tag}: trigger {trig!r} not found in the text (exact, whole words)")
            elif len(occ) > 1:
                errors.append(f"{tag}: trigger {trig!r} occurs {len(occ)} times; add an 'anchor' that occurs once")
            else:
                pos = occ[0]
        for role in ("source", "target"):
            span, acode = e.get(role), e.get(role + "_code")
            if span is not None and (not isinstance(span, str) or not occurrences(text, span)):
                errors.append(f"{tag}: {role} {span!r} not found in the text (exact, whole words)")
            if acode is not None and (not isinstance(acode, str) or not ACTOR_RE.match(acode)):
                errors.append(f"{tag}: {role}_code {acode!r} is not an actor code (3-letter segments)")
            if span is not None and acode is None and mode in MODES_CODED:
                warnings.append(f"{tag}: {role} {span!r} has no {role}_code (an uncodable actor?)")
            for alt in e.get("alt_" + role) or []:
                if not ACTOR_RE.match(str(alt)):
                    errors.append(f"{tag}: alt_{role} {alt!r} is not an actor code")
        for alt in e.get("alt_codes") or []:
            if alt not in codes:
                errors.append(f"{tag}: alt_code {alt!r} is not a CAMEO code")
        if e.get("reciprocal") and code not in RECIPROCAL_CODES:
            errors.append(f"{tag}: reciprocal is only for {sorted(RECIPROCAL_CODES)}")
        if e.get("date") is not None and not occurrences(text, e["date"]):
            errors.append(f"{tag}: date {e['date']!r} not found in the text")
        ed = e.get("event_date")
        if ed is not None:
            try:
                datetime.date.fromisoformat(ed)
            except Exception:
                errors.append(f"{tag}: bad event_date {ed!r}")
        if e.get("place") is not None and not occurrences(text, e["place"]):
            errors.append(f"{tag}: place {e['place']!r} not found in the text")
        loc = e.get("location")
        if loc is not None:
            if not isinstance(loc, dict) or "name" not in loc or "country_iso2" not in loc:
                errors.append(f"{tag}: location must be {{name, country_iso2}} or null")
            elif loc["country_iso2"] is not None and not ISO2_RE.match(str(loc["country_iso2"])):
                errors.append(f"{tag}: country_iso2 {loc['country_iso2']!r} is not ISO-3166 alpha-2")
        if code in codes and mode in MODES:
            coded = mode in MODES_CODED
            n = 2 if e.get("reciprocal") else 1
            stats[("code", code, coded)] += n
            stats["events" if coded else "uncoded mentions"] += n
            stats["mode:" + mode] += n
        if pos is not None:
            for k, (s, t) in enumerate(sents):
                if s <= pos < t and mode in MODES_CODED:
                    sentence_has_event[k] = True
    stats["sentences without a coded event"] += sentence_has_event.count(False)


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in sorted(os.walk(p)):
                for n in sorted(names):
                    if n.endswith(".jsonl"):
                        yield os.path.join(root, n)
        else:
            yield p


def markdown(stats, codes):
    """Corpus statistics as Markdown (for corpus/README.md)."""
    out = []
    out.append(f"| documents | sentences | sentences without a coded event | coded events | uncoded mentions |")
    out.append("|---:|---:|---:|---:|---:|")
    out.append(f"| {stats['docs']:,} | {stats['sentences']:,} | {stats['sentences without a coded event']:,} "
               f"({100.0 * stats['sentences without a coded event'] / max(1, stats['sentences']):.0f}%) | {stats['events']:,} | {stats['uncoded mentions']:,} |")
    out.append("")
    def table(prefix, title):
        rows = sorted(((k[len(prefix):], v) for k, v in stats.items() if isinstance(k, str) and k.startswith(prefix)), key=lambda kv: -kv[1])
        out.append(f"| {title} | count |")
        out.append("|---|---:|")
        for k, v in rows:
            out.append(f"| {k} | {v:,} |")
        out.append("")
    table("origin:", "origin (documents)")
    table("mode:", "mode (events, reciprocal pairs counted twice)")
    table("construction:", "construction tag (documents)")
    per_code = collections.Counter()
    for k, v in stats.items():
        if isinstance(k, tuple) and k[2]:
            per_code[k[1]] += v
    out.append("Coded events per CAMEO code (reciprocal pairs counted twice; `*` marks codes under 20):")
    out.append("")
    out.append("| root | codes |")
    out.append("|---|---|")
    for root in sorted({c[:2] for c in codes}):
        cells = [f"{c} {per_code.get(c, 0)}{'*' if per_code.get(c, 0) < 20 else ''}" for c in sorted(codes) if c[:2] == root]
        out.append(f"| {root} ({sum(per_code.get(c, 0) for c in codes if c[:2] == root):,}) | {', '.join(cells)} |")
    below = [c for c in sorted(codes) if per_code.get(c, 0) < 20]
    out.append("")
    out.append(f"{len(codes) - len(below)} of {len(codes)} codes have at least 20 coded events.")
    return "\n".join(out)


def main(argv):
    quiet = "--quiet" in argv
    as_markdown = "--markdown" in argv
    paths = [a for a in argv if a not in ("--quiet", "--markdown")] or [os.path.join(HERE, "..", "..", "corpus", "docs")]
    codes = load_codes()
    errors, warnings, stats, ids = [], [], collections.Counter(), {}
    for path in files_of(paths):
        with open(path, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{path}:{ln}"
                try:
                    doc = json.loads(line)
                except Exception as ex:
                    errors.append(f"{where}: invalid JSON ({ex})")
                    continue
                if not isinstance(doc, dict):
                    errors.append(f"{where}: a line must be a JSON object")
                    continue
                did = doc.get("id")
                if did in ids:
                    errors.append(f"{where}: id {did!r} already used at {ids[did]}")
                ids[did] = where
                check_doc(doc, where + f" ({did})", codes, errors, warnings, stats)
    if as_markdown:
        print(markdown(stats, codes))
        return 1 if errors else 0
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"documents {stats['docs']}, sentences {stats['sentences']} "
          f"({stats['sentences without a coded event']} without a coded event), "
          f"events {stats['events']}, uncoded mentions {stats['uncoded mentions']}")
    if not quiet:
        modes = {k[5:]: v for k, v in stats.items() if isinstance(k, str) and k.startswith("mode:")}
        print("modes:", dict(sorted(modes.items())))
        origins = {k[7:]: v for k, v in stats.items() if isinstance(k, str) and k.startswith("origin:")}
        print("origins:", dict(sorted(origins.items())))
        cons = {k[13:]: v for k, v in stats.items() if isinstance(k, str) and k.startswith("construction:")}
        print("constructions:", dict(sorted(cons.items(), key=lambda kv: -kv[1])))
        per_code = collections.Counter()
        for k, v in stats.items():
            if isinstance(k, tuple) and k[2]:
                per_code[k[1]] += v
        print("coded events per code (codes below 20 marked *):")
        line = []
        for c in sorted(codes):
            n = per_code.get(c, 0)
            line.append(f"{c}:{n}{'*' if n < 20 else ''}")
        for i in range(0, len(line), 12):
            print("  " + "  ".join(line[i:i + 12]))
    print(f"errors: {len(errors)}, warnings: {len(warnings)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
