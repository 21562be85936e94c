#!/usr/bin/env python3
"""STIX 2.1 output checked against our restatement of the official STIX 2.1 JSON
schemas (tests/stix-schemas, see its README), on every corpus article with
--format stix and on the whole run with --stix-bundle.

Besides the schemas, the rules no JSON Schema can state: created <= modified,
timestamps that are real calendar instants, no two objects with one id in a
bundle, every reference resolvable inside the bundle, ids that are UUIDv5 in our
own namespace (never the namespace STIX keeps for observables), and one id per
group across articles. Negative cases then prove the schemas reject broken
objects, so a green run means something.

Usage: stix_test.py CLI RULES CORPUS"""
import copy, datetime, glob, json, os, re, subprocess, sys, tempfile, uuid

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA_DIR = os.path.join(HERE, "stix-schemas")
BASE = "https://news-extract.invalid/stix-schemas/"
# Must match kNewsExtractNamespace in pipeline/io/stix.cpp.
OUR_NAMESPACE = uuid.UUID("5f1b0c2e-9a43-4d7e-8c6a-3e2d41b7a9f0")
# STIX 2.1 section 2.9: producers MUST NOT make UUIDv5 ids for domain objects in this one.
OBSERVABLE_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")
TS_FORMATS = ("%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%SZ")
TIMESTAMP_PROPS = ("created", "modified", "published", "first_seen", "last_seen", "start_time", "stop_time")


def load_schemas():
    schemas = {}
    for path in sorted(glob.glob(os.path.join(SCHEMA_DIR, "*.json"))):
        with open(path) as f:
            s = json.load(f)
        schemas[s["$id"]] = s
    return schemas


def make_validator(schemas, name):
    """A Draft 2020-12 validator for one schema file, resolving the others locally
    (never over the network). Works with Debian 12's jsonschema 4.10 (RefResolver)
    and with newer releases (referencing.Registry)."""
    root = schemas[BASE + name]
    cls = jsonschema.Draft202012Validator
    cls.check_schema(root)
    try:
        from referencing import Registry, Resource
        registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in schemas.items())
        return cls(root, registry=registry)
    except ImportError:
        return cls(root, resolver=jsonschema.RefResolver(BASE + name, root, store=dict(schemas)))


def schema_errors(validator, instance):
    out = []
    for e in validator.iter_errors(instance):
        # anyOf/oneOf failures: name the deepest reason, not the whole branch list
        leaf = jsonschema.exceptions.best_match([e]) if e.context else e
        out.append(f"{'/'.join(str(p) for p in leaf.absolute_path) or '(top)'}: {leaf.message[:200]}")
    return out


def parse_ts(value):
    for fmt in TS_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt)
        except ValueError:
            pass
    return None


def semantic_errors(bundle):
    """The rules of the specification that JSON Schema cannot express."""
    errs = []
    objs = bundle.get("objects", [])
    seen = {}
    for o in objs:
        oid = o.get("id", "?")
        if oid in seen:
            errs.append(f"{oid}: twice in one bundle")
        seen[oid] = o
    for o in objs:
        oid, t = o.get("id", "?"), o.get("type")
        for prop in TIMESTAMP_PROPS:
            if prop in o and isinstance(o[prop], str) and parse_ts(o[prop]) is None:
                errs.append(f"{oid}: {prop} {o[prop]!r} is not a calendar instant")
        c, m = parse_ts(o.get("created", "")), parse_ts(o.get("modified", ""))
        if c and m and m < c:
            errs.append(f"{oid}: modified {o['modified']} before created {o['created']}")
        for a, b in (("first_seen", "last_seen"), ("start_time", "stop_time")):
            if a in o and b in o and parse_ts(o[b]) and parse_ts(o[a]) and parse_ts(o[b]) < parse_ts(o[a]):
                errs.append(f"{oid}: {b} before {a}")
        m_id = re.match(r"^[a-z0-9-]+--(.*)$", oid)
        if m_id:
            u = uuid.UUID(m_id.group(1))
            if u.version != 5:
                errs.append(f"{oid}: not a name-based (v5) UUID")
        refs = list(o.get("object_refs", [])) + [o[k] for k in ("source_ref", "target_ref") if k in o]
        for ref in refs:
            if ref not in seen:
                errs.append(f"{oid}: refers to {ref}, which is not in the bundle")
        if t == "report" and oid in o.get("object_refs", []) and len(o["object_refs"]) > 1:
            # an article where nothing was found names itself, object_refs may not be empty
            errs.append(f"{oid}: report lists itself beside other objects")
    return errs


def expected_id(obj_type, key):
    return f"{obj_type}--{uuid.uuid5(OUR_NAMESPACE, obj_type + ':' + key)}"


