#!/usr/bin/python3
"""news-extract on a Dask cluster: a scheduler and two worker processes on
localhost (Debian's python3-distributed), each task running news-extract
--shard K/N over the same input; the merged records must be exactly those of
one local run. Run with Debian's python, where the package lives."""
import json, os, shutil, subprocess, sys, tempfile, time

cli, rules, corpus = (os.path.abspath(p) for p in sys.argv[1:4])
shards = 4
tmp = tempfile.mkdtemp(prefix="news-extract-dask-")
procs = []
fails = []

def stop():
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
    shutil.rmtree(tmp, ignore_errors=True)

try:
    from distributed import Client
except ImportError:
    print("python3-distributed is not installed (tools/setup installs it)")
    sys.exit(1)

try:
    data = os.path.join(tmp, "input.jsonl")
    with open(data, "w") as f:
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_input.py"), corpus, "3000"],
                       stdout=f, check=True)
    local = subprocess.run([cli, "--rules", rules, "--quiet", "--no-dedup", data], capture_output=True, timeout=900)
    if local.returncode not in (0, 1):
        raise SystemExit(f"local run failed: {local.stderr.decode()[-500:]}")
    local_lines = local.stdout.decode().splitlines()

    scheduler_file = os.path.join(tmp, "scheduler.json")
    common = dict(stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "dask.log"), "w"), cwd=tmp)
    procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                   "--port", "0", "--no-dashboard", "--scheduler-file", scheduler_file], **common))
    deadline = time.time() + 60
    while not os.path.exists(scheduler_file) and time.time() < deadline:
        time.sleep(0.2)
    for _ in range(2):
        procs.append(subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file",
                                       scheduler_file, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                                       "--local-directory", tmp], **common))
    client = Client(scheduler_file=scheduler_file, timeout=60)
    client.wait_for_workers(2, timeout=60)

    def run_shard(k, n, cli=cli, rules=rules, data=data):
        import os, subprocess
        out = subprocess.run([cli, "--rules", rules, "--quiet", "--shard", f"{k}/{n}", data], capture_output=True)
        return os.getpid(), out.returncode, out.stdout.decode(), out.stderr.decode()

    results = client.gather(client.map(run_shard, range(shards), [shards] * shards, pure=False))
    client.close()
    pids = {pid for pid, *_ in results}
    merged = []
    for k, (pid, code, out, err) in enumerate(results):
        if code not in (0, 1):
            fails.append(f"shard {k}/{shards} exited {code}: {err[-300:]}")
        merged += out.splitlines()
    if len(pids) < 2:
        fails.append(f"all shards ran in one worker process ({pids})")
    ids = [json.loads(l)["id"] for l in merged]
    if len(ids) != len(set(ids)):
        fails.append("an article came out of two shards")
    if sorted(merged) != sorted(local_lines):
        missing = set(local_lines) - set(merged)
        fails.append(f"merged shards differ from the local run: {len(merged)} vs {len(local_lines)} records, "
                     f"{len(missing)} local records not found")
    print(f"{len(local_lines)} records locally; {len(merged)} from {shards} shards on {len(pids)} Dask workers")
finally:
    stop()
for f in fails:
    print("FAIL", f)
sys.exit(1 if fails else 0)
