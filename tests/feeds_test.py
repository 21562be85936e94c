#!/usr/bin/env python3
"""Feeds and pages as they come: every record of `news-extract --keep-text corpus/feeds`
matches corpus/feeds/expected.records (id, title, url, published, duplicate_of, error
codes exactly; named actors and countries found; phrases in or out of the text); the
same files on stdin, gzipped, one by one and with --no-dedup; and hostile markup
(entity bombs, external entities, deep nesting, oversized files, gzip bombs, UTF-16)
never crashes, never leaks, never loses the other files."""
import gzip, json, os, subprocess, sys, tempfile

cli, rules, corpus = sys.argv[1:4]
feeds = os.path.join(corpus, "feeds")
tmp = tempfile.mkdtemp(prefix="news-extract-feeds-")
fails = []

def run(args, stdin=None, cwd=None):
    p = subprocess.run([cli, "--rules", rules, "--quiet"] + args, input=stdin, capture_output=True, timeout=600, cwd=cwd)
    return p.returncode, [json.loads(l) for l in p.stdout.decode().splitlines()], p.stderr.decode()

def check(name, cond, detail=""):
    if not cond:
        fails.append(f"{name}: {detail}")

# 1. The sample feeds against their expected records (paths as seen from the repository root).
root = os.path.dirname(os.path.abspath(corpus))
code, got, err = run(["--keep-text", "corpus/feeds"], cwd=root)
expected = [json.loads(l) for l in open(os.path.join(feeds, "expected.records"), encoding="utf-8")]
check("exit status", code == 1, f"exit {code} (the malformed files must make it 1)")
check("record count", len(got) == len(expected), f"{len(got)} records, {len(expected)} expected")
for e, r in zip(expected, got):
    where = e["id"]
    check(where, r["id"] == e["id"], f"id {r['id']!r}")
    check(where, (r.get("title") or None) == e["title"], f"title {r.get('title')!r}, expected {e['title']!r}")
    check(where, r.get("meta", {}).get("url") == e["url"], f"url {r.get('meta', {}).get('url')!r}")
    check(where, r["published"] == e["published"], f"published {r['published']!r}, expected {e['published']!r}")
    check(where, r.get("duplicate_of") == e["duplicate_of"], f"duplicate_of {r.get('duplicate_of')!r}")
    check(where, [x["code"] for x in r["errors"]] == e["errors"], f"errors {r['errors']}")
    for x in r["errors"]:
        check(where, x["message"].startswith("corpus/feeds/"), f"error message without the file: {x['message']}")
    names = {a["name"] for a in r["actors"]}
    check(where, all(a in names for a in e["actors"]), f"actors {sorted(names)} lack some of {e['actors']}")
    codes = {c["code"] for c in r["countries"]}
    check(where, all(c in codes for c in e["countries"]), f"countries {sorted(codes)} lack some of {e['countries']}")
    text = r.get("text", "")
    for phrase in e["text_includes"]:
        check(where, phrase in text, f"text lacks {phrase!r}")
    for phrase in e["text_excludes"]:
        check(where, phrase not in text, f"text has boilerplate {phrase!r}")
    for m in r["mentions"]:
        if m.get("field") != "title":
            check(where, text[m["start"]:m["end"]] == m["text"], f"offsets of {m['text']!r} miss the kept text")
print(f"sample feeds: {len(got)} records for {len(expected)} expected")

# 2. The same feed on stdin, gzipped on stdin, and named explicitly: the same items.
rss = os.path.join(feeds, "rss", "harbour-ledger.rss")
_, named, _ = run(["--no-dedup", rss])
_, piped, _ = run(["--no-dedup", "-"], stdin=open(rss, "rb").read())
_, zipped, _ = run(["--no-dedup", "-"], stdin=gzip.compress(open(rss, "rb").read()))
key = lambda rs: [(r.get("title"), r["published"], r.get("meta", {}).get("url")) for r in rs]
check("stdin feed", key(named) == key(piped) == key(zipped) and len(named) >= 5, f"{len(named)}/{len(piped)}/{len(zipped)} items")
# --no-dedup: the duplicate is processed like any other article.
_, all_items, _ = run(["--no-dedup", "corpus/feeds/rss"], cwd=root)
check("--no-dedup", not any("duplicate_of" in r for r in all_items), "a duplicate_of despite --no-dedup")
# One file alone is read the same as within its folder.
for name in ("detect/headlines.rss", "detect/wire.atom", "detect/story.xhtml", "gz/pacific-wire.rss.gz"):
    _, alone, _ = run([f"corpus/feeds/{name}"], cwd=root)
    mine = [e for e in expected if e["id"].startswith(f"corpus/feeds/{name}") or
            any(r["id"] == e["id"] for r in alone)]
    check(f"alone {name}", [r["id"] for r in alone] == [e["id"] for e in mine], f"{[r['id'] for r in alone]}")

