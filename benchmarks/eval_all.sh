#!/usr/bin/env bash
# Reproduce every figure in BENCHMARKS.md: ./benchmarks/eval_all.sh [OUT_DIR]
# Reads the gold sets from $EVENTCODER_SHARED_DATA (default ../shared/data); writes one JSON
# result per set to OUT_DIR (default $TMPDIR/eventcoder-eval) and prints the tables.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${EVENTCODER_SHARED_DATA:-../shared/data}
OUT=${1:-${TMPDIR:-/tmp}/eventcoder-eval}
VENV=${EVENTCODER_VENV:-.venv}
EVAL=("$VENV/bin/python" -m eventcoder.evaluate.cli)
ERRORS=${ERRORS:-10}
mkdir -p "$OUT"

if [ ! -d "$DATA" ]; then
    echo "eval_all: gold data not found at $DATA (set EVENTCODER_SHARED_DATA)" >&2
    exit 2
fi

run() {
    local name=$1
    shift
    echo "== $name"
    local t0=$SECONDS
    "${EVAL[@]}" "$@" --errors "$ERRORS" --json "$OUT/$name.json"
    echo "   ($name: $((SECONDS - t0)) s)"
}

run case2021 case2021 "$DATA/case2021/task2_dev.tsv"
run plover plover "$DATA/plover/PLOVER_GSR_CAMEO.json.txt"
run articles articles "$DATA/guardian-dev/articles.jsonl" --gold "$DATA/guardian-dev/gold.jsonl"
run synthetic synthetic "$DATA/synthetic-news/ngec_synthetic_stories.csv"