# --- negative cases: each broken object must be rejected by the schemas ------------------

def valid_fixture():
    t = "2024-03-05T00:00:00.000Z"
    base = {"spec_version": "2.1", "created": t, "modified": t}
    group = {"type": "intrusion-set", "id": expected_id("intrusion-set", "Example Group"), "name": "Example Group", **base}
    place = {"type": "location", "id": expected_id("location", "DE"), "name": "Germany", "country": "DE", **base}
    victim = {"type": "identity", "id": expected_id("identity", "sector:energy"), "name": "energy sector",
              "identity_class": "class", "sectors": ["energy"], **base}
    op = {"type": "campaign", "id": expected_id("campaign", "Operation Example"), "name": "Operation Example", **base}
    mercenary = {"type": "threat-actor", "id": expected_id("threat-actor", "Example Spyware Maker"), "name": "Example Spyware Maker",
                 "threat_actor_types": ["spy"], "resource_level": "organization", "primary_motivation": "organizational-gain", **base}
    rel = {"type": "relationship", "id": expected_id("relationship", "targets:g:de"), "relationship_type": "targets",
           "source_ref": group["id"], "target_ref": place["id"], **base}
    report = {"type": "report", "id": expected_id("report", "fixture"), "name": "Fixture", "published": t,
              "report_types": ["threat-report"],
              "object_refs": [group["id"], place["id"], victim["id"], op["id"], mercenary["id"], rel["id"]], **base}
    return {"type": "bundle", "id": "bundle--" + str(uuid.uuid5(OUR_NAMESPACE, "bundle:fixture")),
            "objects": [report, group, place, victim, op, mercenary, rel]}


def by_type(bundle, t):
    return next(o for o in bundle["objects"] if o["type"] == t)


def negative_cases():
    """(description, function that breaks a valid bundle in place)."""
    def drop(t, prop):
        return lambda b: by_type(b, t).pop(prop)

    def put(t, prop, value):
        return lambda b: by_type(b, t).__setitem__(prop, value)

    def rel(rt, src_type, dst_type):
        def f(b):
            r = by_type(b, "relationship")
            r["relationship_type"] = rt
            r["source_ref"] = by_type(b, src_type)["id"]
            r["target_ref"] = by_type(b, dst_type)["id"]
        return f

    def loc_only(*props):
        def f(b):
            loc = by_type(b, "location")
            for p in ("country", "region", "latitude", "longitude"):
                loc.pop(p, None)
            for p, v in props:
                loc[p] = v
        return f

    return [
        ("intrusion-set without a name", drop("intrusion-set", "name")),
        ("report without published", drop("report", "published")),
        ("report without object_refs", drop("report", "object_refs")),
        ("report with empty object_refs", put("report", "object_refs", [])),
        ("object without spec_version", drop("campaign", "spec_version")),
        ("object without modified", drop("campaign", "modified")),
        ("spec_version 2.0", put("campaign", "spec_version", "2.0")),
        ("identity without identity_class", drop("identity", "identity_class")),
        ("relationship without target_ref", drop("relationship", "target_ref")),
        ("bad id: not a UUID", put("intrusion-set", "id", "intrusion-set--lazarus")),
        ("bad id: wrong type prefix", put("intrusion-set", "id", expected_id("campaign", "x"))),
        ("bad id: UUID variant bits", put("intrusion-set", "id", "intrusion-set--6ba7b810-9dad-51d1-c0b4-00c04fd430c8")),
        ("bad id: upper-case type", put("intrusion-set", "id", "Intrusion-Set--" + str(uuid.uuid4()))),
        ("bad timestamp: no Z", put("campaign", "created", "2024-03-05T00:00:00.000")),
        ("bad timestamp: offset instead of Z", put("campaign", "created", "2024-03-05T00:00:00.000+01:00")),
        ("bad timestamp: month 13", put("campaign", "modified", "2024-13-05T00:00:00.000Z")),
        ("bad timestamp: date only", put("report", "published", "2024-03-05")),
        ("created not to the millisecond", put("campaign", "created", "2024-03-05T00:00:00Z")),
        ("location without country, region or coordinates", loc_only()),
        ("location with latitude but no longitude", loc_only(("latitude", 48.1))),
        ("location with precision but no coordinates", loc_only(("country", "DE"), ("precision", 10.0))),
        ("location latitude out of range", loc_only(("latitude", 91.0), ("longitude", 0.0))),
        ("country not an ISO alpha-2 code", put("location", "country", "Germany")),
        ("unknown region", loc_only(("region", "middle-earth"))),
        ("sector outside the vocabulary", put("identity", "sectors", ["banking"])),
        ("identity_class outside the vocabulary", put("identity", "identity_class", "company")),
        ("empty aliases list", put("intrusion-set", "aliases", [])),
        ("custom property without x_ prefix", put("intrusion-set", "news_extract_relation", "reported-by")),
        ("custom property with capitals", put("intrusion-set", "x_NewsExtract", "v")),
        ("reserved property name", put("campaign", "severity", "high")),
        ("malware without is_family", lambda b: b["objects"].append(
            {k: v for k, v in by_type(b, "campaign").items() if k not in ("type", "id")} |
            {"type": "malware", "id": expected_id("malware", "x")})),
        ("malware family without a name", lambda b: b["objects"].append(
            {"type": "malware", "id": expected_id("malware", "y"), "spec_version": "2.1", "is_family": True,
             "created": "2024-03-05T00:00:00.000Z", "modified": "2024-03-05T00:00:00.000Z"})),
        ("external reference without source_name", put("report", "external_references", [{"url": "https://example.org/a"}])),
        ("external reference url not a URI", put("report", "external_references", [{"source_name": "article", "url": "not a url"}])),
        ("external reference with only a source_name", put("report", "external_references", [{"source_name": "article"}])),
        ("intrusion-set targets intrusion-set", rel("targets", "intrusion-set", "intrusion-set")),
        ("intrusion-set attributed-to location", rel("attributed-to", "intrusion-set", "location")),
        ("campaign attributed-to identity", rel("attributed-to", "campaign", "identity")),
        ("location targets identity", rel("targets", "location", "identity")),
        ("intrusion-set uses location", rel("uses", "intrusion-set", "location")),
        ("made-up relationship type", rel("reported-by", "intrusion-set", "identity")),
        ("relationship pointing at a relationship", lambda b: by_type(b, "relationship").__setitem__(
            "target_ref", by_type(b, "relationship")["id"])),
        ("object of a type we never write", lambda b: b["objects"].append(
            dict(by_type(b, "campaign"), type="indicator", id=expected_id("indicator", "x")))),
        ("threat-actor without a name", drop("threat-actor", "name")),
        ("threat-actor type outside the vocabulary", put("threat-actor", "threat_actor_types", ["mercenary"])),
        ("threat-actor with an empty type list", put("threat-actor", "threat_actor_types", [])),
        ("threat-actor originates-from a location", rel("originates-from", "threat-actor", "location")),
        ("bundle with spec_version", lambda b: b.__setitem__("spec_version", "2.1")),
        ("bundle id of another type", lambda b: b.__setitem__("id", expected_id("report", "b"))),
        ("bundle with empty objects", lambda b: b.__setitem__("objects", [])),
    ]


