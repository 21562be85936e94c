#!/usr/bin/env python3
"""Score news-extract against hand-made gold sets (corpus/evaluation/README.md).

usage: score.py BIN RULES SET... [--diff FIELD] [--json OUT] [--kinds] [--excl-gold]
SET is a folder with input.jsonl and gold.jsonl, or a folder of such folders. Prints precision, recall and F1 per field
(right/wrong/missed in brackets); --kinds adds relations by type and target type; --diff FIELD
prints each article's wrong (+) and missed (-) items of that field; --json OUT writes them all (and the right ones, tp);
--excl-gold drops the gold role `mention` of a country that has another role.
Names are compared after canonicalisation: lower-cased, punctuation dropped, leading
'the' dropped, company suffixes dropped, then mapped through every alias in RULES
(actors, tools, operations) and through the aliases the tool saw in that article.
Sectors (and sector relations) are expanded by RULES/sectors/parents.tsv on both sides.
"""
import json, os, re, subprocess, sys, glob, collections

args = sys.argv[1:]
diff_field = None
json_out = None
kinds = False
if '--diff' in args:
    i = args.index('--diff'); diff_field = args[i + 1]; del args[i:i + 2]
if '--json' in args:
    i = args.index('--json'); json_out = args[i + 1]; del args[i:i + 2]
excl_gold = '--excl-gold' in args
if excl_gold:
    args.remove('--excl-gold')
if '--kinds' in args:
    args.remove('--kinds'); kinds = True
BIN, RULES, sets = args[0], args[1], args[2:]
expanded = []
for s in sets:  # a set, or a folder of sets
    if os.path.isfile(os.path.join(s, 'gold.jsonl')):
        expanded.append(s)
    elif os.path.isdir(s) and any(os.path.isfile(os.path.join(s, d, 'gold.jsonl')) for d in os.listdir(s)):
        expanded += sorted(os.path.join(s, d) for d in os.listdir(s) if os.path.isfile(os.path.join(s, d, 'gold.jsonl')))
    else:
        sys.exit(f'{s}: neither a set (input.jsonl and gold.jsonl) nor a folder of sets')
sets = expanded

SUFFIX = {'inc', 'ltd', 'llc', 'plc', 'corp', 'corporation', 'co', 'company', 'limited', 'ag', 'sa', 'gmbh'}


def norm(s):
    s = (s or '').lower().replace('\u2019', "'").replace('\u2018', "'")
    s = re.sub(r"'s\b", '', s)
    # dotted abbreviations are one word: "U.S. Department of Justice" is "US Department of Justice"
    s = re.sub(r'\b(?:[a-z]\.){2,}', lambda m: m.group(0).replace('.', ''), s)
    s = re.sub(r'[^0-9a-z\u00c0-\uffff]+', ' ', s).strip()
    toks = s.split()
    if toks and toks[0] == 'the':
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in SUFFIX:
        toks = toks[:-1]
    return ' '.join(toks)


alias = {}


def load_aliases():
    for sub in ('actors', 'tools', 'operations'):
        for path in sorted(glob.glob(os.path.join(RULES, sub, '*.tsv'))):
            header = None
            for line in open(path, encoding='utf-8'):
                line = line.rstrip('\n')
                if not line or line.startswith('#'):
                    continue
                cols = line.split('\t')
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                if 'name' not in row:
                    continue
                key = sub + ':' + row.get('id', row['name'])
                forms = [row['name']] + [a for a in row.get('aliases', '-').split('|') if a and a != '-']
                for f in forms:
                    n = norm(f.rstrip('*'))
                    if n and n not in alias:
                        alias[n] = key


load_aliases()
parents = {}
pp = os.path.join(RULES, 'sectors', 'parents.tsv')
if os.path.exists(pp):
    for line in open(pp):
        if line.startswith('#') or not line.strip() or line.startswith('sector\t'):
            continue
        a, b = line.rstrip('\n').split('\t')[:2]
        parents[a] = b


def canon(name, local):
    n = norm(name)
    if n in local:
        return local[n]
    return alias.get(n, n)


def expand_sectors(names):
    out = set(names)
    for s in list(out):
        if s in parents:
            out.add(parents[s])
    return out


def run(set_dir):
    p = subprocess.run([BIN, '--rules', RULES, '--no-dedup', '--threads', '1', os.path.join(set_dir, 'input.jsonl')],
                       capture_output=True, text=True)
    recs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return {r['id']: r for r in recs}


def role_view(rec):
    return {(c['code'], r) for c in rec.get('countries', []) for r in c.get('roles', [])}


