#!/usr/bin/env python3
"""The 4-step funnel on a generated event log, computed without Tally, for Tally's funnel test.

Usage: funnel_log.py CSV_PATH
Prints JSON:
  users:      per step, users whose ClickHouse windowFunnel level (chDB 26.9, within 7 days, default
              mode) is at least the step; plus "users_by_mode" for other modes.
  gaps:       per step 2..4, count, median and sum (µs) of the time from the previous step on each
              user's measured chain, by DuckDB SQL over the chains found by the small scan below.
The scan below is a separate, plain transcription of DESIGN §7 for the default mode (newest chain
per level; the scan ends when a chain reaches the last step); its levels must equal ClickHouse's.
"""
import json
import sys

import chdb
import duckdb

STEPS = ["view_item", "add_to_cart", "checkout", "purchase"]
WITHIN_SECONDS = 7 * 86400
MODES = [[], ["strict_increase"], ["strict_order"], ["strict_deduplication"], ["strict_once"],
         ["strict_order", "allow_reentry"], ["strict_once", "strict_deduplication", "strict_increase"]]


def clickhouse_levels(path, mode):
    parameters = ", ".join([str(WITHIN_SECONDS)] + [f"'{flag}'" for flag in mode])
    conditions = ", ".join(f"event = '{step}'" for step in STEPS)
    query = f"""
        SELECT user_id, windowFunnel({parameters})(t, {conditions}) AS level
        FROM (SELECT user_id, event, toUInt32(toUnixTimestamp(parseDateTimeBestEffort(ts, 'UTC'))) AS t,
                     rowNumberInAllBlocks() AS r
              FROM file('{path}', CSVWithNames, 'ts String, user_id String, event String, channel String,
                        country String, platform String, amount Nullable(Float64), score Nullable(Int64)')
              ORDER BY r)
        GROUP BY user_id
        SETTINGS max_threads = 1"""
    levels = {}
    for line in chdb.query(query, "JSONCompactEachRow").bytes().decode().splitlines():
        user, level = json.loads(line)
        levels[user] = level
    return levels


def users_per_step(levels):
    return [sum(1 for level in levels.values() if level >= step) for step in range(1, len(STEPS) + 1)]


def measured_chains(path):
    """Per user: (level, step times of the newest chain at that level) by the default-mode rules."""
    rows = duckdb.sql(f"""
        SELECT user_id, epoch_us(ts) AS t, event, row_number() OVER () AS r
        FROM read_csv('{path}') ORDER BY user_id, t, r""").fetchall()
    step_of = {name: index + 1 for index, name in enumerate(STEPS)}
    within = WITHIN_SECONDS * 1_000_000
    result = {}
    index = 0
    while index < len(rows):
        user = rows[index][0]
        items = []
        while index < len(rows) and rows[index][0] == user:
            _, time, event, row = rows[index]
            if event in step_of:
                items.append((time, step_of[event], row))
            index += 1
        items.sort()
        chains = {}  # level -> list of step times (the newest chain at that level)
        for time, step, _ in items:
            if step == 1:
                chains[1] = [time]
            elif step - 1 in chains and time - chains[step - 1][0] <= within:
                chains[step] = chains[step - 1] + [time]
            if len(STEPS) in chains:
                break
        level = max(chains) if chains else 0
        result[user] = (level, chains.get(level, []))
    return result


def main():
    path = sys.argv[1]
    by_mode = {",".join(mode): users_per_step(clickhouse_levels(path, mode)) for mode in MODES}
    chains = measured_chains(path)
    scan_levels = {user: level for user, (level, _) in chains.items()}
    if users_per_step(scan_levels) != by_mode[""]:
        sys.exit(f"the plain scan disagrees with ClickHouse: {users_per_step(scan_levels)} vs {by_mode['']}")

    gap_rows = [(user, step + 1, times[step] - times[step - 1])
                for user, (level, times) in chains.items() for step in range(1, level)]
    connection = duckdb.connect()
    connection.execute("CREATE TABLE gaps (user_id VARCHAR, step INTEGER, gap BIGINT)")
    connection.executemany("INSERT INTO gaps VALUES (?, ?, ?)", gap_rows)
    gaps = {}
    for step, count, median, total in connection.execute(
            "SELECT step, count(*), median(gap), sum(gap)::HUGEINT FROM gaps GROUP BY step ORDER BY step").fetchall():
        gaps[str(step)] = {"count": count, "median": float(median), "sum": int(total)}
    json.dump({"users": by_mode[""], "users_by_mode": by_mode, "gaps": gaps}, sys.stdout)


if __name__ == "__main__":
    main()
