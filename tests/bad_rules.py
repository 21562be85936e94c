#!/usr/bin/env python3
"""Broken rule files through the real command: every problem as path:line: reason,
all listed at once, exit 2 before any article is read."""
import os, shutil, subprocess, sys, tempfile

cli, rules = sys.argv[1:3]
tmp = tempfile.mkdtemp(prefix="news-extract-rules-")
bad = os.path.join(tmp, "rules")
shutil.copytree(rules, bad)

def append(rel, line):
    with open(os.path.join(bad, rel), "a") as f:
        f.write(line + "\n")

def lines_of(rel):
    with open(os.path.join(bad, rel)) as f:
        return sum(1 for _ in f)

expect = []
def broken(rel, line, reason):
    append(rel, line)
    expect.append((f"{rel}:{lines_of(rel)}", reason))

broken("actors/media.tsv", "too\tfew", "tab-separated columns")
broken("actors/media.tsv", "reuters\tReuters again\tmedia\tGB\t-", "duplicate actor id")
broken("actors/media.tsv", "new-paper\tNew Paper\tmedia\tZZ\t-", "unknown ISO 3166-1")
broken("sectors/sectors.tsv", "quantum-farming\tqubit farms", "unknown STIX 2.1 industry sector")
broken("actors/organizations.tsv", "moon-mining-co\tMoon Mining Co\torganization\tUS\t-\tmining|asteroid-farming", "unknown STIX 2.1 industry sector 'asteroid-farming'")
broken("sectors/actor-kinds.tsv", "media\tmagic\t-", "unknown STIX 2.1 industry sector 'magic'")
broken("sectors/actor-kinds.tsv", "wizard\tgovernment\t-", "unknown actor kind 'wizard'")
broken("sectors/actor-kinds.tsv", "person\tgovernment\tsorcery", "unknown STIX 2.1 industry sector 'sorcery'")
broken("sectors/parents.tsv", "government-local\tgovernment", "sector 'government-local' given a parent twice")
broken("sectors/parents.tsv", "water\tplumbing", "unknown STIX 2.1 industry sector 'plumbing'")
broken("sectors/parents.tsv", "energy\tenergy", "a sector is not its own parent")
broken("sectors/parents.tsv", "dams\tgovernment-local", "parent 'government-local' has a parent of its own")
broken("sectors/tiers.tsv", "government\tcountry\tstatecraft", "unknown STIX 2.1 industry sector 'statecraft'")
broken("sectors/tiers.tsv", "energy\tcountry\tgovernment-national", "'government-national' is no tier of 'energy'")
broken("sectors/tiers.tsv", "government\t|\tgovernment-local", "no words before")
broken("tools/owners.tsv", "no-such-tool\tturla", "unknown tool id 'no-such-tool'")
broken("tools/owners.tsv", "kazuar\tturla", "tool 'kazuar' given its groups twice")
broken("tools/owners.tsv", "mimikatz\tmicrosoft", "'microsoft' is no threat group")
broken("tools/owners.tsv", "cobalt-strike\t-", "no groups")
broken("operations/campaigns.tsv", "op-y\tOperation Y\t-\t-\ttakeover", "kind must be campaign or takedown")
broken("operations/campaigns.tsv", "op-x\tOperation X\tno-such-actor\t-\tcampaign", "unknown actor id")
broken("operations/patterns.tsv", "bad-re\t1\t(?P<name>a(b", "RE2 refuses the pattern")
broken("dates/patterns.tsv", "bad-lookbehind\tDATE\tyear\t(?<=in )\\d{4}", "RE2 refuses the pattern")
broken("dates/patterns.tsv", "bad-list\tDATE\tym\t{nolist}", "unknown list")
broken("names/patterns.tsv", "bad-word-list\tactor\torganization\t20\t-\tno\t{no-such-list} (?P<name>[A-Z][a-z]+)", "unknown word list {no-such-list}")
broken("countries/traps.tsv", "Georgia\teverywhere\tpeach", "scope must be")
broken("countries/subdivisions.tsv", "QQ\tstate\tNowhere", "unknown ISO 3166-1 alpha-2 code 'QQ'")
broken("countries/subdivisions.tsv", "CA\tcity\tTexas", "'Texas' is already a place of US")
broken("names/patterns.tsv", "bad-capture-list\tactor\torganization\t20\t-\tno\t(?P<in_no_such_list>[a-z]+) (?P<name>[A-Z][a-z]+)",
       "capture in_no_such_list names no word list")
broken("names/patterns.tsv", "both-captures\tactor\tthreat-group\t20\t-\tno\tgroups: (?P<list>[A-Z].*) and (?P<name>[A-Z][a-z]+)",
       "both (?P<name>...) and (?P<list>...)")
broken("names/patterns.tsv", "tool-list\ttool\tmalware\t20\t-\tno\tmalware such as (?P<list>[A-Z].*)", "needs type actor")
broken("names/patterns.tsv", "no-capture\tactor\tthreat-group\t20\t-\tno\tgroups: [A-Z]+", "lacks the named capture")
broken("layout/boilerplate.tsv", "bad-place\tmiddle\tSponsored", "none of top, bottom, anywhere")
broken("layout/boilerplate.tsv", "byline\ttop\tBy .*", "duplicate id 'byline'")
broken("layout/boilerplate.tsv", "bad-re\tanywhere\t(Related:", "RE2 refuses the pattern")
broken("layout/boilerplate.tsv", "bad-title-re\ttitle-end\t\\s+\\|\\s+(Reuters", "RE2 refuses the pattern")
broken("layout/boilerplate.tsv", "site-after-pipe\ttitle-end\t\\s+-\\s+Reuters", "duplicate id 'site-after-pipe'")
broken("layout/boilerplate.tsv", "no-list\ttext-start\t\\({no-such-list}\\)", "unknown list {no-such-list}")
# A word list the pipeline reads, deleted: the load stops instead of the stage finding nothing.
os.remove(os.path.join(bad, "context", "cosign-cues.txt"))
expect.append(("context/cosign-cues.txt", "missing word list"))

story = os.path.join(tmp, "story.txt")
with open(story, "w") as f:
    f.write("Lazarus Group hit banks.")
p = subprocess.run([cli, "--rules", bad, story], capture_output=True, text=True, timeout=120)
fails = []
if p.returncode != 2:
    fails.append(f"exit {p.returncode}, expected 2")
if p.stdout.strip():
    fails.append("records were written although the rules are broken")
for where, reason in expect:
    if not any(where in l and reason in l for l in p.stderr.splitlines()):
        fails.append(f"no '{where}: ...{reason}...' in stderr")
# A missing rules folder.
q = subprocess.run([cli, "--rules", os.path.join(tmp, "nowhere"), story], capture_output=True, text=True)
if q.returncode != 2 or "not a rules folder" not in q.stderr:
    fails.append(f"missing folder: exit {q.returncode}, {q.stderr!r}")
shutil.rmtree(tmp)
for f in fails:
    print("FAIL", f)
print(p.stderr)
sys.exit(1 if fails else 0)
