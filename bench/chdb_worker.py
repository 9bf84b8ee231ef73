#!/usr/bin/env python3
"""chDB's side (ClickHouse in-process): a Memory table filled from the CSV by `file()`, then
ClickHouse SQL with its own specialised functions (uniqExact, windowFunnel, quantilesExact).

usage: chdb_worker.py load|metrics CSV_PATH   (output: see worker_common.py)

The schema is given rather than inferred: low-cardinality strings as LowCardinality, `ts` as a
UTC DateTime (the log has whole seconds), so days are `toRelativeDayNum(ts)`, UTC days.
"""
import json
import sys

import chdb
from chdb import session

import worker_common as common

SCHEMA = ("ts DateTime('UTC'), user_id String, event LowCardinality(String), channel LowCardinality(String), "
          "country LowCardinality(String), platform LowCardinality(String), amount Nullable(Float64), "
          "score Nullable(UInt8)")

DAU_SQL = "SELECT toRelativeDayNum(ts) AS d, uniqExact(user_id) FROM t GROUP BY d"

# One grouping by user: the set of days each user was active, the first of them is the cohort.
RETENTION_SQL = f"""
SELECT c, k, count() FROM (
    SELECT groupUniqArray(toRelativeDayNum(ts)) AS days, arrayMin(days) AS c FROM t GROUP BY user_id)
ARRAY JOIN arrayMap(x -> toInt64(x) - c, days) AS k
WHERE k <= {common.RETENTION_HORIZON}
GROUP BY c, k
"""
LAST_DAY_SQL = "SELECT max(toRelativeDayNum(ts)) FROM t"

_CONDITIONS = ", ".join(f"event = '{s}'" for s in common.FUNNEL_STEPS)
FUNNEL_SQL = f"""
SELECT level, count() FROM (
    SELECT windowFunnel({common.FUNNEL_WINDOW_US // 1_000_000})(ts, {_CONDITIONS}) AS level
    FROM t WHERE event IN {tuple(common.FUNNEL_STEPS)} GROUP BY user_id)
GROUP BY level
"""

_LEVELS = ", ".join(repr(level) for level in common.RFM_LEVELS)
RFM_SQL = f"""
WITH u AS (
    SELECT user_id,
           (SELECT max(toRelativeDayNum(ts)) + 1 FROM t WHERE event = 'purchase') - max(toRelativeDayNum(ts)) AS recency,
           count() AS frequency, sum(ifNull(amount, 0)) AS monetary
    FROM t WHERE event = 'purchase' GROUP BY user_id)
SELECT user_id, recency, frequency, monetary,
       1 + arrayCount(q -> -toInt64(recency) > q, (SELECT quantilesExact({_LEVELS})(-toInt64(recency)) FROM u)) AS r,
       1 + arrayCount(q -> frequency > q, (SELECT quantilesExact({_LEVELS})(frequency) FROM u)) AS f,
       1 + arrayCount(q -> monetary > q, (SELECT quantilesExact({_LEVELS})(monetary) FROM u)) AS m
FROM u
"""

_NPS_COUNTS = "count(), countIf(score >= 9), countIf(score BETWEEN 7 AND 8), countIf(score <= 6)"
NPS_SQL = f"SELECT {_NPS_COUNTS} FROM t WHERE event = 'nps_survey' AND score IS NOT NULL"
NPS_BY_SQL = f"SELECT channel, {_NPS_COUNTS} FROM t WHERE event = 'nps_survey' AND score IS NOT NULL GROUP BY channel"


def query(s, sql):
    return s.query(sql, "JSONCompact").bytes()


def rows(raw):
    return json.loads(raw)["data"]


def load(path):
    s = session.Session()
    s.query(f"CREATE TABLE t ENGINE = Memory AS SELECT * FROM file('{path}', CSVWithNames, \"{SCHEMA}\") "
            "SETTINGS date_time_input_format = 'best_effort'")
    return s


def dau(s):
    return query(s, DAU_SQL), lambda r: common.canonical_dau([(int(d), int(u)) for d, u in rows(r)])


def retention(s):
    raw = (query(s, RETENTION_SQL), query(s, LAST_DAY_SQL))
    return raw, lambda r: common.canonical_retention(rows(r[0]), rows(r[1])[0][0])


def funnel(s):
    return query(s, FUNNEL_SQL), lambda r: common.canonical_funnel_from_levels({int(l): int(n) for l, n in rows(r)})


def rfm(s):
    def canonical(raw):
        columns = list(zip(*rows(raw))) or [()] * 7
        return common.canonical_rfm(*columns)
    return query(s, RFM_SQL), canonical


def nps(s):
    raw = (query(s, NPS_SQL), query(s, NPS_BY_SQL))
    return raw, lambda r: {"overall": common.nps_row(*rows(r[0])[0]),
                           "by": {str(row[0]): common.nps_row(*row[1:]) for row in rows(r[1])}}


if __name__ == "__main__":
    sys.exit(common.run_worker("chdb_worker.py", f"{chdb.__version__} (ClickHouse {chdb.engine_version})"
                               if hasattr(chdb, "engine_version") else chdb.__version__, load,
                               {"dau": dau, "retention": retention, "funnel": funnel, "rfm": rfm, "nps": nps}))
