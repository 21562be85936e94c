#!/usr/bin/env python3
"""The HTML reports open in a real headless browser (Debian's chromium) without errors
and show the highlights: a DOM check on the page chromium rendered."""
import os, re, shutil, subprocess, sys, tempfile

cli, rules, corpus = sys.argv[1:4]
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    print("skipped: no chromium")
    sys.exit(77)
tmp = tempfile.mkdtemp(prefix="news-extract-html-")
fails = []

def render(page):
    """The DOM after chromium loaded the page, and what chromium logged."""
    p = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={tmp}/profile", "--enable-logging=stderr", "--v=0",
                        "--dump-dom", "file://" + page], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr

story = os.path.join(tmp, "story.txt")
with open(story, "w") as f:
    f.write("---\ntitle: Lazarus hits banks\npublished: 2019-03-04\n---\n"
            "Hackers from the Lazarus Group targeted banks in Germany last week, McAfee said. "
            "The campaign, dubbed Operation Sharpshooter, began in December 2018.\n")
page = os.path.join(tmp, "explain.html")
e = subprocess.run([cli, "explain", "--rules", rules, "--html", page, story], capture_output=True, text=True)
if e.returncode != 0 or not os.path.exists(page):
    fails.append(f"explain --html failed: {e.stderr}")
else:
    code, dom, log = render(page)
    if code != 0:
        fails.append(f"chromium exit {code}: {log[-500:]}")
    if "Uncaught" in log or "SyntaxError" in log:
        fails.append("the page logged script errors")
    marks = re.findall(r'<mark class="([a-z ]+)"[^>]*data-value="([^"]*)"', dom)
    kinds = {k.split()[0] for k, _ in marks}
    values = {v for _, v in marks}
    for kind in ("actor", "country", "sector", "date", "operation"):
        if kind not in kinds:
            fails.append(f"no {kind} highlighted in the rendered page")
    for v in ("Lazarus Group", "DE", "financial-services", "2019-W09", "Operation Sharpshooter", "McAfee"):
        if v not in values:
            fails.append(f"no highlight with value {v}")
    if 'title="' not in dom or "rule: rules/" not in dom:
        fails.append("no hover text with the rule")

# check --html marks the differences of a changed rule set.
broken = os.path.join(tmp, "rules")
shutil.copytree(rules, broken)
path = os.path.join(broken, "actors", "threat-groups-criminal.tsv")
lines = open(path).read().split("\n")
open(path, "w").write("\n".join(l for l in lines if not l.startswith("blackcat\t")))
owners = os.path.join(broken, "tools", "owners.tsv")  # (the tools it is known to use name it too)
open(owners, "w").write(open(owners).read().replace("|blackcat", "").replace("\tblackcat|", "\t"))
report = os.path.join(tmp, "check.html")
c = subprocess.run([cli, "check", corpus, "--rules", broken, "--no-examples", "--html", report], capture_output=True, text=True)
if c.returncode != 1:
    fails.append(f"check with a deleted group should fail, exit {c.returncode}")
# (one the name patterns cannot find again: "The group, which calls itself Killnet" can)
if "lost    actor     BlackCat" not in c.stdout:
    fails.append("check does not name the lost group")
code, dom, log = render(report)
if code != 0 or dom.count("<article") < 80:
    fails.append(f"check report: exit {code}, {dom.count('<article')} articles rendered")
if 'class="lost"' not in dom:
    fails.append("the check report marks no lost entity")
shutil.rmtree(tmp, ignore_errors=True)
for f in fails:
    print("FAIL", f)
print(f"{len(fails)} failures")
sys.exit(1 if fails else 0)
