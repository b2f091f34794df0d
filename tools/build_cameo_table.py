#!/usr/bin/env python3
"""Builds src/Dyad.Lexicon/Data/cameo/cameo.tsv from the CAMEO code list, Goldstein values and the
CAMEO -> PLOVER 2021 table in ../shared/data. Run from the repository root:
    python3 tools/build_cameo_table.py ../shared/data
Facts only (codes, names, values, mapping); the artefact is committed and read at run time."""
import sys, os, re

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
names, gold, plover = {}, {}, {}
for line in open(os.path.join(data, "cameo/CAMEO.eventcodes.txt"), encoding="utf-8"):
    code, _, name = line.rstrip("\n").partition("\t")
    if code.isdigit():
        names[code] = name.strip()
for line in open(os.path.join(data, "cameo/CAMEO.goldsteinscale.txt"), encoding="utf-8"):
    code, _, value = line.rstrip("\n").partition("\t")
    if code.isdigit():
        gold[code] = float(value)
for line in open(os.path.join(data, "plover/CAMEO2PLOVER-2021.txt"), encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
    if not m:
        continue
    fields = [f.strip() for f in m.group(2).split(",")]
    plover[m.group(1)] = (fields[0], fields[1] if len(fields) > 1 else "")

def quad(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4

def plover_of(code):
    c = code
    while len(c) >= 2:
        if c in plover and plover[c][0]:
            return plover[c]
        c = c[:-1] if len(c) > 3 else (c[:2] if len(c) == 3 else "")
    return ("", "")

out = os.path.join(os.path.dirname(__file__), "..", "src/Dyad.Lexicon/Data/cameo/cameo.tsv")
with open(out, "w", encoding="utf-8") as f:
    f.write("# dyad-dict cameo v1\n")
    f.write("# CAMEO event codes (CAMEO 1.1b3 as published by GDELT), Goldstein values, quad class from the root,\n")
    f.write("# and the PLOVER 2021 event type and mode (CAMEO2PLOVER, CC BY-SA 4.0). Built by tools/build_cameo_table.py.\n")
    f.write("# code\tname\tgoldstein\tquad\tplover\tplover_mode\n")
    for code in sorted(names, key=lambda c: (c[:2], len(c) > 2, c)):
        p = plover_of(code)
        f.write(f"{code}\t{names[code]}\t{gold.get(code, 0.0)}\t{quad(code[:2])}\t{p[0]}\t{p[1]}\n")
print("wrote", out, len(names), "codes")
