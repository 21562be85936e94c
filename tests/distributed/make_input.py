#!/usr/bin/env python3
"""JSON Lines for the distributed tests: the sample articles again and again under
fresh ids, up to N articles, with a malformed line and an article without an id
here and there, so that error records and generated ids are split too."""
import glob, json, os, sys

corpus, n = sys.argv[1], int(sys.argv[2])
pool = []
for path in sorted(glob.glob(os.path.join(corpus, "articles", "*.txt"))):
    text = open(path, encoding="utf-8").read()
    meta = {}
    if text.startswith("---\n"):
        head, text = text[4:].split("\n---\n", 1)
        meta = dict(l.split(": ", 1) for l in head.splitlines() if ": " in l)
    pool.append({"title": meta.get("title", ""), "published": meta.get("published"), "text": text})
for i in range(n):
    if i % 397 == 5:
        print('{"id": "broken-%d", "text": ' % i)  # malformed JSON: an error record
        continue
    a = dict(pool[i % len(pool)])
    if i % 211 != 7:  # a few keep no id: their id is FILE:LINE
        a["id"] = f"story-{i}"
    print(json.dumps(a, ensure_ascii=False))