SEMANTIC_NEGATIVES = [
    ("modified before created", lambda b: by_type(b, "campaign").__setitem__("modified", "2024-03-04T00:00:00.000Z")),
    ("February 30", lambda b: by_type(b, "report").__setitem__("published", "2023-02-30T00:00:00.000Z")),
    ("dangling object_ref", lambda b: by_type(b, "report")["object_refs"].append(expected_id("tool", "absent"))),
    ("dangling source_ref", lambda b: by_type(b, "relationship").__setitem__("source_ref", expected_id("intrusion-set", "absent"))),
    ("duplicate id", lambda b: b["objects"].append(copy.deepcopy(by_type(b, "campaign")))),
    ("random (v4) id", lambda b: b["objects"].append(dict(by_type(b, "campaign"), id="campaign--" + str(uuid.uuid4())))),
]


def main():
    cli, rules, corpus = sys.argv[1:4]
    fails = []
    schemas = load_schemas()
    validator = make_validator(schemas, "bundle.json")

    # The schemas must accept a correct bundle and reject each broken one.
    good = valid_fixture()
    for e in schema_errors(validator, good) + semantic_errors(good):
        fails.append(f"fixture: valid bundle rejected: {e}")
    for what, breaker in negative_cases():
        b = valid_fixture()
        breaker(b)
        if not schema_errors(validator, b):
            fails.append(f"schemas accept a broken bundle: {what}")
    for what, breaker in SEMANTIC_NEGATIVES:
        b = valid_fixture()
        breaker(b)
        if not semantic_errors(b):
            fails.append(f"semantic checks accept a broken bundle: {what}")

    articles = sorted(glob.glob(os.path.join(corpus, "articles", "*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        run_path = os.path.join(tmp, "run.json")
        out = subprocess.run([cli, "--rules", rules, "--quiet", "--format", "stix", "--stix-bundle", run_path] + articles,
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr)
            sys.exit(f"news-extract exited with {out.returncode}")
        bundles = [json.loads(line) for line in out.stdout.splitlines()]
        with open(run_path) as f:
            run_bundle = json.load(f)
    if len(bundles) != len(articles):
        fails.append(f"{len(bundles)} bundles for {len(articles)} articles")

    # Dirty input: failed articles, an empty one, a URL that is no URI, an empty title, a
    # publication date that is no date; each still gets a bundle that passes.
    dirty = b"".join([
        b'{"id":"broken","text":"oops\n',
        b'[1]\n',
        b'{"id":"empty","text":""}\n',
        b'{"id":"bad-url","text":"Lazarus Group hit banks in Germany.","url":"not a url","published":"2019-03-04"}\n',
        b'{"id":"no-title","title":"","text":"APT28 targeted ministries in Poland."}\n',
        b'{"id":"bad-date","text":"Sandworm attacked the Ukrainian grid.","published":"2019-02-30"}\n',
        b'{"text":"Lazarus Group used the AppleJeus malware against exchanges.","url":"https://example.org/x y"}\n',
    ])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "dirty.jsonl")
        with open(path, "wb") as f:
            f.write(dirty)
        out = subprocess.run([cli, "--rules", rules, "--quiet", "--format", "stix", path], capture_output=True, text=True)
    dirty_bundles = [json.loads(line) for line in out.stdout.splitlines()]
    lines = dirty.count(b"\n")
    if len(dirty_bundles) != lines:
        fails.append(f"dirty input: {len(dirty_bundles)} bundles for {lines} lines")
    for i, b in enumerate(dirty_bundles):
        for e in schema_errors(validator, b) + semantic_errors(b):
            fails.append(f"dirty input line {i + 1}: {e}")

    counts = {}
    for name, b in [(os.path.basename(a), b) for a, b in zip(articles, bundles)] + [("--stix-bundle", run_bundle)]:
        for e in schema_errors(validator, b) + semantic_errors(b):
            fails.append(f"{name}: {e}")
        if name == "--stix-bundle":
            continue
        for o in b.get("objects", []):
            counts[o["type"]] = counts.get(o["type"], 0) + 1

    # Deterministic ids: a group's id is the UUIDv5 of its name in our namespace, the same
    # in every article and in the run bundle.
    group_ids, group_articles = {}, {}
    for a, b in zip(articles, bundles):
        for o in b["objects"]:
            if o["type"] == "intrusion-set":
                group_ids.setdefault(o["name"], set()).add(o["id"])
                group_articles.setdefault(o["name"], set()).add(a)
                if o["id"] != expected_id("intrusion-set", o["name"]):
                    fails.append(f"{o['id']}: not the UUIDv5 of {o['name']!r} in our namespace")
                if o["id"].split("--")[1] == str(uuid.uuid5(OBSERVABLE_NAMESPACE, "intrusion-set:" + o["name"])):
                    fails.append(f"{o['id']}: made in the namespace STIX reserves for observables")
    shared = sorted(n for n, arts in group_articles.items() if len(arts) > 1)
    if not shared:
        fails.append("no group appears in two articles")
    for n, ids in group_ids.items():
        if len(ids) != 1:
            fails.append(f"group {n} has several ids: {sorted(ids)}")
    run_by_id = {o["id"]: o for o in run_bundle.get("objects", [])}
    for n, ids in group_ids.items():
        if not ids <= run_by_id.keys():
            fails.append(f"group {n}: not in the run bundle under its id")
    # An object shared between articles is one STIX object: wherever its id
    # appears, the same content and timestamps (same id + same modified = same object).
    first_seen, shared_objects = {}, 0
    for b in bundles:
        for o in b["objects"]:
            if o["id"] in first_seen:
                shared_objects += 1
                if first_seen[o["id"]] != o:
                    fails.append(f"{o['id']}: differs between two articles ({o.get('name')})")
            else:
                first_seen[o["id"]] = o
    if shared_objects == 0:
        fails.append("no object is shared between articles")
    article_ids = {o["id"] for b in bundles for o in b["objects"]}
    if article_ids != run_by_id.keys():
        fails.append(f"run bundle and article bundles differ: {len(article_ids ^ run_by_id.keys())} ids")

    for f in fails[:int(os.environ.get("STIX_TEST_SHOW", "60"))]:
        print("FAIL", f)
    n_neg = len(negative_cases()) + len(SEMANTIC_NEGATIVES)
    print(f"{len(bundles)} article bundles + 1 run bundle ({len(run_bundle.get('objects', []))} objects); "
          f"{sum(counts.values())} objects in article bundles: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
          + f"; {len(shared)} groups in several articles; {n_neg} negative cases"
          + f"; {len(fails)} failures")
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
