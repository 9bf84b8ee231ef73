#!/usr/bin/env python3
"""Cohort retention computed independently with DuckDB SQL, to cross-check Tally's `retention`.

Reads a JSON request on stdin:
  {"csv": PATH, "configs": [{"name": ..., "start": EVENT|null, "return": EVENT|null,
    "period": "day"|"week"|"month", "horizon": H, "mode": "exact"|"unbounded",
    "cohort": "first"|"recurring"}, ...]}
and writes {name: [row, ...]} with rows {cohort, period, users, retained, rate, is_average} in
Tally's order: cohort rows by cohort then period, then the average rows by period.
Times are read as UTC; weeks start on Monday (DuckDB's ISO weeks). Absent or null "start"/"return" means any event. A null event is neither a
start nor a return event (SQL's null comparison).
"""
import json
import sys

import duckdb

PERIOD_START = {
    "day": "CAST({x} AS DATE)",
    "week": "CAST(date_trunc('week', {x}) AS DATE)",
    "month": "CAST(date_trunc('month', {x}) AS DATE)",
}
# Whole periods between two period starts.
PERIOD_DIFF = {
    "day": "date_diff('day', {a}, {b})",
    "week": "(date_diff('day', {a}, {b}) // 7)",
    "month": "date_diff('month', {a}, {b})",
}


def condition(event):
    return "TRUE" if event is None else "event = '" + event.replace("'", "''") + "'"


def retention_sql(config):
    start = PERIOD_START[config["period"]]
    diff = PERIOD_DIFF[config["period"]]
    horizon = int(config["horizon"])
    if config["cohort"] == "first":
        entries = "SELECT user_id, min(p) AS c FROM e WHERE is_start GROUP BY user_id"
    else:
        entries = "SELECT DISTINCT user_id, p AS c FROM e WHERE is_start"
    if config["mode"] == "exact":
        hits = f"""
            SELECT en.c, {diff.format(a='en.c', b='r.r')} AS k, count(*) AS n
            FROM entries en JOIN rets r ON r.user_id = en.user_id AND r.r > en.c
            GROUP BY ALL"""
    else:
        hits = f"""
            SELECT reach.c, ks.k, count(*) AS n
            FROM (SELECT en.c, {diff.format(a='en.c', b='max(r.r)')} AS m
                  FROM entries en JOIN rets r ON r.user_id = en.user_id
                  GROUP BY en.user_id, en.c) reach
            JOIN ks ON ks.k >= 1 AND reach.m >= ks.k
            GROUP BY ALL"""
    return f"""
        WITH e AS (
            SELECT user_id, {start.format(x='ts')} AS p,
                   ({condition(config.get('start'))}) AS is_start, ({condition(config.get('return'))}) AS is_return
            FROM ev WHERE user_id IS NOT NULL AND ts IS NOT NULL),
        last AS (SELECT {start.format(x='max(ts)')} AS lp FROM ev),
        entries AS ({entries}),
        rets AS (SELECT DISTINCT user_id, p AS r FROM e WHERE is_return),
        sizes AS (SELECT c, count(*) AS users FROM entries GROUP BY c),
        ks AS (SELECT range AS k FROM range(0, {horizon + 1})),
        hits AS ({hits}),
        grid AS (
            SELECT s.c, ks.k, s.users,
                   CASE WHEN {diff.format(a='s.c', b='last.lp')} < ks.k THEN NULL
                        WHEN ks.k = 0 THEN s.users
                        ELSE coalesce(h.n, 0) END AS retained
            FROM sizes s CROSS JOIN ks CROSS JOIN last
            LEFT JOIN hits h ON h.c = s.c AND h.k = ks.k)
        SELECT strftime(c, '%Y-%m-%d') AS cohort, k, users, retained,
               retained::DOUBLE / users AS rate, false AS is_average
        FROM grid
        UNION ALL
        SELECT NULL, k, coalesce(sum(users) FILTER (WHERE retained IS NOT NULL), 0), sum(retained),
               sum(retained)::DOUBLE / sum(users) FILTER (WHERE retained IS NOT NULL), true
        FROM grid WHERE (SELECT count(*) FROM sizes) > 0 GROUP BY k
        ORDER BY is_average, cohort, k
    """


def main():
    request = json.load(sys.stdin)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"""
        CREATE TABLE ev AS
        SELECT strptime(ts, '%Y-%m-%dT%H:%M:%SZ') AS ts, user_id, event
        FROM read_csv(?, header = true, all_varchar = true)""", [request["csv"]])
    results = {}
    for config in request["configs"]:
        rows = con.execute(retention_sql(config)).fetchall()
        results[config["name"]] = [
            {"cohort": cohort, "period": k, "users": users, "retained": retained, "rate": rate,
             "is_average": is_average}
            for cohort, k, users, retained, rate, is_average in rows]
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
