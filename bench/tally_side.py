"""Tally's side of the benchmark: the only code that knows how to drive the `tally` binary.

Adapt here if the command line changes. Assumed interface (issue 3, part 6):
  tally -c 'PROGRAM' --format csv [--timer]
with `--timer` printing one `time: 0.123 s` (or `12.3 ms`) line on stderr per statement, in order.
"""
import re
import sys

from measure import run_measured

TIMER_LINE = re.compile(r"^\s*time:\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)\b", re.MULTILINE)


class TallySide:
    def __init__(self, binary):
        self.binary = str(binary)

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

    def count(self, path):
        """Load and count: whole-process wall time, peak RSS, the row count printed."""
        run = self._run(f"{self._load(path)}; e | count")
        return {"seconds": run.wall, "peak_kb": run.peak_kb, "answer": self.parse_count(run.stdout)}

    def scan(self, path):
        """Load, then distinct users per day. `seconds` is the query statement's own time from
        `--timer`; without timer lines it is left None and estimated later as process − load."""
        program = f"{self._load(path)}; e | summarize users = dcount(user_id) by day(ts) | sort by day"
        run = self._run(program, timer=True)
        times = self.statement_times(run.stderr)
        return {"seconds": times[1] if len(times) >= 2 else None,
                "load_seconds": times[0] if times else None,
                "process_seconds": run.wall, "peak_kb": run.peak_kb,
                "answer": self.parse_day_counts(run.stdout)}

    @staticmethod
    def fill_estimated_scan_times(scans, median_load_seconds):
        """For runs without timer lines: scan ≈ whole process − median load-and-count process."""
        for scan in scans:
            if scan["seconds"] is None and median_load_seconds is not None:
                scan["seconds"] = max(0.0, scan["process_seconds"] - median_load_seconds)
                scan["scan_is_estimate"] = True

    @staticmethod
    def statement_times(stderr):
        return [float(value) / (1000.0 if unit == "ms" else 1.0) for value, unit in TIMER_LINE.findall(stderr)]

    @staticmethod
    def parse_count(stdout):
        """`count` then the number, as `--format csv` prints a one-cell table."""
        lines = [line for line in stdout.splitlines() if line.strip()]
        return int(lines[-1].strip().strip('"'))

    @staticmethod
    def parse_day_counts(stdout):
        """Rows `day,users` after a header; the day may print as a date or a midnight timestamp,
        so only its `YYYY-MM-DD` is kept."""
        rows = []
        for line in stdout.splitlines()[1:]:
            if not line.strip():
                continue
            day, users = line.rsplit(",", 1)
            rows.append((day.strip().strip('"')[:10], int(users)))
        return rows
