#!/usr/bin/env python3
"""Random small event sets with their ClickHouse windowFunnel levels, for Tally's funnel test.

Usage: windowfunnel_cases.py SEED CASES_PER_MODE
Prints JSON: {"cases": [{"id", "mode", "within", "steps", "rows", "levels"}]} where rows are
[user, second, event or null] in input order, steps are lists of event names (a step matches a
row whose event is in the list; a null event makes every step predicate null), and levels maps
each user (as a string) to windowFunnel's level, or null when ClickHouse saw no usable row.

Every case is computed by chDB (ClickHouse 26.9) in one query: one windowFunnel per (mode,
within, number of steps) group, UNION ALL, single-threaded and over rows ordered by input order,
so rows with equal times keep the table's order (DESIGN §7).
"""
import itertools
import json
import random
import sys

import chdb

FLAGS = ["strict_increase", "strict_once", "strict_deduplication", "strict_order", "allow_reentry"]
EVENTS = ["a", "b", "c", "d", "x"]
WITHINS = [0, 10]
MAX_STEPS = 4


def valid_modes():
    modes = []
    for size in range(len(FLAGS) + 1):
        for combo in itertools.combinations(FLAGS, size):
            if "allow_reentry" in combo and "strict_order" not in combo:
                continue
            modes.append(list(combo))
    return modes


def make_case(rnd, case_id, mode):
    step_count = rnd.randint(1, MAX_STEPS)
    steps = []
    for _ in range(step_count):
        size = rnd.choice([1, 1, 1, 2, 3])
        steps.append(sorted(rnd.sample(EVENTS[:4], size)))
    users = rnd.randint(1, 3)
    span = rnd.choice([2, 5, 12, 25])  # small spans make equal times frequent
    rows = []
    for _ in range(rnd.randint(0, 16)):
        draw = rnd.random()
        if draw < 0.06:
            event = None
        elif draw < 0.6:
            # Mostly events of the steps, so that deep levels (3, 4) are common.
            event = rnd.choice(steps[rnd.randrange(step_count)])
        else:
            event = rnd.choice(EVENTS)
        rows.append([rnd.randrange(users), rnd.randint(0, span), event])
    return {"id": case_id, "mode": mode, "within": rnd.choice(WITHINS), "steps": steps, "rows": rows}


def main():
    seed = int(sys.argv[1])
    per_mode = int(sys.argv[2])
    rnd = random.Random(seed)
    cases = []
    for mode in valid_modes():
        for _ in range(per_mode):
            cases.append(make_case(rnd, len(cases), mode))

    # One table of every row: case, user, time, input position, the four step flags.
    values = []
    position = 0
    for case in cases:
        for user, second, event in case["rows"]:
            flags = []
            for k in range(MAX_STEPS):
                if event is None:
                    flags.append("NULL")
                elif k < len(case["steps"]):
                    flags.append("1" if event in case["steps"][k] else "0")
                else:
                    flags.append("0")
            values.append(f"({case['id']},{user},{second},{position},{','.join(flags)})")
            position += 1

    session = chdb.session.Session()
    session.query("CREATE TABLE rows (c UInt32, u UInt32, t UInt32, r UInt32, s1 Nullable(UInt8), "
                  "s2 Nullable(UInt8), s3 Nullable(UInt8), s4 Nullable(UInt8)) ENGINE = Memory")
    for start in range(0, len(values), 20000):
        session.query("INSERT INTO rows VALUES " + ",".join(values[start:start + 20000]))
    session.query("CREATE TABLE groups (c UInt32, g UInt32) ENGINE = Memory")
    group_of = {}
    group_values = []
    for case in cases:
        key = (tuple(case["mode"]), case["within"], len(case["steps"]))
        group_of.setdefault(key, len(group_of))
        group_values.append(f"({case['id']},{group_of[key]})")
    session.query("INSERT INTO groups VALUES " + ",".join(group_values))

    selects = []
    for (mode, within, step_count), group in group_of.items():
        parameters = ", ".join([str(within)] + [f"'{flag}'" for flag in mode])
        conditions = ", ".join(f"s{k + 1}" for k in range(step_count))
        selects.append(
            f"SELECT c, u, windowFunnel({parameters})(t, {conditions}) AS level "
            f"FROM (SELECT * FROM rows WHERE c IN (SELECT c FROM groups WHERE g = {group}) ORDER BY r) GROUP BY c, u")
    query = " UNION ALL ".join(selects) + " SETTINGS max_threads = 1"
    result = session.query(query, "JSONCompactEachRow")
    by_case = {case["id"]: {} for case in cases}
    for line in result.bytes().decode().splitlines():
        case_id, user, level = json.loads(line)
        by_case[case_id][str(user)] = level
    for case in cases:
        case["levels"] = by_case[case["id"]]
    json.dump({"cases": cases}, sys.stdout)


if __name__ == "__main__":
    main()
