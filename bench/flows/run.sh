#!/usr/bin/env bash
# Flows benchmark: generate N transactions (1 laundering per 1,000), scan them with
# `vizier flows patterns` under /usr/bin/time, and score the alerts per pattern.
#   bench/flows/run.sh [transactions=10000000] [seed=10]
# Output goes to bench/out/flows-<N>-<seed>/ (git-ignored); figures go in docs/benchmarks/flows.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10000000}"
seed="${2:-10}"
dir="bench/out/flows-$n-$seed"
mkdir -p "$dir"
if [ ! -f "$dir/transactions.csv" ]; then
  /usr/bin/time -f "generate: %e s wall, %U s user, %S s sys, %M KB max RSS" ./vizier flows generate --seed "$seed" --transactions "$n" --out "$dir"
fi
/usr/bin/time -f "patterns: %e s wall, %U s user, %S s sys, %M KB max RSS" ./vizier flows patterns "$dir/transactions.csv" \
  --from from_account --to to_account --amount amount --time timestamp --id tx_id --currency currency \
  --from-country from_country --to-country to_country --out "$dir/alerts.csv"
node scripts/run-ts.mjs bench/flows/score.ts "$dir/alerts.csv" "$dir/truth.csv"
