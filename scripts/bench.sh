#!/usr/bin/env bash
# bench.sh — prints ibid's two speed figures:
#   1. parse + resolve of the whole thesis on one core (BenchmarkParseThesis, -cpu 1);
#   2. `ibid ref` throughput in references per second on the AnyStyle strings:
#      the in-process benchmark (BenchmarkRef, every core) and the built binary
#      timed over the strings repeated $REPEAT times (default 20).
# Also prints refs/cite's BenchmarkParse (one reference at a time, one core).
# Needs ../shared beside the repository (or IBID_SHARED).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
repeat=${REPEAT:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== parse + resolve of the thesis, one core"
go test -run '^$' -bench 'ParseThesis$' -cpu 1 -count 1 ./refs/ | grep '^Benchmark'
echo "== refs/cite Parse, one reference at a time, one core"
go test -run '^$' -bench '^BenchmarkParse$' -cpu 1 -count 1 ./refs/cite/ | grep '^Benchmark'
echo "== ibid ref in process (AnyStyle strings, every core)"
go test -run '^$' -bench '^BenchmarkRef$' -count 1 ./cmd/ibid/ | grep '^Benchmark'

echo "== ibid ref binary (AnyStyle strings x$repeat)"
go build -o "$tmp/ibid" ./cmd/ibid
go run ./cmd/ibid-eval-refs strings > "$tmp/one.txt"
for _ in $(seq "$repeat"); do cat "$tmp/one.txt"; done > "$tmp/refs.txt"
n=$(wc -l < "$tmp/refs.txt")
start=$(date +%s%N)
"$tmp/ibid" ref < "$tmp/refs.txt" > /dev/null
end=$(date +%s%N)
awk -v n="$n" -v ns="$((end - start))" 'BEGIN { printf "%d refs in %.3f s: %.0f refs/s\n", n, ns / 1e9, n / (ns / 1e9) }'
