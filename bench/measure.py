"""Runs a command as a child process and measures its wall time and peak memory (wait4)."""
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass


@dataclass
class Measured:
    wall: float       # seconds, from spawn to exit
    peak_kb: int      # maximum resident set size of the child (Linux reports KiB)
    status: int       # exit status (negative: killed by that signal)
    stdout: str
    stderr: str


def run_measured(command, cwd=None):
    """Runs `command`, output to temporary files (no pipe can fill up and stall the child)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd)
        # wait4 gives this child's own rusage, unlike RUSAGE_CHILDREN which accumulates.
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(wall, usage.ru_maxrss, child.returncode,
                        out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
