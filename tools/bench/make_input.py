#!/usr/bin/env python3
"""News-like JSON Lines for the benchmark: the sample articles again and again with
fresh ids, to the size asked; or (--pathological DIR) one-article inputs of 1 MB each."""
import glob, json, os, sys

def articles(folder):
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        text = open(path, encoding="utf-8").read()
        meta = {}
        if text.startswith("---\n"):
            head, text = text[4:].split("\n---\n", 1)
            meta = dict(l.split(": ", 1) for l in head.splitlines() if ": " in l)
        yield {"id": meta.get("id", path), "title": meta.get("title", ""), "published": meta.get("published"), "text": text}

if sys.argv[1] == "--pathological":
    out = sys.argv[2]
    news = " ".join(a["text"] for a in articles("corpus/articles"))
    cases = {
        "news": (news * 3)[:1_000_000],
        "letters": "a" * 1_000_000,
        "capitalised": ("Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel " * 25000)[:1_000_000],
        "operations": ("Operation " * 100000)[:1_000_000],
        "digits-slashes": ("12/31/2019/11/2020 1999-2014 " * 40000)[:1_000_000],
        # one sentence naming the same victim thousands of times after an attack verb
        "victim-names": ("Hackers from APT28 breached " + "Microsoft " * 100000)[:1_000_000],
        # a group, its campaign, then thousands of sentences naming the campaign and referring to it
        "campaign-references": ("The APT10 group ran Operation Cloud Hopper, PwC said. " +
                                "The campaign hit firms and the operation hit Operation Cloud Hopper targets. " * 20000)[:1_000_000],
        # one sentence naming an agency 100,000 times after an attack carried over: every name asks
        # what the sentence tells (police work, an investigation)
        "agency-list": ("LockBit hacked the hospital. The investigation involved the FBI" + ", the FBI" * 100000)[:1_000_000] + ".",
        # thousands of sentences before the first group, named at the end of one long sentence: whether
        # that sentence ties the attack to the group is asked once, not once a sentence
        "tie-back": (" ".join(["The weather was fine on the coast that day."] * 10000) + " The " + " ".join(["data"] * 30000) +
                     " was linked to Scattered Spider.")[:1_000_000],
        # a scraped page's soft hyphens, no-break spaces and zero-width spaces, hundreds of thousands
        # of them: each is an edit that maps offsets back to the text as written
        "invisibles": ("Laz\u00adarus\u00a0Group hit\u00a0banks in Bangla\u200bdesh, Sy\u00adman\u00adtec said. " * 20000)[:1_000_000],
        # markup left in plain text: tags, comments, links and emphasis, some never closed
        "markup": ("<p>The <a href=\"https://x.org/apt\">Lazarus Group</a> hit **Sony**, [Mandiant](https://m.co/r) said."
                   "</p><!-- ad --> <b [x]( _y * [z](<" * 12000)[:999_990] + "<!-- [open",
        # UTF-8 read as Windows-1252 and written again, hundreds of thousands of runs to repair, some
        # cut short or never finished
        "mojibake": ("North Korea\u00e2\u20ac\u2122s Lazarus hit Krak\u00c3\u00b3w for \u00c2\u00a381m \u00f0\u0178\u201d\u00a5 "
                     "\u00e2\u20ac \u00c3 \u00e2\u20ac\u0153" * 15000)[:1_000_000],
        # a title of 1 MB made of site names after separators, as scrapers leave one ("... | Foo | Bar"),
        # and a text that opens on a dateline repeated to 1 MB
        "site-title": ((" | Foo Bar - The Record" * 45000)[:1_000_000], "Hackers hit banks in Chile, Symantec said."),
        "datelines": ("LONDON, Jan 5 (Reuters) " * 40000)[:999_990] + "- Hackers",
        # thousands of states' governments after an attack word: each asks which country ends right
        # before it (found once per article, not once per word)
        "state-governments": ("APT28 hackers hacked the Czech government and the German government in a cyber attack. " * 12000)[:1_000_000],
        # thousands of ransomware brands another group deployed: each asks for the group before it
        "brands-run": ("Vice Society deployed Zeppelin ransomware and the Conti ransomware at the schools. " * 12000)[:1_000_000],
        # thousands of lists of groups, each with a known one and dozens of unknown names
        "group-lists": " ".join("The hacking groups behind the attacks: APT28, " + ", ".join(f"Zq{i}x{j} Crew" for j in range(30)) + " and Kimsuky."
                                for i in range(2000))[:1_000_000],
    }
    for name, text in cases.items():
        title, text = text if isinstance(text, tuple) else ("", text)
        with open(os.path.join(out, f"path-{name}.jsonl"), "w") as f:
            f.write(json.dumps({"id": name, "published": "2021-06-16", "title": title, "text": text}) + "\n")
    sys.exit(0)
folder, mb = sys.argv[1], float(sys.argv[2])
pool = list(articles(folder))
if not pool:
    sys.exit(f"make_input.py: no *.txt articles in {folder}")
size, i = 0, 0
while size < mb * 1e6:
    a = dict(pool[i % len(pool)])
    a["id"] = f"{a['id']}#{i}"
    line = json.dumps(a, ensure_ascii=False) + "\n"
    sys.stdout.write(line)
    size += len(line.encode())
    i += 1
