"""bench/RESULTS.md keeps the latest report of each size: `--results FILE` replaces the section
`## N events` for this run's size (or adds it, sections kept in size order) and leaves the others."""
import re

TITLE = "# Benchmark results"
INTRO = ("The latest run of `bench/run.sh` at each size; each section gives its date, machine and exact "
         "command. Compare ratios within a section, not absolute times across sections: the machine is shared.")
HEADING = re.compile(r"^## ([0-9,]+) events\b.*$", re.MULTILINE)


def sections(text):
    """{events: section text (heading included)} of an existing results file."""
    found = {}
    matches = list(HEADING.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        found[int(match.group(1).replace(",", ""))] = text[match.start():end].rstrip() + "\n"
    return found


def update(path, events, command, stamp, lines):
    existing = sections(path.read_text()) if path.exists() else {}
    existing[events] = "\n".join([f"## {events:,} events", "", f"Command: `{command}` ({stamp})", ""] + lines) + "\n"
    body = "\n".join(existing[size] for size in sorted(existing))
    path.write_text(f"{TITLE}\n\n{INTRO}\n\n{body}")
