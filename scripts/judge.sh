#!/usr/bin/env bash
# judge.sh FILE... — feeds each export to the real clients and prints one
# VERDICT line per file: *.bib to ../shared/tools/judge-bibtex (biber,
# bibtex + latex, pandoc, Better BibTeX's parser), *.json to judge-csljson
# (the CSL schema, citeproc-js in three Chicago styles, pandoc).
# Installs the clients first when they are missing (about 40 s).
# Set JUDGE_VERBOSE=1 for every judge's full report. Exits 1 if any file
# does not PASS, 2 on usage errors.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${IBID_SHARED:-$root/../shared}
tools=$shared/tools
if [ $# -eq 0 ]; then
  echo "usage: scripts/judge.sh FILE.bib|FILE.json..." >&2; exit 2
fi
if [ ! -d "$tools" ]; then
  echo "judge: $tools not found (set IBID_SHARED)" >&2; exit 2
fi
if ! command -v biber >/dev/null || ! command -v pandoc >/dev/null || [ ! -d "$tools/clients/node_modules" ]; then
  echo "judge: installing the judge clients" >&2
  log=$(mktemp)
  bash "$tools/clients/setup.sh" >"$log" 2>&1 || { tail -20 "$log" >&2; exit 2; }
fi
failed=0
for file in "$@"; do
  case "$file" in
    *.bib) judge=judge-bibtex ;;
    *.json) judge=judge-csljson ;;
    *) echo "$file: VERDICT: ERROR not a .bib or .json file"; failed=1; continue ;;
  esac
  report=$("$tools/$judge" "$file" 2>&1)
  [ -n "${JUDGE_VERBOSE:-}" ] && printf '%s\n' "$report"
  verdict=$(printf '%s\n' "$report" | grep '^VERDICT:' | tail -1)
  echo "${verdict:-VERDICT: ERROR $judge printed no verdict for $file}"
  case "$verdict" in "VERDICT: PASS"*) ;; *) failed=1 ;; esac
done
exit $failed
