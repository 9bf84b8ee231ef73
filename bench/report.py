"""The benchmark's report as Markdown lines: one table of median times and peak memory per tool,
Tally's ratios, and the scan-bound metrics against the measured memory bandwidth."""
import os
import platform
import statistics

from worker_common import WORKS

NAMES = {"tally": "Tally", "duckdb": "DuckDB", "polars": "Polars", "chdb": "chDB"}
LABELS = {
    "dau": "DAU per day",
    "retention": "daily cohorts, day 0–30 retention",
    "funnel": "4-step ordered funnel, 7-day window",
    "rfm": "RFM with quintile scores",
    "nps": "NPS overall and by channel",
}
# Bytes per event a scan-bound metric must read at least, with Tally's columns: DAU the 8-byte
# time and a 4-byte user code; NPS the event code (at most 4 bytes) to find the survey rows.
SCAN_BYTES = {"dau": 12, "nps": 4}


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "?")
    except OSError:
        pass
    memory = "?"
    try:
        with open("/proc/meminfo") as info:
            kib = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
            memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return (f"{platform.machine()}, {os.cpu_count()} cores ({model}), {memory} RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _seconds(value):
    return "—" if value is None else f"{value:.3f}"


def _ratio(a, b):
    return "—" if a is None or not b else f"{a / b:.2f}×"


def markdown(args, samples, bandwidth, gen_seconds, path, problems, notes):
    tools = list(samples)
    peers = [t for t in tools if t != "tally"]
    tally = samples["tally"]

    def row(label, values, unit_format=_seconds):
        peer_values = [values[p] for p in peers if values[p] is not None]
        fastest = min(peer_values) if peer_values else None
        cells = " | ".join(unit_format(values[t]) for t in tools)
        return (f"| {label} | {cells} | {_ratio(values['tally'], fastest)} | "
                f"{_ratio(values['tally'], values.get('duckdb'))} |")

    load = {t: _median(s["load_s"] for s in samples[t]["load"]) for t in peers}
    load["tally"] = _median(s["seconds"] for s in tally["load"])
    load_timer = dict(load, tally=_median(s["timer_seconds"] for s in tally["load"]))
    metric = {w: {t: _median(s["times"][w] for s in samples[t]["metrics"]) for t in tools} for w in WORKS}

    def mib(runs):
        return max((s["peak_kb"] for s in runs), default=None)

    peak_load = {t: mib(samples[t]["load"]) for t in tools}
    peak_all = {t: mib(samples[t]["metrics"]) for t in tools}
    versions = ", ".join(f"{NAMES[p]} {samples[p]['metrics'][0]['version']}" for p in peers if samples[p]["metrics"])

    header = " | ".join(NAMES[t] for t in tools)
    lines = [
        f"Events: {args.events:,} (seed {args.seed}), file {path.stat().st_size / 1e6:.0f} MB; "
        f"{args.runs} timed rounds after {args.warmup} warm-up, tools' order rotating each round; "
        f"medians in seconds.",
        f"Machine: {machine()}; load average at the end {os.getloadavg()[0]:.2f} (shared: other builds run "
        "on the same 2 cores). Peers: " + versions + ".",
        "",
        f"| work | {header} | Tally / fastest peer | Tally / DuckDB |",
        "|---|" + "---:|" * (len(tools) + 2),
        row("load CSV (Tally: whole process)", load),
        row("load CSV (Tally: its `--timer`)", load_timer),
    ]
    lines += [row(LABELS[w], metric[w]) for w in WORKS]
    to_mib = lambda kb: "—" if kb is None else f"{kb / 1024:.0f} MiB"
    lines += [row("peak memory, CSV load", peak_load, to_mib),
              row("peak memory, load + all metrics", peak_all, to_mib), ""]
    lines.append("Tally's metric times are each statement's own `--timer` time in one process after one load "
                 "(NPS = overall + by channel); its first load row is the whole `tally -c 'load …; e | count'` "
                 "process (start-up included). Peers' times are measured in their own process around the "
                 "engine's work on a table already in memory, up to the fetched result (interpreter start-up and "
                 "import excluded). Peak memory is each process's maximum RSS (the peers' includes Python, ~30 MiB).")
    if bandwidth:
        best_gbs = max(bandwidth["one_thread_gbs"], bandwidth["all_threads_gbs"])
        lines += ["", f"Memory bandwidth (numpy sum of a 1 GiB int64 array, best of 5): "
                      f"{bandwidth['one_thread_gbs']:.1f} GB/s on one thread, "
                      f"{bandwidth['all_threads_gbs']:.1f} GB/s on {bandwidth['threads']} threads.", "",
                  f"The bound below uses the better of the two, {best_gbs:.1f} GB/s.", "",
                  "| scan-bound work | bytes read (at least) | bound at full bandwidth | Tally | Tally / bound |",
                  "|---|---:|---:|---:|---:|"]
        for work, per_event in SCAN_BYTES.items():
            volume = args.events * per_event
            bound = volume / (best_gbs * 1e9)
            lines.append(f"| {LABELS[work]} | {volume / 1e6:.0f} MB ({per_event} B/event) | {bound:.4f} s | "
                         f"{_seconds(metric[work]['tally'])} s | {_ratio(metric[work]['tally'], bound)} |")
    lines += targets(metric, load, peak_all, peers, bandwidth, args.events)
    if gen_seconds is not None:
        lines += ["", f"Generation: `tally gen` wrote {args.events:,} events in {gen_seconds:.2f} s."]
    lines += ["", "Result comparison (every DAU value, retention cell, funnel count, RFM score; monetary and NPS "
                  "to 1e-9): " + ("**all tools agree with Tally.**" if not problems else
                                  f"**{len(problems)} differences:**")]
    lines += [f"- {p}" for p in problems]
    if notes:
        lines += ["", "Set apart, not failed: RFM users whose monetary value differs from Tally's only by float "
                      "rounding (Tally sums with compensation, independent of order; the peers add plainly, in an order that varies run to run) and whose "
                      "m_score differs by one because a cut point is that very value:"]
        lines += [f"- {n}" for n in notes]
    return lines


def targets(metric, load, peak_all, peers, bandwidth, events):
    """Issue 6's targets, each with the ratio this run measured and whether it holds."""
    def verdict(ratio, limit):
        return "—" if ratio is None else ("met" if ratio <= limit else "**not met**")

    def fraction(a, b):
        return None if a is None or not b else a / b

    lines = ["", "Targets (issue 6), from this run:", "", "| target | measured | |", "|---|---:|---|"]
    for work in WORKS:
        fastest = min((metric[work][p] for p in peers if metric[work][p] is not None), default=None)
        ratio = fraction(metric[work]["tally"], fastest)
        lines.append(f"| {LABELS[work]}: ≤ 0.50× the fastest peer | {_ratio(metric[work]['tally'], fastest)} | "
                     f"{verdict(ratio, 0.5)} |")
    if "duckdb" in peers:
        ratio = fraction(load["tally"], load["duckdb"])
        lines.append(f"| load CSV (whole process): ≤ 0.50× DuckDB | {_ratio(load['tally'], load['duckdb'])} | "
                     f"{verdict(ratio, 0.5)} |")
        ratio = fraction(peak_all["tally"], peak_all["duckdb"])
        lines.append(f"| peak memory, load + all metrics: ≤ 0.50× DuckDB | "
                     f"{_ratio(peak_all['tally'], peak_all['duckdb'])} | {verdict(ratio, 0.5)} |")
    if bandwidth:
        best_gbs = max(bandwidth["one_thread_gbs"], bandwidth["all_threads_gbs"])
        for work, per_event in SCAN_BYTES.items():
            bound = events * per_event / (best_gbs * 1e9)
            ratio = fraction(metric[work]["tally"], bound)
            lines.append(f"| {LABELS[work]}: ≤ 2× the bandwidth bound | {_ratio(metric[work]['tally'], bound)} | "
                         f"{verdict(ratio, 2.0)} |")
    return lines
