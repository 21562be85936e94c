#!/usr/bin/env python3
"""The command line contract: inputs of every kind, -o atomic output, --threads keeps
input order, --explain carries rules, --published, exit statuses, --help/--version."""
import json, os, subprocess, sys, tempfile

cli, rules, corpus = sys.argv[1:4]
tmp = tempfile.mkdtemp(prefix="news-extract-cli-")
fails = []

def run(args, stdin=None):
    return subprocess.run([cli, "--rules", rules, "--quiet"] + args, input=stdin, capture_output=True, timeout=600)

def check(name, cond, detail=""):
    if not cond:
        fails.append(f"{name}: {detail}")

articles = os.path.join(corpus, "articles")
one = run([articles, "--threads", "1"])
two = run([articles, "--threads", "2"])
check("folder", one.returncode == 0, one.stderr.decode()[-300:])
check("threads keep order", one.stdout == two.stdout, "1 and 2 threads differ")
n_txt = sum(1 for r, _, fs in os.walk(articles) for f in fs if f.endswith(".txt"))
check("one record per file", len(one.stdout.splitlines()) == n_txt, f"{len(one.stdout.splitlines())} records, {n_txt} files")

# More articles than one batch holds (512): with several threads the next batch is read
# and the last one written while the workers run; order and count must not change.
many = b"".join(json.dumps({"id": f"m{i}", "published": "2020-05-0%d" % (1 + i % 9),
                            "text": f"Lazarus hackers hit {i} banks in Chile last week." + (" Filler words." * (i % 40))}).encode() + b"\n"
                for i in range(1300))
by_threads = [run(["--threads", str(t), "--no-dedup"], stdin=many) for t in (1, 2, 3)]
check("many batches", all(r.returncode == 0 for r in by_threads), by_threads[1].stderr.decode()[-300:])
check("many batches: one record per article", len(by_threads[0].stdout.splitlines()) == 1300,
      f"{len(by_threads[0].stdout.splitlines())} records")
check("many batches: threads keep order", by_threads[0].stdout == by_threads[1].stdout == by_threads[2].stdout,
      "1, 2 and 3 threads differ")
check("many batches: input order", [json.loads(l)["id"] for l in by_threads[2].stdout.splitlines()] == [f"m{i}" for i in range(1300)])

# JSON Lines on stdin, '-' and a .jsonl file give the same records.
line = b'{"id":"s1","title":"Hackers hit Ukraine","text":"Sandworm hackers hit Ukraine\'s grid on Sunday.","published":"2016-12-19","url":"http://x"}\n'
a = run([], stdin=line)
b = run(["-"], stdin=line)
path = os.path.join(tmp, "in.jsonl")
open(path, "wb").write(line)
c = run([path])
check("stdin", a.stdout == b.stdout == c.stdout and a.returncode == 0, "stdin, - and file differ")
rec = json.loads(a.stdout)
check("meta", rec.get("meta", {}).get("url") == "http://x", "url not under meta")
check("title scanned", any(m.get("field") == "title" for m in rec["mentions"]), "no title mention")
check("published anchor", any(d["value"] == "2016-12-18" for d in rec["dates"]), f"dates {rec['dates']}")

# --published gives relative dates an anchor.
txt = os.path.join(tmp, "story.txt")
open(txt, "w").write("The attack happened last week.")
r = json.loads(run(["--published", "2019-03-04", txt]).stdout)
check("--published", r["dates"] and r["dates"][0]["value"] == "2019-W09", f"{r['dates']}")
r = json.loads(run([txt]).stdout)
check("no anchor", r["dates"] and r["dates"][0]["value"] is None and r["dates"][0]["anchor"] == "unknown", f"{r['dates']}")

# --explain: every mention carries path:line.
r = json.loads(run(["--explain", path]).stdout)
check("--explain", r["mentions"] and all(":" in m.get("rule", "") or m.get("rule", "").startswith(("ICU", "pipeline/")) for m in r["mentions"]), f"{r['mentions'][:2]}")

# -o writes atomically and leaves no temporary behind.
out = os.path.join(tmp, "out.jsonl")
r = run(["-o", out, path])
check("-o", r.returncode == 0 and open(out, "rb").read() == c.stdout, "output file differs")
check("-o temp", not [f for f in os.listdir(tmp) if ".tmp-" in f], "temporary left")
# Ctrl-C during a run leaves neither the output file nor its temporary behind.
import signal, time
big = os.path.join(tmp, "big.jsonl")
open(big, "wb").write(line * 200000)
target = os.path.join(tmp, "interrupted.jsonl")
# (--no-dedup: every copy of the line is processed, so the run outlasts the second before the signal;
# with duplicates skipped the reader alone finished 200,000 lines within it)
proc = subprocess.Popen([cli, "--rules", rules, "--quiet", "--no-dedup", "--threads", "1", "-o", target, big], stderr=subprocess.PIPE)
time.sleep(1.0)
proc.send_signal(signal.SIGINT)
proc.wait(timeout=60)
left = [f for f in os.listdir(tmp) if f.startswith("interrupted.jsonl")]
check("ctrl-c", proc.returncode != 0 and not left, f"exit {proc.returncode}, left behind: {left}")
# A full disk gives a clear error and a non-zero exit.
if os.path.exists("/dev/full"):
    r = run([path], stdin=None)
    f = subprocess.run([cli, "--rules", rules, "--quiet", path], stdout=open("/dev/full", "w"), stderr=subprocess.PIPE)
    check("/dev/full", f.returncode != 0 and b"No space" in f.stderr, f"exit {f.returncode} {f.stderr[-200:]}")
# A closed pipe ends quietly.
many = os.path.join(tmp, "many.jsonl")
open(many, "wb").write(line * 20000)
p = subprocess.run(f"{cli} --rules {rules} --quiet {many} | head -n 1", shell=True, capture_output=True)
check("closed pipe", p.stderr == b"", f"stderr {p.stderr[-200:]}")

# Exit statuses: 2 for bad invocations.
for args in (["--no-such-flag"], ["--threads", "0"], ["--published", "yesterday"], [os.path.join(tmp, "missing.jsonl")]):
    r = run(args)
    check("exit 2 " + " ".join(args), r.returncode == 2 and r.stderr and not r.stdout, f"exit {r.returncode}")
h = subprocess.run([cli, "--help"], capture_output=True, text=True)
check("--help", h.returncode == 0 and "Examples" in h.stdout and "--max-article-bytes" in h.stdout, "help text")
v = subprocess.run([cli, "--version"], capture_output=True, text=True)
check("--version", v.returncode == 0 and v.stdout.startswith("news-extract "), v.stdout)
# explain prints mentions with rules.
e = subprocess.run([cli, "explain", "--rules", rules, "--published", "2019-03-04", "APT28 hit German ministries last week."],
                   capture_output=True, text=True)
check("explain", e.returncode == 0 and "APT28" in e.stdout and ".tsv:" in e.stdout, e.stdout + e.stderr)
for f in fails:
    print("FAIL", f)
print(f"{len(fails)} failures")
sys.exit(1 if fails else 0)
