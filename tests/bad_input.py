#!/usr/bin/env python3
"""Dirty input through the real command: every input article yields exactly one
record, in order, with `errors` for those that failed, the right exit status and
a one-line summary on stderr."""
import json, os, subprocess, sys, tempfile

cli, rules = sys.argv[1:3]
tmp = tempfile.mkdtemp(prefix="news-extract-bad-")
failures = []

def run(args, stdin=None):
    p = subprocess.run([cli, "--rules", rules, "--quiet", "--threads", "2"] + args, input=stdin,
                       capture_output=True, timeout=600)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")

def records(out):
    return [json.loads(l) for l in out.decode("utf-8").splitlines() if l.strip()]

def check(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}: {detail}")

def case(name, data, expect_codes, expect_exit, published=None):
    """data: bytes of a .jsonl file; expect_codes: per article, None (ok) or an error code."""
    path = os.path.join(tmp, name + ".jsonl")
    with open(path, "wb") as f:
        f.write(data)
    code, out, err = run([path])
    recs = records(out)
    check(name, len(recs) == len(expect_codes), f"{len(recs)} records for {len(expect_codes)} articles")
    for i, (r, want) in enumerate(zip(recs, expect_codes)):
        got = r["errors"][0]["code"] if r["errors"] else None
        check(name, got == want, f"article {i}: error {got}, expected {want}")
        for e in r["errors"]:
            check(name, e.get("message"), "an error without a message")
    check(name, code == expect_exit, f"exit {code}, expected {expect_exit}; stderr: {err[-300:]}")
    if any(expect_codes):
        check(name, "failed" in err and err.strip().count("\n") == 0, f"one summary line on stderr, got: {err!r}")
    return recs

good = b'{"id":"good","text":"Lazarus Group hit banks in Germany last week.","published":"2019-03-04"}\n'
clean = records(run([], stdin=good)[1])[0]

case("malformed-json", good + b'{"id": "x", "text": "oops\n' + good, [None, "invalid-json", None], 1)
case("not-an-object", b'[1,2]\n"text"\n42\nnull\n' + good, ["not-an-object"] * 4 + [None], 1)
case("text-missing-null-number-array", b'{"id":"a"}\n{"text":null}\n{"text":5}\n{"text":["x"]}\n' + good,
     ["missing-text", "missing-text", "bad-text-type", "bad-text-type", None], 1)
for label, bad in [("stray-continuation", b"\x80\x81"), ("overlong", b"\xc0\xaf"), ("surrogate", b"\xed\xa0\x80"),
                   ("truncated-end", b"\xe2\x82")]:
    case("utf8-" + label, b'{"text":"caf' + bad + b'"}\n' + good, ["invalid-utf8", None], 1)
case("nul-byte-raw", b'{"text":"a\x00b"}\n' + good, ["invalid-json", None], 1)
recs = case("nul-byte-escaped", b'{"text":"a\\u0000b Lazarus Group"}\n' + good, [None, None], 0)
case("bom", b"\xef\xbb\xbf" + good + good, [None, None], 0)
recs = case("crlf", good.replace(b"\n", b"\r\n") * 2, [None, None], 0)
check("crlf", recs and recs[0]["actors"] == clean["actors"], "CRLF changes the record")
case("no-final-newline", good + good.rstrip(b"\n"), [None, None], 0)
case("empty-file", b"", [], 0)
case("blank-lines", b"\n  \n" + good + b"\n\n", [None], 0)
recs = case("empty-text", b'{"id":"e","text":""}\n', [None], 0)
case("deep-nesting", b'{"text":"x","meta":' + b"[" * 100000 + b"]" * 100000 + b"}\n" + good, ["invalid-json", None], 1)
recs = case("bad-published", b'{"text":"It happened last week.","published":"not a date"}\n'
            b'{"text":"It happened last week, they said.","published":"2019-02-30"}\n', [None, None], 0)
for r in recs:
    check("bad-published", r["dates"] and r["dates"][0]["value"] is None and r["dates"][0].get("anchor") == "unknown",
          f"relative date with a bad anchor: {r['dates']}")
