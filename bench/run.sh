#!/bin/sh
# The benchmark in one command: bench/run.sh [--events N] [--runs N] [--check-only] … (see bench/README.md).
set -eu
cd "$(dirname "$0")/.."
if ! python3 -c 'import duckdb, polars, chdb, numpy' 2>/dev/null; then
    python3 -m pip install --quiet -r bench/requirements.txt
fi
exec python3 bench/bench.py "$@"
