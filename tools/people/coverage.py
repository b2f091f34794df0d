#!/usr/bin/env python3
"""Coverage of the people dictionaries (src/Dyad.Lexicon/Data/actors/people*.txt) over the UN members.

Usage: python3 tools/people/coverage.py [--date 2024-01-01] [--list] [--gaps]
Prints, for each UN member, the number of people with a role for that country, whether a head of state
or government (comment or no comment, see below) is in office on the date, and whether the foreign and
defence ministers are covered. Also reports name forms given to two people (the later one is unreachable)
and roles of one person with different codes whose ranges overlap (the first line in force wins).

Offices are read from the role line's comment, which names the office: "foreign minister", "defence
minister" etc.; a GOV line whose comment names a head-of-state/government office (president, prime
minister, king, ...; not vice president or crown prince) counts as a head. A line naming several offices
counts for each.
"""
import glob, os, re, sys, unicodedata
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
DATA = os.path.join(ROOT, 'src', 'Dyad.Lexicon', 'Data', 'actors')
HEAD = re.compile(r'\b(president|prime minister|premier|chancellor|king|queen|emir|sultan|emperor|pope|grand duke|prince|supreme leader|leader|head of state|head of government|chief executive|chief adviser|state counsellor|taoiseach|military ruler|junta leader|head of the military|chairman of the (presidential|sovereignty|transitional|national transitional|council of ministers)|member of the presidency|federal councillor|regent)\b', re.I)
NOT_HEAD = re.compile(r'\b(vice|deputy|alternate|first vice) (president|prime minister|chancellor)|crown prince|presidential \w+|president of the (general assembly|european|national assembly)|opposition leader|party leader', re.I)
FM = re.compile(r'\b(foreign (minister|secretary|affairs|adviser)|external affairs|secretary of state|minister of foreign)', re.I)
DM = re.compile(r'\b(defen[cs]e (minister|secretary)|minister of defen[cs]e|minister of the armed forces|secretary of (defense|war))', re.I)


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c)).lower().replace('\u2019', "'")


def un_members():
    text = open(os.path.join(DATA, 'countries.txt'), encoding='utf-8').read().split('# Other coded territories')[0]
    return [c for c in re.findall(r'^([A-Z]{3}) [A-Z]{2} ', text, re.M) if c not in ('VAT', 'PSE')]


def people():
    """Yields (file, line, names, roles) with roles = [(code, from, to, comment)]."""
    for path in sorted(glob.glob(os.path.join(DATA, 'people*.txt'))):
        cur = None
        for n, raw in enumerate(open(path, encoding='utf-8'), 1):
            line = raw.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            body, _, comment = line.partition('#')
            if not line.startswith(' '):
                if cur:
                    yield cur
                cur = (os.path.basename(path), n, [x.strip() for x in body.split('|')], [])
            else:
                f = body.split()
                a, _, b = f[1].partition('..') if len(f) > 1 else ('', '', '')
                cur[3].append((f[0], a, b, comment.strip()))
        if cur:
            yield cur


def main():
    date = sys.argv[sys.argv.index('--date') + 1] if '--date' in sys.argv else '2024-01-01'
    members = un_members()
    count = defaultdict(set); head = defaultdict(set); fm = defaultdict(int); dm = defaultdict(int); heads = defaultdict(int)
    forms = defaultdict(list)
    npeople = nlines = 0
    for file, line, names, roles in people():
        npeople += 1; nlines += len(roles)
        for nm in names:
            forms[fold(nm)].append(f'{file}:{line} {names[0]}')
        for code, a, b, comment in roles:
            c = code[:3]
            count[c].add(names[0])
            if len(code) != 6 or not code.endswith('GOV'):
                continue
            is_fm, is_dm = FM.search(comment), DM.search(comment)
            fm[c] += bool(is_fm); dm[c] += bool(is_dm)
            is_head = bool(HEAD.search(NOT_HEAD.sub('', comment)))
            if is_head:
                heads[c] += 1
                if (not a or a <= date) and (not b or b >= date):
                    head[c].add(names[0])
    print(f'{npeople} people, {nlines} role lines')
    no_head = [c for c in members if not head[c]]
    print(f'UN members with a head of state/government on {date}: {len(members) - len(no_head)} of {len(members)}')
    print(f'  with a foreign minister line: {sum(1 for c in members if fm[c])}; with a defence minister line: {sum(1 for c in members if dm[c])}')
    print('  no head on date:', ' '.join(no_head))
    print('  no foreign minister:', ' '.join(c for c in members if not fm[c]))
    if '--gaps' in sys.argv:
        # Half-years from 2000 to the date on which no head of state or government of the member is in office.
        spans = defaultdict(list)
        for file, line, names, roles in people():
            for code, a, b, comment in roles:
                if len(code) == 6 and code.endswith('GOV') and HEAD.search(NOT_HEAD.sub('', comment)):
                    spans[code[:3]].append((a, b))
        for c in members:
            days = [f'{y}-{md}' for y in range(2000, int(date[:4]) + 1) for md in ('01-01', '07-01') if f'{y}-{md}' <= date]
            gaps = [d[:7] for d in days if not any((not a or a <= d) and (not b or b >= d) for a, b in spans[c])]
            if gaps:
                print(f'GAP {c}: {" ".join(gaps)}')
    if '--list' in sys.argv:
        for c in members:
            print(f'{c}: {len(count[c]):3d} people, {heads[c]:2d} head lines, {fm[c]:2d} FM, {dm[c]:2d} DM; on {date}: {", ".join(sorted(head[c]))}')
    for file, line, names, roles in people():
        for i, (c1, a1, b1, _) in enumerate(roles):
            for c2, a2, b2, _ in roles[i + 1:]:
                if c1 != c2 and (not b1 or not a2 or a2 < b1) and (not b2 or not a1 or a1 < b2):
                    print(f'OVERLAP {file}:{line} {names[0]}: {c1} {a1}..{b1} and {c2} {a2}..{b2} (the first line wins)')
    dup = {k: v for k, v in forms.items() if len(set(v)) > 1}
    for k, v in sorted(dup.items()):
        print(f'DUPLICATE form "{k}": {"; ".join(v)}')


if __name__ == '__main__':
    main()
