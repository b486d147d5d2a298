#!/usr/bin/env bash
# snapshot.sh DIR — writes ibid's outputs on the shared corpus into DIR, so that
# a change meant to leave behaviour alone (a speed-up, a refactoring) can be
# proven to: run it before and after, then `diff -r BEFORE AFTER`.
#
#   DIR/thesis.jsonl             ibid parse --format jsonl of the thesis
#   DIR/rendered/NAME.jsonl      ibid parse of every rendered-dev variant
#   DIR/anystyle.entry.jsonl     ibid ref over the AnyStyle strings
#   DIR/anystyle.note.jsonl      ibid ref --note over the same strings
#   DIR/eval-rendered.txt        ibid-eval rendered -v
#   DIR/eval-thesis.txt          ibid-eval thesis -v
#
# Needs ../shared beside the repository (or IBID_SHARED).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: scripts/snapshot.sh DIR}
shared=${IBID_SHARED:-$root/../shared}
corpus=$shared/corpus
[ -d "$corpus" ] || { echo "snapshot: $corpus not found" >&2; exit 2; }

mkdir -p "$out/rendered"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/ibid" ./cmd/ibid
go build -o "$tmp/ibid-eval" ./cmd/ibid-eval

"$tmp/ibid" parse --format jsonl "$corpus/thesis-serge-1991.txt" > "$out/thesis.jsonl"
for f in "$corpus"/rendered-dev/dev-*.{plain,ocr}.txt "$corpus"/rendered-dev/dev-*.markdown.md; do
  "$tmp/ibid" parse --format jsonl "$f" > "$out/rendered/$(basename "$f").jsonl"
done
go run ./cmd/ibid-eval-refs strings > "$tmp/strings.txt"
"$tmp/ibid" ref < "$tmp/strings.txt" > "$out/anystyle.entry.jsonl"
"$tmp/ibid" ref --note < "$tmp/strings.txt" > "$out/anystyle.note.jsonl"
"$tmp/ibid-eval" rendered -v "$corpus/rendered-dev" > "$out/eval-rendered.txt"
"$tmp/ibid-eval" thesis -v > "$out/eval-thesis.txt"
echo "snapshot written to $out"
