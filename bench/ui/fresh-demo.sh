#!/usr/bin/env bash
# Fresh clone → `./vizier demo` → the UI answering: clones this repository into a temp dir, runs
# `./vizier demo --port <free> --no-open` (which installs dependencies, builds the CLI and the UI,
# generates and ingests the scenario, creates users, serves), and prints the seconds until
# GET /api/health and GET / both answer 200. Figures: docs/benchmarks.md, docs/demo.md.
# Usage: bench/ui/fresh-demo.sh [scale]   (default 1)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-1}"
tmp="$(mktemp -d)"
port="$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')"
git clone -q "$repo" "$tmp/vizier"
cd "$tmp/vizier"
start=$(date +%s.%N)
./vizier demo --scale "$scale" --port "$port" --no-open --data-dir "$tmp/data" >"$tmp/demo.out" 2>"$tmp/demo.err" &
pid=$!
trap 'kill -INT $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" 2>/dev/null && curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "demo exited:"; tail -20 "$tmp/demo.err"; exit 1; }
  sleep 0.5
done
end=$(date +%s.%N)
echo "fresh clone -> UI answering: $(echo "$end - $start" | bc) s (scale $scale; node_modules: $( [ -d "$repo/node_modules" ] && echo 'installed from the npm cache' ))"
grep -E "^Store |Vizier is running" "$tmp/demo.out" || true
