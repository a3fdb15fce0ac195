#!/usr/bin/env python3
"""Kills one web node (kill -9) in the middle of a write load through nginx, then checks what a failover must keep:
every acknowledged write is in the database (with its audit row), the audit chain is sealed by the surviving node and
verifies. Requests in flight on the killed node may fail; they are counted and listed, never retried by this script.

    ADMIN_TOKEN=ict_… PG="Host=…;…;Database=…" python3 deploy/kill-test.py

The load: CLIENTS threads, each creating organisations through nginx (POST /api/v1/organizations with fresh valid
credit codes, deploy/uscc.py) as fast as they are answered; every answer is recorded (time, status, id, code).
After BEFORE seconds the node that holds the audit sealer's lease is killed (VICTIM=node1|node2 chooses another),
and the load goes on for AFTER seconds. Environment: NGINX_URL [http://127.0.0.1:5470], RUNTIME [deploy/run],
CLIENTS [8], BEFORE [15], AFTER [20], OUT [deploy/run/kill-test.tsv] (every request, for a person to look at).
The killed node stays down: `deploy/two-nodes.sh start` starts it again (the nodes that run are left alone)."""
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uscc  # noqa: E402

NGINX = os.environ.get("NGINX_URL", "http://127.0.0.1:5470")
TOKEN = os.environ["ADMIN_TOKEN"]
PG = os.environ["PG"]
RUNTIME = os.environ.get("RUNTIME", os.path.join(os.path.dirname(os.path.abspath(__file__)), "run"))
CLIENTS = int(os.environ.get("CLIENTS", "8"))
BEFORE = float(os.environ.get("BEFORE", "15"))
AFTER = float(os.environ.get("AFTER", "20"))
OUT = os.environ.get("OUT", os.path.join(RUNTIME, "kill-test.tsv"))