# Big articles: 50 MB gets an error record (over the default 8 MiB limit), a 100 MB line too.
big = b'{"id":"big","text":"' + b"Lazarus Group. " * (50 * 1024 * 1024 // 15) + b'"}\n'
case("article-50mb", big + good, ["article-too-large", None], 1)
huge = b'{"id":"huge","text":"' + b"x" * (100 * 1024 * 1024) + b'"}\n'
case("line-100mb", huge + good, ["line-too-long", None], 1)
del big, huge
# A 50 MB article is processed when the limit allows it.
path = os.path.join(tmp, "big-allowed.jsonl")
with open(path, "wb") as f:
    f.write(b'{"id":"big","text":"' + b"Lazarus Group hit banks. " * (50 * 1024 * 1024 // 25) + b'"}\n')
code, out, err = run(["--max-article-bytes", str(64 * 1024 * 1024), path])
recs = records(out)
check("article-50mb-allowed", code == 0 and len(recs) == 1 and not recs[0]["errors"], f"exit {code}, {err[-200:]}")
os.remove(path)
# Pattern-heavy text: 40,000 different unknown gang names (each found by a name pattern, each
# looked for elsewhere in the article), then one name 40,000 times. Both once took minutes.
import random
rng = random.Random(7)
names = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)).capitalize() for _ in range(40000)]
many = " ".join(f"The {n} ransomware gang hacked a cyber target in Russia." for n in names)
same = " ".join(["The Zorba ransomware gang hacked a cyber target in Russia. Zorba struck Germany."] * 40000)
recs = case("many-names", (json.dumps({"id": "many", "text": many}) + "\n" + json.dumps({"id": "same", "text": same}) + "\n").encode(),
            [None, None], 0)
if len(recs) == 2:
    check("many-names", len(recs[0]["actors"]) > 1000 and any("mentions" in w for w in recs[0].get("warnings", [])),
          f"{len(recs[0]['actors'])} actors, warnings {recs[0].get('warnings')}")
    check("many-names", any(a["name"] == "Zorba" for a in recs[1]["actors"]), "Zorba not found")
# One sentence listing 250,000 countries, with the mention limit lifted: each country's role
# once walked back over the whole list and the whole sentence (about 14 minutes here; the
# 600 s timeout of run() catches a return of that). Linear now: a second or two.
countries = ["Germany", "France", "Italy", "Spain", "Poland", "Japan", "India", "Brazil", "Canada", "Mexico"]
listing = "Agencies from " + ", ".join(countries[i % 10] for i in range(250000)) + " co-signed the advisory on APT40."
path = os.path.join(tmp, "long-list.jsonl")
with open(path, "w") as f:
    f.write(json.dumps({"id": "long-list", "text": listing}) + "\n")
code, out, err = run(["--max-mentions", "1000000", path])
recs = records(out)
check("long-country-list", code == 0 and len(recs) == 1 and not recs[0]["errors"] and
      {c["code"] for c in recs[0]["countries"]} == {"DE", "FR", "IT", "ES", "PL", "JP", "IN", "BR", "CA", "MX"},
      f"exit {code}, {len(recs)} records, {err[-200:]}")
os.remove(path)
# A binary file given as .txt, and an unreadable file in a folder.
folder = os.path.join(tmp, "folder")
os.makedirs(folder)
with open(os.path.join(folder, "a.txt"), "w") as f:
    f.write("Lazarus Group hit banks.")
with open(os.path.join(folder, "b-binary.txt"), "wb") as f:
    f.write(bytes(range(256)) * 64)
locked = os.path.join(folder, "c-locked.txt")
with open(locked, "w") as f:
    f.write("secret")
os.chmod(locked, 0)
with open(os.path.join(folder, "d.txt"), "w") as f:
    f.write("APT28 hit France.")
code, out, err = run([folder])
recs = records(out)
check("folder", len(recs) == 4, f"{len(recs)} records for 4 files")
if len(recs) == 4:
    check("folder", not recs[0]["errors"] and not recs[3]["errors"], "good files failed")
    check("folder", recs[1]["errors"] and recs[1]["errors"][0]["code"] == "invalid-utf8", f"binary: {recs[1]['errors']}")
    if os.geteuid() != 0:  # root reads everything
        check("folder", recs[2]["errors"] and recs[2]["errors"][0]["code"] == "unreadable", f"locked: {recs[2]['errors']}")
check("folder", code == 1, f"exit {code}")
# One million tiny articles: all come out, in order.
n = 1_000_000
data = "".join(f'{{"id":"t{i}","text":"x"}}\n' for i in range(n)).encode()
code, out, err = run([], stdin=data)
lines = out.splitlines()
check("million", code == 0 and len(lines) == n, f"exit {code}, {len(lines)} records")
check("million", all(json.loads(lines[i])["id"] == f"t{i}" for i in range(0, n, 9973)), "order lost")
for f in failures:
    print("FAIL", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
