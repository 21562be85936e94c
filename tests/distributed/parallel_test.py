#!/usr/bin/env python3
"""news-extract under GNU parallel: (1) --pipe splits stdin into blocks, one
news-extract per block, --keep-order; (2) one news-extract --shard K/N per
shard over the same file. Both must give exactly the records of one local
run (the first in the same order)."""
import json, os, shutil, subprocess, sys, tempfile

cli, rules, corpus = (os.path.abspath(p) for p in sys.argv[1:4])
tmp = tempfile.mkdtemp(prefix="news-extract-parallel-")
fails = []
joblog = os.path.join(tmp, "jobs.log")

def check_jobs(name, run):
    """Each job must exit 0 or 1 (1: some articles have error records); parallel's own
    status counts the jobs that exited non-zero, so the job log is read instead."""
    rows = [l.split("\t") for l in open(joblog).read().splitlines()[1:]]
    bad = [r for r in rows if r[6] not in ("0", "1") or r[7] != "0"]
    if not rows or bad:
        fails.append(f"{name}: {len(rows)} jobs, failed: {bad[:3]} {run.stderr.decode()[-300:]}")
    os.remove(joblog)

try:
    if not shutil.which("parallel"):
        raise SystemExit("GNU parallel is not installed (tools/setup installs it)")
    data = os.path.join(tmp, "input.jsonl")
    with open(data, "w") as f:
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_input.py"), corpus, "2000"],
                       stdout=f, check=True)
    # --pipe: an id made from the position (stdin:LINE) counts lines within a block,
    # so here every line has an id of its own and malformed lines are left out.
    piped_input = os.path.join(tmp, "with-ids.jsonl")
    with open(data) as src, open(piped_input, "w") as dst:
        for i, line in enumerate(src):
            try:
                obj = json.loads(line)
                obj.setdefault("id", f"line-{i}")
                dst.write(json.dumps(obj, ensure_ascii=False) + "\n")
            except ValueError:
                pass
    base = [cli, "--rules", rules, "--quiet", "--no-dedup"]
    local = subprocess.run(base + [piped_input], capture_output=True, timeout=900)
    with open(piped_input, "rb") as f:
        piped = subprocess.run(["parallel", "--will-cite", "--joblog", joblog, "--pipe", "--keep-order", "-j2", "-N", "250"] + base + ["-"],
                               stdin=f, capture_output=True, timeout=900)
    check_jobs("parallel --pipe", piped)
    if piped.stdout != local.stdout:
        fails.append(f"parallel --pipe: {len(piped.stdout.splitlines())} records differ from the local "
                     f"{len(local.stdout.splitlines())}")
    # --shard: every job reads the whole file and keeps its share.
    local2 = subprocess.run(base + [data], capture_output=True, timeout=900)
    sharded = subprocess.run(["parallel", "--will-cite", "--joblog", joblog, "-j2", cli, "--rules", rules, "--quiet", "--shard", "{}/3", data,
                              ":::", "0", "1", "2"], capture_output=True, timeout=900)
    check_jobs("parallel --shard", sharded)
    if sorted(sharded.stdout.splitlines()) != sorted(local2.stdout.splitlines()):
        fails.append(f"parallel --shard: {len(sharded.stdout.splitlines())} records differ from the local "
                     f"{len(local2.stdout.splitlines())}")
    print(f"--pipe: {len(piped.stdout.splitlines())} records; --shard: {len(sharded.stdout.splitlines())} records")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
for f in fails:
    print("FAIL", f)
sys.exit(1 if fails else 0)
