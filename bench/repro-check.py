#!/usr/bin/env python3
"""Is the benchmark generator reproducible? Two runs with the same --seed and --today must make the same data.

    python3 bench/repro-check.py                      # city, seed 42, --today 2026-12-07: generate twice, compare
    python3 bench/repro-check.py --scale city --seed 7 --today 2026-06-30
    python3 bench/repro-check.py --compare A.db B.db  # compare two SQLite files made earlier

Generating runs the Release build of bench/InnoCenter.Bench.Generator (built first under the shared build lock,
/tmp/innocenter-build.lock; each run holds the lock too) into bench/data/repro/{a,b}.db.

Record ids are not compared: they are ids, and the comparison must not depend on them. Every table is compared as
a multiset of rows in which each id (a column or a GUID inside a JSON text) is replaced by the record's natural key
where it has one (an organisation by its credit code, a center by its name, an expert by name and phone, a user by
e-mail, an application by center name and lead, a review subject by kind, year and title, an IP right by its number,
a cycle by its year...) and otherwise by a digest of the record's own content and of what it refers to (three rounds,
so a row is told apart by its neighbours too). Left out as random by design: password hashes and security stamps,
token hashes and hints, data-protection keys, the migration lock and the full-text index's internal tables.

Besides the table-by-table verdict it prints the assessment's grade mix per year and the panels' members by name, the
figures issue 17 asked to be the same. Exit code 0 when everything matches, 1 otherwise.
"""
import argparse
import collections
import hashlib
import os
import re
import sqlite3
import subprocess
import sys

GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

# Random by design (salted hashes, secrets, stamps) or SQLite/EF internals: not part of "the same data".
SKIP_TABLES = {"DataProtectionKeys", "__EFMigrationsLock", "SearchEntriesFts", "SearchEntriesFts_config",
               "SearchEntriesFts_data", "SearchEntriesFts_docsize", "SearchEntriesFts_idx"}
SKIP_COLUMNS = {
    "AspNetUsers": {"PasswordHash", "SecurityStamp", "ConcurrencyStamp"},
    "AspNetRoles": {"ConcurrencyStamp"},
    "PersonalAccessTokens": {"TokenHash", "Hint"},
    "ResourceFeedTokens": {"TokenHash"},
    "ExpertInvitations": {"TokenHash"},
}

# Natural keys: (table, SQL giving id and a readable label). Later entries may use earlier labels via {label:Table.Col}.
NATURAL = [
    ("Organizations", "SELECT Id, 'org:' || CreditCode FROM Organizations"),
    ("AspNetUsers", "SELECT Id, 'user:' || COALESCE(Email, UserName) FROM AspNetUsers"),
    ("AspNetRoles", "SELECT Id, 'role:' || Name FROM AspNetRoles"),
    ("Applications", "SELECT a.Id, 'app:' || a.CenterName || '/' || o.CreditCode FROM Applications a JOIN Organizations o ON o.Id = a.LeadOrganizationId"),
    ("Centers", "SELECT Id, 'center:' || Name FROM Centers"),
    ("Experts", "SELECT Id, 'expert:' || Name || '/' || COALESCE(Phone, Email, '') FROM Experts"),
    ("ReviewSubjects", "SELECT Id, 'subject:' || Kind || '/' || Year || '/' || Title FROM ReviewSubjects"),
    ("ReviewPanels", "SELECT p.Id, 'panel:' || s.Kind || '/' || s.Year || '/' || s.Title FROM ReviewPanels p JOIN ReviewSubjects s ON s.Id = p.SubjectId"),
    ("AssessmentCycles", "SELECT Id, 'cycle:' || Year FROM AssessmentCycles"),
    ("AnnualReports", "SELECT r.Id, 'report:' || r.Year || '/' || c.Name FROM AnnualReports r JOIN Centers c ON c.Id = r.CenterId"),
    ("LedgerIp", "SELECT Id, 'ip:' || Number FROM LedgerIp"),
    ("FundGrants", "SELECT Id, 'grant:' || DocumentNumber FROM FundGrants"),
    ("PortalDocuments", "SELECT Id, 'document:' || IndexNumber FROM PortalDocuments"),
    ("ResearchResources", "SELECT r.Id, 'resource:' || c.Name || '/' || r.Name FROM ResearchResources r JOIN Centers c ON c.Id = r.CenterId"),
]