# 3. Hostile and broken inputs, each between two good files.
good = ('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Good {n}</title>'
        '<link>https://example.org/{n}</link><pubDate>Mon, 04 Mar 2019 10:00:00 GMT</pubDate>'
        '<description>APT28 hackers targeted German ministries, story {n}.</description></item></channel></rss>')
bomb = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">' +
        "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) +
        ']><rss version="2.0"><channel><item><title>&j;</title><description>x</description></item></channel></rss>')
xxe = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       '<rss version="2.0"><channel><item><title>leak &x;</title><description>&x;</description></item></channel></rss>')
deep = "<html><body>" + "<div>" * 200000 + "<p>Deep text about Lazarus Group.</p>" + "</div>" * 200000 + "</body></html>"
utf16 = ('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><item><title>Ünïcode títle</title>'
         '<description>Sandworm hit Ukraine.</description></item></channel></rss>').encode("utf-16")
cases = {
    "entity-bomb.xml": bomb.encode(),
    "external-entity.xml": xxe.encode(),
    "deep.html": deep.encode(),
    "utf16.xml": utf16,
    "huge-feed.xml": ("<rss><channel>" + ("<item><title>x</title><description>" + "y" * 1000 + "</description></item>") * 20000
                      + "</channel></rss>").encode(),
    "gzip-bomb.jsonl.gz": gzip.compress(b"x" * (200 << 20), compresslevel=1),
    "not-xml.xml": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10,
    "truncated.rss": good.format(n=9).encode()[:150],
}
folder = os.path.join(tmp, "hostile")
os.makedirs(folder)
open(os.path.join(folder, "a-good.rss"), "w").write(good.format(n=1))
open(os.path.join(folder, "z-good.rss"), "w").write(good.format(n=2))
for name, data in cases.items():
    open(os.path.join(folder, "m-" + name), "wb").write(data)
code, recs, err = run(["--max-article-bytes", "100000", folder])
check("hostile: exit", code == 1, f"exit {code}: {err[-300:]}")
ids = [r["id"] for r in recs]
check("hostile: good files kept", ids[0] == "https://example.org/1" and ids[-1] == "https://example.org/2", f"{ids}")
by_file = {}
for r in recs:
    name = r["id"].split("/")[-1].split(":")[0] if r["id"].startswith(folder) else r["id"]
    by_file.setdefault(name, []).append(r)
def codes_of(name):
    return [x["code"] for r in by_file.get("m-" + name, []) for x in r["errors"]]
check("entity bomb", "malformed-feed" in codes_of("entity-bomb.xml") or
      all(len(r.get("title", "")) < 10000 for r in recs), "an entity bomb expanded")
check("external entity", not any("root:" in json.dumps(r) for r in recs), "an external entity was read")
deep_recs = by_file.get("m-deep.html", [])
check("deep nesting", len(deep_recs) == 1, f"{len(deep_recs)} records for the deep page")
check("utf-16", any(r.get("title") == "Ünïcode títle" for r in recs), "the UTF-16 feed was not read")
check("huge feed", codes_of("huge-feed.xml") == ["file-too-large"], f"{codes_of('huge-feed.xml')}")
check("gzip bomb", codes_of("gzip-bomb.jsonl.gz") == ["line-too-long"], f"{codes_of('gzip-bomb.jsonl.gz')}")
check("binary .xml", codes_of("not-xml.xml") == ["malformed-feed"], f"{codes_of('not-xml.xml')}")
check("truncated", "malformed-feed" in codes_of("truncated.rss"), f"{codes_of('truncated.rss')}")
check("summary", "failed" in err, f"no summary on stderr: {err[-200:]}")
# An item larger than --max-article-bytes fails alone.
big_item = ('<rss><channel><item><guid>big</guid><description>' + "word " * 50000 + '</description></item>'
            '<item><guid>small</guid><description>Small story.</description></item></channel></rss>')
code, recs, _ = run(["--max-article-bytes", "10000", "-"], stdin=big_item.encode())
check("item too large", [(r["id"], [x["code"] for x in r["errors"]]) for r in recs] ==
      [("big", ["article-too-large"]), ("small", [])], f"{[(r['id'], r['errors']) for r in recs]}")

for f in fails:
    print("FAIL", f)
print(f"{len(fails)} failures")
sys.exit(1 if fails else 0)
