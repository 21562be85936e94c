#!/usr/bin/env python3
"""--format stix on every corpus article: each bundle follows STIX 2.1 (required
properties, id form, UUIDv5 ids that match Python's uuid5, timestamps, vocabularies,
relationship types for their source and target types, every reference resolvable),
and two articles about the same group give that group one id."""
import glob, json, os, re, subprocess, sys, uuid

cli, rules, corpus = sys.argv[1:4]
NS = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")
SECTORS = set("""agriculture aerospace automotive chemical commercial communications construction defense education
emergency-services energy entertainment financial-services government government-national government-regional
government-local government-public-services healthcare hospitality-leisure infrastructure dams nuclear water insurance
manufacturing mining non-profit pharmaceuticals retail technology telecommunications transportation utilities""".split())
IDENTITY_CLASS = {"individual", "group", "system", "organization", "class", "unknown"}
TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
ID = re.compile(r"^([a-z0-9-]+)--([0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$")
REQUIRED = {"report": ["name", "published", "object_refs"], "intrusion-set": ["name"], "campaign": ["name"],
            "identity": ["name", "identity_class"], "location": [], "malware": ["name", "is_family"], "tool": ["name"],
            "relationship": ["relationship_type", "source_ref", "target_ref"]}
ALLOWED = {  # (relationship_type, source type) -> target types, from the STIX 2.1 relationship tables
    ("attributed-to", "campaign"): {"intrusion-set", "threat-actor"},
    ("originates-from", "intrusion-set"): {"location"},
    ("targets", "intrusion-set"): {"identity", "location", "vulnerability"},
    ("targets", "campaign"): {"identity", "location", "vulnerability"},
    ("uses", "intrusion-set"): {"malware", "tool", "attack-pattern", "infrastructure"},
    ("uses", "campaign"): {"malware", "tool", "attack-pattern", "infrastructure"},
}
fails = []
group_ids = {}
articles = sorted(glob.glob(os.path.join(corpus, "articles", "*.txt")))
out = subprocess.run([cli, "--rules", rules, "--quiet", "--format", "stix"] + articles, capture_output=True, text=True, check=True)
bundles = [json.loads(l) for l in out.stdout.splitlines()]
if len(bundles) != len(articles):
    fails.append(f"{len(bundles)} bundles for {len(articles)} articles")
for b in bundles:
    where = b.get("id")
    if b.get("type") != "bundle" or not ID.match(b.get("id", "")):
        fails.append(f"{where}: not a bundle with a proper id")
    objs = b.get("objects", [])
    by_id = {o.get("id"): o for o in objs}
    for o in objs:
        t, oid = o.get("type"), o.get("id", "")
        m = ID.match(oid)
        if not m or m.group(1) != t:
            fails.append(f"{where}: bad id {oid}")
        if o.get("spec_version") != "2.1":
            fails.append(f"{oid}: spec_version")
        for ts in ("created", "modified"):
            if not TS.match(o.get(ts, "")):
                fails.append(f"{oid}: {ts} {o.get(ts)}")
        for prop in REQUIRED.get(t, ["?"]):
            if prop not in o:
                fails.append(f"{oid}: {t} lacks {prop}")
        if t == "identity":
            if o["identity_class"] not in IDENTITY_CLASS:
                fails.append(f"{oid}: identity_class {o['identity_class']}")
            for s in o.get("sectors", []):
                if s not in SECTORS:
                    fails.append(f"{oid}: sector {s}")
        if t == "location" and not ({"region", "country"} & o.keys() or {"latitude", "longitude"} <= o.keys()):
            fails.append(f"{oid}: location without country or region")
        if t == "location" and not re.match(r"^[A-Z]{2}$", o.get("country", "")):
            fails.append(f"{oid}: country {o.get('country')}")
        if t == "report":
            if not TS.match(o["published"]) or not o["object_refs"]:
                fails.append(f"{oid}: report published/object_refs")
            for ref in o["object_refs"]:
                if ref not in by_id:
                    fails.append(f"{oid}: object_ref {ref} not in the bundle")
        if t == "relationship":
            src, dst = by_id.get(o["source_ref"]), by_id.get(o["target_ref"])
            if not src or not dst:
                fails.append(f"{oid}: dangling ref")
                continue
            rt = o["relationship_type"]
            if rt != "related-to":
                allowed = ALLOWED.get((rt, src["type"]))
                if not allowed or dst["type"] not in allowed:
                    fails.append(f"{oid}: {src['type']} {rt} {dst['type']} is not a STIX 2.1 relationship")
        if t == "intrusion-set":
            expected = str(uuid.uuid5(NS, "intrusion-set:" + o["name"]))
            if not oid.endswith(expected):
                fails.append(f"{oid}: not UUIDv5 of its name (expected {expected})")
            group_ids.setdefault(o["name"], set()).add(oid)
shared = [n for n in group_ids if sum(1 for b in bundles for o in b["objects"] if o.get("name") == n and o["type"] == "intrusion-set") > 1]
if not shared:
    fails.append("no group appears in two articles")
for n, ids in group_ids.items():
    if len(ids) != 1:
        fails.append(f"group {n} has several ids: {ids}")
for f in fails[:50]:
    print("FAIL", f)
print(f"{len(bundles)} bundles, {sum(len(b['objects']) for b in bundles)} objects, {len(shared)} groups in several articles, {len(fails)} failures")
sys.exit(1 if fails else 0)
