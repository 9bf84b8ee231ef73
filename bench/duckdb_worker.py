#!/usr/bin/env python3
"""DuckDB's side of the benchmark, run as its own process so its peak memory is measurable.

usage: duckdb_worker.py count|scan CSV_PATH

Prints one JSON object on stdout:
  count: {"load_s": seconds for SELECT count(*) FROM read_csv(...), "count": N}
  scan:  {"load_s": seconds to CREATE TABLE t AS SELECT * FROM read_csv(...),
          "scan_s": seconds for the distinct-users-per-day query, "days": [[day, users], ...]}
Times are wall-clock inside this process, from a fresh connection to the fetched result; the
interpreter's start-up and `import duckdb` are excluded.
"""
import datetime
import json
import sys
import time

import duckdb

# DuckDB's fastest form we found for UTC days: integer division of the epoch. `date_trunc`
# (0.93 s at 10M rows) and `ts::DATE` (0.67 s) go through ICU for TIMESTAMPTZ and are 2-3x
# slower than this (0.31 s); the day numbers become ISO dates after the timer stops.
SCAN_SQL = """
SELECT epoch_us(ts) // 86400000000 AS day, count(DISTINCT user_id) AS users
FROM t GROUP BY 1 ORDER BY 1
"""


def connect():
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    # `ts` ends in Z, so DuckDB reads it as TIMESTAMP WITH TIME ZONE; days must be UTC days,
    # as in Tally's default session time zone.
    connection.execute("SET TimeZone = 'UTC'")
    return connection


def count(path):
    start = time.perf_counter()
    connection = connect()
    (rows,) = connection.execute("SELECT count(*) FROM read_csv(?)", [path]).fetchone()
    return {"load_s": time.perf_counter() - start, "count": rows}


def scan(path):
    start = time.perf_counter()
    connection = connect()
    connection.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [path])
    loaded = time.perf_counter()
    days = connection.execute(SCAN_SQL).fetchall()
    done = time.perf_counter()
    epoch = datetime.date(1970, 1, 1)
    iso_days = [[(epoch + datetime.timedelta(days=int(d))).isoformat(), int(u)] for d, u in days]
    return {"load_s": loaded - start, "scan_s": done - loaded, "days": iso_days}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("count", "scan"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, path = sys.argv[1], sys.argv[2]
    result = count(path) if mode == "count" else scan(path)
    result["version"] = duckdb.__version__
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