def views(rec, gold):
    local = {}
    # aliases the tool saw map to its canonical name, for both sides
    for a in rec.get('actors', []):
        c = canon(a['name'], {})
        for f in a.get('aliases', []) + [a['name']]:
            local.setdefault(norm(f), c)
    for o in rec.get('operations', []):
        c = canon(o['name'], {})
        for f in o.get('aliases', []) + [o['name']]:
            local.setdefault(norm(f), c)
    for t in rec.get('tools', []) or []:
        nm = t['name'] if isinstance(t, dict) else t
        c = canon(nm, {})
        for f in (t.get('aliases', []) if isinstance(t, dict) else []) + [nm]:
            local.setdefault(norm(f), c)

    def ent(x, typ):
        if typ == 'country':
            return (x or '').upper()
        if typ == 'sector':
            return x
        return canon(x, local)

    def rels(lst):
        out = set()
        for r in lst:
            st, tt = r.get('source_type'), r.get('target_type')
            s, t = ent(r['source'], st), ent(r['target'], tt)
            out.add((r['type'], s, t, tt))
            if tt == 'sector' and r['target'] in parents:
                out.add((r['type'], s, parents[r['target']], tt))
        return out

    def dates(lst):
        c = collections.Counter()
        for d in lst:
            c[(norm(d.get('text')), d.get('value'))] += 1
        return c

    def tools_of(lst):
        return {canon(t['name'] if isinstance(t, dict) else t, local) for t in lst or []}

    sysv = {
        'actor': {canon(a['name'], local) for a in rec.get('actors', [])},
        'operation': {canon(o['name'], local) for o in rec.get('operations', [])},
        'country': {c['code'] for c in rec.get('countries', [])},
        'role': role_view(rec),
        'sector': expand_sectors(s['name'] for s in rec.get('sectors', [])),
        'tool': tools_of(rec.get('tools')),
        'date': dates(rec.get('dates', [])),
        'relation': rels(rec.get('relations', [])),
    }
    goldv = {
        'actor': {canon(a['name'], local) for a in gold.get('actors', [])},
        'operation': {canon(o['name'], local) for o in gold.get('operations', [])},
        'country': {c['code'].upper() for c in gold.get('countries', [])},
        'role': {(c['code'].upper(), r) for c in gold.get('countries', []) for r in c.get('roles', [])
                 if not (excl_gold and r == 'mention' and set(c.get('roles', [])) & {'target', 'attribution'})},
        'sector': expand_sectors(gold.get('sectors', [])),
        'tool': tools_of(gold.get('tools')),
        'date': dates(gold.get('dates', [])),
        'relation': rels(gold.get('relations', [])),
    }
    return sysv, goldv


FIELDS = ['actor', 'operation', 'country', 'role', 'sector', 'tool', 'date', 'relation']
tot = {f: [0, 0, 0] for f in FIELDS}
bykind = collections.defaultdict(lambda: [0, 0, 0])
dump = []
for sd in sets:
    recs = run(sd)
    for line in open(os.path.join(sd, 'gold.jsonl'), encoding='utf-8'):
        if not line.strip():
            continue
        gold = json.loads(line)
        rec = recs.get(gold['id'], {})
        sysv, goldv = views(rec, gold)
        entry = {'id': gold['id']}
        for f in FIELDS:
            s, g = sysv[f], goldv[f]
            if isinstance(s, collections.Counter):
                tp = sum((s & g).values()); fp = sum((s - g).values()); fn = sum((g - s).values())
                fps, fns, tps = list((s - g).elements()), list((g - s).elements()), list((s & g).elements())
            else:
                tp, fp, fn = len(s & g), len(s - g), len(g - s)
                fps, fns, tps = sorted(s - g, key=str), sorted(g - s, key=str), sorted(s & g, key=str)
            tot[f][0] += tp; tot[f][1] += fp; tot[f][2] += fn
            entry[f] = {'fp': [list(x) if isinstance(x, tuple) else x for x in fps],
                        'fn': [list(x) if isinstance(x, tuple) else x for x in fns],
                        'tp': [list(x) if isinstance(x, tuple) else x for x in tps]}
            if f == 'relation':
                for x in s & g: bykind[(x[0], x[3])][0] += 1
                for x in s - g: bykind[(x[0], x[3])][1] += 1
                for x in g - s: bykind[(x[0], x[3])][2] += 1
            if diff_field == f and (fps or fns):
                print(f"{gold['id']} {f}: +{fps} -{fns}")
        dump.append(entry)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


for f in FIELDS:
    tp, fp, fn = tot[f]
    p, r, f1 = prf(tp, fp, fn)
    print(f"{f:10s} P {p:.3f} R {r:.3f} F1 {f1:.3f}  ({tp}/{fp}/{fn})")
if kinds:
    for k in sorted(bykind):
        tp, fp, fn = bykind[k]
        p, r, f1 = prf(tp, fp, fn)
        print(f"  {k[0]:14s} {k[1]:9s} P {p:.3f} R {r:.3f} F1 {f1:.3f}  ({tp}/{fp}/{fn})")
if json_out:
    json.dump(dump, open(json_out, 'w'), indent=0)
