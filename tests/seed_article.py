#!/usr/bin/env python3
"""The reference article of ../shared must come out with at least the entities the
pipeline issue lists. Skipped (exit 77) where ../shared is absent."""
import json, os, subprocess, sys

cli, rules, article = sys.argv[1:4]
if not os.path.exists(article):
    print("skipped: no", article)
    sys.exit(77)
out = subprocess.run([cli, "--rules", rules, "--published", "2019-03-04", article],
                     capture_output=True, text=True, check=True).stdout
rec = json.loads(out)
fails = []
def need(cond, what):
    if not cond:
        fails.append(what)

actors = {a["name"]: a for a in rec["actors"]}
for name, kind in [("Lazarus Group", "threat-group"), ("McAfee", "security-vendor"), ("The New York Times", "media"),
                   ("Christiaan Beek", "person"), ("Donald Trump", "person"), ("Kim Jong Un", "person")]:
    need(name in actors and actors[name]["kind"] == kind, f"actor {name} ({kind})")
need(actors.get("Lazarus Group", {}).get("country") == "KP", "Lazarus Group is tied to KP")
ops = {o["name"] for o in rec["operations"]}
need({"Operation Sharpshooter", "Operation GhostSecret"} <= ops, f"operations, got {sorted(ops)}")
countries = {c["code"]: c["roles"] for c in rec["countries"]}
need("attribution" in countries.get("KP", []), "KP attribution")
for code in ["US", "GB", "DE", "TR", "CH", "IL"]:
    need("target" in countries.get(code, []), f"{code} target (got {countries.get(code)})")
for code in ["VN", "AU", "JP", "CN"]:
    need(code in countries, f"{code} mentioned")
sectors = {s["name"] for s in rec["sectors"]}
for s in ["energy", "telecommunications", "defense", "financial-services", "utilities"]:
    need(s in sectors, f"sector {s}")
need(any(s.startswith("government") for s in sectors), "a government sector")
dates = {(d["text"], d["value"]) for d in rec["dates"]}
for text, value in [("last week", "2019-W09"), ("Sunday", "2019-03-03"), ("December 2018", "2018-12"),
                    ("September 2017", "2017-09"), ("18-month", "P18M"), ("2014", "2014"), ("last year", "2018")]:
    need((text, value) in dates, f"date {text} -> {value}")
for f in fails:
    print("MISSING", f)
print(f"{len(fails)} of the reference article's requirements missing")
sys.exit(1 if fails else 0)
