#!/usr/bin/env python3
"""ClickHouse's quantilesExact cut points and the resulting RFM scores, for random value sets.

Usage: quantiles_chdb.py SEED SETS
Prints JSON: a list of {"bins", "values", "cuts", "scores"}, with cuts and scores computed by chDB
(ClickHouse in-process): cuts = quantilesExact(k/bins for k = 1…bins−1)(values), score = 1 + the
number of cuts strictly below the value. The Swift test recomputes both and compares every number.
"""
import csv
import json
import os
import random
import sys
import tempfile

import chdb

BINS = [2, 3, 4, 5, 6, 7, 10, 13]


def value_set(rng):
    """A random set with ties: small integer ranges, negatives (negated recency), money, constants."""
    n = rng.choice([rng.randint(1, 12), rng.randint(1, 200), rng.randint(80, 200)])
    kind = rng.randrange(5)
    if kind == 0:
        return [float(rng.randint(1, 6)) for _ in range(n)]
    if kind == 1:
        return [float(-rng.randint(0, 40)) for _ in range(n)]
    if kind == 2:
        return [rng.randint(1, 50000) / 100 for _ in range(n)]
    if kind == 3:
        return [float(rng.choice([3, 3, 3, 7, 11])) for _ in range(n)]
    return [float(rng.randint(-1000, 1000)) for _ in range(n)]


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    # Fixed sets first: DESIGN's bins = 10, n = 90 case (k = 7 takes index 62), one value, all equal.
    fixed = [(10, [float(v) for v in range(1, 91)]), (5, [4.0]), (3, [2.5] * 7), (10, [float(v % 9) for v in range(90)])]
    sets = fixed + [(rng.choice(BINS), value_set(rng)) for _ in range(count)]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "sets.csv")
        with open(path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "bins", "pos", "v"])
            for set_id, (bins, values) in enumerate(sets):
                for pos, value in enumerate(values):
                    writer.writerow([set_id, bins, pos, repr(value)])
        results = {}
        for bins in sorted({bins for bins, _ in sets}):
            # The levels as Python writes k/bins: the shortest text of the nearest double, parsed back to it.
            levels = ", ".join(repr(k / bins) for k in range(1, bins))
            sql = f"""
                SELECT id, cuts,
                       arrayMap(x -> 1 + arrayCount(c -> c < x, cuts), vals) AS scores, vals
                FROM (
                    SELECT id, quantilesExact({levels})(v) AS cuts,
                           arrayMap(t -> t.2, arraySort(groupArray((pos, v)))) AS vals
                    FROM file('{path}', CSVWithNames, 'id UInt32, bins UInt8, pos UInt32, v Float64')
                    WHERE bins = {bins}
                    GROUP BY id
                )
                SETTINGS max_threads = 1
            """
            for line in chdb.query(sql, "JSONEachRow").bytes().decode().splitlines():
                row = json.loads(line)
                results[row["id"]] = row
    output = []
    for set_id, (bins, values) in enumerate(sets):
        row = results[set_id]
        if row["vals"] != values:
            sys.exit(f"set {set_id}: ClickHouse read different values")
        output.append({"bins": bins, "values": values, "cuts": row["cuts"], "scores": row["scores"]})
    json.dump(output, sys.stdout)


if __name__ == "__main__":
    main()
