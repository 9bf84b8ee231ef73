"""What every peer worker shares: the metric definitions' constants, the timing loop, and the
canonical form of each result that bench.py compares across tools.

A worker is run as `python3 X_worker.py load|metrics CSV_PATH` in its own process (so its peak
RSS is its own) and prints one JSON object on stdout:
  load:    {"version": …, "load_s": seconds to read the CSV into an in-memory table}
  metrics: the same plus "times": {work: seconds}, "results": {work: canonical result}
Times are wall clock inside the process around the engine's work up to a fetched result; the
interpreter's start-up, the import and turning the fetched result into the canonical form are
excluded.
"""
import datetime
import json
import math
import sys
import time

# The metrics, in the order they are run and reported (the same keys as in tally_side.py).
WORKS = ("dau", "retention", "funnel", "rfm", "nps")

FUNNEL_STEPS = ("view_item", "add_to_cart", "checkout", "purchase")
FUNNEL_WINDOW_US = 7 * 86_400 * 1_000_000      # `within: 7d`, inclusive
RETENTION_HORIZON = 30                          # periods 0…30, daily cohorts
RFM_BINS = 5
# quantilesExact levels: the IEEE doubles nearest k/5, as ClickHouse and Tally's RFM take them.
RFM_LEVELS = tuple(k / RFM_BINS for k in range(1, RFM_BINS))
US_PER_DAY = 86_400_000_000
EPOCH = datetime.date(1970, 1, 1)


def iso_day(day_number):
    """Days since 1970-01-01 → `YYYY-MM-DD`."""
    return (EPOCH + datetime.timedelta(days=int(day_number))).isoformat()


def cut_indices(n):
    """0-based positions of the quantilesExact cut points among n sorted values: ⌊ℓ_k·n⌋ in doubles."""
    return [min(n - 1, int(math.floor(level * n))) for level in RFM_LEVELS]


def score(value, cuts):
    """1 + the number of cut points the value strictly exceeds."""
    return 1 + sum(1 for cut in cuts if value > cut)


def canonical_dau(rows):
    """[(day number, users)] → [[iso day, users]] sorted, days with no users left out."""
    return [[iso_day(d), int(u)] for d, u in sorted(rows) if int(u) > 0]


def canonical_retention(triples, last_day):
    """Sparse (cohort day, k, retained) with k in 0…horizon (k = 0 is the cohort's size) and the
    data's last day → dense [[cohort, k, users, retained or None]]: 0 where nobody came back,
    None where cohort + k lies past the last day (Tally's exact-mode definition)."""
    counts = {(int(c), int(k)): int(n) for c, k, n in triples}
    cohorts = sorted(c for c, k in counts if k == 0)
    cells = []
    for cohort in cohorts:
        users = counts[(cohort, 0)]
        for k in range(RETENTION_HORIZON + 1):
            retained = None if cohort + k > int(last_day) else counts.get((cohort, k), 0)
            cells.append([iso_day(cohort), k, users, retained])
    return cells


def canonical_funnel_from_levels(level_counts):
    """{level: users} (levels 0…4) → users reaching each step (level ≥ step)."""
    steps = len(FUNNEL_STEPS)
    return [sum(int(n) for level, n in level_counts.items() if int(level) >= step) for step in range(1, steps + 1)]


def canonical_rfm(users, recency, frequency, monetary, r_score, f_score, m_score):
    """Parallel sequences → {user: [recency, frequency, monetary, r, f, m]}."""
    return {str(u): [int(r), int(f), float(m), int(rs), int(fs), int(ms)]
            for u, r, f, m, rs, fs, ms in zip(users, recency, frequency, monetary, r_score, f_score, m_score)}


def nps_row(responses, promoters, passives, detractors):
    n, p, d = int(responses), int(promoters), int(detractors)
    return [n, p, int(passives), d, None if n == 0 else 100.0 * (p - d) / n]


def run_worker(name, version, load, metrics):
    """The command line of every worker: `load` times `load(path)`; `metrics` loads, then runs
    each function of `metrics` (work → f(table) returning a canonical-ready thunk's input) under
    the clock. `metrics[work]` returns (raw, to_canonical): only the first part is timed."""
    if len(sys.argv) != 3 or sys.argv[1] not in ("load", "metrics"):
        print(f"usage: {name} load|metrics CSV_PATH", file=sys.stderr)
        return 2
    mode, path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    table = load(path)
    output = {"version": version, "load_s": time.perf_counter() - start}
    if mode == "metrics":
        output["times"], output["results"] = {}, {}
        for work in WORKS:
            start = time.perf_counter()
            raw, to_canonical = metrics[work](table)
            output["times"][work] = time.perf_counter() - start
            output["results"][work] = to_canonical(raw)
    json.dump(output, sys.stdout)
    return 0
