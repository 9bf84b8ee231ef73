#!/usr/bin/env python3
"""DuckDB's side: SQL on a table created from `read_csv`, 2 threads (the machine's cores).

usage: duckdb_worker.py load|metrics CSV_PATH   (output: see worker_common.py)

Days are UTC days as integer division of `epoch_us(ts)`: `date_trunc` and `ts::DATE` go through
ICU for TIMESTAMP WITH TIME ZONE and were 2-3x slower at 10M rows.
"""
import sys

import duckdb

import worker_common as common

DAY = f"epoch_us(ts) // {common.US_PER_DAY}"

DAU_SQL = f"SELECT {DAY} AS day, count(DISTINCT user_id) FROM t GROUP BY 1"

# Cohort = day of the user's first event; cell (c, k) = users of cohort c with an event on c + k.
RETENTION_SQL = f"""
WITH ud AS (SELECT DISTINCT user_id, {DAY} AS d FROM t),
     firsts AS (SELECT user_id, min(d) AS c FROM ud GROUP BY user_id)
SELECT f.c, ud.d - f.c AS k, count(*)
FROM ud JOIN firsts f USING (user_id)
WHERE ud.d - f.c <= {common.RETENTION_HORIZON}
GROUP BY 1, 2
"""
LAST_DAY_SQL = f"SELECT max({DAY}) FROM t"

# windowFunnel's default mode. Per user, in (time, step) order, windowFunnel keeps the newest
# chain of each level, and its start is the latest start of any chain at that level so far (a new
# step-1 event restarts; extending copies the newest start). The latest start is also the best one
# for the window, so a step-(j+1) event reaches level j+1 exactly when the latest level-j chain
# before it (ties of time included: lower steps come first) started within the window. "Latest
# before" per user is an ASOF join, DuckDB's fastest form we found (three nested window passes:
# 0.66 s against 0.38 s at 1M events).
_WIN = common.FUNNEL_WINDOW_US
_S1, _S2, _S3, _S4 = common.FUNNEL_STEPS
FUNNEL_SQL = f"""
WITH e AS (SELECT user_id, epoch_us(ts) AS t, event FROM t
           WHERE event IN {tuple(common.FUNNEL_STEPS)} AND user_id IS NOT NULL AND ts IS NOT NULL),
     s1 AS (SELECT user_id, t, t AS s FROM e WHERE event = '{_S1}'),
     s2 AS (SELECT e.user_id, e.t, p.s FROM e ASOF JOIN s1 p ON e.user_id = p.user_id AND p.t <= e.t
            WHERE e.event = '{_S2}' AND e.t - p.s <= {_WIN}),
     s3 AS (SELECT e.user_id, e.t, p.s FROM e ASOF JOIN s2 p ON e.user_id = p.user_id AND p.t <= e.t
            WHERE e.event = '{_S3}' AND e.t - p.s <= {_WIN}),
     s4 AS (SELECT e.user_id FROM e ASOF JOIN s3 p ON e.user_id = p.user_id AND p.t <= e.t
            WHERE e.event = '{_S4}' AND e.t - p.s <= {_WIN})
SELECT (SELECT count(DISTINCT user_id) FROM s1), (SELECT count(DISTINCT user_id) FROM s2),
       (SELECT count(DISTINCT user_id) FROM s3), (SELECT count(DISTINCT user_id) FROM s4)
"""

# Cut points by the quantilesExact rule: sorted[⌊ℓ·n⌋] with ℓ a double (DuckDB's 0.2 literal is a
# DECIMAL, hence the casts), taken once as scalars; score = 1 + cut points strictly exceeded;
# recency negated. (DuckDB's quantile_disc picks other positions, so the rule is written out.)
def _cuts(values, name):
    return ", ".join(f"list_sort(list({values}))[CAST(floor({level!r}::DOUBLE * count(*)) AS BIGINT) + 1] AS {name}{k}"
                     for k, level in enumerate(common.RFM_LEVELS))


def _score(value, name):
    return "1 + " + " + ".join(f"({value} > {name}{k})::INT" for k in range(len(common.RFM_LEVELS)))


RFM_SQL = f"""
WITH p AS (SELECT user_id, {DAY} AS d, amount FROM t
           WHERE event = 'purchase' AND user_id IS NOT NULL AND ts IS NOT NULL),
     u AS (SELECT user_id, (SELECT max(d) + 1 FROM p) - max(d) AS recency, count(*) AS frequency,
                  coalesce(sum(amount), 0) AS monetary
           FROM p GROUP BY user_id),
     cuts AS (SELECT {_cuts('-recency', 'r')}, {_cuts('frequency', 'f')}, {_cuts('monetary', 'm')} FROM u)
SELECT user_id, recency, frequency, monetary,
       {_score('-recency', 'r')} AS r, {_score('frequency', 'f')} AS f, {_score('monetary', 'm')} AS m
FROM u, cuts
"""

_NPS_COUNTS = ("count(*), count(*) FILTER (score >= 9), count(*) FILTER (score BETWEEN 7 AND 8), "
               "count(*) FILTER (score <= 6)")
NPS_SQL = f"SELECT {_NPS_COUNTS} FROM t WHERE event = 'nps_survey' AND score IS NOT NULL"
NPS_BY_SQL = (f"SELECT channel, {_NPS_COUNTS} FROM t WHERE event = 'nps_survey' AND score IS NOT NULL "
              "GROUP BY channel")


def load(path):
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    connection.execute("SET threads = 2")
    # `ts` ends in Z, so it is read as TIMESTAMP WITH TIME ZONE; days are UTC days as in Tally.
    connection.execute("SET TimeZone = 'UTC'")
    connection.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [path])
    return connection


def dau(c):
    return c.execute(DAU_SQL).fetchall(), common.canonical_dau


def retention(c):
    raw = (c.execute(RETENTION_SQL).fetchall(), c.execute(LAST_DAY_SQL).fetchone()[0])
    return raw, lambda r: common.canonical_retention(*r)


def funnel(c):
    return c.execute(FUNNEL_SQL).fetchone(), lambda row: [int(n) for n in row]


def rfm(c):
    columns = c.execute(RFM_SQL).fetchnumpy()
    return columns, lambda x: common.canonical_rfm(x["user_id"], x["recency"], x["frequency"],
                                                   x["monetary"], x["r"], x["f"], x["m"])


def nps(c):
    raw = (c.execute(NPS_SQL).fetchone(), c.execute(NPS_BY_SQL).fetchall())
    return raw, lambda r: {"overall": common.nps_row(*r[0]),
                           "by": {str(row[0]): common.nps_row(*row[1:]) for row in r[1]}}


if __name__ == "__main__":
    sys.exit(common.run_worker("duckdb_worker.py", duckdb.__version__, load,
                               {"dau": dau, "retention": retention, "funnel": funnel, "rfm": rfm, "nps": nps}))