def tables(db):
    return [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if r[0] not in SKIP_TABLES]


def columns(db, table):
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')
            if r[1] not in SKIP_COLUMNS.get(table, set())]


def canonical(path):
    """Each table as a Counter of rows with ids replaced by labels."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = tables(db)
    natural_tables = {t for t, _ in NATURAL}
    label = {}
    for table, sql in NATURAL:
        if table in names:
            for rid, text in db.execute(sql):
                label[rid.upper()] = text

    # Each cell once: a plain value becomes its repr; a text holding ids becomes its pieces (text, id, text, ...), so
    # the rounds below only look labels up.
    cells = {}
    for table in names:
        cols = columns(db, table)
        idx = cols.index("Id") if "Id" in cols else None
        data = []
        for row in db.execute('SELECT ' + ', '.join(f'"{c}"' for c in cols) + f' FROM "{table}"'):
            own = row[idx].upper() if idx is not None and isinstance(row[idx], str) else None
            out = []
            for i, v in enumerate(row):
                if i == idx:
                    out.append("")
                elif isinstance(v, str) and GUID.search(v):
                    out.append(tuple(_pieces(v)))
                else:
                    out.append(repr(v))
            data.append((own, out))
        cells[table] = (cols, idx, data)

    def render(own, out):
        return tuple(c if isinstance(c, str) else "".join(
            (("<self>" if p == own else label.get(p, "<?>")) if k % 2 else p) for k, p in enumerate(c)) for c in out)

    # Rows without a natural key are known by a digest of their content and neighbours; three rounds refine it.
    for _ in range(3):
        new = {}
        for table in names:
            if table in natural_tables:
                continue
            _, _, data = cells[table]
            for own, out in data:
                if own is not None and GUID.fullmatch(own):
                    new[own] = f"{table}#" + hashlib.sha1(repr(render(own, out)).encode()).hexdigest()[:10]
        label.update(new)

    result = {}
    for table in names:
        cols, idx, data = cells[table]
        rendered = collections.Counter()
        for own, out in data:
            content = list(render(own, out))
            if idx is not None:
                content[idx] = label.get(own, "<id>") if own else "<id>"
                if content[idx].startswith(f"{table}#"):
                    content[idx] = "<id>"  # a digest of the row itself says nothing more than the row
            rendered[tuple(content)] += 1
        result[table] = (cols, rendered)
    return db, result


def _pieces(text):
    """'a<guid>b<guid>c' as ['a', GUID, 'b', GUID, 'c'] (ids upper-cased at odd positions)."""
    parts, last = [], 0
    for m in GUID.finditer(text):
        parts += [text[last:m.start()], m.group(0).upper()]
        last = m.end()
    parts.append(text[last:])
    return parts


def grade_mix(db):
    return db.execute(
        "SELECT Year, Grade, COUNT(*) FROM AssessmentResults GROUP BY Year, Grade ORDER BY Year, Grade").fetchall()


def results_by_center(db):
    return db.execute(
        "SELECT r.Year, c.Name || ' ' || c.ApprovalNumber, r.Total, r.Grade FROM AssessmentResults r JOIN Centers c ON c.Id = r.CenterId "
        "ORDER BY r.Year, c.Name, c.ApprovalNumber").fetchall()


def panels(db):
    return db.execute(
        "SELECT s.Title, group_concat(e.Name || ':' || m.Status, ' ') FROM (SELECT * FROM PanelMembers ORDER BY InvitedAt, ExpertId) m "
        "JOIN ReviewPanels p ON p.Id = m.PanelId JOIN ReviewSubjects s ON s.Id = p.SubjectId "
        "JOIN Experts e ON e.Id = m.ExpertId GROUP BY p.Id ORDER BY s.Title, p.Id").fetchall()


def compare(a_path, b_path):
    a_db, a = canonical(a_path)
    b_db, b = canonical(b_path)
    same = 0
    differ = []
    for table in sorted(set(a) | set(b)):
        if table not in a or table not in b:
            differ.append(table)
            print(f"  {table}: only in {'A' if table in a else 'B'}")
            continue
        cols, ra = a[table]
        _, rb = b[table]
        if ra == rb:
            same += 1
            continue
        differ.append(table)
        only_a, only_b = ra - rb, rb - ra
        print(f"  DIFFERS {table}: {sum(ra.values())} vs {sum(rb.values())} rows, "
              f"{sum(only_a.values())} only in A, {sum(only_b.values())} only in B")
        # Which columns carry the difference (pair rows up by position after sorting).
        changed = collections.Counter()
        for x, y in zip(sorted(only_a.elements()), sorted(only_b.elements())):
            for c, u, v in zip(cols, x, y):
                if u != v:
                    changed[c] += 1
        if changed:
            print("    columns that differ in paired rows: " + ", ".join(f"{c} ({n})" for c, n in changed.most_common()))
        for row in list(only_a.elements())[:2]:
            print("    A: " + " | ".join(f"{c}={v}" for c, v in zip(cols, row))[:400])
        for row in list(only_b.elements())[:2]:
            print("    B: " + " | ".join(f"{c}={v}" for c, v in zip(cols, row))[:400])

    print(f"\nTables compared: {same + len(differ)}; the same: {same}; different: {len(differ)}"
          + (f" ({', '.join(differ)})" if differ else ""))
    ga, gb = grade_mix(a_db), grade_mix(b_db)
    print("Assessment grade mix (year grade count), A: " + "; ".join(f"{y} {g} {n}" for y, g, n in ga))
    print("Assessment grade mix (year grade count), B: " + "; ".join(f"{y} {g} {n}" for y, g, n in gb))
    ra, rb = results_by_center(a_db), results_by_center(b_db)
    print(f"Assessment results by center name: {len(ra)} vs {len(rb)}, "
          f"{sum(1 for x, y in zip(ra, rb) if x == y) if len(ra) == len(rb) else 'n/a'} identical (year, center, total, grade)")
    pa, pb = panels(a_db), panels(b_db)
    print(f"Panels by expert names and statuses: {len(pa)} vs {len(pb)}, "
          f"{'all identical' if pa == pb else str(sum(1 for x, y in zip(pa, pb) if x == y)) + ' identical'}")
    ok = not differ and ga == gb and ra == rb and pa == pb
    print("REPRODUCIBLE" if ok else "NOT REPRODUCIBLE")
    return 0 if ok else 1


def generate(root, scale, seed, today, out):
    project = os.path.join(root, "bench", "InnoCenter.Bench.Generator")
    dll = os.path.join(project, "bin", "Release", "net10.0", "InnoCenter.Bench.Generator.dll")
    lock = "/tmp/innocenter-build.lock"
    subprocess.run(["flock", lock, "dotnet", "build", project, "-c", "Release", "-v", "q", "-nologo"], check=True)
    os.makedirs(out, exist_ok=True)
    paths = []
    for run in ("a", "b"):
        db = os.path.join(out, f"{run}.db")
        with open(os.path.join(out, f"{run}.log"), "w") as log:
            subprocess.run(["flock", lock, "dotnet", dll, "--scale", scale, "--seed", str(seed), "--today", today,
                            "--connection", f"Data Source={db}", "--reset"], check=True, stdout=log, stderr=subprocess.STDOUT, cwd=root)
        print(f"generated {db}")
        paths.append(db)
    return paths


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", default="city")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--today", default="2026-12-07")
    p.add_argument("--out", default=None, help="where the two databases go (default bench/data/repro)")
    p.add_argument("--compare", nargs=2, metavar=("A", "B"), help="compare two existing SQLite files, generate nothing")
    args = p.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if args.compare:
        a, b = args.compare
    else:
        a, b = generate(root, args.scale, args.seed, args.today, args.out or os.path.join(root, "bench", "data", "repro"))
    print(f"Comparing {a} with {b}")
    sys.exit(compare(a, b))


if __name__ == "__main__":
    main()
