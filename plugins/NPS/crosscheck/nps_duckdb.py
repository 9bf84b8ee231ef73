#!/usr/bin/env python3
"""NPS computed independently with DuckDB SQL over the `nps_survey` rows of a generated log.

Usage: nps_duckdb.py CSV
Prints JSON {"wald": {group: row}, "adjusted_wald": {group: row}} where group is "*" (all rows) or a
channel, and row holds responses, promoters, passives, detractors, the three percentages, nps,
margin_of_error, ci_low, ci_high (both intervals clamped to -100..100).
"""
import json
import sys

import duckdb

# Pseudo-observations per interval: adjusted Wald adds 3/4 promoter and 3/4 detractor to n + 3 (Rocks 2016).
PSEUDO = {"wald": 0.0, "adjusted_wald": 0.75}


def nps(con, pseudo, group_sql):
    sql = f"""
        WITH counts AS (
            SELECT {group_sql} AS grp, count(*) AS n,
                   count(*) FILTER (WHERE score >= 9) AS promoters,
                   count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives,
                   count(*) FILTER (WHERE score <= 6) AS detractors
            FROM surveys GROUP BY ALL
        ),
        shares AS (
            SELECT *, (promoters + {pseudo}) / (n + {4 * pseudo}) AS p, (detractors + {pseudo}) / (n + {4 * pseudo}) AS d
            FROM counts
        ),
        interval AS (
            SELECT *, 100 * (p - d) AS center,
                   100 * 1.96 * sqrt(greatest(0, p + d - (p - d) * (p - d)) / (n + {4 * pseudo})) AS margin
            FROM shares
        )
        SELECT grp, n, promoters, passives, detractors,
               100.0 * promoters / n, 100.0 * passives / n, 100.0 * detractors / n,
               100.0 * (promoters - detractors) / n, margin,
               greatest(-100, center - margin), least(100, center + margin)
        FROM interval ORDER BY grp
    """
    names = ["responses", "promoters", "passives", "detractors", "promoters_pct", "passives_pct", "detractors_pct",
             "nps", "margin_of_error", "ci_low", "ci_high"]
    return {row[0]: dict(zip(names, row[1:])) for row in con.sql(sql).fetchall()}


def main():
    con = duckdb.connect()
    con.sql(f"""
        CREATE TABLE surveys AS
        SELECT channel, score FROM read_csv('{sys.argv[1]}', header = true,
                                            types = {{'score': 'BIGINT', 'event': 'VARCHAR', 'channel': 'VARCHAR'}})
        WHERE event = 'nps_survey' AND score IS NOT NULL
    """)
    output = {}
    for interval, pseudo in PSEUDO.items():
        groups = nps(con, pseudo, "'*'")
        groups.update(nps(con, pseudo, "channel"))
        output[interval] = groups
    json.dump(output, sys.stdout)


if __name__ == "__main__":
    main()
