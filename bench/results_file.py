"""bench/RESULTS.md keeps the latest report of each size: `--results FILE` replaces the section
`## N events` for this run's size (or adds it, sections kept in size order) and leaves the others.
Sections with any other `## ` heading (written by hand, e.g. the analysis of a target not met) are
kept, in their order, after the size sections."""
import re

TITLE = "# Benchmark results"
INTRO = ("The latest run of `bench/run.sh` at each size; each section gives its date, machine and exact "
         "command. Compare ratios within a section, not absolute times across sections: the machine is shared.")
HEADING = re.compile(r"^## .*$", re.MULTILINE)
SIZE = re.compile(r"^## ([0-9,]+) events\b")


def sections(text):
    """({events: section text}, [other sections' texts]) of an existing results file, headings included."""
    sizes, others = {}, []
    matches = list(HEADING.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        section = text[match.start():end].rstrip() + "\n"
        size = SIZE.match(match.group(0))
        if size:
            sizes[int(size.group(1).replace(",", ""))] = section
        else:
            others.append(section)
    return sizes, others


def update(path, events, command, stamp, lines):
    sizes, others = sections(path.read_text()) if path.exists() else ({}, [])
    sizes[events] = "\n".join([f"## {events:,} events", "", f"Command: `{command}` ({stamp})", ""] + lines) + "\n"
    body = "\n".join([sizes[size] for size in sorted(sizes)] + others)
    path.write_text(f"{TITLE}\n\n{INTRO}\n\n{body}")
