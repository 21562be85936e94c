#!/usr/bin/env python3
"""The peer a user would otherwise write: a Python Aho-Corasick gazetteer (Debian's
python3-ahocorasick) over every alias in rules/actors, JSON Lines in, one small
record per line out."""
import glob, json, sys
import ahocorasick

automaton = ahocorasick.Automaton()
for path in glob.glob(sys.argv[1] + "/actors/*.tsv"):
    header = None
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols))
        for form in [row["name"]] + row["aliases"].split("|"):
            form = form.rstrip("*").lower()
            if form and form != "-":
                automaton.add_word(form, row["name"])
automaton.make_automaton()
out = sys.stdout
for line in sys.stdin:
    art = json.loads(line)
    text = art.get("text", "").lower()
    found = sorted({name for _, name in automaton.iter(text)})
    out.write(json.dumps({"id": art.get("id"), "actors": found}) + "\n")
