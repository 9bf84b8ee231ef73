"""Tally's side of the benchmark: the only code that knows how to drive the `tally` binary.

Adapt here if the command line changes. Interface used:
  tally --no-demo -c 'PROGRAM' --format csv [--timer]
with `--timer` printing one `time: 0.123 s` (or `12.3 ms`) line on stderr per statement, in order,
and each statement's table printed on stdout as CSV with a header line.

Two processes per round: `load; e | count` for the whole-process load time and peak RSS, and one
process that loads once and runs every metric (times from `--timer`, peak RSS of it all).
"""
import csv
import io
import re
import sys

import worker_common as common
from measure import run_measured

TIMER_LINE = re.compile(r"^\s*time:\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)\b", re.MULTILINE)

_STEPS = ", ".join(f'"{s}"' for s in common.FUNNEL_STEPS)
# (work, statement, header of its output); NPS is two statements, overall and by channel.
STATEMENTS = [
    ("dau", "e | dau", "day,dau"),
    ("retention", f"e | retention(period: day, horizon: {common.RETENTION_HORIZON})", "cohort,period,"),
    ("funnel", f"e | funnel(steps: [{_STEPS}], within: 7d)", "step,name,"),
    ("rfm", 'e | where event == "purchase" | rfm(amount: amount)', "user_id,recency_days,"),
    ("nps", 'e | where event == "nps_survey" | nps(score: score)', "responses,"),
    ("nps_by", 'e | where event == "nps_survey" | nps(score: score) by channel', "channel,responses,"),
]


class TallySide:
    def __init__(self, binary):
        self.binary = str(binary)
        self.version = "?"

    def _run(self, program, timer=False):
        # --no-demo: the built-in demo table would add its generation time to every load.
        command = [self.binary, "--no-demo", "-c", program, "--format", "csv"] + (["--timer"] if timer else [])
        run = run_measured(command)
        if run.status != 0:
            sys.exit(f"tally failed ({run.status}) running {program!r}:\n{run.stderr.strip()}")
        return run

    @staticmethod
    def _load(path):
        return f'load "{path}" as e'

    def load(self, path):
        """Load and count: whole-process wall time, the load statement's own time, peak RSS."""
        run = self._run(f"{self._load(path)}; e | count", timer=True)
        times = self.statement_times(run.stderr)
        return {"seconds": run.wall, "timer_seconds": times[0] if times else None,
                "peak_kb": run.peak_kb, "count": self.parse_count(run.stdout)}

    def metrics(self, path):
        """One process: load, then every metric; each statement's time from `--timer`."""
        program = "; ".join([self._load(path)] + [statement for _, statement, _ in STATEMENTS])
        run = self._run(program, timer=True)
        times = self.statement_times(run.stderr)
        if len(times) != len(STATEMENTS) + 1:
            sys.exit(f"tally printed {len(times)} timer lines for {len(STATEMENTS) + 1} statements:\n{run.stderr}")
        tables = self.split_tables(run.stdout)
        work_times = {}
        for (work, _, _), seconds in zip(STATEMENTS, times[1:]):
            key = "nps" if work == "nps_by" else work
            work_times[key] = work_times.get(key, 0.0) + seconds
        return {"load_s": times[0], "times": work_times, "process_seconds": run.wall, "peak_kb": run.peak_kb,
                "results": self.canonical(tables)}

    @staticmethod
    def split_tables(stdout):
        """The CSV output of the statements, cut at each statement's known header → {work: rows}."""
        tables, current = {}, None
        headers = [(work, header) for work, _, header in STATEMENTS]
        for line in stdout.splitlines():
            match = next((work for work, header in headers if line.startswith(header) and work not in tables), None)
            if match is not None:
                current = match
                tables[current] = [line]
            elif current is not None and line.strip():
                tables[current].append(line)
        missing = [work for work, _ in headers if work not in tables]
        if missing:
            sys.exit(f"tally output lacks the tables of {missing}")
        return {work: list(csv.DictReader(io.StringIO("\n".join(lines)))) for work, lines in tables.items()}

    @staticmethod
    def canonical(tables):
        def nullable_int(text):
            return None if text == "" else int(text)

        def nps_row(row):
            return common.nps_row(row["responses"], row["promoters"], row["passives"], row["detractors"])

        rfm = {r["user_id"]: [int(r["recency_days"]), int(r["frequency"]), float(r["monetary"]),
                              int(r["r_score"]), int(r["f_score"]), int(r["m_score"])] for r in tables["rfm"]}
        return {
            "dau": [[r["day"][:10], int(r["dau"])] for r in tables["dau"] if int(r["dau"]) > 0],
            "retention": [[r["cohort"][:10], int(r["period"]), int(r["users"]), nullable_int(r["retained"])]
                          for r in tables["retention"] if r["is_average"] == "false"],
            "funnel": [int(r["users"]) for r in tables["funnel"]],
            "rfm": rfm,
            "nps": {"overall": nps_row(tables["nps"][0]),
                    "by": {r["channel"]: nps_row(r) for r in tables["nps_by"]}},
        }

    @staticmethod
    def statement_times(stderr):
        return [float(value) / (1000.0 if unit == "ms" else 1.0) for value, unit in TIMER_LINE.findall(stderr)]

    @staticmethod
    def parse_count(stdout):
        """`count` then the number, as `--format csv` prints a one-cell table."""
        lines = [line for line in stdout.splitlines() if line.strip()]
        return int(lines[-1].strip().strip('"'))
