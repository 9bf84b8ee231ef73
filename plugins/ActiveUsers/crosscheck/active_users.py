"""Active-user metrics computed independently with DuckDB SQL, for ActiveUsers' cross-check test.

Usage: python3 active_users.py EVENTS.csv [ZONE]

Reads the same CSV as Tally (columns ts, user_id, ...), buckets events into local calendar days of
ZONE (default UTC; weeks start on Monday) and prints JSON with one list of rows per metric:
dau, wau, mau, active_week, active_month, stickiness, days_of_week, days_of_month, and per
channel (rows ordered by channel, each channel over the whole log's days as `by` does):
mau_by_channel, active_week_by_channel. Dates are
ISO strings; shares are floats written as their shortest round-trip text ("0.5"), so the
reader parses them exactly (null when the denominator is 0). Every series covers every
period from the first to the last one with an event, zero-filled, as the plugins define it.
"""
import json
import sys

import duckdb


def cell(value):
    """A JSON cell: dates as ISO text, floats as exact shortest text, the rest as they are."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def main() -> None:
    path = sys.argv[1]
    zone = sys.argv[2] if len(sys.argv) > 2 else "UTC"
    db = duckdb.connect()
    db.execute(f"SET TimeZone = '{zone}'")
    # Distinct (user, local day) pairs; rows with a null user or time are ignored.
    db.execute(
        """
        CREATE TABLE pairs AS
        SELECT DISTINCT user_id, CAST(CAST(ts AS TIMESTAMPTZ) AS DATE) AS d
        FROM read_csv(?, header = true, all_varchar = true)
        WHERE user_id IS NOT NULL AND ts IS NOT NULL
        """,
        [path],
    )
    db.execute(
        """
        CREATE TABLE channel_pairs AS
        SELECT DISTINCT channel, user_id, CAST(CAST(ts AS TIMESTAMPTZ) AS DATE) AS d
        FROM read_csv(?, header = true, all_varchar = true)
        WHERE user_id IS NOT NULL AND ts IS NOT NULL
        """,
        [path],
    )
    db.execute(
        """
        CREATE TABLE days AS
        SELECT CAST(r AS DATE) AS d
        FROM range((SELECT min(d) FROM pairs), (SELECT max(d) FROM pairs) + INTERVAL 1 DAY, INTERVAL 1 DAY) t(r)
        """
    )

    def rows(sql: str) -> list:
        return [[cell(v) for v in row] for row in db.execute(sql).fetchall()]

    def rolling(window: int) -> str:
        return f"""
            SELECT days.d, count(DISTINCT pairs.user_id)
            FROM days LEFT JOIN pairs ON pairs.d BETWEEN days.d - {window - 1} AND days.d
            GROUP BY days.d ORDER BY days.d
        """

    def active(unit: str, step: str) -> str:
        return f"""
            WITH periods AS (
                SELECT CAST(r AS DATE) AS p
                FROM range(date_trunc('{unit}', (SELECT min(d) FROM pairs)),
                           date_trunc('{unit}', (SELECT max(d) FROM pairs)) + INTERVAL 1 DAY, INTERVAL {step}) t(r)
            )
            SELECT periods.p, count(DISTINCT pairs.user_id)
            FROM periods LEFT JOIN pairs ON CAST(date_trunc('{unit}', pairs.d) AS DATE) = periods.p
            GROUP BY periods.p ORDER BY periods.p
        """

    def days_of(unit: str, step: str) -> str:
        length = "7" if unit == "week" else "day(last_day(periods.p))"
        return f"""
            WITH periods AS (
                SELECT CAST(r AS DATE) AS p
                FROM range(date_trunc('{unit}', (SELECT min(d) FROM pairs)),
                           date_trunc('{unit}', (SELECT max(d) FROM pairs)) + INTERVAL 1 DAY, INTERVAL {step}) t(r)
            ),
            per_user AS (
                SELECT CAST(date_trunc('{unit}', d) AS DATE) AS p, user_id, count(*) AS k
                FROM pairs GROUP BY 1, 2
            ),
            grid AS (
                SELECT periods.p, k FROM periods, LATERAL (SELECT range + 1 AS k FROM range({length}))
            ),
            counts AS (SELECT p, k, count(*) AS users FROM per_user GROUP BY p, k),
            totals AS (SELECT p, count(*) AS total FROM per_user GROUP BY p)
            SELECT grid.p, grid.k, coalesce(counts.users, 0),
                   CASE WHEN coalesce(totals.total, 0) = 0 THEN NULL
                        ELSE coalesce(counts.users, 0) / totals.total END
            FROM grid
            LEFT JOIN counts ON counts.p = grid.p AND counts.k = grid.k
            LEFT JOIN totals ON totals.p = grid.p
            ORDER BY grid.p, grid.k
        """

    result = {
        "dau": rows(
            "SELECT days.d, count(pairs.user_id) FROM days LEFT JOIN pairs ON pairs.d = days.d "
            "GROUP BY days.d ORDER BY days.d"
        ),
        "wau": rows(rolling(7)),
        "mau": rows(rolling(30)),
        "active_week": rows(active("week", "7 DAY")),
        "active_month": rows(active("month", "1 MONTH")),
        "days_of_week": rows(days_of("week", "7 DAY")),
        "days_of_month": rows(days_of("month", "1 MONTH")),
    }
    result["mau_by_channel"] = rows(
        """
        WITH channels AS (SELECT DISTINCT channel FROM channel_pairs)
        SELECT channels.channel, days.d, count(DISTINCT cp.user_id)
        FROM channels CROSS JOIN days
        LEFT JOIN channel_pairs cp ON cp.channel = channels.channel AND cp.d BETWEEN days.d - 29 AND days.d
        GROUP BY 1, 2 ORDER BY 1, 2
        """
    )
    result["active_week_by_channel"] = rows(
        """
        WITH channels AS (SELECT DISTINCT channel FROM channel_pairs),
        periods AS (
            SELECT CAST(r AS DATE) AS p
            FROM range(date_trunc('week', (SELECT min(d) FROM pairs)),
                       date_trunc('week', (SELECT max(d) FROM pairs)) + INTERVAL 1 DAY, INTERVAL 7 DAY) t(r)
        )
        SELECT channels.channel, periods.p, count(DISTINCT cp.user_id)
        FROM channels CROSS JOIN periods
        LEFT JOIN channel_pairs cp ON cp.channel = channels.channel AND CAST(date_trunc('week', cp.d) AS DATE) = periods.p
        GROUP BY 1, 2 ORDER BY 1, 2
        """
    )
    result["stickiness"] = [
        [day, dau, mau, None if mau == 0 else repr(dau / mau)]
        for (day, dau), (_, mau) in zip(result["dau"], result["mau"])
    ]
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
