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

# windowFunnel's default mode as window functions. Per user, in (time, step) order, s_j is the
# latest start of a chain reaching step j so far; a step-(j+1) row extends it when within the
# window. Keeping the latest start is what windowFunnel's default mode does (a new step-1 event
# restarts; each level keeps its newest chain), and the latest start is the best one, so a user's
# level is the highest j with such an extension.
_STEP_CASE = "CASE event " + " ".join(f"WHEN '{s}' THEN {i + 1}" for i, s in enumerate(common.FUNNEL_STEPS)) + " END"
_W = "WINDOW w AS (PARTITION BY user_id ORDER BY t, step ROWS UNBOUNDED PRECEDING)"
_WIN = common.FUNNEL_WINDOW_US
FUNNEL_SQL = f"""
WITH e AS (SELECT user_id, epoch_us(ts) AS t, {_STEP_CASE} AS step FROM t
           WHERE event IN {tuple(common.FUNNEL_STEPS)} AND user_id IS NOT NULL AND ts IS NOT NULL),
     a AS (SELECT *, max(CASE WHEN step = 1 THEN t END) OVER w AS s1 FROM e {_W}),
     b AS (SELECT *, max(CASE WHEN step = 2 AND t - s1 <= {_WIN} THEN s1 END) OVER w AS s2 FROM a {_W}),
     c AS (SELECT *, max(CASE WHEN step = 3 AND t - s2 <= {_WIN} THEN s2 END) OVER w AS s3 FROM b {_W}),
     levels AS (SELECT user_id, max(CASE WHEN step = 4 AND t - s3 <= {_WIN} THEN 4
                                         WHEN s3 IS NOT NULL THEN 3 WHEN s2 IS NOT NULL THEN 2
                                         WHEN s1 IS NOT NULL THEN 1 ELSE 0 END) AS level
                FROM c GROUP BY user_id)
SELECT level, count(*) FROM levels GROUP BY level
"""

# Cut points by the quantilesExact rule: sorted[⌊ℓ·n⌋] with ℓ a double (DuckDB's 0.2 literal is a
# DECIMAL, hence the casts); score = 1 + cut points strictly exceeded; recency negated.
def _score(column, values):
    cuts = " + ".join(f"({column} > {values}[CAST(floor({level!r}::DOUBLE * n) AS BIGINT) + 1])::INT"
                      for level in common.RFM_LEVELS)
    return f"1 + {cuts}"


RFM_SQL = f"""
WITH p AS (SELECT user_id, {DAY} AS d, amount FROM t
           WHERE event = 'purchase' AND user_id IS NOT NULL AND ts IS NOT NULL),
     u AS (SELECT user_id, (SELECT max(d) + 1 FROM p) - max(d) AS recency, count(*) AS frequency,
                  coalesce(sum(amount), 0) AS monetary
           FROM p GROUP BY user_id),
     cuts AS (SELECT list_sort(list(-recency)) AS rs, list_sort(list(frequency)) AS fs,
                     list_sort(list(monetary)) AS ms, count(*) AS n FROM u)
SELECT user_id, recency, frequency, monetary,
       {_score('-recency', 'rs')} AS r, {_score('frequency', 'fs')} AS f, {_score('monetary', 'ms')} AS m
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
    return c.execute(FUNNEL_SQL).fetchall(), lambda rows: common.canonical_funnel_from_levels(dict(rows))


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