def psql(sql):
    """Runs SQL with psql, the connection taken from the Npgsql string; returns the rows as lists of strings."""
    parts = dict(p.split("=", 1) for p in PG.split(";") if "=" in p)
    keys = {k.strip().lower(): v for k, v in parts.items()}
    env = dict(os.environ, PGPASSWORD=keys.get("password", ""))
    args = ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-h", keys.get("host", keys.get("server", "localhost")),
            "-p", keys.get("port", "5432"), "-U", keys.get("username", keys.get("user id", "postgres")),
            "-d", keys["database"]]
    # On stdin: the lists of ids are longer than a command line may be.
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True, input=sql).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def api(method, path, body=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(NGINX + path, data=data, method=method, headers={
        "Authorization": "Bearer " + TOKEN, "Content-Type": "application/json", "Accept-Language": "en-US"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read() or b"null")


records = []
lock = threading.Lock()
stop = threading.Event()
t_start = time.monotonic()


def worker(n):
    i = 0
    while not stop.is_set():
        i += 1
        code = uscc.code()
        body = {"creditCode": code, "name": f"故障切换测试单位{n:02d}-{i:05d}-{code[10:16]}", "type": "Enterprise",
                "region": "Tianjin", "districtCode": "120116"}
        t0 = time.monotonic()
        status, org_id, error = 0, "", ""
        try:
            status, saved = api("POST", "/api/v1/organizations", body)
            org_id = saved["organization"]["id"]
        except urllib.error.HTTPError as e:
            status, error = e.code, e.read()[:200].decode("utf-8", "replace").replace("\t", " ").replace("\n", " ")
        except Exception as e:  # a connection reset or a timeout: no answer at all
            error = (type(e).__name__ + ": " + str(e)[:150]).replace("\t", " ").replace("\n", " ")
        with lock:
            records.append((t0 - t_start, time.monotonic() - t0, status, org_id, code, error))


def node_pids():
    pids = {}
    for d in sorted(os.listdir(RUNTIME)):
        path = os.path.join(RUNTIME, d, "pid")
        if d.startswith("node") and os.path.exists(path):
            pids[d] = int(open(path).read().strip())
    return pids


def lease_holders():
    return {name: holder for name, holder, live in
            psql('select "Name", "Holder", "ExpiresAt" > now() from "JobLeases" order by 1') if live == "t"}


def main():
    pids = node_pids()
    print(f"nodes: {pids}; {CLIENTS} clients creating organisations through {NGINX}")
    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    time.sleep(BEFORE)

    holders = lease_holders()
    victim = os.environ.get("VICTIM")
    if not victim:
        sealer = holders.get("audit-sealer", "")
        victim = next((name for name, pid in pids.items() if f":{pid}:" in sealer), next(iter(pids)))
    kill_at = time.monotonic() - t_start
    print(f"leases before: {holders}")
    print(f"t={kill_at:.1f}s: kill -9 {victim} (pid {pids[victim]}), the audit sealer's holder: "
          f"{'yes' if str(pids[victim]) in holders.get('audit-sealer', '') else 'no'}")
    os.kill(pids[victim], signal.SIGKILL)
    time.sleep(AFTER)
    stop.set()
    for t in threads:
        t.join(timeout=60)

    with open(OUT, "w") as f:
        f.write(f"# kill -9 {victim} at t={kill_at:.3f}\n")
        f.write("at_s\tseconds\tstatus\tid\tcredit_code\terror\n")
        for r in sorted(records):
            f.write("%.3f\t%.3f\t%s\t%s\t%s\t%s\n" % r)
    return check(records, kill_at)


def check(records, kill_at):

    acked = [r for r in records if r[2] == 201]
    failed = [r for r in records if r[2] != 201]
    print(f"\nrequests: {len(records)}; acknowledged (201): {len(acked)}; failed: {len(failed)} "
          f"(every request in {OUT})")
    by_kind = {}
    for r in failed:
        kind = f"HTTP {r[2]}" if r[2] else r[5].split(":")[0]
        by_kind.setdefault(kind, []).append(r)
    for kind, rows in sorted(by_kind.items()):
        print(f"  {kind}: {len(rows)}, sent at t={min(x[0] for x in rows):.1f}-{max(x[0] for x in rows):.1f}s "
              f"(kill at {kill_at:.1f}s); e.g. {rows[0][5][:120]}")
    per_second_after = [r for r in acked if r[0] > kill_at + 1]
    print(f"  acknowledged after the kill: {len(per_second_after)} "
          f"(through the surviving node; nginx resends a request that never reached the dead one)")

    ids = [r[3] for r in acked]
    found = int(psql('select count(*) from "Organizations" where "Id" in (%s)' % ",".join(f"'{i}'" for i in ids))[0][0]) if ids else 0
    audited = int(psql('select count(distinct "EntityId") from "AuditEntries" where "EntityType" = \'Organization\' and "EntityId" in (%s)'
                       % ",".join(f"'{i}'" for i in ids))[0][0]) if ids else 0
    codes = [r[4] for r in failed]
    applied_unacked = int(psql('select count(*) from "Organizations" where "CreditCode" in (%s)' % ",".join(f"'{c}'" for c in codes))[0][0]) if codes else 0
    print(f"\nacknowledged creates in the database: {found} of {len(ids)}; with their audit row: {audited} of {len(ids)}")
    print(f"failed requests whose organisation is in the database anyway (applied, answer lost with the node): {applied_unacked} of {len(codes)}")

    t0 = time.monotonic()
    pending = None
    while time.monotonic() - t0 < 60:
        _, page = api("GET", "/api/v1/audit?pageSize=1")
        pending = page["pending"]
        if pending == 0:
            break
        time.sleep(1)
    holders_after = lease_holders()
    print(f"audit rows waiting for the sealer: {pending} after {time.monotonic() - t0:.1f}s; leases now: {holders_after}")
    _, verify = api("POST", "/api/v1/audit/verify", timeout=300)
    print("audit verify: " + json.dumps({k: verify[k] for k in ("intact", "checked", "lastSequence", "signedHeadSequence", "truncated", "pending", "breaks")}))

    ok = found == len(ids) and audited == len(ids) and verify["intact"] and pending == 0
    print("\nRESULT: " + ("every acknowledged create kept and audited; the chain verifies" if ok else "FAILED"))
    return 0 if ok else 1


def check_only(path):
    """CHECK_ONLY=deploy/run/kill-test.tsv: the checks again on a recorded run (the load and the kill are not repeated)."""
    kill_at, rows = 0.0, []
    with open(path) as f:
        for line in f:
            if line.startswith("# kill"):
                kill_at = float(line.rsplit("t=", 1)[1])
                continue
            if line.startswith("at_s") or "\t" not in line:
                continue
            at, secs, status, org_id, code, error = line.rstrip("\n").split("\t", 5)
            rows.append((float(at), float(secs), int(status), org_id, code, error))
    return check(rows, kill_at)


if __name__ == "__main__":
    sys.exit(check_only(os.environ["CHECK_ONLY"]) if os.environ.get("CHECK_ONLY") else main())
