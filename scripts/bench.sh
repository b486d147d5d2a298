#!/usr/bin/env bash
# bench.sh — prints ibid's two speed figures:
#   1. parse + resolve of the whole thesis on one core (BenchmarkParseThesis, -cpu 1),
#      COUNT runs (default 10), with their minimum and median;
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

echo "== parse + resolve of the thesis, one core (${COUNT:-10} runs; shared machines are noisy: the minimum is the machine's speed, the median its load)"
go test -run '^$' -bench 'ParseThesis$' -cpu 1 -count "${COUNT:-10}" -benchmem ./refs/ | grep '^Benchmark' | tee "$tmp/thesis.txt"
awk '{ print $3 / 1e6 }' "$tmp/thesis.txt" | sort -n | awk '{ v[NR] = $1 } END { printf "thesis: min %.1f ms, median %.1f ms over %d runs\n", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), NR }'
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
