#!/usr/bin/env python3
"""RFM per user computed independently with DuckDB SQL, from the same CSV Tally loads.

Usage: rfm_duckdb.py CSV ZONE BINS...
Over the `purchase` rows, with calendar days in time zone ZONE: recency = days from the local date
of the user's last purchase to the day after the local date of the last purchase of all; cut points
sorted[floor((k/bins)·n)] as in ClickHouse's quantilesExact; score = 1 + cut points strictly below;
segments by the README's rules. Prints JSON
{"users": {bins: [{user_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment,
value_segment}, …]}, "summary": [{segment, users, share, monetary, avg_monetary}, …]}, the summary
per named segment for the first BINS.
"""
import json
import sys

import duckdb

NAMED_RULES = [  # (name, lowest r, highest r, least f + m), first match wins; scores on 1–5.
    ("champions", 4, 5, 8), ("loyal", 3, 5, 6), ("potential loyalist", 4, 5, 4), ("new", 5, 5, 2),
    ("promising", 4, 4, 2), ("need attention", 3, 3, 4), ("about to sleep", 3, 3, 2), ("can't lose", 1, 1, 8),
    ("at risk", 1, 2, 6), ("hibernating", 2, 2, 2), ("lost", 1, 5, 2),
]


def score_sql(measure, bins):
    """A CTE body scoring `measure` (a column of users) by the cut-point rule."""
    return f"""
        SELECT users.user_id, 1 + count(cuts.c) FILTER (WHERE cuts.c < users.{measure}) AS score
        FROM users CROSS JOIN (
            SELECT sorted.x AS c
            FROM (SELECT {measure} AS x, row_number() OVER (ORDER BY {measure}) - 1 AS i FROM users) sorted
            JOIN (SELECT floor((k::DOUBLE / {bins}) * (SELECT count(*) FROM users))::BIGINT AS i
                  FROM range(1, {bins}) levels(k)) levels
              ON sorted.i = levels.i
        ) cuts
        GROUP BY users.user_id
    """


def rfm(con, bins):
    five = lambda s: f"(({s}) * 5 + {bins} - 1) // {bins}"
    named = "CASE " + " ".join(
        f"WHEN {five('r.score')} BETWEEN {low} AND {high} AND {five('f.score')} + {five('m.score')} >= {fm} "
        f"THEN '{name.replace(chr(39), chr(39) * 2)}'"
        for name, low, high, fm in NAMED_RULES) + " END"
    sql = f"""
        WITH users AS (
            SELECT user_id,
                   date_diff('day', max(local_ts)::DATE, (SELECT max(local_ts)::DATE + 1 FROM purchases)) AS recency_days,
                   -date_diff('day', max(local_ts)::DATE, (SELECT max(local_ts)::DATE + 1 FROM purchases))
                       AS negated_recency,
                   count(*) AS frequency,
                   coalesce(fsum(amount), 0)::DOUBLE AS monetary
            FROM purchases GROUP BY user_id
        ),
        means AS (SELECT count(*) AS n, sum(recency_days) AS r_total, sum(frequency) AS f_total,
                         avg(monetary) AS m_mean FROM users),
        r AS ({score_sql('negated_recency', bins)}),
        f AS ({score_sql('frequency', bins)}),
        m AS ({score_sql('monetary', bins)})
        SELECT users.user_id, recency_days, frequency, monetary, r.score, f.score, m.score, {named} AS segment,
               CASE WHEN monetary > m_mean THEN 'important' ELSE 'general' END || ' ' ||
               CASE WHEN recency_days * n < r_total
                    THEN CASE WHEN frequency * n > f_total THEN 'value' ELSE 'development' END
                    ELSE CASE WHEN frequency * n > f_total THEN 'maintenance' ELSE 'retention' END END
        FROM users JOIN r USING (user_id) JOIN f USING (user_id) JOIN m USING (user_id), means
        ORDER BY users.user_id
    """
    columns = ["user_id", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "segment",
               "value_segment"]
    return [dict(zip(columns, row)) for row in con.sql(sql).fetchall()]


def main():
    path, zone, bins_list = sys.argv[1], sys.argv[2], [int(b) for b in sys.argv[3:]]
    con = duckdb.connect()
    # One thread: sums add in row order, as Tally's do, so equal totals stay equal (ties score alike).
    con.sql("SET threads = 1")
    con.sql(f"""
        CREATE TABLE purchases AS
        SELECT user_id, amount,
               -- The wall-clock time in ZONE (ICU), whose date is the local calendar day.
               (CAST(replace(ts, 'Z', '') AS TIMESTAMP) AT TIME ZONE 'UTC') AT TIME ZONE '{zone}' AS local_ts
        FROM read_csv('{path}', header = true, all_varchar = false,
                      types = {{'ts': 'VARCHAR', 'amount': 'DOUBLE', 'user_id': 'VARCHAR', 'event': 'VARCHAR'}})
        WHERE event = 'purchase'
    """)
    output = {"users": {str(bins): rfm(con, bins) for bins in bins_list}}
    # The summary (per named segment) for the first bins value, aggregated in SQL over the users.
    users = output["users"][str(bins_list[0])]
    con.sql("CREATE TABLE scored (segment VARCHAR, monetary DOUBLE)")
    con.executemany("INSERT INTO scored VALUES (?, ?)", [(u["segment"], u["monetary"]) for u in users])
    summary = con.sql("""
        SELECT segment, count(*) AS users, count(*) / (SELECT count(*) FROM scored) AS share,
               sum(monetary) AS monetary, sum(monetary) / count(*) AS avg_monetary
        FROM scored GROUP BY segment ORDER BY segment
    """).fetchall()
    output["summary"] = [dict(zip(["segment", "users", "share", "monetary", "avg_monetary"], row)) for row in summary]
    json.dump(output, sys.stdout)


if __name__ == "__main__":
    main()
