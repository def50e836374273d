#!/usr/bin/env bash
# Fresh clone → `./vizier demo` → the UI answering: clones this repository into a temp dir, runs
# `./vizier demo --port <free> --no-open` (which installs dependencies, builds the CLI and the UI,
# generates and ingests the scenario, creates users, serves), and prints the seconds until
# GET /api/health and GET / both answer 200. Figures: docs/benchmarks.md, docs/demo.md.
# Usage: bench/ui/fresh-demo.sh [scale] [--reuse-deps]   (default scale 1; --reuse-deps links this
# checkout's node_modules into the clone, so npm install is left out of the figure)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
scale="${1:-1}"
tmp="$(mktemp -d)"
port="$(node -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')"
git clone -q "$repo" "$tmp/vizier"
cd "$tmp/vizier"
deps="npm install from the local npm cache"
if [ "${2:-}" = "--reuse-deps" ]; then ln -s "$repo/node_modules" node_modules; deps="node_modules reused (no npm install)"; fi
start=$(date +%s.%N)
./vizier demo --scale "$scale" --port "$port" --no-open --data-dir "$tmp/data" >"$tmp/demo.out" 2>"$tmp/demo.err" &
pid=$!
trap 'kill -INT $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$tmp"' EXIT
until curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" 2>/dev/null && curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "demo exited:"; tail -20 "$tmp/demo.err"; exit 1; }
  sleep 0.5
done
end=$(date +%s.%N)
echo "fresh clone -> UI answering: $(echo "$end - $start" | bc) s (scale $scale; $deps; load average $(cut -d' ' -f1-3 /proc/loadavg))"
grep -E "^Store |Vizier is running" "$tmp/demo.out" || true
